"""The passage of a document that matched a search, with the matches marked: pure, no
database, the same on both engines.

The engines find documents by stems ("negotiations" finds "negotiation"); a snippet is
made for the twenty a page shows, from their text, so it matches each word by its stem's
likely beginning (``stem_pattern``) rather than asking the engine to read each document
again (on SQLite a prefix query's snippets cost more than its ranking; PostgreSQL's
ts_headline parses the whole document). The passage is the window of ``WORDS`` words with
the most matches, the first such window when several tie.
"""

import itertools
import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .queries import Clause

WORDS = 30
TOKEN = re.compile(r"\S+")
SPACE = re.compile(r"\s")  # what ends a token (str.split splits on the same characters)


def stem_pattern(word: str) -> str:
    """A regular expression for ``word``, its inflections as a stemmer would group them and
    the words it begins (the last word may be a prefix): the word without its last two
    letters (keeping at least four), then any letters."""
    return re.escape(word[: max(len(word) - 2, 4)]) + r"\w*"


def _pattern(clauses: list[Clause]) -> re.Pattern | None:
    forms = []
    for clause in clauses:
        for form in clause.forms():
            forms.append(r"\W+".join(stem_pattern(word) for word in form))
    if not forms:
        return None
    # Longer forms first, so that a phrase is marked whole rather than word by word.
    forms.sort(key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(forms) + r")\b", re.IGNORECASE | re.UNICODE)


def snippet(text: str, clauses: list[Clause]) -> SafeString:
    """The best passage of ``text`` for ``clauses``, escaped, matches in <mark>.

    Tokens (runs of non-space) are counted between matches, and read only for the passage
    shown: a body of a thousand words is not split into a thousand objects for twenty."""
    pattern = _pattern(clauses)
    matches = list(pattern.finditer(text)) if pattern else []
    if not matches:
        return _passage(text, 0, 0, [])
    # The token each match begins in (the number of tokens begun at or before it, less one),
    # then the window of WORDS tokens holding the most matches.
    at, begun, scanned = [], 0, 0
    for match in matches:
        position = match.start()
        if position >= scanned:  # else in the token of the match before
            # ``scanned`` is where a token ended: the tokens split from here on began here.
            begun += len(text[scanned : position + 1].split())
            space = SPACE.search(text, position)
            scanned = space.start() if space else len(text)
        at.append(max(begun - 1, 0))
    best, best_count, right = 0, 0, 0
    for left in range(len(at)):
        while right < len(at) and at[right] < at[left] + WORDS:
            right += 1
        if right - left > best_count:
            best, best_count = left, right - left
    first = max(at[best] - 3, 0)  # a few words of context before the first match
    return _passage(text, first, _back(text, matches[best].start(), at[best] - first), matches)


def _back(text: str, position: int, tokens: int) -> int:
    """Where the token ``tokens`` before the one holding ``position`` begins."""
    while position > 0 and not text[position - 1].isspace():
        position -= 1
    for _ in range(tokens):
        while position > 0 and text[position - 1].isspace():
            position -= 1
        while position > 0 and not text[position - 1].isspace():
            position -= 1
    return position


def _passage(text: str, first: int, at: int, matches) -> SafeString:
    """The WORDS tokens from the one beginning at or after ``at`` (token ``first`` of the
    text), escaped, with the matches inside marked."""
    tokens = list(itertools.islice(TOKEN.finditer(text, at), WORDS + 1))
    if not tokens:
        return SafeString("")
    shown = tokens[:WORDS]
    start, end = shown[0].start(), shown[-1].end()
    parts, position = [], start
    for match in matches:
        if match.end() <= start or match.start() >= end:
            continue
        parts.append(escape(text[position : max(match.start(), position)]))
        parts.append(
            f"<mark>{escape(text[max(match.start(), start) : min(match.end(), end)])}</mark>"
        )
        position = min(match.end(), end)
    parts.append(escape(text[position:end]))
    before = "… " if first > 0 else ""
    after = " …" if len(tokens) > WORDS else ""
    return mark_safe(before + "".join(parts) + after)  # noqa: S308 (every part escaped)
