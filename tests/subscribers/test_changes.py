"""The change feed: order, cursors, retention, tombstones and what each plan sees."""

import datetime as dt

import pytest
from django.utils import timezone

from articles.models import Article, ArticleStatus, Change
from articles.services import article_publish_due, article_transition, changes_prune
from events.models import Event
from events.services import event_save
from monitor.subscribers.changes import decode_cursor, encode_cursor
from tests import factories
from tests.subscribers.fixtures import client_with, key_for, plan

FEED = "/api/v1/changes/"


@pytest.fixture
def publisher(db):
    return factories.user("Publisher")


def _approved(**kwargs):
    article = factories.article(published=False, **kwargs)
    Article.objects.filter(pk=article.pk).update(status=ArticleStatus.APPROVED)
    return article


def _feed(client, **params):
    response = client.get(FEED, params)
    assert response.status_code == 200, response.content
    return response.json()


def test_entries_come_in_order_with_their_versions_and_tombstones(api, publisher):
    article = _approved()
    article_transition(article=article, action="publish", by=publisher)
    event = factories.event(title="Pezeshkian visits Minsk")
    article_transition(
        article=article, action="correct", by=publisher, comment="The date was wrong."
    )
    article_transition(
        article=article, action="retract", by=publisher, comment="Fabricated source."
    )
    page = _feed(api)
    assert [(c["type"], c["id"], c["version"]) for c in page["changes"]] == [
        ("article.published", str(article.pk), 1),
        ("event.created", str(event.uuid), 1),
        ("article.corrected", str(article.pk), 2),
        ("article.retracted", str(article.pk), 3),
    ]
    published, created, _, retracted = page["changes"]
    assert (
        published["url"].endswith(f"/api/v1/articles/{article.pk}/")
        and published["tombstone"] is None
    )
    assert created["url"].endswith(f"/api/v1/events/{event.uuid}/")
    assert retracted["url"] is None
    assert retracted["tombstone"] == {"reason": "Fabricated source.", "replaced_by": None}
    assert page["has_more"] is False and page["message"] is None


def test_cursors_page_through_and_an_empty_page_says_nothing_new(api, publisher):
    for _ in range(3):
        article_transition(article=_approved(), action="publish", by=publisher)
    first = _feed(api, limit=2)
    assert len(first["changes"]) == 2 and first["has_more"] is True
    second = _feed(api, since=first["next"], limit=2)
    assert len(second["changes"]) == 1 and second["has_more"] is False
    assert second["changes"][0]["cursor"] == second["next"]
    empty = _feed(api, since=second["next"])
    assert (empty["changes"], empty["message"], empty["next"]) == (
        [],
        "Nothing new.",
        second["next"],
    )
    latest = _feed(api, since="latest")
    assert latest["changes"] == [] and decode_cursor(latest["next"]) == Change.objects.last().seq


def test_event_merges_and_withdrawals_are_tombstones(api):
    keep, merged, withdrawn = factories.event(), factories.event(), factories.event()
    cursor = _feed(api, since="latest")["next"]
    merged.status, merged.merged_into = Event.Status.MERGED, keep
    event_save(event=merged)
    withdrawn.status = Event.Status.WITHDRAWN
    event_save(event=withdrawn)
    changes = _feed(api, since=cursor)["changes"]
    assert [(c["type"], c["tombstone"]) for c in changes] == [
        ("event.merged", {"reason": f"merged into {keep.uuid}", "replaced_by": str(keep.uuid)}),
        ("event.withdrawn", {"reason": "withdrawn", "replaced_by": None}),
    ]


def test_a_scheduled_article_enters_the_feed_when_it_becomes_public(api, publisher):
    article = _approved()
    at = timezone.now() + dt.timedelta(hours=1)
    article_transition(article=article, action="schedule", by=publisher, at=at)
    assert _feed(api)["changes"] == []
    article_publish_due(article_id=article.pk, now=at + dt.timedelta(seconds=1))
    assert [c["type"] for c in _feed(api)["changes"]] == ["article.published"]


def test_each_plan_sees_only_what_it_reads(db, publisher):
    mine, other = factories.publication(), factories.publication()
    article_transition(article=_approved(publication=mine), action="publish", by=publisher)
    article_transition(article=_approved(publication=other), action="publish", by=publisher)
    factories.event()
    narrow = plan(all_publications=False, includes_events=False)
    narrow.publications.set([mine])
    page = _feed(client_with(key_for(narrow)[1]))
    assert [c["type"] for c in page["changes"]] == ["article.published"]
    assert page["changes"][0]["id"] == str(Article.objects.get(publication=mine).pk)
    # The cursor moves past what this plan cannot see, so nothing is scanned twice.
    assert decode_cursor(page["next"]) == Change.objects.last().seq


def test_a_cursor_older_than_the_retention_window_is_gone(api, publisher):
    article_transition(article=_approved(), action="publish", by=publisher)
    old_cursor = encode_cursor(0)
    assert changes_prune(now=timezone.now() + dt.timedelta(days=91)) == 1
    response = api.get(FEED, {"since": old_cursor})
    assert response.status_code == 410
    assert response["Content-Type"].startswith("application/problem+json")
    assert "resync in full" in response.json()["detail"]
    assert api.get(FEED, {"since": "latest"}).status_code == 200


@pytest.mark.parametrize(
    ("params", "field"),
    [({"since": "not-a-cursor"}, "since"), ({"limit": "0"}, "limit"), ({"after": "1"}, "after")],
)
def test_bad_parameters_are_problems(api, params, field):
    response = api.get(FEED, params)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert field in response.json()["errors"]


def test_a_cursor_ahead_of_the_feed_is_refused(api, publisher):
    factories.article()
    head = decode_cursor(_feed(api, since="latest")["next"])
    assert api.get("/api/v1/changes/", {"since": encode_cursor(head)}).status_code == 200
    ahead = api.get("/api/v1/changes/", {"since": encode_cursor(head + 1000)})
    assert ahead.status_code == 400 and "ahead" in ahead.json()["errors"]["since"][0]


def test_the_feed_needs_a_key(client, db):
    assert client.get(FEED).status_code == 401


def test_a_page_of_the_feed_costs_the_same_for_1_or_100_entries(api, django_assert_max_num_queries):
    for _ in range(100):
        factories.event()
    for limit in (1, 100):
        # Key lookup and usage count (3), the sequence row, the page: a fixed 8.
        with django_assert_max_num_queries(8):
            assert len(_feed(api, limit=limit)["changes"]) == limit
