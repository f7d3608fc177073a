"""Citations in an article's text: "(Tehran Times, August 20)" read into dated references.

Pure logic, no database access: text and a publication date in, ``Reference`` dataclasses
out, one per date written, in reading order.

The grammar, as the house style writes it:

- A *citation group* is a parenthetical whose every ``;``-separated item reads
  ``[see ][Part One in ]OUTLET, DATE[, DATE…]``. If any item does not, the whole
  parenthetical is ordinary text: "(SCO)", "(July 9, 2016)", "(44)",
  "(Moldova's president in 2016–2020)", "(Source: President of Belarus)".
- OUTLET is everything before the item's first comma, so an outlet whose name contains a
  comma cannot be cited (it would be read as OUTLET plus a non-date and left as text). It
  starts with a capital letter or a digit, has at most twelve words and no colon; dots,
  slashes, apostrophes and hyphens are fine ("Kremlin.ru", "Telegram/Rybar",
  "U.S. State Department"). Something that is itself a date ("July 9") is not an outlet.
  Runs of whitespace in it are read as one space.
- A DATE is "August 20", "December 9, 2024", "March 2024", "March", "2015", a range
  "February 24–25" or "February 24–March 2" (en dash or hyphen), or a bare day continuing
  the previous date's month: "April 25, 30, 2024" is April 25 and April 30. Month names
  are written in full. A four-digit year right after a date written without one is that
  date's year; anywhere else it is a year on its own.
- "see" (or "See") marks the item alone, not the rest of its group: in
  "(see EDM, April 4, 2019; U.S. State Department, April 4, 2019)" only the EDM item is
  see-also. A see-also item whose outlet is the name or short name of a Monitor
  publication is a *cross-reference*.

Years left out are resolved by ``resolve_years``. A date whose day does not exist
("April 31", "February 29, 2023") makes its item, and so its group, ordinary text.

On the seed article ("Iran and Belarus Boost Their Partnership", published 2025-08-21)
this gives 44 dated references: 20 citations of outlets and 24 "see EDM" dates in seven
groups (4 + 5 + 8 + 2 + 2 + 3). The State Department item sharing a group with EDM is
not see-also.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from articles.dates import FuzzyDate, FuzzyDateError
from articles.names import name_key


@dataclass(frozen=True)
class Reference:
    """One dated reference: an item of a citation group at one of its dates.

    ``text`` is the whole parenthetical as written, brackets included, and ``start``/``end``
    its character offsets in the text (``text == source[start:end]``); ``item`` is this
    reference's ``;``-separated part of it, stripped. ``date`` is the date at the precision
    written, with its year resolved; for a range it is the first day and ``end_date`` the
    last. ``paragraph`` counts the paragraphs (blocks between blank lines) before this
    one, from 0. ``part`` is the "One" of "Part One in EDM", else None.

    ``link_start``/``link_end`` are the offsets of what a reader clicks for this
    reference: the outlet and its first date ("Tehran Times, August 20") for an item's
    first date, the date alone ("July 26, 2017") for each further one.
    """

    outlet: str
    date: FuzzyDate
    see: bool
    text: str
    item: str
    start: int
    end: int
    paragraph: int
    end_date: FuzzyDate | None = None
    part: str | None = None
    is_cross_reference: bool = False
    link_start: int = 0
    link_end: int = 0


@dataclass(frozen=True)
class WrittenDate:
    """A date as an item writes it, before a missing year is resolved.

    ``year`` is None when the writer left it out. ``day`` is None for a month or a year,
    ``month`` None for a year (which is then always written). ``end_month``/``end_day``
    close a range and are None otherwise.
    """

    month: int | None
    day: int | None = None
    year: int | None = None
    end_month: int | None = None
    end_day: int | None = None


def extract_references(
    text: str, *, published: dt.date, publications: Collection[str] = ()
) -> list[Reference]:
    """Every dated reference in ``text``, in reading order.

    ``published`` is the article's publication date: years left out resolve against it
    (see ``resolve_years``). ``publications`` are the names and short names of Monitor's
    publications, compared ignoring case and punctuation; a see-also item citing one of
    them gets ``is_cross_reference``. Parentheticals that are not citation groups are
    skipped; an empty text gives an empty list.
    """
    publication_keys = {name_key(name) for name in publications} - {""}
    paragraph_starts = _paragraph_starts(text)
    references = []
    for match in _PARENTHETICAL.finditer(text):
        items, offset = [], match.start(1)
        for raw in match.group(1).split(";"):
            items.append(_read_item(raw, offset))
            offset += len(raw) + 1
        if not all(items):
            continue
        paragraph = bisect_right(paragraph_starts, match.start())
        for item in items:
            starts = resolve_years(item.dates, published=published)
            for index, (written, date) in enumerate(zip(item.dates, starts, strict=True)):
                link_start, link_end = item.spans[index]
                if index == 0:
                    link_start = item.outlet_start
                references.append(
                    Reference(
                        outlet=item.outlet,
                        date=date,
                        see=item.see,
                        text=match.group(0),
                        item=item.text,
                        start=match.start(),
                        end=match.end(),
                        paragraph=paragraph,
                        end_date=_range_end(written, date),
                        part=item.part,
                        is_cross_reference=item.see and name_key(item.outlet) in publication_keys,
                        link_start=link_start,
                        link_end=link_end,
                    )
                )
    return references


def resolve_years(dates: Sequence[WrittenDate], *, published: dt.date) -> list[FuzzyDate]:
    """The dates of one item with every year filled in, in the order given.

    The dates of an item are in chronological order and none is after the publication.
    So the item is walked backwards from ``published``, keeping a bound: a written year
    is kept as is, and a missing year becomes the latest that puts the date's first day
    on or before the bound. Each date then lowers the bound to its last day (a written
    date never raises it). "December 12, 2019, January 28, October 1, 2020, July 14,
    September 11" published 2025-08-21 gives 2019-12-12, 2020-01-28, 2020-10-01,
    2024-07-14, 2024-09-11. A yearless "March" published 2025-03-10 is March 2025; a
    yearless "February 29" takes the latest leap year that fits.

    Guarantees, for any input: written years are unchanged, and a date whose year was
    left out starts on or before ``published`` and on or before the end of every later
    date. So dates written in order, none after the publication, resolve in order.
    Raises ``FuzzyDateError`` for a date that cannot exist ("April 31", "February 29, 2023").
    """
    resolved: list[FuzzyDate] = []
    bound = published
    for written in reversed(dates):
        year = written.year if written.year is not None else _latest_year(written, bound)
        date = FuzzyDate.of(year, written.month, written.day)
        bound = min(bound, date.last_day())
        resolved.append(date)
    resolved.reverse()
    return resolved


@dataclass(frozen=True)
class _Item:
    """One ``;``-separated item of a citation group, before its years are resolved."""

    text: str
    outlet: str
    see: bool
    part: str | None
    dates: tuple[WrittenDate, ...]
    outlet_start: int
    spans: tuple[tuple[int, int], ...]


_MONTHS = {name: number for number, name in enumerate(calendar.month_name) if name}
_MONTH = "|".join(_MONTHS)
_LONGEST_MONTH = [0, *(calendar.monthrange(2000, month)[1] for month in range(1, 13))]

_PARENTHETICAL = re.compile(r"\(([^()]*)\)")
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
_ITEM = re.compile(
    r"(?:(?P<see>[Ss]ee)\s+)?(?:Part\s+(?P<part>\w+)\s+in\s+)?"
    r"(?P<outlet>[^\s,:;]+(?:\s+[^\s,:;]+){0,11}),\s*(?P<dates>.+)",
    re.DOTALL,
)
_DATE = re.compile(
    rf"(?P<month>{_MONTH})"
    r"(?:\s+(?P<day>\d{1,2})"
    rf"(?:\s*[-–]\s*(?:(?P<end_month>{_MONTH})\s+)?(?P<end_day>\d{{1,2}}))?"
    r"|\s+(?P<month_year>\d{4}))?"
    r"|(?P<year>\d{4})"
    r"|(?P<more_day>\d{1,2})"
)
_DATE_SEPARATOR = re.compile(r",\s*")


def _read_item(raw: str, offset: int) -> _Item | None:
    """The item's outlet and written dates, or None when it is not a citation item.

    ``offset`` is where ``raw`` starts in the whole text; the item's outlet start and date
    spans are given in the whole text's offsets.
    """
    text = raw.strip()
    offset += len(raw) - len(raw.lstrip())
    match = _ITEM.fullmatch(text)
    if match is None:
        return None
    outlet = " ".join(match["outlet"].split())
    if not (outlet[0].isupper() or outlet[0].isdigit()) or _DATE.fullmatch(outlet):
        return None
    read = _read_dates(match["dates"], offset + match.start("dates"))
    if read is None:
        return None
    dates, spans = read
    outlet_start = offset + match.start("outlet")
    return _Item(text, outlet, match["see"] is not None, match["part"], dates, outlet_start, spans)


def _read_dates(
    written: str, offset: int
) -> tuple[tuple[WrittenDate, ...], tuple[tuple[int, int], ...]] | None:
    """The comma-separated dates of an item and their spans, or None if any part is not a date.

    ``offset`` is where ``written`` starts in the whole text; each span covers a date as
    written, a year written after it included ("December 9, 2024").
    """
    dates: list[WrittenDate] = []
    spans: list[tuple[int, int]] = []
    for token, start in _tokens(written, offset):
        match = _DATE.fullmatch(token)
        if match is None:
            return None
        last = dates[-1] if dates else None
        end = start + len(token)
        if match["year"]:
            year = int(match["year"])
            if last is not None and last.year is None:
                dates[-1] = WrittenDate(last.month, last.day, year, last.end_month, last.end_day)
                spans[-1] = (spans[-1][0], end)
            else:
                dates.append(WrittenDate(None, None, year))
                spans.append((start, end))
            continue
        if match["more_day"]:
            if last is None or last.day is None:
                return None
            month = last.end_month or last.month
            date = WrittenDate(month, int(match["more_day"]))
        else:
            month = _MONTHS[match["month"]]
            year = int(match["month_year"]) if match["month_year"] else None
            day = int(match["day"]) if match["day"] else None
            end_day = int(match["end_day"]) if match["end_day"] else None
            end_month = _MONTHS[match["end_month"]] if match["end_month"] else None
            if end_day is not None and end_month is None:
                end_month = month
            date = WrittenDate(month, day, year, end_month, end_day)
        if not _exists_in_some_year(date):
            return None
        dates.append(date)
        spans.append((start, end))
    if any(date.year is not None and not _fits(date, date.year) for date in dates):
        return None
    return tuple(dates), tuple(spans)


def _tokens(written: str, offset: int):
    """The comma-separated parts of ``written``, stripped, with their offsets in the text."""
    position = 0
    for separator in [*_DATE_SEPARATOR.finditer(written), None]:
        end = separator.start() if separator else len(written)
        part = written[position:end]
        stripped = part.strip()
        yield stripped, offset + position + (len(part) - len(part.lstrip()))
        if separator:
            position = separator.end()


def _exists_in_some_year(date: WrittenDate) -> bool:
    """False for "April 31" or for a range ending before it starts within one month."""
    for month, day in ((date.month, date.day), (date.end_month, date.end_day)):
        if day is not None and not 1 <= day <= _LONGEST_MONTH[month]:
            return False
    return not (
        date.end_month == date.month and date.end_day is not None and date.end_day < date.day
    )


def _fits(date: WrittenDate, year: int) -> bool:
    """Whether the date, and a range's last day, exist with this year: not "February 29, 2023".

    Assumes ``_exists_in_some_year``, so only a February 29 depends on the year.
    """
    end_year = year + (date.end_day is not None and date.end_month < date.month)
    if not 1 <= year <= end_year <= 9999:
        return False
    return not (
        ((date.month, date.day) == (2, 29) and not calendar.isleap(year))
        or ((date.end_month, date.end_day) == (2, 29) and not calendar.isleap(end_year))
    )


def _latest_year(date: WrittenDate, bound: dt.date) -> int:
    """The latest year putting the date's first day on or before ``bound`` (leap days included)."""
    first = (date.month, date.day or 1)
    latest = bound.year if first <= (bound.month, bound.day) else bound.year - 1
    for year in range(latest, max(latest - 8, 0), -1):
        if _fits(date, year):
            return year
    raise FuzzyDateError(f"No year up to {latest} has the date {date}.")


def _range_end(written: WrittenDate, start: FuzzyDate) -> FuzzyDate | None:
    """The last day of a range, in the start's year or, across New Year, the next."""
    if written.end_day is None:
        return None
    year = start.year + (written.end_month < start.month)
    return FuzzyDate.of(year, written.end_month, written.end_day)


def _paragraph_starts(text: str) -> list[int]:
    """Offsets where paragraphs after the first begin; blank lines before the first count for nothing."""
    first = len(text) - len(text.lstrip())
    return [match.end() for match in _PARAGRAPH_BREAK.finditer(text) if match.start() >= first]
