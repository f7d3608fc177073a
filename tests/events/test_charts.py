"""Timeline layout: dates placed by the days they cover, one lane per family."""

import datetime as dt

from events.charts import TimelineItem, timeline_chart


def item(first, last, family="Diplomacy", point=True):
    return TimelineItem(first, last, "t", "d", "/e/", family, "#123456", point)


def test_no_items_no_chart():
    assert timeline_chart([]) is None


def test_a_month_is_a_bar_over_the_month_and_a_day_a_point():
    march = item(dt.date(2023, 3, 1), dt.date(2023, 3, 31), point=False)
    day = item(dt.date(2025, 8, 19), dt.date(2025, 8, 19))
    chart = timeline_chart([march, day])
    bar, dot = chart.marks
    assert 15 < bar.width < 20 and dot.width == 0  # one month of three years
    assert bar.x < dot.x
    assert [tick.label for tick in chart.ticks] == ["2023", "2024", "2025"]


def test_families_get_lanes_in_order_of_appearance():
    a = item(dt.date(2020, 1, 1), dt.date(2020, 1, 1), family="Military")
    b = item(dt.date(2021, 1, 1), dt.date(2021, 1, 1), family="Diplomacy")
    c = item(dt.date(2022, 1, 1), dt.date(2022, 1, 1), family="Military")
    chart = timeline_chart([a, b, c])
    assert [lane.family for lane in chart.lanes] == ["Military", "Diplomacy"]
    assert chart.marks[0].y == chart.marks[2].y != chart.marks[1].y


def test_long_spans_thin_their_ticks():
    chart = timeline_chart(
        [
            item(dt.date(1990, 1, 1), dt.date(1990, 1, 1)),
            item(dt.date(2025, 1, 1), dt.date(2025, 1, 1)),
        ]
    )
    assert len(chart.ticks) <= 10
