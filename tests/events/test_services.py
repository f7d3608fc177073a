"""Event suggestions from an article's text, which an editor accepts or dismisses."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from articles.services import article_sync_references
from events.models import ActorAlias, Event, EventSuggestion, Place
from events.services import (
    article_refresh_suggestions,
    event_link,
    event_save,
    events_touch,
    suggestion_accept,
    suggestion_dismiss,
)
from tests import factories

BODY = (
    "On August 19, the Iranian President Masoud Pezeshkian paid a visit to Minsk, where he met "
    "Alyaksandr Lukashenko (President of Iran, August 19). The weather was fine.\n\n"
    "In March 2025, the defense ministers of Iran and Belarus signed a defense cooperation agreement "
    "(Iranpress, March 12)."
)


@pytest.fixture
def world(db):
    iran = factories.actor(name="Iran")
    belarus = factories.actor(name="Belarus")
    pezeshkian = factories.actor(name="Masoud Pezeshkian", kind="person")
    lukashenka = factories.actor(name="Alyaksandr Lukashenka", kind="person")
    ActorAlias.objects.create(actor=lukashenka, name="Lukashenko", kind="transliteration")
    minsk = factories.place(name="Minsk")
    article = factories.article(body=BODY, published_at=dt.datetime(2025, 8, 21, 9, tzinfo=dt.UTC))
    return {"iran": iran, "belarus": belarus, "pezeshkian": pezeshkian, "lukashenka": lukashenka,
            "minsk": minsk, "article": article}  # fmt: skip


def test_processing_suggests_dated_events_with_actors_place_and_sources(world):
    article = world["article"]
    article_refresh_suggestions(article=article)
    visit, agreement = article.event_suggestions.order_by("position")
    assert (visit.fuzzy_date().isoformat(), visit.event_type.slug, visit.place) == (
        "2025-08-19",
        "visit",
        world["minsk"],
    )
    assert set(visit.actors.all()) == {world["pezeshkian"], world["lukashenka"]}
    assert [s.outlet.name for s in visit.sources.select_related("outlet")] == ["President of Iran"]
    assert (agreement.fuzzy_date().isoformat(), agreement.event_type.slug) == (
        "2025-03",
        "agreement-signed",
    )
    assert set(agreement.actors.all()) == {world["iran"], world["belarus"]}


def test_accepting_makes_a_prefilled_draft_event(world, editor):
    article = world["article"]
    article_refresh_suggestions(article=article)
    suggestion = article.event_suggestions.order_by("position").first()
    event = suggestion_accept(suggestion=suggestion, by=editor)
    assert event.status == Event.Status.DRAFT
    assert (event.starts_on, event.event_type.slug, event.place) == (
        dt.date(2025, 8, 19),
        "visit",
        world["minsk"],
    )
    assert list(event.articles.all()) == [article]
    assert {p.actor for p in event.participations.all()} == {
        world["pezeshkian"],
        world["lukashenka"],
    }
    assert event.event_sources.get().quote.startswith("On August 19")
    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.event, suggestion.decided_by) == (
        "accepted",
        event,
        editor,
    )
    with pytest.raises(ValueError, match="already accepted"):
        suggestion_accept(suggestion=suggestion, by=editor)


def test_dismissed_suggestions_do_not_return_on_resave(world, editor):
    article = world["article"]
    article_refresh_suggestions(article=article)
    dismissed = article.event_suggestions.order_by("position").first()
    suggestion_dismiss(suggestion=dismissed, by=editor)
    article_refresh_suggestions(article=article)
    article_refresh_suggestions(article=article)
    assert article.event_suggestions.count() == 2
    assert article.event_suggestions.pending().count() == 1
    assert EventSuggestion.objects.get(pk=dismissed.pk).status == "dismissed"


def test_pending_suggestions_follow_the_body(world):
    article = world["article"]
    factories.resave(article, body="Nothing dated here about Iran.")
    assert not article.event_suggestions.exists()
    assert not Place.objects.filter(name="Nowhere").exists()


def test_an_event_version_grows_with_public_changes_only(db):
    event = factories.event(status=Event.Status.DRAFT)
    event.title = "Edited draft"
    assert event_save(event=event).change is None
    assert Event.objects.get(pk=event.pk).version == 1
    event.status = Event.Status.PUBLISHED
    assert event_save(event=event).change.action == "created"
    event.summary = "Now public"
    assert event_save(event=event).change.action == "updated"
    assert Event.objects.get(pk=event.pk).version == 3


def test_saving_an_unchanged_event_records_nothing(db):
    event = Event.objects.get(pk=factories.event().pk)
    before = Event.objects.get(pk=event.pk).updated_at
    assert not event_save(event=event).changed
    assert Event.objects.get(pk=event.pk).updated_at == before  # not even written
    event.title = "Changed"
    assert event_save(event=event).changed
    assert not event_save(event=event).changed
    assert Event.objects.get(pk=event.pk).version == 2
    events_touch(event_ids=[event.pk])
    assert Event.objects.get(pk=event.pk).version == 3


def test_an_event_change_is_a_new_version_of_the_public_articles_that_report_it(db):
    article = factories.article()
    draft_article = factories.article(published=False)
    event = factories.event()
    before = article.version
    event_link(event=event, article_id=article.pk, linked=True)
    event_link(event=event, article_id=draft_article.pk, linked=True)
    assert Article.objects.get(pk=article.pk).version == before + 1
    event.title = "Retitled"
    event_save(event=event)
    assert Article.objects.get(pk=article.pk).version == before + 2
    assert Article.objects.get(pk=draft_article.pk).version == 0


def test_a_refresh_writes_only_what_the_edit_changed(world):
    """The cost of keeping suggestions follows the edit, not the article's length."""
    article = world["article"]
    paragraphs = BODY.split("\n\n")

    def refresh(body):
        Article.objects.filter(pk=article.pk).update(body=body)
        article.refresh_from_db()
        article_sync_references(article=article)  # the citations a save would make
        with CaptureQueriesContext(connection) as queries:
            article_refresh_suggestions(article=article)
        return [q["sql"] for q in queries]

    def body_of(copies):  # each copy's sentences differ, so each is a suggestion of its own
        return "\n\n".join(f"Report {n}: {p}" for n in range(copies) for p in paragraphs)

    for copies in (1, 8):
        body = body_of(copies)
        refresh(body)
        kept = {(s.pk, s.key) for s in article.event_suggestions.all()}
        assert len(kept) == 2 * copies
        unchanged = refresh(body)
        assert not [sql for sql in unchanged if sql.startswith(("INSERT", "UPDATE"))]
        assert {(s.pk, s.key) for s in article.event_suggestions.all()} == kept
        if copies == 1:
            baseline = len(unchanged)
        else:
            assert len(unchanged) == baseline  # eight times the suggestions, the same queries
    # Text added before every sentence moves them: one update for all, no new rows.
    moved = refresh("A new opening paragraph.\n\n" + body_of(8))
    assert len([sql for sql in moved if sql.startswith("UPDATE")]) == 1
    assert {(s.pk, s.key) for s in article.event_suggestions.all()} == kept
