"""Fuzzy dates: ranges covered, ISO and EDTF forms, and validation messages for editors."""

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articles.dates import (
    SEASONS,
    FuzzyDate,
    FuzzyDateError,
    Precision,
    display_interval,
    edtf_interval,
    read_date,
    validate_parts,
)


@pytest.mark.parametrize(
    ("date", "first", "last", "iso", "edtf", "shown"),
    [
        (
            FuzzyDate.of(2025, 8, 19),
            "2025-08-19",
            "2025-08-19",
            "2025-08-19",
            "2025-08-19",
            "August 19, 2025",
        ),
        (FuzzyDate.of(2023, 3), "2023-03-01", "2023-03-31", "2023-03", "2023-03", "March 2023"),
        (FuzzyDate.of(2024, 2), "2024-02-01", "2024-02-29", "2024-02", "2024-02", "February 2024"),
        (FuzzyDate.of(2007), "2007-01-01", "2007-12-31", "2007", "2007", "2007"),
        (
            FuzzyDate(2010, precision=Precision.DECADE),
            "2010-01-01",
            "2019-12-31",
            "2010",
            "201X",
            "the 2010s",
        ),
    ],
)
def test_a_fuzzy_date_covers_its_whole_range(date, first, last, iso, edtf, shown):
    assert date.first_day() == dt.date.fromisoformat(first)
    assert date.last_day() == dt.date.fromisoformat(last)
    assert date.isoformat() == iso
    assert date.edtf() == edtf
    assert date.display() == shown


def test_parse_iso_keeps_the_written_precision():
    assert FuzzyDate.parse_iso("2015").precision is Precision.YEAR
    assert FuzzyDate.parse_iso("2024-03").precision is Precision.MONTH
    assert FuzzyDate.parse_iso("2025-08-20") == FuzzyDate(2025, 8, 20)
    with pytest.raises(FuzzyDateError):
        FuzzyDate.parse_iso("20th of May")
    with pytest.raises(FuzzyDateError):
        FuzzyDate.parse_iso("2025-02-30")


@pytest.mark.parametrize(
    ("parts", "problem"),
    [
        ((2025, 8, None, "day"), ("day", "A day-precision date needs a day.")),
        ((2025, None, None, "day"), ("month", "A day-precision date needs a month.")),
        (
            (2025, 8, 19, "month"),
            ("day", "A month-precision date has no day; choose day precision to give one."),
        ),
        ((2025, 8, None, "year"), ("month", "A year-precision date has no month.")),
        (
            (2015, None, None, "decade"),
            ("year", "A decade is written with its first year, such as 2010 for the 2010s."),
        ),
        ((2025, 13, None, "month"), ("month", "The month must be between 1 and 12.")),
        ((2023, 2, 29, "day"), ("day", "February 2023 has no day 29.")),
        ((None, None, None, "year"), ("year", "A date needs at least a year.")),
        ((2025, None, None, "week"), ("precision", "Unknown date precision 'week'.")),
    ],
)
def test_invalid_parts_name_the_field_and_say_why(parts, problem):
    assert validate_parts(*parts) == problem


def test_intervals():
    start, end = FuzzyDate.of(2025, 8, 19), FuzzyDate.of(2025, 8, 20)
    assert edtf_interval(start, end) == "2025-08-19/2025-08-20"
    assert edtf_interval(start, None) == "2025-08-19"
    assert display_interval(FuzzyDate.of(2023, 3), FuzzyDate.of(2026)) == "March 2023 – 2026"


@given(
    st.dates(min_value=dt.date(10, 1, 1), max_value=dt.date(9989, 12, 31)),
    st.sampled_from(list(Precision)),
)
def test_every_precision_covers_the_day_it_was_made_from(day, precision):
    if precision is Precision.DAY:
        date = FuzzyDate.from_date(day)
    elif precision is Precision.MONTH:
        date = FuzzyDate.of(day.year, day.month)
    elif precision is Precision.YEAR:
        date = FuzzyDate.of(day.year)
    else:
        date = FuzzyDate(day.year - day.year % 10, precision=Precision.DECADE)
    assert date.first_day() <= day <= date.last_day()
    assert FuzzyDate.parse_iso(date.isoformat()).first_day() == date.first_day()


# Dates as analysts write them (read_date): the range each covers, by the conventions
# documented in articles/dates.py, and its EDTF. Years are written with four digits.


