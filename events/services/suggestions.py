"""Event suggestions: dated sentences of an article that name known actors, kept in line with
its text, and accepted (a draft event) or dismissed by editors."""

from __future__ import annotations

from django.db import models, transaction
from django.utils import timezone

from articles.dates import FuzzyDateError, read_date
from articles.models import Article
from articles.models.fuzzy import set_fuzzy_date
from articles.names import name_key

from ..extraction import suggest_events, suggested_title
from ..models import (
    Actor,
    ActorAlias,
    Event,
    EventEvidence,
    EventSource,
    EventSuggestion,
    EventType,
    Participation,
    Place,
)
from .evidence import suggestion_evidence
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
    # A sentence written twice is one suggestion, at its first place.
    firsts: dict[str, object] = {}
    for suggestion in found:
        firsts.setdefault(suggestion.key, suggestion)
    found = list(firsts.values())
    existing = {s.key: s for s in article.event_suggestions.prefetch_related("actors", "sources")}
    article.event_suggestions.pending().exclude(key__in=[s.key for s in found]).delete()
    types = {t.slug: t for t in EventType.objects.all()}
    citations = list(article.citations.all())
    # Only what differs is written: a save that leaves a sentence alone leaves its suggestion
    # alone, so the cost follows what changed, not the article's length.
    created, changed, links, changed_fields = [], [], [], set()
    pending = []
    for suggestion in found:
        row = existing.get(suggestion.key)
        if row is not None and row.status != EventSuggestion.Status.PENDING:
            continue
        fields = {
            "sentence": suggestion.sentence,
            "summary": suggestion.summary,
            "roles": {
                str(pk): role
                for pk, role in zip(suggestion.actor_ids, suggestion.roles, strict=True)
            },
            "paragraph": suggestion.paragraph,
            "position": suggestion.start,
            "date_year": suggestion.date.year,
            "date_month": suggestion.date.month,
            "date_day": suggestion.date.day,
            "date_precision": suggestion.date.precision.value,
            "date_text": suggestion.date_text,
            "event_type_id": getattr(types.get(suggestion.type_slug), "pk", None),
            "place_id": suggestion.place_id,
        }
        actor_ids = set(suggestion.actor_ids)
        source_ids = {
            c.source_id for c in citations if suggestion.start <= c.position < suggestion.end
        }
        if row is None:
            row = EventSuggestion(article=article, key=suggestion.key, **fields)
            created.append(row)
            links.append((row, actor_ids, source_ids))
        else:
            differ = {name for name, value in fields.items() if getattr(row, name) != value}
            if differ:
                for name in differ:
                    setattr(row, name, fields[name])
                changed.append(row)
                changed_fields |= differ
            if {a.pk for a in row.actors.all()} != actor_ids:
                row.actors.set(actor_ids)
            if {s.pk for s in row.sources.all()} != source_ids:
                row.sources.set(source_ids)
        pending.append(row)
    if changed:  # usually positions only: the text before them grew or shrank
        names = sorted(name.removesuffix("_id") for name in changed_fields)
        EventSuggestion.objects.bulk_update(changed, names, batch_size=500)
    EventSuggestion.objects.bulk_create(created, batch_size=500)
    if created and created[0].pk is None:  # a backend that returns no ids from a bulk insert
        keys = {row.key: row for row in created}
        for pk, key in article.event_suggestions.filter(key__in=keys).values_list("pk", "key"):
            keys[key].pk = pk
    actor_links = EventSuggestion.actors.through
    source_links = EventSuggestion.sources.through
    actor_links.objects.bulk_create(
        [actor_links(eventsuggestion_id=r.pk, actor_id=a) for r, ids, _ in links for a in ids],
        batch_size=1000,
    )
    source_links.objects.bulk_create(
        [source_links(eventsuggestion_id=r.pk, source_id=s) for r, _, ids in links for s in ids],
        batch_size=1000,
    )
    return pending


def _pending(suggestion: EventSuggestion) -> EventSuggestion:
    suggestion = EventSuggestion.objects.select_for_update().get(pk=suggestion.pk)
    if suggestion.status != EventSuggestion.Status.PENDING:
        raise ValueError(f"This suggestion was already {suggestion.get_status_display().lower()}.")
    return suggestion


def _decided(suggestion: EventSuggestion, event: Event, by) -> None:
    suggestion.status, suggestion.event = EventSuggestion.Status.ACCEPTED, event
    suggestion.decided_by, suggestion.decided_at = by, timezone.now()
    suggestion.save(update_fields=["status", "event", "decided_by", "decided_at"])


