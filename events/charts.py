"""Timelines drawn as charts: events placed on a time axis by the days their date covers.

Pure layout, no database and no markup: ``timeline_chart`` takes ``TimelineItem`` rows and
returns a ``Chart`` of positions in SVG user units, which a template draws. A date known to
the day is a dot; a month, a year or a decade is a bar over the days it covers, so "March
2023" is drawn as all of March and never as a point on March 15. Each event family gets
its own lane and colour.
"""

import datetime as dt
from dataclasses import dataclass

WIDTH = 800
LEFT = 150  # room for lane labels
RIGHT = 20
TOP = 10
LANE = 32
AXIS = 34  # room for tick labels under the lanes
MIN_BAR = 4


@dataclass(frozen=True)
class TimelineItem:
    """One event: the days its date covers, what it is called, where it links, its family."""

    first_day: dt.date
    last_day: dt.date
    title: str
    date_label: str
    url: str
    family: str
    colour: str
    point: bool  # known to the day


@dataclass(frozen=True)
class Mark:
    item: TimelineItem
    x: float
    y: float
    width: float


@dataclass(frozen=True)
class Lane:
    family: str
    colour: str
    y: float


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    marks: list[Mark]
    lanes: list[Lane]
    ticks: list[Tick]
    axis_y: float


def timeline_chart(items: list[TimelineItem], *, width: int = WIDTH) -> Chart | None:
    """The chart of ``items`` (None when there are none).

    The axis runs from January 1 of the earliest year to December 31 of the latest, so
    that year ticks fall on the axis's edges; lanes follow the order families first
    appear in ``items``. Ticks are every year, or every 2, 5 or 10 years on long spans.
    """
    if not items:
        return None
    start = dt.date(min(item.first_day for item in items).year, 1, 1)
    end = dt.date(max(item.last_day for item in items).year, 12, 31)
    span = (end - start).days + 1
    plot = width - LEFT - RIGHT

    def x(day: dt.date) -> float:
        return round(LEFT + plot * (day - start).days / span, 1)

    lanes: dict[str, Lane] = {}
    for item in items:
        if item.family not in lanes:
            lanes[item.family] = Lane(item.family, item.colour, TOP + LANE * (len(lanes) + 0.5))
    marks = []
    for item in items:
        left = x(item.first_day)
        right = x(item.last_day + dt.timedelta(days=1))
        marks.append(
            Mark(
                item,
                left,
                lanes[item.family].y,
                0 if item.point else max(round(right - left, 1), MIN_BAR),
            )
        )
    years = end.year - start.year + 1
    step = next(step for step in (1, 2, 5, 10, 20, 50) if years / step <= 10)
    ticks = [
        Tick(x(dt.date(year, 1, 1)), str(year))
        for year in range(start.year, end.year + 1)
        if year % step == 0
    ]
    axis_y = TOP + LANE * len(lanes)
    return Chart(width, int(axis_y + AXIS), marks, list(lanes.values()), ticks, axis_y)
