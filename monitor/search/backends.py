"""One search interface over two engines: PostgreSQL full-text search, or SQLite FTS5.

``search(text, documents)`` ranks the documents matching ``text`` among ``documents`` (an
already filtered ``SearchDocument`` queryset) and returns ``Hit`` rows, best first, at most
``LIMIT``; ``with_snippets(hits, text)`` adds the highlighted snippets to the hits a page
shows. The engine ranks and limits inside its index; snippets, the costly part, are built
only for what is shown. The engine follows the database (``connection.vendor``). Whatever
the index holds, only articles and events that are public now are returned: the ranked
candidates are checked against the articles and events themselves.
"""

import dataclasses
import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection, models
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from articles.models import Article
from events.models import Actor, Event

from .models import SearchDocument

LIMIT = 200
# Candidates ranked in the index before the visibility check: an index kept after every
# commit holds few documents readers may not see (a scheduled article not yet due).
CANDIDATES = 2 * LIMIT
# Markers the engines put around matches; escaped text never contains them.
START, STOP = "\x02", "\x03"
WORD = re.compile(r"\w+", re.UNICODE)
# What ranking and the visibility check read of every candidate; the hits a page shows are
# read whole by ``with_snippets``.
RANKED = ("pk", "kind", "object_id")


@dataclass(frozen=True)
class Hit:
    document: SearchDocument
    snippet: SafeString
    rank: float


def visible(hits: list[Hit]) -> list[Hit]:
    """The hits readers may see now: public articles and events, and actors a public event
    names (one only drafts name is unknown outside the newsroom)."""
    Kind = SearchDocument.Kind
    ids = {kind: [h.document.object_id for h in hits if h.document.kind == kind] for kind in Kind}
    public = {
        Kind.ARTICLE: set(Article.objects.public().filter(pk__in=ids[Kind.ARTICLE]).values_list("pk", flat=True)),
        Kind.EVENT: set(Event.objects.public().filter(pk__in=ids[Kind.EVENT]).values_list("pk", flat=True)),
        Kind.ACTOR: set(Actor.objects.public().filter(pk__in=ids[Kind.ACTOR]).values_list("pk", flat=True)),
    }  # fmt: skip
    return [hit for hit in hits if hit.document.object_id in public[hit.document.kind]][:LIMIT]


def highlight(text: str) -> SafeString:
    """Escape ``text`` and turn the engine's match markers into <mark> elements."""
    return mark_safe(escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308


def search(text: str, documents) -> list[Hit]:
    """The documents matching ``text``, best first; with no words, the newest first."""
    words = WORD.findall(text)
    if not words:
        newest = documents.order_by(models.F("date").desc(nulls_last=True), "title")
        return visible([Hit(doc, SafeString(""), 0.0) for doc in newest.only(*RANKED)[:CANDIDATES]])
    if connection.vendor == "postgresql":
        return visible(_rank_postgresql(words, documents))
    return visible(_rank_sqlite(words, documents))


def with_snippets(hits: list[Hit], text: str) -> list[Hit]:
    """The hits with their documents read whole and their highlighted snippets (the passage
    that matched; without words, the document's beginning)."""
    words = WORD.findall(text)
    ids = [hit.document.pk for hit in hits]
    shown = SearchDocument.objects.all() if not words else SearchDocument.objects.defer("body")
    documents = shown.in_bulk(ids)
    hits = [dataclasses.replace(hit, document=documents[hit.document.pk]) for hit in hits]
    if not words or not ids:
        snippets = {hit.document.pk: escape(Truncator(hit.document.body).words(40)) for hit in hits}
    elif connection.vendor == "postgresql":
        snippets = _snippets_postgresql(words, ids)
    else:
        snippets = _snippets_sqlite(words, ids)
    return [dataclasses.replace(hit, snippet=snippets.get(hit.document.pk, "")) for hit in hits]


def _tsquery(words) -> SearchQuery:
    # As on SQLite: every word must appear, the last may be a prefix. Words are \w+ only,
    # so nothing in them is tsquery syntax.
    raw = " & ".join([*words[:-1], f"{words[-1]}:*"])
    return SearchQuery(raw, search_type="raw", config="english")


def _rank_postgresql(words, documents) -> list[Hit]:
    query = _tsquery(words)
    found = (
        documents.filter(search_vector=query)
        .only(*RANKED)
        .annotate(rank=SearchRank(models.F("search_vector"), query))
        .order_by("-rank", models.F("date").desc(nulls_last=True))[:CANDIDATES]
    )
    return [Hit(doc, SafeString(""), doc.rank) for doc in found]


def _snippets_postgresql(words, ids) -> dict[int, SafeString]:
    headline = SearchHeadline(
        "body", _tsquery(words), config="english", start_sel=START, stop_sel=STOP,
        max_words=35, min_words=15,
    )  # fmt: skip
    rows = SearchDocument.objects.filter(pk__in=ids).annotate(snippet=headline)
    return {pk: highlight(snippet) for pk, snippet in rows.values_list("pk", "snippet")}


def _match(words) -> str:
    # Every word must appear; the last may be a prefix ("pezesh" finds Pezeshkian).
    return " ".join(f'"{word}"' for word in words) + "*"


def _rank_sqlite(words, documents) -> list[Hit]:
    sql = "SELECT rowid, bm25(search_fts, 10.0, 1.0) AS score FROM search_fts WHERE search_fts MATCH %s"
    params = [_match(words)]
    if documents.query.where:
        within, within_params = documents.values("pk").query.sql_with_params()
        # ``within`` is Django's own compiled subquery; its parameters are passed separately.
        sql += f" AND rowid IN ({within})"
        params += within_params
    with connection.cursor() as cursor:
        cursor.execute(f"{sql} ORDER BY score LIMIT {CANDIDATES}", params)
        rows = cursor.fetchall()
    by_pk = SearchDocument.objects.only(*RANKED).in_bulk([pk for pk, _ in rows])
    # bm25 is lower for better matches; turn it round so that a higher rank is better.
    return [Hit(by_pk[pk], SafeString(""), -score) for pk, score in rows if pk in by_pk]


def _snippets_sqlite(words, ids) -> dict[int, SafeString]:
    placeholders = ", ".join(["%s"] * len(ids))
    sql = (
        "SELECT rowid, snippet(search_fts, -1, char(2), char(3), '…', 24) FROM search_fts"  # noqa: S608
        f" WHERE search_fts MATCH %s AND rowid IN ({placeholders})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [_match(words), *ids])
        return {pk: highlight(snippet) for pk, snippet in cursor.fetchall()}
