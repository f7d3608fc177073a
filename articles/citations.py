"""Citations in an article's text: "(Tehran Times, August 20)" read into dated references.

Pure logic, no database access: text and a publication date in, ``Reference`` dataclasses
out, one per date written, in reading order.

The grammar, as the house style and the archives (2005–2025) write it:

- A *parenthetical* is text in brackets; it may hold bracketed text of its own one level
  deep ("(Ministry of Defense of Ukraine (MoD), June 2, 2022)"). Its ``;``-separated
  *items* (a ``;`` inside inner brackets separates nothing) each read
  ``[see ][Part N in |Part N, ]["Title," ]OUTLET[, OUTLET…], DATE[, DATE…][, accessed
  DATE…]``.
- A parenthetical is a *citation group* when at least one of its items reads as a
  citation (outlets and at least one date). Then every item that does not is reported as
  *not understood* (``read_citations``), never dropped silently: in "(Interfax-Ukraine,
  March 3; see Part Two of this series)" the second item. A parenthetical with no such
  item is ordinary text and nothing is reported: "(SCO)", "(July 9, 2016)", "(44)",
  "(Moldova's president in 2016–2020)", "(Source: President of Belarus)", "(see Part Two
  of this series)". When it is ordinary text, a parenthetical inside it is read on its
  own: "(the ministry (Belta, May 5) said so)".
- The item's comma-separated parts up to its first date are its OUTLETs, so an outlet
  whose name contains a comma cannot be cited. An outlet has at most twelve words and no
  colon, is not itself a date ("July 9"), and starts with a capital letter or a digit, or
  is a domain in any case ("kommersant.ru", "www.kremlin.ru") or a handle ("@handle_one").
  Dots, slashes, apostrophes, hyphens and brackets are fine ("Kremlin.ru",
  "Telegram/Rybar", "U.S. State Department"). An outlet after the first does not end in
  a dot, so "(Reuters, Inc., May 5)" stays text. Runs of whitespace in an outlet are read
  as one space. Several outlets share the item's dates: "(Interfax, Vedomosti, March 2)"
  is one reference per outlet at each date.
- An item of handles with no date takes the dates of the next item when that one's
  outlets are handles too: "(@handle_one; @handle_two, March 2)". Otherwise it is not
  understood.
- A DATE is "August 20", "December 9, 2024", "March 2024", "March", "2015", a range
  "February 24–25" or "February 24–March 2" (en dash or hyphen), or a bare day continuing
  the previous date's month: "April 25, 30, 2024" is April 25 and April 30. Month names
  are written in full. A four-digit year right after a date written without one is that
  date's year; anywhere else it is a year on its own. Note or link markers after a date
  ("17 [2][3]") are not part of it.
- "accessed DATE…" after an item's dates, or as an item of its own, is when the writer
  read the source, not a date of it: "(Meduza, March 1, accessed March 5)" is one
  reference, March 1. If what follows "accessed" is not a date the item is not understood.
- "see" (or "See") marks the item alone, not the rest of its group: in
  "(see EDM, April 4, 2019; U.S. State Department, April 4, 2019)" only the EDM item is
  see-also. A see-also item whose outlet is the name or short name of a Monitor
  publication is a *cross-reference*. "Part Two in EDM" and "Part Two, EDM" give the
  ``part``; a quoted title before the outlet ("“Title of the Piece,” EDM", the comma
  inside or outside the quotes, curly or straight) gives the ``title``.

Years left out are resolved by ``resolve_years``, each item on its own. A date whose day
does not exist ("April 31", "February 29, 2023") makes its item unreadable: its group is
ordinary text unless another item of it reads as a citation.

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
from articles.names import is_domain, name_key


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
    first date, the date alone ("July 26, 2017") for each further one. Where outlets share
    dates ("Interfax, Vedomosti, March 2"), each outlet's name alone is the link of its
    first date, each further date links the first outlet's reference, and the other
    outlets' references at further dates have an empty span (``link_start ==
    link_end``): no link of their own, so no two links ever overlap. ``title`` is a quoted
    title written before the outlet.
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
    title: str | None = None


@dataclass(frozen=True)
class NotUnderstood:
    """An item of a citation group that could not be read: "see Part Two of this series".

    ``text`` is the item as written, stripped, at ``start``/``end`` in the text; ``group``
    is its whole parenthetical, ``paragraph`` as for ``Reference``.
    """

    text: str
    group: str
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class Reading:
    """What ``read_citations`` found: the references, and the items it could not read."""

    references: list[Reference]
    not_understood: list[NotUnderstood]


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
    skipped; an empty text gives an empty list. ``read_citations`` also gives the items
    of citation groups that could not be read.
    """
    return read_citations(text, published=published, publications=publications).references


