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
    assert 2.5 < bar.width < 2.9 and dot.width == 0  # one month of three years: 95% × 31/1096
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
    assert [tick.label for tick in chart.ticks] == ["1990", "2000", "2010", "2020"]


def test_positions_stay_inside_the_margins_and_ticks_are_few():
    """Across, everything is a percentage between the margins, whatever the span; at most
    six ticks, so that their labels fit side by side on the narrowest phone."""
    for first, last in [(2025, 2025), (2020, 2025), (2016, 2025), (1800, 2025), (1, 2025)]:
        chart = timeline_chart(
            [
                item(dt.date(first, 1, 1), dt.date(first, 1, 1)),
                item(dt.date(last, 12, 31), dt.date(last, 12, 31), point=False),
            ]
        )
        assert 1 <= len(chart.ticks) <= 6
        for mark in chart.marks:
            assert chart.left <= mark.x and mark.x + mark.width <= chart.right
        assert all(chart.left <= tick.x < chart.right for tick in chart.ticks)


def test_lane_labels_sit_above_their_lane_and_the_axis_below_them_all():
    a = item(dt.date(2020, 1, 1), dt.date(2020, 1, 1), family="Military")
    b = item(dt.date(2021, 1, 1), dt.date(2021, 1, 1), family="Diplomacy")
    chart = timeline_chart([a, b])
    first, second = chart.lanes
    assert first.label_y < first.y < second.label_y < second.y < chart.axis_y < chart.height
    # A dot (radius 6) clears the next lane's label (12 px text).
    assert first.y + 6 < second.label_y - 12
