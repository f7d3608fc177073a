"""The article API's representation, written out by hand from rows for speed, is the one its
declared fields describe: compared field for field, in every form and for every kind of plan,
over the seed article made as rich as an article gets."""

import datetime as dt
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import models
from django.utils import timezone
from rest_framework import serializers as drf
from rest_framework.generics import GenericAPIView
from rest_framework.test import APIRequestFactory

from articles.models import Article, Citation, Correction, CrossReference
from articles.representations import ninjs_item
from articles.selectors import public_events, readable_articles
from articles.serializers import (
    ArticleDetailSerializer,
    ArticleSummarySerializer,
    NinjsArticleSerializer,
)
from monitor.subscribers.search import SearchableArticleViewSet
from tests import factories
from tests.commits import committed
from tests.subscribers.fixtures import client_with, key_for, plan

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parent.parent / "data" / "seed_article.txt"


class DeclaredSummarySerializer(ArticleSummarySerializer):
    """The same fields, represented by Django REST framework's own field machinery."""

    class Meta:
        list_serializer_class = drf.ListSerializer

    def to_representation(self, instance):
        return drf.Serializer.to_representation(self, instance)


class DeclaredDetailSerializer(ArticleDetailSerializer):
    class Meta:
        list_serializer_class = drf.ListSerializer

    def to_representation(self, instance):
        return drf.Serializer.to_representation(self, instance)


class DeclaredNinjsSerializer(NinjsArticleSerializer):
    class Meta:
        list_serializer_class = drf.ListSerializer

    def to_representation(self, article):
        data = DeclaredDetailSerializer(article, context=self.context).data
        created = drf.DateTimeField().to_representation(article.created_at)
        return ninjs_item(data, slug=article.slug, first_created=created)


class DeclaredArticleViewSet(SearchableArticleViewSet):
    """The article API with what the declared fields read prefetched on each article (the
    detail too: its article is found through this queryset, as Django REST framework does)."""

    get_object = GenericAPIView.get_object

    def get_queryset(self):
        readable = readable_articles(self.request)
        articles = (
            super()
            .get_queryset()
            .defer(None)
            .select_related("publication")
            .prefetch_related("bylines__author", "topics", "regions", "summary_points")
        )
        if self.action == "list" and not self.is_ninjs():
            return articles
        return articles.prefetch_related(
            "notes",
            "corrections",
            models.Prefetch(
                "citations",
                Citation.objects.select_related("source__outlet").order_by("position", "id"),
            ),
            models.Prefetch(
                "cross_references",
                CrossReference.objects.select_related(
                    "target_publication", "target_article__publication"
                ).annotate(
                    target_readable=models.Exists(
                        readable.filter(pk=models.OuterRef("target_article_id"))
                    )
                ),
            ),
            models.Prefetch("events", public_events(), to_attr="public_events"),
        )

    def get_serializer_class(self):
        if self.is_ninjs():
            return DeclaredNinjsSerializer
        if self.action == "retrieve":
            return DeclaredDetailSerializer
        return DeclaredSummarySerializer


def _declared(key: str, path: str, **extra) -> dict:
    last = path.split("?")[0].rstrip("/").split("/")[-1]
    request = APIRequestFactory().get(path, HTTP_AUTHORIZATION=f"Api-Key {key}", **extra)
    if last.isdigit():
        response = DeclaredArticleViewSet.as_view({"get": "retrieve"})(request, pk=last)
    else:
        response = DeclaredArticleViewSet.as_view({"get": "list"})(request)
    response.render()
    assert response.status_code == 200, response.content
    return json.loads(response.content)


