"""Writes that span models in the events app: processing a saved article, judging suggestions."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from articles.models import Article, Change, Outlet
from articles.names import name_key
from articles.services import (
    ReferenceSync,
    article_change,
    article_sync_references,
    resource_change,
)
from monitor.search.services import search_index_article

from .extraction import suggest_events
from .models import (
    Actor,
    ActorAlias,
    Event,
    EventSource,
    EventSuggestion,
    EventType,
    Participation,
    Place,
)

# The type an accepted suggestion gets when the sentence gave no clue; the editor changes it.
FALLBACK_TYPE = "meeting"


@transaction.atomic
def article_process(*, article: Article) -> ReferenceSync:
    """Everything derived from an article's body, re-derived after a save, in one transaction.

    Citations and cross-references (``article_sync_references``), then event suggestions.
    The admin and the import command call this after saving an article and its notes.
    """
    result = article_sync_references(article=article)
    article_refresh_suggestions(article=article)
    search_index_article(article)
    return result


def _name_lookup() -> tuple[dict[str, int], dict[str, int]]:
    actors = {key: pk for pk, key in Actor.objects.values_list("pk", "key")}
    for pk, key in ActorAlias.objects.values_list("actor_id", "key"):
        actors.setdefault(key, pk)
    places = {name_key(name): pk for pk, name in Place.objects.values_list("pk", "name")}
    return actors, places


@transaction.atomic
def article_refresh_suggestions(*, article: Article) -> list[EventSuggestion]:
    """Bring the article's pending suggestions in line with its body.

    New dated sentences naming known actors become pending suggestions; pending ones
    whose sentence is gone are removed; accepted and dismissed ones are never touched,
    so a dismissed sentence does not come back when the article is saved again.
    """
    actors, places = _name_lookup()
    found = suggest_events(
        article.body,
        published=article.public_date() or timezone.localdate(),
        actors=actors,
        places=places,
    )
    existing = {s.key: s for s in article.event_suggestions.all()}
    article.event_suggestions.pending().exclude(key__in=[s.key for s in found]).delete()
    types = {t.slug: t for t in EventType.objects.all()}
    citations = list(article.citations.all())
    pending = []
    for suggestion in found:
        if (
            suggestion.key in existing
            and existing[suggestion.key].status != EventSuggestion.Status.PENDING
        ):
            continue
        row, _ = EventSuggestion.objects.update_or_create(
            article=article,
            key=suggestion.key,
            defaults={
                "sentence": suggestion.sentence,
                "paragraph": suggestion.paragraph,
                "position": suggestion.start,
                "date_year": suggestion.date.year,
                "date_month": suggestion.date.month,
                "date_day": suggestion.date.day,
                "date_precision": suggestion.date.precision.value,
                "date_text": suggestion.date_text,
                "event_type": types.get(suggestion.type_slug),
                "place_id": suggestion.place_id,
            },
        )
        row.actors.set(suggestion.actor_ids)
        row.sources.set(
            {c.source_id for c in citations if suggestion.start <= c.position < suggestion.end}
        )
        pending.append(row)
    return pending


@transaction.atomic
def suggestion_accept(*, suggestion: EventSuggestion, by) -> Event:
    """Turn a suggestion into a draft event linked to its article and sources."""
    suggestion = EventSuggestion.objects.select_for_update().get(pk=suggestion.pk)
    if suggestion.status != EventSuggestion.Status.PENDING:
        raise ValueError(f"This suggestion was already {suggestion.get_status_display().lower()}.")
    actors = list(suggestion.actors.all())
    event = Event(
        title=_title(suggestion, actors),
        summary=suggestion.sentence,
        start_year=suggestion.date_year,
        start_month=suggestion.date_month,
        start_day=suggestion.date_day,
        start_precision=suggestion.date_precision,
        date_text=suggestion.date_text,
        event_type=suggestion.event_type or EventType.objects.get(slug=FALLBACK_TYPE),
        place=suggestion.place,
        status=Event.Status.DRAFT,
    )
    event.full_clean()
    event.save()
    event.articles.add(suggestion.article)
    Participation.objects.bulk_create(
        Participation(event=event, actor=actor, position=position)
        for position, actor in enumerate(actors)
    )
    EventSource.objects.bulk_create(
        EventSource(event=event, source=source, quote=suggestion.sentence)
        for source in suggestion.sources.all()
    )
    suggestion.status, suggestion.event = EventSuggestion.Status.ACCEPTED, event
    suggestion.decided_by, suggestion.decided_at = by, timezone.now()
    suggestion.save(update_fields=["status", "event", "decided_by", "decided_at"])
    return event


@transaction.atomic
def suggestion_dismiss(*, suggestion: EventSuggestion, by) -> None:
    """Dismiss a pending suggestion; it will not be proposed again for the same sentence."""
    updated = EventSuggestion.objects.filter(
        pk=suggestion.pk, status=EventSuggestion.Status.PENDING
    ).update(status=EventSuggestion.Status.DISMISSED, decided_by=by, decided_at=timezone.now())
    if not updated:
        raise ValueError("Only a pending suggestion can be dismissed.")


def _title(suggestion: EventSuggestion, actors: list[Actor]) -> str:
    kind = suggestion.event_type.name if suggestion.event_type else "Event"
    names = " and ".join(actor.name for actor in actors[:3])
    return f"{kind}: {names}"[:300] if names else kind


# What subscribers see of an actor, a source or an outlet is part of the events and articles
# that show it: when it changes, those are new versions, and the feed says so.
ACTOR_FIELDS = frozenset({"name", "slug", "kind", "country", "wikidata_id"})
SOURCE_FIELDS = frozenset(
    {"outlet", "date_year", "date_month", "date_day", "date_precision", "title", "url", "language"}
)
OUTLET_FIELDS = frozenset({"name", "kind", "home_url", "country"})


@transaction.atomic
def actor_changed(*, actor: Actor, fields: set[str]) -> int:
    """Record a change subscribers see in every published event the actor takes part in."""
    if not fields & ACTOR_FIELDS:
        return 0
    resource_change(Change.Resource.ACTOR, actor.slug)
    events = Event.objects.public().filter(
        Q(participations__actor=actor) | Q(participations__on_behalf_of=actor)
    )
    return _bump_events(events)


@transaction.atomic
def sources_changed(*, sources, fields: set[str], outlet: Outlet | None = None) -> int:
    """Record a change in every public article citing the sources and event they support."""
    if not fields & (OUTLET_FIELDS if outlet else SOURCE_FIELDS):
        return 0
    if outlet is not None:
        resource_change(Change.Resource.OUTLET, outlet.slug)
    source_ids = [source.pk for source in sources]
    for source_id in source_ids:
        resource_change(Change.Resource.SOURCE, source_id)
    articles = Article.objects.public().filter(citations__source__in=source_ids).distinct()
    for article in articles:
        article_sync_references(article=article)  # the body links to the source's new URL
        article_change(article, Change.Action.UPDATED)
    return len(articles) + _bump_events(
        Event.objects.public().filter(event_sources__source__in=source_ids)
    )


def _bump_events(events) -> int:
    count = 0
    for event in events.distinct():
        event.bump_version()
        count += 1
    return count
