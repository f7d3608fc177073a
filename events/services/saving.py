"""The one place an event changes: its fields, participants, sources, quantities, articles
and evidence (the paragraphs of articles that support it).

``event_save`` is how every interface changes an event (the admin form and its inlines, the
article form's list of events, merges, withdrawals, the demo loader). It locks the event,
writes, and compares what subscribers see before and after: no change means nothing is
recorded; a change of a published event is a new version and a feed entry (``updated``, or
``created``, ``withdrawn``, ``merged`` as it enters or leaves the public), and the published
articles that report it get theirs (their API answer names the event and its version).
The change is announced to the listeners (``MONITOR_CHANGE_LISTENERS``) for after the commit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from articles.models import Change
from articles.services import (
    article_subjects_set,
    articles_shown_changed,
    change_once,
    change_unit,
)
from monitor.core.changes import Changed, changes_announce

from ..models import Event


@dataclass(frozen=True)
class EventState:
    snapshot: dict
    public: bool


@dataclass(frozen=True)
class EventSaved:
    event: Event
    change: Change | None = None
    changed: bool = False


def event_snapshot(event: Event) -> dict:
    """What subscribers and readers see of an event, read afresh from the database."""
    fields = (
        "title", "summary", "start_year", "start_month", "start_day", "start_precision",
        "end_year", "end_month", "end_day", "end_precision", "date_text", "modality",
        "event_type_id", "place_id", "status", "merged_into_id",
    )  # fmt: skip
    return {
        **{name: getattr(event, name) for name in fields},
        "participants": list(
            event.participations.values_list(
                "actor_id", "role", "on_behalf_of_id", "office", "position"
            ).order_by("position", "pk")
        ),
        "sources": list(event.event_sources.values_list("source_id", "quote").order_by("pk")),
        "quantities": [
            (str(value), unit, text)
            for value, unit, text in event.quantities.values_list("value", "unit", "text").order_by(
                "pk"
            )
        ],
        "articles": sorted(event.articles.values_list("pk", flat=True)),
        "evidence": list(
            event.evidence.values_list("article_id", "anchor", "excerpt", "in_article").order_by(
                "pk"
            )
        ),
    }


def event_lock(event_id: int) -> Event:
    return (
        Event.objects.select_for_update(of=("self",)).select_related("merged_into").get(pk=event_id)
    )


def event_state(event: Event) -> EventState:
    return EventState(snapshot=event_snapshot(event), public=event.is_public())


def event_feed_action(*, was_public: bool, event: Event) -> str | None:
    """What the feed says of a change to ``event``, or None when subscribers see nothing.

    A draft is nobody's business yet; a published event's changes are updates; entering the
    public is ``created``; leaving it (withdrawn, merged, back to draft) is a removal.
    """
    if event.is_public():
        return Change.Action.UPDATED if was_public else Change.Action.CREATED
    if was_public:
        return (
            Change.Action.MERGED if event.status == Event.Status.MERGED else Change.Action.WITHDRAWN
        )
    return None


@transaction.atomic
@change_unit()
def event_save(
    *,
    event: Event,
    by=None,
    write: Callable[[], None] | None = None,
    recorded_articles: Iterable[int] = (),
) -> EventSaved:
    """Save ``event`` as it is in memory (or run ``write``, which saves it and its parts).

    ``recorded_articles`` are articles whose own save records this change (the article form
    that attached the event): they get no entry of their own from here. A save that changes
    nothing subscribers or readers see is undone.
    """
    before = None
    if event.pk is not None:
        current = event_lock(event.pk)
        before = event_state(current)
        event.version = current.version
    savepoint = transaction.savepoint_create()
    if write is None:
        event.save()
    else:
        write()
    saved = _commit(event, before, recorded_articles=set(recorded_articles))
    if saved.changed:
        transaction.savepoint_commit(savepoint)
    else:
        transaction.savepoint_rollback(savepoint)
    return saved


def event_link(*, event: Event, article_id: int, linked: bool, by=None) -> EventSaved:
    """Attach the article to the event, or detach it, from the article's side."""

    def write():
        (event.articles.add if linked else event.articles.remove)(article_id)

    return event_save(event=event, by=by, write=write, recorded_articles=[article_id])


