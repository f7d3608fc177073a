"""One search interface over two engines: PostgreSQL full-text search, or SQLite FTS5.

``search(text, documents)`` ranks the documents matching ``text`` among ``documents`` (an
already filtered ``SearchDocument`` queryset) and returns ``Hit`` rows with a highlighted
snippet, best first. The engine follows the database (``connection.vendor``). Whatever the
index holds, only articles and events that are public now can be found.
"""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection, models
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from articles.models import Article
from events.models import Event

from .models import SearchDocument

LIMIT = 200
# Markers the engines put around matches; escaped text never contains them.
START, STOP = "\x02", "\x03"
WORD = re.compile(r"\w+", re.UNICODE)
FTS_SELECT = (
    "SELECT rowid, bm25(search_fts, 10.0, 1.0) AS score,"
    " snippet(search_fts, -1, char(2), char(3), '…', 24)"
    " FROM search_fts WHERE search_fts MATCH %s"
)


@dataclass(frozen=True)
class Hit:
    document: SearchDocument
    snippet: SafeString
    rank: float


def visible(documents):
    """Only documents of articles and events readers may see now; every actor."""
    Kind = SearchDocument.Kind
    return documents.filter(
        models.Q(kind=Kind.ARTICLE, object_id__in=Article.objects.public().values("pk"))
        | models.Q(kind=Kind.EVENT, object_id__in=Event.objects.public().values("pk"))
        | models.Q(kind=Kind.ACTOR)
    )


def highlight(text: str) -> SafeString:
    """Escape ``text`` and turn the engine's match markers into <mark> elements."""
    return mark_safe(escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308


def search(text: str, documents) -> list[Hit]:
    """The documents matching ``text``, best first; with no words, the newest first."""
    documents = visible(documents)
    words = WORD.findall(text)
    if not words:
        newest = documents.order_by(models.F("date").desc(nulls_last=True), "title")[:LIMIT]
        return [Hit(doc, escape(Truncator(doc.body).words(40)), 0.0) for doc in newest]
    if connection.vendor == "postgresql":
        return _search_postgresql(words, documents)
    return _search_sqlite(words, documents)


def _search_postgresql(words, documents) -> list[Hit]:
    # As on SQLite: every word must appear, the last may be a prefix. Words are \w+ only,
    # so nothing in them is tsquery syntax.
    raw = " & ".join([*words[:-1], f"{words[-1]}:*"])
    query = SearchQuery(raw, search_type="raw", config="english")
    found = (
        documents.filter(search_vector=query)
        .annotate(
            rank=SearchRank(models.F("search_vector"), query),
            snippet=SearchHeadline(
                "body",
                query,
                config="english",
                start_sel=START,
                stop_sel=STOP,
                max_words=35,
                min_words=15,
            ),
        )
        .order_by("-rank", models.F("date").desc(nulls_last=True))[:LIMIT]
    )
    return [Hit(doc, highlight(doc.snippet), doc.rank) for doc in found]


def _search_sqlite(words, documents) -> list[Hit]:
    # Every word must appear; the last may be a prefix ("pezesh" finds Pezeshkian).
    match = " ".join(f'"{word}"' for word in words) + "*"
    within, params = documents.values("pk").query.sql_with_params()
    # ``within`` is Django's own compiled subquery; its parameters are passed separately.
    sql = f"{FTS_SELECT} AND rowid IN ({within}) ORDER BY score LIMIT {LIMIT}"
    with connection.cursor() as cursor:
        cursor.execute(sql, [match, *params])
        rows = cursor.fetchall()
    by_pk = SearchDocument.objects.in_bulk([pk for pk, _, _ in rows])
    # bm25 is lower for better matches; turn it round so that a higher rank is better.
    return [
        Hit(by_pk[pk], highlight(snippet), -score) for pk, score, snippet in rows if pk in by_pk
    ]
