"""Timelines kept after every change of an event (``TimelineEntry``, ``TimelineCount``).

An actor's timeline page and two actors' page read their events in date order from one
index and their counts and partners from a few stored rows, so that a first page costs the
same for an actor of ten events and one of a hundred thousand (a later page walks the index
entries before it). ``timelines_refresh`` writes again the entries of the events named
(after the commit of any change of theirs: the events listener), with the one rule of what
is public (``Event.objects.public()``) and the one rule of who is in an event
(``Participation.objects.involvement``: taking part, or through someone acting on one's
behalf, each entry saying which), and counts again the timelines whose entries changed. ``timelines_rebuild`` makes them all (after a bulk load).

A timeline's pages are stored as readers saw them (``timeline_page_html``), under the stamp
its count row carries; every refresh draws a new stamp for each timeline its events are on,
whether or not their entries changed (a title or a place shows on the page too), and takes
their stored pages away. A page rendered from rows read before a change and stored after it
carries the old stamp, and is never shown.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import combinations_with_replacement

from django.core.paginator import Page, Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.utils.safestring import SafeString, mark_safe

from articles.services.pages import rendering_version

from ..models import (
    Event,
    Participation,
    StoredPage,
    TimelineCount,
    TimelineEntry,
    TimelinePage,
)
from ..models.timelines import new_stamp
from ..templatetags.timelines import timeline_render
from ..timelines import timeline_rows

BATCH = 500
# Terms of one statement naming timelines: an OR, which SQLite parses as deep as it is long
# and refuses past 1,000 (500 pairs of two terms failed when a large actor was renamed).
RESTAMP_BATCH = 200
# A timeline shows this many events a page, the latest page first: an actor of twenty
# years of daily analysis has thousands.
TIMELINE_PAGE = 100


def _wanted(event_ids: list[int]) -> dict[tuple[int, int, int], tuple]:
    """The entries the events should have, with their dates and whether both took part
    themselves: every pair of the actors involved in them (``Participation.objects.
    involvement``), and each actor with itself, for the public ones."""
    dates = {
        pk: (starts_on, ends_on)
        for pk, starts_on, ends_on in Event.objects.public()
        .filter(pk__in=event_ids)
        .order_by()
        .values_list("pk", "starts_on", "ends_on")
    }
    return {
        (first, second, event_id): (*dates[event_id], actors[first] and actors[second])
        for event_id, actors in Participation.objects.involvement(list(dates)).items()
        for first, second in combinations_with_replacement(sorted(actors), 2)
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
    for pk, first, second, event, *kept in TimelineEntry.objects.filter(
        event_id__in=ids
    ).values_list("pk", "first", "second", "event", "starts_on", "ends_on", "direct"):
        stored[first, second, event], pks[first, second, event] = tuple(kept), pk
    gone = [key for key, dates in stored.items() if wanted.get(key) != dates]
    new = {key: dates for key, dates in wanted.items() if stored.get(key) != dates}
    TimelineEntry.objects.filter(pk__in=[pks[key] for key in gone]).delete()
    _insert(new)
    changed = {*gone, *new}
    _count({(first, second) for first, second, _ in changed})
    _restamp({(first, second) for first, second, _ in {*stored, *wanted}})
    return len({event for _, _, event in changed})


def _restamp(pairs: set[tuple[int, int]]) -> None:
    """The timelines named by ``(first, second)`` changed: a new stamp, no stored pages."""
    stamp = new_stamp()
    for either in _pairs_where(pairs, "actor_id", "partner_id", both_ways=True):
        TimelineCount.objects.filter(either).update(stamp=stamp)
        TimelinePage.objects.filter(either).delete()


def _pairs_where(pairs, first: str, second: str, *, both_ways: bool = False) -> Iterator[Q]:
    """Conditions naming exactly the ``pairs`` (and, ``both_ways``, each turned round) by
    the columns ``first`` and ``second``: one term for each actor first in some pair, with
    its partners listed (an event of twenty actors names 210 timelines, in 20 terms), at
    most ``RESTAMP_BATCH`` terms a condition."""
    partners = defaultdict(set)
    for one, other in pairs:
        partners[one].add(other)
        if both_ways:
            partners[other].add(one)
    terms = [
        Q(**{first: actor, f"{second}__in": sorted(others)})
        for actor, others in sorted(partners.items())
    ]
    for start in range(0, len(terms), RESTAMP_BATCH):
        either = Q()
        for term in terms[start : start + RESTAMP_BATCH]:
            either |= term
        yield either


def _insert(entries: dict[tuple[int, int, int], tuple]) -> None:
    TimelineEntry.objects.bulk_create(
        (
            TimelineEntry(
                first_id=first, second_id=second, event_id=event,
                starts_on=starts_on, ends_on=ends_on, direct=direct,
            )
            for (first, second, event), (starts_on, ends_on, direct) in entries.items()
        ),
        batch_size=BATCH,
    )  # fmt: skip


def _count(pairs: set[tuple[int, int]]) -> None:
    """Count again the entries of the timelines named by ``(first, second)``: one query
    counts them all, one writes the counts (both ways round), one deletes the empty ones."""
    counted = {}
    for where in _pairs_where(pairs, "first_id", "second_id"):
        for first, second, n, direct in (
            TimelineEntry.objects.filter(where)
            .order_by()
            .values_list("first", "second")
            .annotate(n=Count("pk"), direct=Count("pk", filter=Q(direct=True)))
            .values_list("first", "second", "n", "direct")
        ):
            counted[first, second] = (n, direct)
    kept, empty = [], set()
    for first, second in pairs:
        n, direct = counted.get((first, second), (0, 0))
        for actor, partner in {(first, second), (second, first)}:
            if n:
                kept.append(
                    TimelineCount(
                        actor_id=actor, partner_id=partner, events=n, direct_events=direct
                    )
                )
            else:
                empty.add((actor, partner))
    TimelineCount.objects.bulk_create(
        kept,
        batch_size=BATCH,
        update_conflicts=True,
        unique_fields=["actor", "partner"],
        update_fields=["events", "direct_events"],
    )
    for where in _pairs_where(empty, "actor_id", "partner_id"):
        TimelineCount.objects.filter(where).delete()


@transaction.atomic
def timelines_rebuild() -> int:
    """Every timeline made again from the events (after a bulk load or an import); returns
    how many entries there are."""
    TimelineEntry.objects.all().delete()
    TimelineCount.objects.all().delete()
    TimelinePage.objects.all().delete()
    StoredPage.objects.all().delete()
    ids = list(Event.objects.public().order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        _insert(_wanted(ids[start : start + BATCH]))
    counts = []
    for first, second, n, direct in (
        TimelineEntry.objects.order_by()
        .values_list("first", "second")
        .annotate(n=Count("pk"), direct=Count("pk", filter=Q(direct=True)))
        .values_list("first", "second", "n", "direct")
    ):
        for actor, partner in {(first, second), (second, first)}:
            counts.append(
                TimelineCount(actor_id=actor, partner_id=partner, events=n, direct_events=direct)
            )
    TimelineCount.objects.bulk_create(counts, batch_size=BATCH)
    return TimelineEntry.objects.count()


class _CountedPaginator(Paginator):
    """Pages of a list whose length is known (stored) rather than counted."""

    def __init__(self, object_list, per_page, *, count: int):
        super().__init__(object_list, per_page)
        self.count = count


def _paginate(newest_first, number, count: int | None) -> Page:
    if count is None:
        return Paginator(newest_first, TIMELINE_PAGE).get_page(number)
    return _CountedPaginator(newest_first, TIMELINE_PAGE, count=count).get_page(number)


def _fill(page: Page) -> Page:
    """The page's events as timeline rows, in chronological order. Its ids are a subquery:
    a timeline is one query, whatever page is asked for."""
    shown = Event.objects.public().filter(pk__in=page.object_list).chronological()
    page.object_list = timeline_rows(shown)
    return page


def timeline_page(newest_first, number, *, count: int | None = None) -> Page:
    """Page ``number`` of the events whose ids ``newest_first`` lists, the latest first (the
    page before it holds later ones), as timeline rows in chronological order. ``count``,
    when the timeline's length is stored, spares counting it."""
    return _fill(_paginate(newest_first, number, count))


