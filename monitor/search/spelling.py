"""Spelling suggestions for a search that found nothing: "Did you mean Lukashenka?".

``suggest(clauses)`` returns the query with each word the index does not know replaced by
the closest word it does, or ``None``. On SQLite the candidates are the FTS5 index's own
vocabulary (``search_vocab``), ranked by edit distance and then by how many documents hold
them; on PostgreSQL they are the names of actors (and their aliases) and places, ranked by
trigram similarity (pg_trgm). The distance rule (``closest``) is pure.
"""

from __future__ import annotations

from django.db import connection

from . import queries
from .backends import indexed

# Words this short are left alone: one letter changes them into too many others.
SHORTEST = 4
TRIGRAM_THRESHOLD = 0.45


def distance(a: str, b: str, most: int) -> int:
    """Levenshtein distance of ``a`` and ``b``, or ``most + 1`` once it is past ``most``."""
    if abs(len(a) - len(b)) > most:
        return most + 1
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            )
        if min(current) > most:
            return most + 1
        previous = current
    return previous[-1]


def allowed(word: str) -> int:
    """How many edits a word of this length may be away from a suggestion."""
    return 1 if len(word) < 7 else 2


def closest(word: str, candidates: list[tuple[str, int]]) -> str | None:
    """The candidate ``(word, documents)`` fewest edits from ``word`` (within ``allowed``),
    the one in most documents among equals; never ``word`` itself."""
    most = allowed(word)
    scored = [
        (distance(word, candidate, most), -documents, candidate)
        for candidate, documents in candidates
        if candidate != word
    ]
    scored = [item for item in scored if item[0] <= most]
    return min(scored)[2] if scored else None


def suggest(clauses: list[queries.Clause]) -> str | None:
    """The query as the index would spell it, or ``None`` when nothing would change."""
    words = [word for clause in clauses for word in clause.words]
    unknown = [word for word in words if len(word) >= SHORTEST and not indexed(word)]
    if not unknown:
        return None
    better = {}
    for word in unknown:
        found = _sqlite(word) if connection.vendor == "sqlite" else _postgresql(word)
        if found:
            better[word] = found
    if not better:
        return None
    parts = []
    for clause in clauses:
        text = " ".join(better.get(word, word) for word in clause.words)
        parts.append(f'"{text}"' if clause.phrase else text)
    return " ".join(parts)


def _sqlite(word: str) -> str | None:
    """The closest word of the index's vocabulary, as a document writes it."""
    # Candidates share the first letter (typos rarely fall there) and a length within reach.
    most = allowed(word)
    sql = (
        "SELECT term, doc FROM search_vocab WHERE term >= %s AND term < %s"
        " AND length(term) BETWEEN %s AND %s"
    )
    first = word[0]
    with connection.cursor() as cursor:
        cursor.execute(sql, [first, chr(ord(first) + 1), len(word) - most - 1, len(word) + most])
        term = closest(word, cursor.fetchall())
        if term is None:
            return None
        # The vocabulary holds stems ("negoti"); a document shows the word as written.
        cursor.execute(
            "SELECT snippet(search_fts, -1, char(2), char(3), '', 1) FROM search_fts"
            " WHERE search_fts MATCH %s LIMIT 1",
            [f'"{term}"'],
        )
        row = cursor.fetchone()
    written = row[0].partition("\x02")[2].partition("\x03")[0] if row else ""
    return written if queries.words_of(written) == [written.lower()] else term


def _postgresql(word: str) -> str | None:
    """The word of an actor's or a place's name (or an actor's alias) most like ``word`` by
    trigram similarity."""
    sql = r"""
        SELECT part FROM (
            SELECT DISTINCT lower(regexp_split_to_table(name, '\W+')) AS part FROM (
                SELECT name FROM events_actor UNION ALL SELECT name FROM events_actoralias
                UNION ALL SELECT name FROM events_place
            ) AS names
        ) AS parts
        WHERE length(part) >= %s AND part <> %s AND similarity(%s, part) >= %s
        ORDER BY similarity(%s, part) DESC, part LIMIT 1
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [SHORTEST, word, word, TRIGRAM_THRESHOLD, word])
        row = cursor.fetchone()
    return row[0] if row else None
