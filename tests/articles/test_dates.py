"""Fuzzy dates: ranges covered, ISO and EDTF forms, and validation messages for editors."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articles.dates import (
    FuzzyDate,
    FuzzyDateError,
    Precision,
    display_interval,
    edtf_interval,
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