def timeline_page_html(
    *, actor, partner=None, number=None, label: str, direct: bool = False
) -> tuple[int, SafeString]:
    """Page ``number`` (``?events=``) of the timeline of ``actor``, or of ``actor`` with
    ``partner`` (``direct``: of the events where each took part itself), rendered: as stored
    when it is current, else rendered and stored. Returns the number of the page shown (the
    last for one past it) and the page."""
    partner = partner or actor
    events, stamp = (
        TimelineCount.objects.filter(actor_id=actor.pk, partner_id=partner.pk)
        .values_list("direct_events" if direct else "events", "stamp")
        .first()
    ) or (0, None)
    entries = TimelineEntry.objects.of(actor.pk, partner.pk, direct=direct)
    page = _paginate(entries.values_list("event_id", flat=True), number, events)
    stored = TimelinePage.objects.filter(
        actor_id=actor.pk,
        partner_id=partner.pk,
        direct=direct,
        number=page.number,
        stamp=stamp,
        rendered_with=rendering_version(),
    ).values_list("html", flat=True)
    for html in stored:
        return page.number, mark_safe(html)  # noqa: S308 (rendered by timeline_render, which escapes)
    html = timeline_render(_fill(page), label=label, query="direct=1&" if direct else "")
    if stamp is not None:
        _store(actor.pk, partner.pk, direct, page.number, stamp, html)
    return page.number, html


def _store(actor: int, partner: int, direct: bool, number: int, stamp: int, html: str) -> None:
    """One upsert: another reader storing the same page meanwhile leaves one of the two."""
    TimelinePage.objects.bulk_create(
        [
            TimelinePage(
                actor_id=actor, partner_id=partner, direct=direct, number=number, stamp=stamp,
                rendered_with=rendering_version(), html=html,
            )
        ],
        update_conflicts=True,
        unique_fields=["actor", "partner", "direct", "number"],
        update_fields=["stamp", "rendered_with", "html"],
    )  # fmt: skip
