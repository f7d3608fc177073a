"""ArticleFilterSet: each filter narrows the queryset it is given and never widens it."""

import datetime as dt

import pytest
from django.http import QueryDict
from django.utils import timezone

from articles.filters import ArticleFilterSet
from articles.models import Article
from tests import factories

pytestmark = pytest.mark.django_db


def as_query(params) -> QueryDict:
    query = QueryDict(mutable=True)
    for name, value in params.items():
        query.setlist(name, [str(v) for v in value] if isinstance(value, list) else [str(value)])
    return query


def filtered(params, queryset=None):
    filterset = ArticleFilterSet(as_query(params), queryset=queryset or Article.objects.public())
    assert filterset.is_valid(), filterset.errors
    return list(filterset.qs)


def test_publication_author_topic_region_and_outlet_filters():
    one, two = factories.publication(), factories.publication()
    writer, topic, region = factories.author(), factories.topic(), factories.region()
    outlet = factories.outlet()
    first = factories.article(publication=one, authors=[writer])
    factories.classify(first, topics=[topic])
    factories.classify(first, regions=[region])
    factories.citation(first, source=factories.source(outlet=outlet))
    second = factories.article(publication=two)
    assert filtered({"publication": one.slug}) == [first]
    assert set(filtered({"publication": [one.slug, two.slug]})) == {first, second}
    assert filtered({"author": writer.slug}) == [first]
    assert filtered({"topic": topic.slug}) == [first]
    assert filtered({"region": region.slug}) == [first]
    assert filtered({"outlet": outlet.slug}) == [first]


def test_date_range_updated_since_volume_and_issue():
    publication = factories.publication(first_year=2004)
    old = factories.article(
        publication=publication, published_at=dt.datetime(2024, 5, 1, 9, tzinfo=dt.UTC)
    )
    new = factories.article(
        publication=publication, published_at=dt.datetime(2025, 8, 21, 9, tzinfo=dt.UTC)
    )
    assert filtered({"published_from": "2025-08-21"}) == [new]
    assert filtered({"published_to": "2024-12-31"}) == [old]
    assert filtered({"volume": "21"}) == [old]
    assert filtered({"volume": "22", "issue": str(new.issue_number)}) == [new]
    Article.objects.filter(pk=old.pk).update(updated_at=timezone.now() - dt.timedelta(days=3))
    since = (timezone.now() - dt.timedelta(days=1)).isoformat()
    assert filtered({"updated_since": since}) == [new]
    assert filtered({"ordering": "published"}) == [old, new]
    assert filtered({"ordering": "-published"}) == [new, old]


def test_actor_and_event_filters_count_only_published_events():
    article = factories.article()
    hidden = factories.article()
    actor = factories.actor()
    event = factories.event(actors=[(actor, "host")])
    factories.attach(event, article)
    draft = factories.event(actors=[(actor, "host")], status="draft")
    factories.attach(draft, hidden)
    assert filtered({"actor": actor.slug}) == [article]
    assert filtered({"event": str(event.uuid)}) == [article]
    assert filtered({"event": str(draft.uuid)}) == []


def test_filters_never_widen_the_public_queryset():
    writer = factories.author()
    factories.article(authors=[writer], published=False)
    factories.article(authors=[writer], status="retracted", published_at=timezone.now())
    # Known only from articles readers do not see, the author is as unknown as a made-up one.
    filterset = ArticleFilterSet(
        as_query({"author": writer.slug}), queryset=Article.objects.public()
    )
    assert not filterset.is_valid() and set(filterset.errors) == {"author"}
    factories.article(authors=[writer])
    assert len(filtered({"author": writer.slug})) == 1


def test_invalid_values_are_errors_by_field():
    filterset = ArticleFilterSet(
        as_query({"published_from": "yesterday", "author": "nobody"}),
        queryset=Article.objects.all(),
    )
    assert not filterset.is_valid()
    assert set(filterset.errors) == {"published_from", "author"}