@transaction.atomic
def event_delete(*, event: Event, by=None) -> None:
    """Delete an event readers do not see (a draft, or one withdrawn or merged already)."""
    event = event_lock(event.pk)
    if event.is_public():
        raise ValueError("A published event is not deleted: withdraw it or merge it instead.")
    event_id = event.pk
    event.delete()
    changes_announce([Changed("event", event_id, public=False)])


@transaction.atomic
@change_unit()
def events_touch(*, event_ids: Iterable[int]) -> int:
    """Record a change subscribers see in published events that did not change themselves:
    an actor or a source they show was renamed, an article they list was retitled."""
    count = 0
    for event_id in sorted(set(event_ids)):
        event = event_lock(event_id)
        if event.is_public():
            linked = set(event_snapshot(event)["articles"])
            _record(event, Change.Action.UPDATED, articles=linked)
            articles_subjects_index(linked)  # an actor renamed: its key in them too
            count += 1
    return count


def event_subject_keys(article_ids: Iterable[int]) -> dict[int, set[str]]:
    """What the articles are about, from the events side: the published events they report
    (``event:<uuid>``) and the actors taking part (``actor:<slug>``). Two queries."""
    keys: dict[int, set[str]] = {article_id: set() for article_id in article_ids}
    links = Event.articles.through.objects.filter(
        article_id__in=list(keys), event__status=Event.Status.PUBLISHED
    )
    for article_id, event_uuid in links.values_list("article_id", "event__uuid"):
        keys[article_id].add(f"event:{event_uuid}")
    actors = links.values_list("article_id", "event__participations__actor__slug")
    for article_id, slug in actors:
        if slug:
            keys[article_id].add(f"actor:{slug}")
    return keys


def articles_subjects_index(article_ids: Iterable[int]) -> None:
    """Keep the articles' event and actor subjects (``event_subject_keys``) as they are now."""
    for article_id, keys in event_subject_keys(article_ids).items():
        article_subjects_set(article_id=article_id, kinds=("event", "actor"), keys=keys)


def _commit(event: Event, before: EventState | None, *, recorded_articles: set[int]) -> EventSaved:
    snapshot = event_snapshot(event)
    if before is not None and snapshot == before.snapshot:
        return EventSaved(event)
    was_public = before is not None and before.public
    action = event_feed_action(was_public=was_public, event=event)
    linked = {*snapshot["articles"], *(row[0] for row in snapshot["evidence"])}
    if before is not None:  # the pages of articles it left, or whose paragraphs it cited, too
        linked |= {*before.snapshot["articles"], *(row[0] for row in before.snapshot["evidence"])}
    if was_public or event.is_public():
        articles_subjects_index(linked)
    if action is None:
        changes_announce([Changed("event", event.pk, public=False)])
        return EventSaved(event, changed=True)
    change = _record(event, action, articles=linked - recorded_articles, bump=before is not None)
    return EventSaved(event, change=change, changed=True)


def _record(event: Event, action: str, *, articles: set[int], bump: bool = True) -> Change:
    """A new version (unless the event is new; once per unit of work), its feed entry, and
    the articles that name it."""

    def next_version() -> int:
        if bump:
            Event.objects.filter(pk=event.pk).update(
                version=F("version") + 1, updated_at=timezone.now()
            )
            event.refresh_from_db(fields=["version", "updated_at"])
        return event.version

    merged_into = event.merged_into.uuid if event.merged_into_id else ""
    change = change_once(
        resource=Change.Resource.EVENT,
        resource_id=str(event.uuid),
        action=action,
        bump=next_version,
        tombstone=action in (Change.Action.MERGED, Change.Action.WITHDRAWN),
        reason=f"merged into {merged_into}" if action == Change.Action.MERGED else "",
        replaced_by=str(merged_into),
    )
    articles_shown_changed(article_ids=articles)
    changes_announce(
        [
            Changed(
                "event",
                event.pk,
                entry=change.seq,
                aspects=frozenset({Changed.IDENTITY}),
            )
        ]
    )
    return change
