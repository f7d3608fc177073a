"""Fuzzy dates: a day, a month, a year or a decade, kept at the precision it was written.

Pure logic, no database access. A ``FuzzyDate`` knows the range of days it covers
(``first_day()``/``last_day()``), its ISO 8601 form at its own precision (``isoformat()``)
and its EDTF form (``edtf()``). Nothing here invents a midpoint: "March 2023" covers
2023-03-01..2023-03-31 and sorts by that range, never as "March 15".
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class Precision(StrEnum):
    """How much of a date is known. Values are stored in the database."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    DECADE = "decade"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class FuzzyDateError(ValueError):
    """A date whose parts do not fit its precision, or that does not exist."""


@dataclass(frozen=True, order=True)
class FuzzyDate:
    """A date known to a precision.

    ``year`` is always set. ``month`` is set for DAY and MONTH precision, ``day`` only for
    DAY precision; a DECADE is written with the decade's first year (2010 for "the 2010s").
    Instances are validated on creation; ``FuzzyDateError`` says what is wrong in words an
    editor understands.
    """

    year: int
    month: int | None = None
    day: int | None = None
    precision: Precision = Precision.DAY

    def __post_init__(self) -> None:
        object.__setattr__(self, "precision", Precision(self.precision))
        problem = validate_parts(self.year, self.month, self.day, self.precision)
        if problem:
            raise FuzzyDateError(problem[1])

    @classmethod
    def of(cls, year: int, month: int | None = None, day: int | None = None) -> FuzzyDate:
        """The date at the precision its parts imply: a day if a day is given, and so on."""
        if day is not None:
            return cls(year, month, day, Precision.DAY)
        if month is not None:
            return cls(year, month, None, Precision.MONTH)
        return cls(year, None, None, Precision.YEAR)

    @classmethod
    def from_date(cls, value: dt.date) -> FuzzyDate:
        return cls(value.year, value.month, value.day, Precision.DAY)

    @classmethod
    def parse_iso(cls, text: str) -> FuzzyDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; the precision follows the form."""
        parts = text.strip().split("-")
        try:
            numbers = [int(part) for part in parts]
        except ValueError:
            raise FuzzyDateError(
                f"{text!r} is not a date like 2025, 2025-08 or 2025-08-19."
            ) from None
        if not 1 <= len(numbers) <= 3 or len(parts[0]) != 4:
            raise FuzzyDateError(f"{text!r} is not a date like 2025, 2025-08 or 2025-08-19.")
        return cls.of(*numbers)

    def first_day(self) -> dt.date:
        """The earliest day this date covers."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        """The latest day this date covers."""
        if self.precision is Precision.DAY:
            return dt.date(self.year, self.month, self.day)
        if self.precision is Precision.MONTH:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        if self.precision is Precision.YEAR:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year + 9, 12, 31)

    def isoformat(self) -> str:
        """ISO 8601 at the date's own precision: "2025-08-20", "2024-03", "2015", "2010"."""
        if self.precision is Precision.DAY:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.precision is Precision.MONTH:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def edtf(self) -> str:
        """Extended Date/Time Format (ISO 8601-2) at the date's precision; a decade is "201X"."""
        if self.precision is Precision.DECADE:
            return f"{self.year // 10:03d}X"
        return self.isoformat()

    def display(self) -> str:
        """The date as the house style writes it: "August 19, 2025", "March 2023", "2007", "the 2010s"."""
        if self.precision is Precision.DAY:
            return f"{calendar.month_name[self.month]} {self.day}, {self.year}"
        if self.precision is Precision.MONTH:
            return f"{calendar.month_name[self.month]} {self.year}"
        if self.precision is Precision.YEAR:
            return str(self.year)
        return f"the {self.year}s"


def validate_parts(
    year: int | None, month: int | None, day: int | None, precision: Precision | str | None
) -> tuple[str, str] | None:
    """What is wrong with these parts at this precision, or None when they make a date.

    Returns ``(part, message)``: the part an editor must fix ("year", "month", "day" or
    "precision") and a sentence meant for them, such as "A day-precision date needs a day."
    """
    try:
        precision = Precision(precision)
    except ValueError:
        return "precision", f"Unknown date precision {precision!r}."
    if year is None:
        return "year", "A date needs at least a year."
    if not 1 <= year <= 9999:
        return "year", "The year must be between 1 and 9999."
    if precision is Precision.DAY:
        if month is None:
            return "month", "A day-precision date needs a month."
        if day is None:
            return "day", "A day-precision date needs a day."
    elif precision is Precision.MONTH:
        if month is None:
            return "month", "A month-precision date needs a month."
        if day is not None:
            return "day", "A month-precision date has no day; choose day precision to give one."
    else:
        if month is not None:
            return "month", f"A {precision.value}-precision date has no month."
        if day is not None:
            return "day", f"A {precision.value}-precision date has no day."
        if precision is Precision.DECADE and year % 10:
            return "year", "A decade is written with its first year, such as 2010 for the 2010s."
    if month is not None and not 1 <= month <= 12:
        return "month", "The month must be between 1 and 12."
    if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        return "day", f"{calendar.month_name[month]} {year} has no day {day}."
    return None


def edtf_interval(start: FuzzyDate, end: FuzzyDate | None) -> str:
    """EDTF for a single date or an interval: "2025-08-19" or "2025-08-19/2025-08-20"."""
    if end is None or end == start:
        return start.edtf()
    return f"{start.edtf()}/{end.edtf()}"


def display_interval(start: FuzzyDate, end: FuzzyDate | None) -> str:
    """A human reading of a single date or an interval, at the precision known."""
    if end is None or end == start:
        return start.display()
    return f"{start.display()} – {end.display()}"
