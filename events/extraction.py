"""Event suggestions: sentences of an article that state something dated about known actors.

Pure logic, no database access. ``suggest_events`` reads an article's body and returns a
``Suggestion`` for each sentence that

- states a date: "On August 19, …", "In March 2025, …", "in 2007", "a March 2023 trip",
  "Later in May", "in mid-2015" (dates inside parentheses are citations, not events), and
- names at least one known actor, matched by name or alias through ``name_key`` (so
  "Lukashenko" finds the actor whose alias it is), or, naming none, reads as an event of a
  known type (a cue word: "the March 2023 trip", "trade offices opened in 2024"): those
  come with no actors, for the editor to pick.

Each actor gets a role from where it stands in the sentence and the type (``ROLES``): a
visit's actors before the cue ("Pezeshkian paid a visit to …") are visitors, those after it
hosts; an agreement's are signatories; a statement's first actor is its speaker. The
summary is the sentence without its citations (``summary_of``; they stay its sources), and
``suggested_title`` words a title from the type, the roles and the place ("Pezeshkian
visits Minsk, meets Lukashenka").

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

from articles.citations import extract_references
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


# (type slug) -> (role of the actors named before the cue, role of those after it).
ROLES: dict[str, tuple[str, str]] = {
    "visit": ("visitor", "host"),
    "meeting": ("participant", "counterpart"),
    "phone-call": ("initiator", "counterpart"),
    "agreement-signed": ("signatory", "signatory"),
    "agreement-announced": ("signatory", "signatory"),
    "membership": ("member", "organiser"),
    "arms-transfer": ("supplier", "recipient"),
    "sanctions": ("initiator", "target"),
    "statement": ("speaker", "participant"),
}
DEFAULT_ROLE = "participant"
# The types a sentence naming no known actor is proposed for: those whose cue words name an
# occurrence ("a trip", "opened"), not a subject ("trade", "defense", "said").
TYPES_WITHOUT_ACTORS = frozenset(
    {
        "agreement-signed",
        "agreement-announced",
        "membership",
        "arms-transfer",
        "military-exercise",
        "sanctions",
        "visit",
        "meeting",
        "phone-call",
        "joint-body",
    }
)


@dataclass(frozen=True)
class Suggestion:
    """A sentence that looks like an event.

    ``start``/``end`` are the sentence's offsets in the body; ``date`` is at the precision
    written; ``actor_ids`` and ``place_id`` are the ids given in the lookups, in order of
    first mention, and ``roles`` the role of each of ``actor_ids``; ``type_slug`` is a guess
    or None; ``summary`` the sentence without its citations; ``key`` identifies the
    suggestion across saves (a hash of the sentence as written).
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
    roles: tuple[str, ...] = ()
    summary: str = ""


def suggest_events(
    text: str,
    *,
    published: dt.date,
    actors: Mapping[str, int],
    places: Mapping[str, int] | None = None,
) -> list[Suggestion]:
    """Suggestions for every dated sentence of ``text`` that names a known actor, or names
    none but reads as an event of a known type.

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
            mentions = _mentions(key_text, actor_pattern, actors)
            type_slug = guess_type(sentence)
            if not mentions and type_slug not in TYPES_WITHOUT_ACTORS:
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
                    actor_ids=tuple(ident for ident, _ in mentions),
                    place_id=place_ids[0] if place_ids else None,
                    type_slug=type_slug,
                    key=hashlib.sha256(sentence.encode()).hexdigest()[:32],
                    roles=_roles(key_text, mentions, type_slug),
                    summary=summary_of(sentence, published=published),
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


def summary_of(sentence: str, *, published: dt.date) -> str:
    """The sentence without its citations ("… (Tehran Times, August 20)."): they are the
    event's sources, not its summary. Other parentheticals stay."""
    spans = sorted(
        {(ref.start, ref.end) for ref in extract_references(sentence, published=published)}
    )
    for start, end in reversed(spans):
        sentence = sentence[:start].rstrip() + sentence[end:]
    return re.sub(r"\s+([.,;:!?])", r"\1", sentence).strip()