def suggestion_dates(suggestion: EventSuggestion) -> tuple:
    """The suggestion's start and end dates: the date as written when it reads within the
    date found ("in mid-2015" is May–August 2015), else the date found alone."""
    found = suggestion.fuzzy_date()
    try:
        reading = read_date(suggestion.date_text)
    except FuzzyDateError:
        return found, None
    if found.first_day() <= reading.first_day() and reading.last_day() <= found.last_day():
        return reading.start, reading.end
    return found, None


def suggestion_match(suggestion: EventSuggestion) -> Event | None:
    """An event the suggestion may be about already: one not withdrawn or merged, whose
    dates overlap the suggestion's and whose participants include all its actors (the
    earliest such). None for a suggestion without actors: nothing to tell by."""
    actor_ids = {actor.pk for actor in suggestion.actors.all()}
    if not actor_ids:
        return None
    start, end = suggestion_dates(suggestion)
    candidates = (
        Event.objects.exclude(status__in=[Event.Status.WITHDRAWN, Event.Status.MERGED])
        .overlapping(start.first_day(), (end or start).last_day())
        .filter(participations__actor__in=actor_ids)
        .annotate(shared=models.Count("participations__actor", distinct=True))
        .filter(shared=len(actor_ids))
        .chronological()
    )
    return candidates.first()


@transaction.atomic
def suggestion_accept(*, suggestion: EventSuggestion, by) -> Event:
    """Turn a suggestion into a draft event linked to its article and sources: a readable
    title, the sentence without its citations as the summary, each actor in the role the
    sentence gives it, the date as written when it reads; the sentence's paragraph is its
    evidence."""
    suggestion = _pending(suggestion)
    actors = list(suggestion.actors.all())
    roles = {int(pk): role for pk, role in (suggestion.roles or {}).items()}
    event_type = suggestion.event_type or EventType.objects.get(slug=FALLBACK_TYPE)
    start, end = suggestion_dates(suggestion)
    named = [(actor.name, actor.kind, roles.get(actor.pk, "participant")) for actor in actors]
    event = Event(
        title=suggested_title(
            event_type.slug,
            event_type.name,
            named,
            suggestion.place.name if suggestion.place else "",
        )[:300],
        summary=suggestion.summary or suggestion.sentence,
        date_text=suggestion.date_text,
        event_type=event_type,
        place=suggestion.place,
        status=Event.Status.DRAFT,
    )
    set_fuzzy_date(event, "start_", start)
    set_fuzzy_date(event, "end_", end)
    event.full_clean()

    def write():
        event.save()
        event.articles.add(suggestion.article)
        Participation.objects.bulk_create(
            Participation(
                event=event,
                actor=actor,
                role=roles.get(actor.pk, Participation.Role.PARTICIPANT),
                position=position,
            )
            for position, actor in enumerate(actors)
        )
        EventSource.objects.bulk_create(
            EventSource(event=event, source=source, quote=suggestion.sentence)
            for source in suggestion.sources.all()
        )
        evidence = suggestion_evidence(suggestion, event, by)
        if evidence is not None:
            evidence.save()

    event_save(event=event, by=by, write=write)
    _decided(suggestion, event, by)
    return event


@transaction.atomic
def suggestion_attach(*, suggestion: EventSuggestion, event: Event, by) -> Event:
    """Accept a suggestion as more evidence for an event that exists: its article joins the
    event's articles, its sources the event's sources (with the sentence as the quote) and
    its paragraph the event's evidence; nothing of the event is overwritten."""
    suggestion = _pending(suggestion)
    event = Event.objects.get(pk=event.pk)
    known = set(event.event_sources.values_list("source_id", flat=True))

    def write():
        event.articles.add(suggestion.article)
        EventSource.objects.bulk_create(
            EventSource(event=event, source=source, quote=suggestion.sentence)
            for source in suggestion.sources.all()
            if source.pk not in known
        )
        evidence = suggestion_evidence(suggestion, event, by)
        if evidence is not None:
            EventEvidence.objects.bulk_create([evidence], ignore_conflicts=True)

    event_save(event=event, by=by, write=write)
    _decided(suggestion, event, by)
    return event


@transaction.atomic
def suggestion_dismiss(*, suggestion: EventSuggestion, by) -> None:
    """Dismiss a pending suggestion; it will not be proposed again for the same sentence."""
    updated = EventSuggestion.objects.filter(
        pk=suggestion.pk, status=EventSuggestion.Status.PENDING
    ).update(status=EventSuggestion.Status.DISMISSED, decided_by=by, decided_at=timezone.now())
    if not updated:
        raise ValueError("Only a pending suggestion can be dismissed.")