@pytest.fixture
def seed(capsys):
    """The seed article, published, with what the import does not give it: its cross-references'
    targets (one a draft), a second author, topics and regions, a correction, a lead image,
    events (one a draft); and an embargoed article beside it."""
    edm = factories.publication(name="Eurasia Daily Monitor", short_name="EDM", slug="edm")
    for day in (dt.date(2016, 2, 24), dt.date(2017, 7, 26), dt.date(2019, 12, 12)):
        published_at = timezone.make_aware(dt.datetime.combine(day, dt.time(12)))
        factories.article(publication=edm, published_at=published_at, title=f"EDM of {day}")
    draft_day = timezone.make_aware(dt.datetime(2018, 11, 8, 12))
    factories.article(publication=edm, published_at=draft_day, published=False)
    with committed():
        call_command("import_article", str(SEED), "--publication", "edm", "--published",
                     "2025-08-21", "--status", "published")  # fmt: skip
    capsys.readouterr()
    article = Article.objects.get(slug__startswith="iran-and-belarus")
    draft = Article.objects.get(status="draft")
    CrossReference.objects.filter(article=article, target_year=2018).update(target_article=draft)
    article.bylines.create(author=factories.author(name="Second Author"), position=5)
    article.bylines.create(author=factories.author(name="First Author"), position=1)
    factories.classify(article, topics=[factories.topic(), factories.topic()])
    factories.classify(
        article, regions=[factories.region(), factories.region(iso_code="", kind="region")]
    )
    Correction.objects.create(article=article, published_at=timezone.now(), text="Date fixed.")
    Article.objects.filter(pk=article.pk).update(image="articles/2025/minsk.jpg")
    for title in ("Talks in Minsk", "Drone deal"):
        factories.attach(factories.event(title=title), article)
    factories.attach(factories.event(title="Draft talks", status="draft"), article)
    later = timezone.now() + dt.timedelta(days=3)
    factories.article(publication=edm, status="scheduled", published_at=later, dek="Soon.")
    article.refresh_from_db()
    return article


PLANS = {
    "everything": {"all_publications": True, "includes_events": True, "includes_embargoed": True},
    "no events": {"all_publications": True},
}


@pytest.mark.parametrize("plan_kind", PLANS)
def test_the_written_out_representation_is_the_declared_one(seed, plan_kind):
    key = key_for(plan(rate="", **PLANS[plan_kind]))[1]
    api = client_with(key)
    detail = f"/api/v1/articles/{seed.pk}/"
    paths = [
        detail,
        f"{detail}?format=ninjs",
        f"{detail}?fields=id,events,cross_references,image,status",
        "/api/v1/articles/?page_size=100",
        "/api/v1/articles/?page_size=100&format=ninjs",
        "/api/v1/articles/?page_size=100&fields=id,embargoed_until,authors",
        "/api/v1/articles/?q=belarus",
    ]
    for path in paths:
        fast = api.get(path)
        assert fast.status_code == 200, fast.content
        assert fast.json() == _declared(key, path), path
    fast = api.get(detail, HTTP_ACCEPT="application/ninjs+json").json()
    assert fast == _declared(key, detail, HTTP_ACCEPT="application/ninjs+json")


def test_the_seed_shows_everything_a_representation_can_hold(seed):
    """The comparison above is only as good as what the seed holds."""
    api = client_with(key_for(plan(rate="", **PLANS["everything"]))[1])
    data = api.get(f"/api/v1/articles/{seed.pk}/").json()
    assert len(data["citations"]) == 20 and len(data["cross_references"]) == 24
    targets = [reference["target"] for reference in data["cross_references"]]
    assert any(targets) and None in targets
    assert "Draft" not in json.dumps(data["cross_references"])
    assert [event["title"] for event in data["events"]] == ["Talks in Minsk", "Drone deal"]
    assert [author["name"] for author in data["authors"]] == ["First Author", "Second Author"]
    assert data["topics"] and len(data["regions"]) == 2
    assert data["summary"] and data["notes"] and data["corrections"]
    assert data["image"]["url"].endswith("/articles/2025/minsk.jpg")
    assert data["image"]["credit"] == "President of Belarus"
    statuses = {item["status"] for item in api.get("/api/v1/articles/").json()["results"]}
    assert statuses == {"published", "embargoed"}
