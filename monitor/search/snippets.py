"""The passage of a document that matched a search, with the matches marked: pure, no
database, the same on both engines.

The engines find documents by stems ("negotiations" finds "negotiation"); a snippet is
made for the twenty a page shows, from their text, so it matches each word by its stem's
likely beginning (``stem_pattern``) rather than asking the engine to read each document
again (on SQLite a prefix query's snippets cost more than its ranking; PostgreSQL's
ts_headline parses the whole document). The passage is the window of ``WORDS`` words with
the most matches, the first such window when several tie.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .queries import Clause

WORDS = 30
TOKEN = re.compile(r"\S+")


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
    """The best passage of ``text`` for ``clauses``, escaped, matches in <mark>."""
    pattern = _pattern(clauses)
    tokens = list(TOKEN.finditer(text))
    if not tokens:
        return SafeString("")
    matches = list(pattern.finditer(text)) if pattern else []
    if not matches:
        return _passage(text, tokens, 0, [])
    starts = [token.start() for token in tokens]
    # The token each match begins in, then the window of WORDS tokens holding the most.
    at = [_index(starts, match.start()) for match in matches]
    best, best_count, right = 0, 0, 0
    for left in range(len(at)):
        while right < len(at) and at[right] < at[left] + WORDS:
            right += 1
        if right - left > best_count:
            best, best_count = left, right - left
    first = max(at[best] - 3, 0)  # a few words of context before the first match
    return _passage(text, tokens, first, matches)


def _index(starts: list[int], position: int) -> int:
    low, high = 0, len(starts)
    while low < high - 1:
        middle = (low + high) // 2
        if starts[middle] <= position:
            low = middle
        else:
            high = middle
    return low


def _passage(text: str, tokens, first: int, matches) -> SafeString:
    last = min(first + WORDS, len(tokens)) - 1
    start, end = tokens[first].start(), tokens[last].end()
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
    after = " …" if last < len(tokens) - 1 else ""
    return mark_safe(before + "".join(parts) + after)  # noqa: S308 (every part escaped)
