"""Events as timelines show them, read as rows: what a mark on the chart and a line of the
list beside it need, for a page of events in two queries and no model instances (a page is
a hundred events; as models, with their types, places and participants, a thousand objects).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace

from articles.dates import Precision, date_label
from articles.models.fuzzy import fuzzy_date_from

from .models import Participation

COLUMNS = (
    "pk", "uuid", "title", "edtf", "starts_on", "ends_on",
    "start_year", "start_month", "start_day", "start_precision",
    "end_year", "end_month", "end_day", "end_precision",
    "event_type__name", "event_type__family__name", "event_type__family__colour", "place__name",
    "date_text",
)  # fmt: skip


@dataclass(frozen=True)
class TimelineRow:
    uuid: str
    title: str
    edtf: str
    date_label: str  # as ``Event.date_display()`` reads
    first_day: object
    last_day: object
    point: bool  # known to the day
    type_name: str
    family: str
    colour: str
    place_name: str  # "" when the event has no place
    # In the order of the participations, each with whom it acted for: "Masoud Pezeshkian
    # (for Iran)", so that a timeline of Iran shows through whom an event is on it.
    actor_names: tuple[str, ...]


def timeline_rows(events) -> list[TimelineRow]:
    """The rows of ``events`` (an ``Event`` queryset, a page of them), in its order."""
    rows = list(events.values_list(*COLUMNS))
    names = defaultdict(list)
    for event_id, name, behalf in (
        Participation.objects.filter(event_id__in=[row[0] for row in rows])
        .order_by(*Participation._meta.ordering)
        .values_list("event_id", "actor__name", "on_behalf_of__name")
    ):
        names[event_id].append(f"{name} (for {behalf})" if behalf else name)
    return [
        TimelineRow(
            uuid=str(uuid),
            title=title,
            edtf=edtf,
            date_label=_date_label(start, end, date_text),
            first_day=starts_on,
            last_day=ends_on,
            point=start[3] == Precision.DAY and not end[3],
            type_name=type_name,
            family=family,
            colour=colour,
            place_name=place_name or "",
            actor_names=tuple(names[pk]),
        )
        for pk, uuid, title, edtf, starts_on, ends_on, *start_end, type_name, family, colour,
        place_name, date_text in rows
        for start, end in [(tuple(start_end[:4]), tuple(start_end[4:]))]
    ]  # fmt: skip


@lru_cache(maxsize=4096)
def _date_label(start: tuple, end: tuple, text: str) -> str:
    """``Event.date_display()`` of the date parts (year, month, day, precision) and the date
    as written given."""
    names = ("year", "month", "day", "precision")
    event = SimpleNamespace(
        **{f"start_{name}": part for name, part in zip(names, start, strict=True)},
        **{f"end_{name}": part for name, part in zip(names, end, strict=True)},
    )
    first, last = fuzzy_date_from(event, "start_"), fuzzy_date_from(event, "end_")
    return date_label(text, first, last)
