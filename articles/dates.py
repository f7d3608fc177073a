"""Fuzzy dates: a day, a month, a year or a decade, kept at the precision it was written.

Pure logic, no database access. A ``FuzzyDate`` knows the range of days it covers
(``first_day()``/``last_day()``), its ISO 8601 form at its own precision (``isoformat()``)
and its EDTF form (``edtf()``). Nothing here invents a midpoint: "March 2023" covers
2023-03-01..2023-03-31 and sorts by that range, never as "March 15".
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
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


# ---------------------------------------------------------------------------------------------
# Dates as analysts write them: "mid-2015", "early June 2025", "spring 2023", "around 2007",
# "July 8–9, 2016", "between 2018 and 2020". ``read_date`` turns the text into the range of days
# it covers (a start and an end ``FuzzyDate``), by one convention per qualifier, and its EDTF.
#
# The conventions (never an invented exact day):
# - early / mid / late: the first, middle and last third of the period named. A year's thirds
#   are its four-month parts, January–April, May–August and September–December (EDTF's
#   quadrimesters, "2015-38" for mid-2015); a month's are days 1–10, 11–20 and 21 to its end;
#   a decade's are its years 0–3, 4–6 and 7–9 ("late 2010s" is 2017–2019).
# - seasons, as the northern hemisphere has them: spring March–May, summer June–August,
#   autumn (or fall) September–November, winter December to the next February ("winter 2023"
#   is December 2023 – February 2024); EDTF's seasons 21–24 ("2023-21" for spring 2023).
# - around (about, circa, c., approximately): the period widened on each side by one of its
#   own unit, a day by three days, a decade by five years; EDTF marks it approximate ("2007~").
# - a range ("July 8–9, 2016", "March–May 2023", "from 2018 to 2020", "between 2018 and
#   2020"): from the first date's first day to the second's last; parts the first date leaves
#   out (the year, the month) are the second's, and the second's missing month is the first's.
# ---------------------------------------------------------------------------------------------

_MONTHS = {
    **{name.lower(): number for number, name in enumerate(calendar.month_name) if name},
    **{name.lower(): number for number, name in enumerate(calendar.month_abbr) if name},
    "sept": 9,
}
_MONTH = r"(?P<{}>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<{}>\d{{1,2}})(?:st|nd|rd|th)?"
_YEAR = r"(?P<{}>\d{{4}})"
_DASHES = str.maketrans({"–": "-", "—": "-", "‒": "-", "−": "-", "‐": "-", "‑": "-"})
_THIRDS = ("early", "mid", "late")
_AROUND = ("around", "about", "circa", "c.", "ca.", "c", "ca", "approximately", "approx.")
SEASONS = {
    "spring": (3, 21),
    "summer": (6, 22),
    "autumn": (9, 23),
    "fall": (9, 23),
    "winter": (12, 24),
}
# EDTF's quadrimesters: the thirds of a year.
_QUADRIMESTERS = {"early": 37, "mid": 38, "late": 39}

# One date, perhaps missing its year or month (filled from the other end of a range).
_PARTIAL_FORMS = [
    re.compile(rf"^{_YEAR.format('year')}$"),
    re.compile(r"^(?:the\s+)?(?P<decade>\d{3}0)'?s$"),
    re.compile(r"^(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])(?:-(?P<day>\d{2}))?$"),
    re.compile(rf"^{_MONTH.format('month_name')}(?:,?\s+{_YEAR.format('year')})?$"),
    re.compile(
        rf"^{_MONTH.format('month_name')}\s+{_DAY.format('day')}(?:,?\s+{_YEAR.format('year')})?$"
    ),
    re.compile(
        rf"^{_DAY.format('day')}(?:\s+{_MONTH.format('month_name')})?(?:,?\s+{_YEAR.format('year')})?$"
    ),
]


@dataclass(frozen=True)
class DateReading:
    """What a date as written was understood to mean: the days it covers, from ``start``'s
    first day to ``end``'s last (``end`` None for a single date), its EDTF, and the
    qualifier it was written with ("", "early", "mid", "late", a season, "around")."""

    start: FuzzyDate
    end: FuzzyDate | None
    edtf: str
    qualifier: str = ""

    def first_day(self) -> dt.date:
        return self.start.first_day()

    def last_day(self) -> dt.date:
        return (self.end or self.start).last_day()

    def understood(self) -> str:
        """The reading in words, for the editor to check: "May 2015 – August 2015"."""
        return display_interval(self.start, self.end)


def _parts(text: str) -> dict | None:
    """Year, month, day (each perhaps None) and whether it is a decade, or None."""
    for form in _PARTIAL_FORMS:
        found = form.match(text)
        if not found:
            continue
        groups = found.groupdict()
        if groups.get("decade"):
            return {"year": int(groups["decade"]), "month": None, "day": None, "decade": True}
        month = groups.get("month") or (groups.get("month_name") or "").lower()
        return {
            "year": int(groups["year"]) if groups.get("year") else None,
            "month": (_MONTHS[month.lower()] if not month.isdigit() else int(month))
            if month
            else None,
            "day": int(groups["day"]) if groups.get("day") else None,
            "decade": False,
        }
    return None


class _Unreadable(Exception):
    """Part of the text is no date: the whole text is reported (``read_date``)."""


class _NoYear(Exception):
    """A date without its year: the whole text is reported (``read_date``)."""


def _complete(parts: dict) -> FuzzyDate:
    if parts["year"] is None:
        raise _NoYear
    if parts["day"] is not None and parts["month"] is None:
        raise _Unreadable
    if parts["decade"]:
        return FuzzyDate(parts["year"], precision=Precision.DECADE)
    return FuzzyDate.of(parts["year"], parts["month"], parts["day"])


def _one(text: str) -> FuzzyDate:
    parts = _parts(text)
    if parts is None:
        raise _Unreadable
    return _complete(parts)


def _range(first_text: str, second_text: str) -> tuple[FuzzyDate, FuzzyDate]:
    first, second = _parts(first_text), _parts(second_text)
    if first is None or second is None:
        raise _Unreadable
    if second["day"] is not None and second["month"] is None:
        second["month"] = first["month"]  # "July 8–9, 2016"
    if first["year"] is None:
        first["year"] = second["year"]
        if first["day"] is not None and first["month"] is None:
            first["month"] = second["month"]  # "8–9 July 2016"
    start, end = _complete(first), _complete(second)
    if end.last_day() < start.first_day():
        raise FuzzyDateError(
            f"The range ends before it starts: {start.display()} – {end.display()}."
        )
    return start, end


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def _third(which: str, period: FuzzyDate) -> tuple[FuzzyDate, FuzzyDate, str]:
    part = _THIRDS.index(which)
    if period.precision is Precision.YEAR:
        first, last = (1, 5, 9)[part], (4, 8, 12)[part]
        start = FuzzyDate(period.year, first, None, Precision.MONTH)
        end = FuzzyDate(period.year, last, None, Precision.MONTH)
        return start, end, f"{period.year:04d}-{_QUADRIMESTERS[which]}"
    if period.precision is Precision.MONTH:
        last_of_month = calendar.monthrange(period.year, period.month)[1]
        first, last = (1, 11, 21)[part], (10, 20, last_of_month)[part]
        start = FuzzyDate(period.year, period.month, first)
        end = FuzzyDate(period.year, period.month, last)
        return start, end, edtf_interval(start, end)
    if period.precision is Precision.DECADE:
        first, last = (0, 4, 7)[part], (3, 6, 9)[part]
        start = FuzzyDate(period.year + first, precision=Precision.YEAR)
        end = FuzzyDate(period.year + last, precision=Precision.YEAR)
        return start, end, edtf_interval(start, end)
    raise FuzzyDateError(f"“{which}” qualifies a month, a year or a decade, not a day.")


def _season(name: str, period: FuzzyDate) -> tuple[FuzzyDate, FuzzyDate, str]:
    if period.precision is not Precision.YEAR:
        raise FuzzyDateError(f"A season needs a year: “{name} 2023”.")
    first_month, code = SEASONS[name]
    end_year, end_month = _shift_month(period.year, first_month, 2)
    start = FuzzyDate(period.year, first_month, None, Precision.MONTH)
    end = FuzzyDate(end_year, end_month, None, Precision.MONTH)
    return start, end, f"{period.year:04d}-{code}"


def _around(period: FuzzyDate) -> tuple[FuzzyDate, FuzzyDate, str]:
    edtf = f"{period.edtf()}~"
    if period.precision is Precision.DAY:
        day = period.first_day()
        margin = dt.timedelta(days=3)
        return FuzzyDate.from_date(day - margin), FuzzyDate.from_date(day + margin), edtf
    if period.precision is Precision.MONTH:
        before = _shift_month(period.year, period.month, -1)
        after = _shift_month(period.year, period.month, 1)
        return (
            FuzzyDate(*before, None, Precision.MONTH),
            FuzzyDate(*after, None, Precision.MONTH),
            edtf,
        )
    margin = 1 if period.precision is Precision.YEAR else 5
    last = period.year + (0 if period.precision is Precision.YEAR else 9)
    return (
        FuzzyDate(period.year - margin, precision=Precision.YEAR),
        FuzzyDate(last + margin, precision=Precision.YEAR),
        edtf,
    )


_NOT_A_DATE = (
    "“{text}” is not a date Monitor reads: write it as “August 19, 2025”, “March 2023”, "
    "“2007”, “the 2010s”, “mid-2015”, “early June 2025”, “spring 2023”, “around 2007”, "
    "“July 8–9, 2016” or “between 2018 and 2020”."
)


def _normal(text: str) -> str:
    text = " ".join(text.translate(_DASHES).split()).strip(" .,;").lower()
    text = re.sub(r"^(?:in|on|during)\s+", "", text)
    return re.sub(r"\s*-\s*", "-", text)


def read_date(text: str) -> DateReading:
    """Read a date as an analyst writes it; ``FuzzyDateError`` says what could not be read,
    quoting the text as written."""
    written = " ".join(str(text).split())
    if not written:
        raise FuzzyDateError("Write the date, such as “August 19, 2025” or “mid-2015”.")
    if len(written) > 80:
        raise FuzzyDateError("A date is at most 80 characters.")
    try:
        return _read(_normal(written))
    except _NoYear:
        raise FuzzyDateError(
            f"Give the year: “{written}” names no year (such as “{written} 2025”)."
        ) from None
    except _Unreadable:
        raise FuzzyDateError(_NOT_A_DATE.format(text=written)) from None


def _read(text: str) -> DateReading:
    found = re.match(r"^(?:between|from)\s+(.+?)\s+(?:and|to|until|till)\s+(.+)$", text)
    if found:
        start, end = _range(*found.groups())
        return DateReading(start, end, edtf_interval(start, end))
    # A qualifier and the period it qualifies: "mid 2015", "mid-2015", "mid-June 2025".
    words = re.split(r"\s+|(?<=^early)-|(?<=^mid)-|(?<=^late)-", text, maxsplit=1)
    head = words[0]
    if len(words) == 2 and head in _THIRDS:
        start, end, edtf = _third(head, _one(words[1].removeprefix("the ")))
        return DateReading(start, end, edtf, head)
    if len(words) == 2 and head in SEASONS:
        start, end, edtf = _season(head, _one(words[1]))
        return DateReading(start, end, edtf, "autumn" if head == "fall" else head)
    if len(words) == 2 and head in _AROUND:
        start, end, edtf = _around(_one(words[1]))
        return DateReading(start, end, edtf, "around")
    found = re.match(r"^(.+?)(?:-|\s+to\s+|\s+until\s+)(.+)$", text)
    if found and _parts(text) is None:
        first, second = found.groups()
        if re.fullmatch(r"\d{4}", first) and re.fullmatch(r"\d{2}", second):
            second = first[:2] + second  # "2018-20"
        start, end = _range(first.strip(" ,"), second.strip(" ,"))
        return DateReading(start, end, edtf_interval(start, end))
    start = _one(text)
    return DateReading(start, None, start.edtf())


def written_reading(
    text: str, start: FuzzyDate | None, end: FuzzyDate | None
) -> DateReading | None:
    """The reading of a date as written when it covers exactly the stored dates (``start`` to
    ``end``); None when the text is empty, is no date (a phrase such as "at the Kazan
    summit"), or says something other than the dates (which then rule)."""
    if not text or start is None:
        return None
    try:
        reading = read_date(text)
    except FuzzyDateError:
        return None
    if (reading.start, reading.end or reading.start) != (start, end or start):
        return None
    return reading


def written_display(text: str) -> str:
    """A date as written, as readers see it: spaces tidied, a leading "in", "on" or "during"
    and closing punctuation left out ("in mid-2015." is shown "mid-2015")."""
    text = " ".join(text.split()).strip(" .,;")
    return re.sub(r"^(?:in|on|during)\s+", "", text, flags=re.IGNORECASE)


def date_label(text: str, start: FuzzyDate | None, end: FuzzyDate | None) -> str:
    """A date as readers see it: as written ("mid-2015") when the text says what the dates
    say, else read from the dates ("May 2015 – August 2015"); "" without a date."""
    if written_reading(text, start, end):
        return written_display(text)
    return display_interval(start, end) if start else ""
