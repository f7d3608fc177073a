"""The event API's representation, written out by hand for speed, is the one its declared
fields describe: compared field for field over a generated archive."""

import json

import pytest
from django.core.management import call_command
from django.db import models
from django.db.models.functions import Coalesce
from rest_framework import serializers as drf
from rest_framework.test import APIRequestFactory

from articles.models import Article
from articles.selectors import readable_articles
from events.api import EventViewSet
from events.models import Actor, Event, EventQuantity, Participation
from events.serializers import ARTICLES_SHOWN, EventSerializer
from events.services import event_save
from tests.commits import committed
from tests.subscribers.fixtures import client_with, key_for

pytestmark = pytest.mark.django_db


class DeclaredEventSerializer(EventSerializer):
    """The same fields, represented by Django REST framework's own field machinery."""

    class Meta:
        list_serializer_class = drf.ListSerializer

    def to_representation(self, instance):
        return drf.Serializer.to_representation(self, instance)


class DeclaredEventViewSet(EventViewSet):
    """The event list with what the declared fields read prefetched on each event."""

    serializer_class = DeclaredEventSerializer

    def get_queryset(self):
        readable = readable_articles(self.request)
        reporting = (
            Event.articles.through.objects.filter(
                event=models.OuterRef("pk"), article__in=readable.values("pk")
            )
            .values("event")
            .annotate(n=models.Count("pk"))
            .values("n")
        )
        latest = readable.select_related("publication").order_by("-published_at", "-pk")
        return (
            super()
            .get_queryset()
            .annotate(readable_articles_count=Coalesce(models.Subquery(reporting), 0))
            .select_related("event_type__family", "place__country")
            .prefetch_related(
                models.Prefetch(
                    "participations", Participation.objects.select_related("actor", "on_behalf_of")
                ),
                "event_sources__source__outlet",
                "quantities",
                models.Prefetch("articles", latest[:ARTICLES_SHOWN], to_attr="readable_articles"),
            )
        )


def _declared(key: str, query: str) -> dict:
    view = DeclaredEventViewSet
    request = APIRequestFactory().get(
        f"/api/v1/events/{query}", HTTP_AUTHORIZATION=f"Api-Key {key}"
    )
    response = view.as_view({"get": "list"})(request)
    response.render()
    return json.loads(response.content)


@pytest.fixture
def archive(everything, capsys):
    call_command("generate_corpus", "--articles", "40", "--events", "60", "--seed", "5")
    capsys.readouterr()
    events = list(Event.objects.public().order_by("pk"))
    # What the generator does not make: quantities, someone acting for a state, an event
    # reported by more articles than a list entry names.
    part = Participation.objects.filter(event=events[1]).first()
    part.on_behalf_of, part.office = Actor.objects.exclude(pk=part.actor_id).first(), "Minister"
    with committed():
        event_save(
            event=events[0],
            write=lambda: EventQuantity.objects.create(
                event=events[0], value="12.50", unit="documents", text="12.5"
            ),
        )
        event_save(event=events[1], write=part.save)
    crowd = list(Article.objects.public()[: ARTICLES_SHOWN + 5])
    with committed():
        event_save(event=events[2], by=None, write=lambda: events[2].articles.set(crowd),
                   recorded_articles=[a.pk for a in crowd])  # fmt: skip
    return key_for(everything)[1]


def test_the_written_out_representation_is_the_declared_one(archive):
    for query in ("?page_size=100", "?page_size=100&fields=id,articles,articles_count,place"):
        fast = client_with(archive).get(f"/api/v1/events/{query}").json()
        declared = _declared(archive, query)
        assert fast["results"] and len(fast["results"]) == len(declared["results"])
        for mine, theirs in zip(fast["results"], declared["results"], strict=True):
            assert mine == theirs
    everything = {e["id"]: e for e in client_with(archive).get("/api/v1/events/?page_size=100")
                  .json()["results"]}  # fmt: skip
    assert any(
        e["participants"] and e["participants"][0]["on_behalf_of"] for e in everything.values()
    )
    assert any(e["quantities"] for e in everything.values())


def test_a_list_names_the_latest_articles_and_counts_them_all(archive):
    crowded = Event.objects.public().order_by("pk")[2]
    entry = client_with(archive).get(f"/api/v1/events/{crowded.uuid}/").json()
    assert (
        len(entry["articles"]) == ARTICLES_SHOWN and entry["articles_count"] == ARTICLES_SHOWN + 5
    )
    dates = [a["published_at"] for a in entry["articles"]]
    assert dates == sorted(dates, reverse=True)
    listed = client_with(archive).get(entry["articles_url"] + "&page_size=100").json()
    assert len(listed["results"]) == ARTICLES_SHOWN + 5
