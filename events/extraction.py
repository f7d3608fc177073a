"""Event suggestions: sentences of an article that state something dated about known actors.

Pure logic, no database access. ``suggest_events`` reads an article's body and returns a
``Suggestion`` for each sentence that

- states a date: "On August 19, …", "In March 2025, …", "in 2007", "a March 2023 trip",
  "Later in May", "in mid-2015" (dates inside parentheses are citations, not events), and
- names at least one known actor, matched by name or alias through ``name_key`` (so
  "Lukashenko" finds the actor whose alias it is).

A yearless date ("On August 19") takes the latest year that puts it on or before the
publication date, as citations do. The event type is a guess from the sentence's verbs
(see ``TYPE_CUES``; the first cue that matches wins, None when nothing does); the place is
the first known place named in the sentence. Each suggestion carries the sentence's
character span in the body so a citation inside or right after it can be attached as
its source, and a ``key`` that stays the same when the body is saved again unchanged, so
a dismissed suggestion is not proposed again.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from articles.dates import FuzzyDate, Precision
from articles.names import name_key

_MONTHS = "|".join(calendar.month_name[1:])
_MONTH_NUMBER = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}

# Most specific first: a date with a day, then month and year, then a month, then a year.
_DATE = re.compile(
    rf"\b(?:(?P<d_month>{_MONTHS})\s+(?P<d_day>\d{{1,2}})\b(?:,\s*(?P<d_year>\d{{4}}))?"
    rf"|(?P<m_month>{_MONTHS})\s+(?P<m_year>\d{{4}})"
    rf"|(?:[Ii]n|[Ll]ater in|[Ee]arly|[Ll]ate|[Ss]ince)\s+(?P<bare_month>{_MONTHS})\b(?!\s+\d)"
    rf"|(?:[Ii]n|[Ss]ince|[Ii]n early|[Ii]n late|[Ii]n mid-|mid-)\s*(?P<year>(?:19|20)\d{{2}})\b)"
)
_PARENTHETICAL = re.compile(r"\([^()]*\)")
# A sentence ends at . ! or ?, after a closing quote and a note marker "[1]" if any.
_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’]?(?:\s*\[\d+\])?\s+(?=[A-Z“\"‘(])")

# (type slug, cue words): the first whose cue appears in the sentence is the guess.
TYPE_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("agreement-signed", ("signed", "inked", "concluded an agreement", "roadmap")),
    ("agreement-announced", ("agreed to", "reached an agreement", "agreement was reached")),
    ("membership", ("became members", "became a member", "joined", "accession", "admitted")),
    ("arms-transfer", ("supplied", "delivered", "drones to", "transfer of")),
    ("military-exercise", ("exercise", "drills", "maneuver", "manoeuvre")),
    ("sanctions", ("sanction",)),
    ("visit", ("visit", "visited", "trip", "traveled to", "travelled to")),
    ("meeting", ("met with", "met ", "meeting", "talks", "held consultations")),
    ("phone-call", ("phone call", "telephone", "called")),
    ("joint-body", ("established", "set up", "opened")),
    ("defence-cooperation", ("defense", "defence", "military cooperation")),
    ("trade", ("trade", "investment", "economic")),
    ("statement", ("stated", "said", "declared", "expressed")),
)


@dataclass(frozen=True)
class Suggestion:
    """A sentence that looks like an event.

    ``start``/``end`` are the sentence's offsets in the body; ``date`` is at the precision
    written; ``actor_ids`` and ``place_id`` are the ids given in the lookups, in order of
    first mention; ``type_slug`` is a guess or None; ``key`` identifies the suggestion
    across saves (a hash of the sentence as written).
    """

    sentence: str
    start: int
    end: int
    paragraph: int
    date: FuzzyDate
    date_text: str
    actor_ids: tuple[int, ...]
    place_id: int | None
    type_slug: str | None
    key: str


def suggest_events(
    text: str,
    *,
    published: dt.date,
    actors: Mapping[str, int],
    places: Mapping[str, int] | None = None,
) -> list[Suggestion]:
    """Suggestions for every dated sentence of ``text`` that names a known actor.

    ``actors`` and ``places`` map name keys (``name_key`` of every name and alias) to ids.
    Sentences are split at ., ! or ? followed by a capital letter; paragraphs at blank
    lines. Returns suggestions in reading order; an empty text gives an empty list.
    """
    actor_pattern = _names_pattern(actors)
    places = places or {}
    place_pattern = _names_pattern(places)
    suggestions = []
    for paragraph, (start, end) in enumerate(_spans(text, re.compile(r"\n\s*\n"))):
        for s_start, s_end in _spans(text[start:end], _SENTENCE_END):
            sentence = text[start + s_start : start + s_end].strip()
            if not sentence:
                continue
            found = _first_date(_PARENTHETICAL.sub(" ", sentence), published)
            if found is None:
                continue
            date, date_text = found
            key_text = f" {name_key(_PARENTHETICAL.sub(' ', sentence))} "
            actor_ids = _ids_in(key_text, actor_pattern, actors)
            if not actor_ids:
                continue
            place_ids = _ids_in(key_text, place_pattern, places)
            suggestions.append(
                Suggestion(
                    sentence=sentence,
                    start=start + s_start,
                    end=start + s_end,
                    paragraph=paragraph,
                    date=date,
                    date_text=date_text,
                    actor_ids=actor_ids,
                    place_id=place_ids[0] if place_ids else None,
                    type_slug=guess_type(sentence),
                    key=hashlib.sha256(sentence.encode()).hexdigest()[:32],
                )
            )
    return suggestions


def guess_type(sentence: str) -> str | None:
    """The event type slug whose cue words appear first in ``TYPE_CUES`` order, or None."""
    lowered = sentence.lower()
    for slug, cues in TYPE_CUES:
        if any(cue in lowered for cue in cues):
            return slug
    return None


def _spans(text: str, separator: re.Pattern) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in separator.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _first_date(sentence: str, published: dt.date) -> tuple[FuzzyDate, str] | None:
    for match in _DATE.finditer(sentence):
        if match["d_month"]:
            month, day = _MONTH_NUMBER[match["d_month"].lower()], int(match["d_day"])
            if day > 31:
                continue
            year = int(match["d_year"]) if match["d_year"] else _latest_year(month, day, published)
            if year is None:
                continue
            try:
                return FuzzyDate(year, month, day, Precision.DAY), match.group(0)
            except ValueError:
                continue
        if match["m_month"]:
            month = _MONTH_NUMBER[match["m_month"].lower()]
            return FuzzyDate(int(match["m_year"]), month, None, Precision.MONTH), match.group(0)
        if match["bare_month"]:
            month = _MONTH_NUMBER[match["bare_month"].lower()]
            year = published.year if month <= published.month else published.year - 1
            return FuzzyDate(year, month, None, Precision.MONTH), match.group(0)
        if match["year"] and int(match["year"]) <= published.year:
            return FuzzyDate(int(match["year"]), None, None, Precision.YEAR), match.group(0)
    return None


def _latest_year(month: int, day: int, published: dt.date) -> int | None:
    for year in range(published.year, published.year - 8, -1):
        if day <= calendar.monthrange(year, month)[1] and dt.date(year, month, day) <= published:
            return year
    return None


def _names_pattern(names: Mapping[str, int]) -> re.Pattern | None:
    keys = sorted((key for key in names if key), key=len, reverse=True)
    if not keys:
        return None
    return re.compile(r"(?<= )(?:" + "|".join(re.escape(key) for key in keys) + r")(?= )")


def _ids_in(key_text: str, pattern: re.Pattern | None, names: Mapping[str, int]) -> tuple[int, ...]:
    if pattern is None:
        return ()
    ids: list[int] = []
    # Overlapping matches are found by searching from each word start.
    position = 0
    while match := pattern.search(key_text, position):
        ident = names[match.group(0)]
        if ident not in ids:
            ids.append(ident)
        position = match.end()
    return tuple(ids)
