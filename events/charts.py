"""Timelines drawn as charts: events placed on a time axis by the days their date covers.

Pure layout, no database and no markup: ``timeline_chart`` takes ``TimelineItem`` rows and
returns a ``Chart`` which a template draws. A date known to the day is a dot; a month, a
year or a decade is a bar over the days it covers, so "March 2023" is drawn as all of March
and never as a point on March 15. Each event family gets its own lane and colour.

Across, positions are percentages of the chart's width; down, they are pixels. The chart is
drawn without a ``viewBox``, so it fills the width of any screen while its text keeps its
size in pixels (12 px on a phone as on a desktop): nothing is scaled down to fit. Lane labels
sit above their lane at the left edge, and tick labels start at their tick, so no label
depends on room to the left of the axis; there are at most ``MAX_TICKS`` of them, none too
near the axis's end for its label, which leaves each label room on a 288 px wide chart (the
narrowest phone's).
"""

import datetime as dt
from dataclasses import dataclass

MARGIN = 2.5  # percent of the width left empty at each side (room for a dot's radius)
PLOT = 100 - 2 * MARGIN
TOP = 8
LANE = 44  # px per lane: its label above, its marks on the line
LANE_LINE = 30  # px from a lane's top to its line
LABEL_ABOVE = 14  # px from a lane's label's baseline down to its line
AXIS = 28  # px under the lanes: ticks and their labels
MIN_BAR = 0.8  # percent of the width
MAX_TICKS = 6
TICK_ROOM = 13  # percent right of a tick its label needs (34 px of 288): nearer the end, no tick
STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)  # years between ticks


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
    x: float  # percent
    y: int  # px
    width: float  # percent; 0 for a dot


@dataclass(frozen=True)
class Lane:
    family: str
    colour: str
    y: int  # px, the lane's line
    label_y: int  # px, its label's baseline


@dataclass(frozen=True)
class Tick:
    x: float  # percent
    label: str


@dataclass(frozen=True)
class Chart:
    height: int  # px
    marks: list[Mark]
    lanes: list[Lane]
    ticks: list[Tick]
    axis_y: int  # px
    left: float = MARGIN  # percent: where the axis starts
    right: float = 100 - MARGIN  # percent: where it ends


def timeline_chart(items: list[TimelineItem]) -> Chart | None:
    """The chart of ``items`` (None when there are none).

    The axis runs from January 1 of the earliest year to December 31 of the latest, so
    that year ticks fall on the axis's edges; lanes follow the order families first
    appear in ``items``. Ticks are every year, or every 2, 5, 10, 20 or 50 years on long
    spans, at most ``MAX_TICKS`` of them.
    """
    if not items:
        return None
    start = dt.date(min(item.first_day for item in items).year, 1, 1)
    end = dt.date(max(item.last_day for item in items).year, 12, 31)
    span = (end - start).days + 1

    def x(day: dt.date) -> float:
        return round(MARGIN + PLOT * (day - start).days / span, 2)

    lanes: dict[str, Lane] = {}
    for item in items:
        if item.family not in lanes:
            y = TOP + LANE * len(lanes) + LANE_LINE
            lanes[item.family] = Lane(item.family, item.colour, y, y - LABEL_ABOVE)
    marks = []
    for item in items:
        left = x(item.first_day)
        width = (
            0
            if item.point
            else max(round(x(item.last_day + dt.timedelta(days=1)) - left, 2), MIN_BAR)
        )
        # A bar widened to be seen ends at the axis's end at the latest.
        left = min(left, round(100 - MARGIN - width, 2))
        marks.append(Mark(item, left, lanes[item.family].y, width))
    years = end.year - start.year + 1
    step = next((step for step in STEPS if years / step <= MAX_TICKS), STEPS[-1])
    ticks = [
        Tick(x(dt.date(year, 1, 1)), str(year))
        for year in range(start.year, end.year + 1)
        if year % step == 0
    ]
    ticks = [tick for tick in ticks if tick.x <= 100 - MARGIN - TICK_ROOM] or ticks[:1]
    axis_y = TOP + LANE * len(lanes)
    return Chart(axis_y + AXIS, marks, list(lanes.values()), ticks, axis_y)
