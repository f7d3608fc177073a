"""Timelines kept after every change of an event (``TimelineEntry``, ``TimelineCount``).

An actor's timeline page and two actors' page read their events in date order from one
index and their counts and partners from a few stored rows, so that a first page costs the
same for an actor of ten events and one of a hundred thousand (a later page walks the index
entries before it). ``timelines_refresh`` writes again the entries of the events named
(after the commit of any change of theirs: the events listener), with the one rule of what
is public (``Event.objects.public()``), and counts again the timelines whose entries
changed. ``timelines_rebuild`` makes them all (after a bulk load).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations_with_replacement

from django.db import transaction
from django.db.models import Count

from ..models import Event, Participation, TimelineCount, TimelineEntry

BATCH = 500


def _wanted(event_ids: list[int]) -> dict[tuple[int, int, int], tuple]:
    """The entries the events should have: every pair of their actors (and each actor with
    itself), for the public ones."""
    dates = {
        pk: (starts_on, ends_on)
        for pk, starts_on, ends_on in Event.objects.public()
        .filter(pk__in=event_ids)
        .order_by()
        .values_list("pk", "starts_on", "ends_on")
    }
    actors: dict[int, set[int]] = defaultdict(set)
    for event_id, actor_id in (
        Participation.objects.filter(event_id__in=dates).order_by().values_list("event", "actor")
    ):
        actors[event_id].add(actor_id)
    return {
        (first, second, event_id): dates[event_id]
        for event_id, ids in actors.items()
        for first, second in combinations_with_replacement(sorted(ids), 2)
    }


@transaction.atomic
def timelines_refresh(*, event_ids: Iterable[int]) -> int:
    """Keep the timeline entries of the events as they are now; returns how many changed."""
    ids = sorted(set(event_ids))
    if not ids:
        return 0
    # One refresh of an event at a time (two listeners of two commits could overlap).
    list(Event.objects.select_for_update().filter(pk__in=ids).values_list("pk", flat=True))
    wanted = _wanted(ids)
    stored, pks = {}, {}
    for pk, first, second, event, starts_on, ends_on in TimelineEntry.objects.filter(
        event_id__in=ids
    ).values_list("pk", "first", "second", "event", "starts_on", "ends_on"):
        stored[first, second, event], pks[first, second, event] = (starts_on, ends_on), pk
    gone = [key for key, dates in stored.items() if wanted.get(key) != dates]
    new = {key: dates for key, dates in wanted.items() if stored.get(key) != dates}
    TimelineEntry.objects.filter(pk__in=[pks[key] for key in gone]).delete()
    _insert(new)
    changed = {*gone, *new}
    _count({(first, second) for first, second, _ in changed})
    return len({event for _, _, event in changed})


def _insert(entries: dict[tuple[int, int, int], tuple]) -> None:
    TimelineEntry.objects.bulk_create(
        (
            TimelineEntry(
                first_id=first, second_id=second, event_id=event,
                starts_on=starts_on, ends_on=ends_on,
            )
            for (first, second, event), (starts_on, ends_on) in entries.items()
        ),
        batch_size=BATCH,
    )  # fmt: skip


def _count(pairs: set[tuple[int, int]]) -> None:
    """Count again the entries of the timelines named by ``(first, second)``."""
    for first, second in sorted(pairs):
        n = TimelineEntry.objects.filter(first_id=first, second_id=second).count()
        for actor, partner in {(first, second), (second, first)}:
            if n:
                TimelineCount.objects.update_or_create(
                    actor_id=actor, partner_id=partner, defaults={"events": n}
                )
            else:
                TimelineCount.objects.filter(actor_id=actor, partner_id=partner).delete()


@transaction.atomic
def timelines_rebuild() -> int:
    """Every timeline made again from the events (after a bulk load or an import); returns
    how many entries there are."""
    TimelineEntry.objects.all().delete()
    TimelineCount.objects.all().delete()
    ids = list(Event.objects.public().order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        _insert(_wanted(ids[start : start + BATCH]))
    counts = []
    for first, second, n in (
        TimelineEntry.objects.order_by()
        .values_list("first", "second")
        .annotate(n=Count("pk"))
        .values_list("first", "second", "n")
    ):
        counts.append(TimelineCount(actor_id=first, partner_id=second, events=n))
        if first != second:
            counts.append(TimelineCount(actor_id=second, partner_id=first, events=n))
    TimelineCount.objects.bulk_create(counts, batch_size=BATCH)
    return TimelineEntry.objects.count()