@pytest.mark.parametrize(
    ("written", "first", "last", "edtf", "qualifier"),
    [
        ("August 19, 2025", "2025-08-19", "2025-08-19", "2025-08-19", ""),
        ("19 August 2025", "2025-08-19", "2025-08-19", "2025-08-19", ""),
        ("Aug. 19, 2025", "2025-08-19", "2025-08-19", "2025-08-19", ""),
        ("March 2023", "2023-03-01", "2023-03-31", "2023-03", ""),
        ("in March 2023", "2023-03-01", "2023-03-31", "2023-03", ""),
        ("2007", "2007-01-01", "2007-12-31", "2007", ""),
        ("the 2010s", "2010-01-01", "2019-12-31", "201X", ""),
        ("mid-2015", "2015-05-01", "2015-08-31", "2015-38", "mid"),
        ("Early 2015", "2015-01-01", "2015-04-30", "2015-37", "early"),
        ("late 2015", "2015-09-01", "2015-12-31", "2015-39", "late"),
        ("early June 2025", "2025-06-01", "2025-06-10", "2025-06-01/2025-06-10", "early"),
        ("mid-June 2025", "2025-06-11", "2025-06-20", "2025-06-11/2025-06-20", "mid"),
        ("late February 2024", "2024-02-21", "2024-02-29", "2024-02-21/2024-02-29", "late"),
        ("late 2010s", "2017-01-01", "2019-12-31", "2017/2019", "late"),
        ("early 2010s", "2010-01-01", "2013-12-31", "2010/2013", "early"),
        ("spring 2023", "2023-03-01", "2023-05-31", "2023-21", "spring"),
        ("fall 2020", "2020-09-01", "2020-11-30", "2020-23", "autumn"),
        ("winter 2023", "2023-12-01", "2024-02-29", "2023-24", "winter"),
        ("around 2007", "2006-01-01", "2008-12-31", "2007~", "around"),
        ("c. 1999", "1998-01-01", "2000-12-31", "1999~", "around"),
        ("around March 2023", "2023-02-01", "2023-04-30", "2023-03~", "around"),
        ("around August 19, 2025", "2025-08-16", "2025-08-22", "2025-08-19~", "around"),
        ("July 8–9, 2016", "2016-07-08", "2016-07-09", "2016-07-08/2016-07-09", ""),
        ("8-9 July 2016", "2016-07-08", "2016-07-09", "2016-07-08/2016-07-09", ""),
        ("July 30 – August 2, 2016", "2016-07-30", "2016-08-02", "2016-07-30/2016-08-02", ""),
        ("March–May 2023", "2023-03-01", "2023-05-31", "2023-03/2023-05", ""),
        ("between 2018 and 2020", "2018-01-01", "2020-12-31", "2018/2020", ""),
        ("from March to May 2023", "2023-03-01", "2023-05-31", "2023-03/2023-05", ""),
        ("2018–20", "2018-01-01", "2020-12-31", "2018/2020", ""),
        ("December 2024–January 2025", "2024-12-01", "2025-01-31", "2024-12/2025-01", ""),
    ],
)
def test_dates_as_written_are_read_by_the_documented_conventions(
    written, first, last, edtf, qualifier
):
    reading = read_date(written)
    assert reading.first_day().isoformat() == first
    assert reading.last_day().isoformat() == last
    assert reading.edtf == edtf
    assert reading.qualifier == qualifier


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("", "Write the date"),
        ("early June", "Give the year: “early June” names no year"),
        ("sometime soon", "“sometime soon” is not a date Monitor reads"),
        ("July 9–8, 2016", "The range ends before it starts"),
        ("early August 19, 2025", "qualifies a month, a year or a decade, not a day"),
        ("spring 2023-05", "A season needs a year"),
        ("February 30, 2024", "February 2024 has no day 30"),
        ("2025-13-01", "is not a date Monitor reads"),
        ("x" * 81, "at most 80 characters"),
    ],
)
def test_what_cannot_be_read_is_said_in_the_editors_words(written, message):
    with pytest.raises(FuzzyDateError, match=message):
        read_date(written)


_periods = st.one_of(
    st.builds(lambda y: FuzzyDate.of(y), st.integers(1001, 9990)),
    st.builds(lambda y, m: FuzzyDate.of(y, m), st.integers(1001, 9990), st.integers(1, 12)),
    st.builds(lambda y: FuzzyDate(y * 10, precision=Precision.DECADE), st.integers(101, 998)),
)


@given(st.dates(min_value=dt.date(1001, 1, 1), max_value=dt.date(9989, 12, 31)), _periods)
def test_a_plain_date_reads_back_as_itself(day, period):
    for date in (FuzzyDate.from_date(day), period):
        reading = read_date(date.display())
        assert (reading.start, reading.end, reading.edtf) == (date, None, date.edtf())
        assert read_date(date.isoformat()).start.first_day() == date.first_day()


@given(_periods)
def test_early_mid_and_late_split_a_period_into_three_touching_parts(period):
    parts = [read_date(f"{which} {period.display()}") for which in ("early", "mid", "late")]
    assert parts[0].first_day() == period.first_day()
    assert parts[-1].last_day() == period.last_day()
    for before, after in itertools.pairwise(parts):
        assert after.first_day() == before.last_day() + dt.timedelta(days=1)


@given(_periods, st.sampled_from(["around", "about", "circa", "c."]))
def test_around_widens_a_period_on_both_sides(period, word):
    reading = read_date(f"{word} {period.display()}")
    assert reading.first_day() < period.first_day()
    assert reading.last_day() > period.last_day()
    assert reading.edtf == f"{period.edtf()}~"


@given(st.integers(1001, 9990), st.sampled_from(sorted(SEASONS)))
def test_a_season_is_three_months_from_its_first(year, season):
    reading = read_date(f"{season} {year}")
    first = reading.first_day()
    assert (first.year, first.month) == (year, SEASONS[season][0])
    months = (reading.last_day().year - first.year) * 12 + reading.last_day().month - first.month
    assert months == 2
    assert reading.edtf == f"{year:04d}-{SEASONS[season][1]}"


@given(
    st.dates(min_value=dt.date(1001, 1, 1), max_value=dt.date(9989, 12, 31)),
    st.dates(min_value=dt.date(1001, 1, 1), max_value=dt.date(9989, 12, 31)),
)
def test_a_range_covers_from_its_first_date_to_its_last(one, other):
    start, end = sorted((one, other))
    start, end = FuzzyDate.from_date(start), FuzzyDate.from_date(end)
    reading = read_date(f"between {start.display()} and {end.display()}")
    assert (reading.first_day(), reading.last_day()) == (start.first_day(), end.last_day())
    assert reading.edtf == edtf_interval(start, end)