def read_citations(text: str, *, published: dt.date, publications: Collection[str] = ()) -> Reading:
    """The references of ``text`` (as ``extract_references``) and, in reading order, the
    items of its citation groups that could not be read."""
    publication_keys = {name_key(name) for name in publications} - {""}
    reading = Reading([], [])
    paragraph_starts = _paragraph_starts(text)
    for match in _PARENTHETICAL.finditer(text):
        if _read_group(text, match, published, publication_keys, paragraph_starts, reading):
            continue
        if "(" in match.group(1):  # an aside holding a parenthetical: read that one alone
            for inner in _INNER.finditer(text, match.start(1), match.end(1)):
                _read_group(text, inner, published, publication_keys, paragraph_starts, reading)
    return reading


def _read_group(
    text: str,
    match: re.Match,
    published: dt.date,
    publication_keys: set[str],
    paragraph_starts: list[int],
    reading: Reading,
) -> bool:
    """Read one parenthetical into ``reading``; False, adding nothing, when it is not a
    citation group (no item of it reads as a citation)."""
    items: list[tuple[str, int, _Item | None]] = []
    offset = match.start(1)
    for raw in _split_items(match.group(1)):
        items.append((raw, offset, _read_item(raw, offset)))
        offset += len(raw) + 1
    if not any(item is not None and item.dates for _, _, item in items):
        return False
    paragraph = bisect_right(paragraph_starts, match.start())
    pending: list[tuple[str, int, _Item]] = []  # handles waiting for the next item's dates
    for raw, offset, item in items:
        if item is not None and item.access_only:
            continue
        if item is not None and not item.dates and item.all_handles:
            pending.append((raw, offset, item))
            continue
        if item is not None and pending and item.all_handles:
            for _, _, waiting in pending:
                _append(reading, waiting, item, text, match, paragraph, published, publication_keys)
        else:
            for waiting_raw, waiting_offset, _ in pending:
                _not_understood(reading, waiting_raw, waiting_offset, match, paragraph)
        pending = []
        if item is None:
            _not_understood(reading, raw, offset, match, paragraph)
        else:
            _append(reading, item, item, text, match, paragraph, published, publication_keys)
    for waiting_raw, waiting_offset, _ in pending:
        _not_understood(reading, waiting_raw, waiting_offset, match, paragraph)
    return True


def _append(
    reading: Reading,
    item: _Item,
    dated: _Item,
    text: str,
    match: re.Match,
    paragraph: int,
    published: dt.date,
    publication_keys: set[str],
) -> None:
    """The references of ``item``'s outlets at ``dated``'s dates (its own, or the next
    item's for handles that share them)."""
    starts = resolve_years(dated.dates, published=published)
    shared = item is not dated or len(item.outlets) > 1
    for number, (outlet, outlet_start, outlet_end) in enumerate(item.outlets):
        for index, (written, date) in enumerate(zip(dated.dates, starts, strict=True)):
            if index == 0:
                link_start, link_end = outlet_start, outlet_end if shared else dated.spans[0][1]
            elif number == 0 and item is dated:
                link_start, link_end = dated.spans[index]
            else:  # the date is linked once, for the first outlet naming it
                link_start = link_end = outlet_end
            reading.references.append(
                Reference(
                    outlet=outlet,
                    date=date,
                    see=item.see,
                    text=match.group(0),
                    item=item.text,
                    start=match.start(),
                    end=match.end(),
                    paragraph=paragraph,
                    end_date=_range_end(written, date),
                    part=item.part,
                    is_cross_reference=item.see and name_key(outlet) in publication_keys,
                    link_start=link_start,
                    link_end=link_end,
                    title=item.title,
                )
            )


def _not_understood(reading: Reading, raw: str, offset: int, match: re.Match, paragraph: int):
    start = offset + len(raw) - len(raw.lstrip())
    reading.not_understood.append(
        NotUnderstood(raw.strip(), match.group(0), start, start + len(raw.strip()), paragraph)
    )


def _split_items(group: str) -> list[str]:
    """The ``;``-separated parts of a group, a ``;`` inside inner parentheses aside."""
    parts, depth, last = [], 0, 0
    for index, char in enumerate(group):
        depth += (char == "(") - (char == ")")
        if char == ";" and depth == 0:
            parts.append(group[last:index])
            last = index + 1
    parts.append(group[last:])
    return parts


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
    """One ``;``-separated item of a citation group, before its years are resolved.

    ``outlets`` are (name, start, end) in the whole text's offsets; ``dates`` is empty for
    handles waiting for the next item's dates, and for an access note on its own
    ("accessed March 5"), which has no outlets either.
    """

    text: str
    outlets: tuple[tuple[str, int, int], ...]
    see: bool
    part: str | None
    title: str | None
    dates: tuple[WrittenDate, ...]
    spans: tuple[tuple[int, int], ...]

    @property
    def access_only(self) -> bool:
        return not self.outlets

    @property
    def all_handles(self) -> bool:
        return bool(self.outlets) and all(name.startswith("@") for name, _, _ in self.outlets)


