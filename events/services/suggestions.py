"""Event suggestions: dated sentences of an article that name known actors, kept in line with
its text, and accepted (a draft event) or dismissed by editors."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from articles.models import Article
from articles.names import name_key

from ..extraction import suggest_events
from ..models import (
    Actor,
    ActorAlias,
    Event,
    EventSource,
    EventSuggestion,
    EventType,
    Participation,
    Place,
)
from .saving import event_save

# The type an accepted suggestion gets when the sentence gave no clue; the editor changes it.
FALLBACK_TYPE = "meeting"


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

    def write():
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

    event_save(event=event, by=by, write=write)
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