def suggested_title(
    type_slug: str | None, type_name: str, actors: list[tuple[str, str, str]], place: str = ""
) -> str:
    """A readable title from the type, the actors as ``(name, kind, role)`` in the order of
    the sentence, and the place: "Pezeshkian visits Minsk, meets Lukashenka". A person is
    named by the last word of their name; at most three actors are named on each side."""

    def short(name: str, kind: str) -> str:
        return name.split()[-1] if kind == "person" and name.split() else name

    def listed(names: list[str]) -> str:
        names = names[:3]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

    before_role, after_role = ROLES.get(type_slug or "", (DEFAULT_ROLE, DEFAULT_ROLE))
    first = [short(name, kind) for name, kind, role in actors if role == before_role]
    second = [short(name, kind) for name, kind, role in actors if role == after_role]
    if before_role == after_role:
        first, second = first + [n for n in second if n not in first], []
    if not first and not second:
        return f"{type_name} in {place}" if place else type_name

    def verb(singular: str, plural: str, subjects: list[str]) -> str:
        return singular if len(subjects) == 1 else plural

    if type_slug == "visit":
        people = [short(n, k) for n, k, role in actors if role == "host" and k == "person"]
        hosts = [short(n, k) for n, k, role in actors if role == "host" and k != "person"]
        where = place or (hosts[0] if hosts else "") or (listed(people) if people else "")
        visitors = first or second
        if not where:
            return f"{type_name}: {listed(visitors)}"
        title = f"{listed(visitors)} {verb('visits', 'visit', visitors)} {where}"
        return title + (f", {verb('meets', 'meet', visitors)} {listed(people)}" if people else "")
    verbs = {
        "meeting": ("meets", "meet"),
        "phone-call": ("speaks by phone with", "speak by phone with"),
        "membership": ("joins", "join"),
        "arms-transfer": ("supplies", "supply"),
        "sanctions": ("sanctions", "sanction"),
    }
    if type_slug in verbs and first and second:
        return f"{listed(first)} {verb(*verbs[type_slug], first)} {listed(second)}"
    together = {
        "agreement-signed": "sign an agreement",
        "agreement-announced": "agree",
        "meeting": "meet",
    }
    everyone = first + second
    if type_slug in together and len(everyone) > 1:
        return f"{listed(everyone)} {together[type_slug]}"
    if type_slug == "statement":
        return f"Statement by {listed(first or second)}"
    return f"{type_name}: {listed(everyone)}" + (f" in {place}" if place else "")


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


def _mentions(
    key_text: str, pattern: re.Pattern | None, names: Mapping[str, int]
) -> list[tuple[int, int]]:
    """``(id, position of its first mention)`` in order of first mention."""
    if pattern is None:
        return []
    found: dict[int, int] = {}
    position = 0
    while match := pattern.search(key_text, position):
        found.setdefault(names[match.group(0)], match.start())
        position = match.end()
    return list(found.items())


def _ids_in(key_text: str, pattern: re.Pattern | None, names: Mapping[str, int]) -> tuple[int, ...]:
    return tuple(ident for ident, _ in _mentions(key_text, pattern, names))


def _roles(
    key_text: str, mentions: list[tuple[int, int]], type_slug: str | None
) -> tuple[str, ...]:
    """Each mentioned actor's role: before the type's cue word, or after it."""
    if type_slug not in ROLES:
        return tuple(DEFAULT_ROLE for _ in mentions)
    before, after = ROLES[type_slug]
    cues = dict(TYPE_CUES)[type_slug]
    at = min(
        (key_text.find(f" {name_key(cue)} ") for cue in cues if f" {name_key(cue)} " in key_text),
        default=-1,
    )
    if at < 0:  # a cue inside a word ("visited" for "visit"): the first word that starts so
        at = min((key_text.find(f" {name_key(cue)}") for cue in cues), key=lambda i: (i < 0, i))
    return tuple(before if at < 0 or position < at else after for _, position in mentions)