_MONTHS = {name: number for number, name in enumerate(calendar.month_name) if name}
_MONTH = "|".join(_MONTHS)
_LONGEST_MONTH = [0, *(calendar.monthrange(2000, month)[1] for month in range(1, 13))]

# A parenthetical, which may hold parentheticals of its own one level deep.
_PARENTHETICAL = re.compile(r"\(((?:[^()]|\([^()]*\))*)\)")
_INNER = re.compile(r"\(([^()]*)\)")
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
_PREFIX = re.compile(
    r"(?:(?P<see>[Ss]ee)\s+)?"
    r"(?:Part\s+(?P<part>\w+)(?:\s+in\s+|\s*,\s*))?"
    r"(?:[“\"](?P<title>[^“”\"]+?)(?:,\s*[”\"]|[”\"]\s*,)\s*)?",
)
_OUTLET_WORDS = re.compile(r"[^\s,:;]+(?:\s+[^\s,:;]+){0,11}")
_HANDLE = re.compile(r"@\w+")
_ACCESSED = re.compile(r"accessed\s+", re.IGNORECASE)
_MARKERS = re.compile(r"(?:\s*\[\d{1,3}\])+$")
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
    """The item's outlets and written dates, or None when it is not a citation item.

    ``offset`` is where ``raw`` starts in the whole text; the outlets' and dates' spans are
    given in the whole text's offsets. An item is ``[see ][Part N in |Part N, ]["Title,"
    ]OUTLET[, OUTLET…], DATE[, DATE…][, accessed DATE…]``; handles may come without dates
    (they share the next item's), and "accessed DATE" may stand alone.
    """
    text = raw.strip()
    offset += len(raw) - len(raw.lstrip())
    if not text:
        return None
    if _ACCESSED.match(text):
        access = text[_ACCESSED.match(text).end() :]
        if _read_dates(list(_tokens(access, 0))) is None:
            return None
        return _Item(text, (), False, None, None, (), ())
    prefix = _PREFIX.match(text)
    tokens = list(_tokens(text[prefix.end() :], offset + prefix.end()))
    outlets: list[tuple[str, int, int]] = []
    while tokens and not _is_date(tokens[0][0]) and not _ACCESSED.match(tokens[0][0]):
        token, start = tokens.pop(0)
        if not _is_outlet(token, first=not outlets):
            return None
        outlets.append((" ".join(token.split()), start, start + len(token)))
    if not outlets:
        return None
    see, part, title = prefix["see"] is not None, prefix["part"], prefix["title"]
    access = next((i for i, (token, _) in enumerate(tokens) if _ACCESSED.match(token)), None)
    if access is not None:
        token, start = tokens[access]
        skip = _ACCESSED.match(token).end()
        if _read_dates([(token[skip:], start + skip), *tokens[access + 1 :]]) is None:
            return None
        tokens = tokens[:access]
    if not tokens:
        if access is None and all(name.startswith("@") for name, _, _ in outlets):
            return _Item(text, tuple(outlets), see, part, title, (), ())
        return None
    read = _read_dates(tokens)
    if read is None:
        return None
    dates, spans = read
    return _Item(text, tuple(outlets), see, part, title, dates, spans)


def _is_outlet(token: str, *, first: bool) -> bool:
    """Whether a comma-separated part of an item names an outlet.

    An outlet has at most twelve words and no colon, and is not a date; it starts with a
    capital or a digit, or is a domain ("kommersant.ru") or a handle ("@rybar"). An outlet
    after the first of an item does not end in a dot: "Reuters, Inc." is one name with a
    comma, not two outlets.
    """
    if not _OUTLET_WORDS.fullmatch(token) or _is_date(token) or not name_key(token):
        return False
    if not first and token.endswith("."):
        return False
    return (
        token[0].isupper()
        or token[0].isdigit()
        or is_domain(token)
        or bool(_HANDLE.fullmatch(token))
    )


def _is_date(token: str) -> bool:
    """Whether a comma-separated part is a date, note markers after it aside."""
    return _DATE.fullmatch(_MARKERS.sub("", token)) is not None


def _read_dates(
    tokens: list[tuple[str, int]],
) -> tuple[tuple[WrittenDate, ...], tuple[tuple[int, int], ...]] | None:
    """The dates of an item's comma-separated parts and their spans, or None if any part
    is not a date.

    Each span covers a date as written, a year written after it included ("December 9,
    2024"); note or link markers after a date ("17 [2][3]") are left out of it.
    """
    dates: list[WrittenDate] = []
    spans: list[tuple[int, int]] = []
    for token, start in tokens:
        token = _MARKERS.sub("", token)
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
    """The comma-separated parts of ``written``, stripped, with their offsets in the text.

    A comma inside inner parentheses separates nothing.
    """
    position, depth = 0, 0
    for index, char in enumerate([*written, None]):
        if char is not None:
            depth += (char == "(") - (char == ")")
            if char != "," or depth > 0:
                continue
        part = written[position:index]
        yield part.strip(), offset + position + (len(part) - len(part.lstrip()))
        position = index + 1


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
