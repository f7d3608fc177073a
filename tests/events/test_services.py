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
    suggestion_attach,
    suggestion_dismiss,
    suggestion_match,
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


def test_an_accepted_suggestion_reads_as_an_editor_would_write_it(world, editor):
    article = world["article"]
    article_refresh_suggestions(article=article)
    visit = article.event_suggestions.order_by("position").first()
    event = suggestion_accept(suggestion=visit, by=editor)
    assert event.title == "Pezeshkian visits Minsk, meets Lukashenka"
    assert event.summary == (
        "On August 19, the Iranian President Masoud Pezeshkian paid a visit to Minsk, where he "
        "met Alyaksandr Lukashenko."
    )
    roles = {p.actor.name: p.role for p in event.participations.select_related("actor")}
    assert roles == {"Masoud Pezeshkian": "visitor", "Alyaksandr Lukashenka": "host"}
    # The citation left the summary and stays the event's source.
    assert [s.source.outlet.name for s in event.event_sources.select_related("source__outlet")] == [
        "President of Iran"
    ]


def test_a_qualified_date_as_written_becomes_the_events_range(db, editor):
    iran, belarus = factories.actor(name="Iran"), factories.actor(name="Belarus")
    article = factories.article(
        body="In mid-2015, Iran and Belarus held talks on trade.",
        published_at=dt.datetime(2025, 8, 21, 9, tzinfo=dt.UTC),
    )
    article_refresh_suggestions(article=article)
    event = suggestion_accept(suggestion=article.event_suggestions.get(), by=editor)
    assert (event.starts_on, event.ends_on, event.edtf) == (
        dt.date(2015, 5, 1),
        dt.date(2015, 8, 31),
        "2015-38",
    )
    assert event.date_display() == "mid-2015"
    assert {p.actor for p in event.participations.all()} == {iran, belarus}


def test_a_suggestion_of_a_recorded_event_is_added_to_it_not_recorded_twice(world, editor):
    first = world["article"]
    article_refresh_suggestions(article=first)
    event = suggestion_accept(suggestion=first.event_suggestions.order_by("position")[0], by=editor)
    second = factories.article(
        body="On August 19, Masoud Pezeshkian met Lukashenko in Minsk (Belta, August 19).",
        published_at=dt.datetime(2025, 8, 22, 9, tzinfo=dt.UTC),
    )
    article_refresh_suggestions(article=second)
    again = second.event_suggestions.get()
    assert suggestion_match(again) == event
    suggestion_attach(suggestion=again, event=event, by=editor)
    assert set(event.articles.all()) == {first, second}
    assert sorted(
        s.source.outlet.name for s in event.event_sources.select_related("source__outlet")
    ) == ["Belta", "President of Iran"]
    assert Event.objects.count() == 1
    again.refresh_from_db()
    assert (again.status, again.event) == ("accepted", event)
    # Another day, or other actors, is another event.
    other = factories.article(
        body="On August 25, Masoud Pezeshkian met Lukashenko in Minsk.",
        published_at=dt.datetime(2025, 8, 26, 9, tzinfo=dt.UTC),
    )
    article_refresh_suggestions(article=other)
    assert suggestion_match(other.event_suggestions.get()) is None
