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
from dataclasses import dataclass
from typing import NamedTuple

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection, models
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from articles.models import Article
from events.models import Actor, Event, Place
from monitor.core.expressions import IdList

from . import queries
from .models import SearchDocument, entry_id

LIMIT = 200
# Candidates ranked in the index before the visibility check: an index kept after every
# commit holds few documents readers may not see (a scheduled article not yet due).
CANDIDATES = 2 * LIMIT
# Markers the engines put around matches; escaped text never contains them.
START, STOP = "\x02", "\x03"
# What ranking and the visibility check read of every candidate; the hits a page shows are
# read whole by ``with_snippets``.
RANKED = ("pk", "kind", "object_id", "entry")


class Candidate(NamedTuple):
    """What ranking reads of a document (a model instance costs more to make than to rank)."""

    pk: int
    kind: str
    object_id: int
    entry: int


@dataclass(frozen=True)
class Hit:
    document: SearchDocument | Candidate  # read whole by ``with_snippets``
    snippet: SafeString
    rank: float


def visible(hits: list[Hit]) -> list[Hit]:
    """The hits readers may see now: public articles and events, and the actors and places
    of a public event (one only drafts name is unknown outside the newsroom)."""
    Kind = SearchDocument.Kind
    ids = {kind: [h.document.object_id for h in hits if h.document.kind == kind] for kind in Kind}
    public = {
        kind: set(model.objects.public().filter(pk__in=IdList(ids[kind])).values_list("pk", flat=True))
        if ids[kind] else set()
        for kind, model in (
            (Kind.ARTICLE, Article), (Kind.EVENT, Event), (Kind.ACTOR, Actor), (Kind.PLACE, Place)
        )
    }  # fmt: skip
    return [hit for hit in hits if hit.document.object_id in public[hit.document.kind]][:LIMIT]


def highlight(text: str) -> SafeString:
    """Escape ``text`` and turn the engine's match markers into <mark> elements."""
    return mark_safe(escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308


def read_query(text: str) -> list[queries.Clause]:
    """What ``text`` asks for: its clauses, each with the other names of the actor it names."""
    clauses = queries.parse(text)
    return queries.with_alternatives(clauses, other_names(clauses)) if clauses else clauses


def search(query: str | list[queries.Clause], documents) -> list[Hit]:
    """The documents matching ``query`` (text, or ``read_query``'s clauses), best first;
    with no words, the newest first.

    Ranking reads the ``CANDIDATES`` newest matches of the query (in ``entry`` order) and
    orders those by relevance: a rare word has all its matches ranked, a word found in tens
    of thousands of articles costs no more than one found in four hundred.
    """
    clauses = read_query(query) if isinstance(query, str) else query
    if not clauses:
        newest = documents.order_by(models.F("date").desc(nulls_last=True), "title")
        rows = newest.values_list(*RANKED)[:CANDIDATES]
        return visible([Hit(Candidate(*row), SafeString(""), 0.0) for row in rows])
    if connection.vendor == "postgresql":
        return visible(_rank_postgresql(clauses, documents))
    return visible(_rank_sqlite(clauses, documents))


def other_names(clauses) -> dict[str, list[str]]:
    """For each clause that is an actor's name or alias ("lukashenko"), the actor's other
    names: its name, its aliases and, for a person, the surname as articles write it."""
    keys = {clause.text for clause in clauses}
    named = Actor.objects.filter(models.Q(key__in=keys) | models.Q(aliases__key__in=keys))
    rows = Actor.objects.filter(pk__in=named.values("pk")).values_list(
        "pk", "name", "key", "kind", "aliases__name", "aliases__key"
    )
    actors: dict[int, tuple[list[str], set[str]]] = {}
    for pk, name, key, kind, alias, alias_key in rows:
        every, own_keys = actors.setdefault(pk, ([name], {key}))
        if kind == Actor.Kind.PERSON and " " in name and len(every) == 1:
            every.append(name.rsplit(" ", 1)[1])
        if alias:
            every.append(alias)
            own_keys.add(alias_key)
    return {key: every for every, own_keys in actors.values() for key in own_keys & keys}


def with_snippets(hits: list[Hit], query: str | list[queries.Clause]) -> list[Hit]:
    """The hits with their documents read whole and their highlighted snippets (the passage
    that matched; without words, the document's beginning)."""
    clauses = read_query(query) if isinstance(query, str) else query
    ids = [hit.document.pk for hit in hits]
    shown = SearchDocument.objects.all() if not clauses else SearchDocument.objects.defer("body")
    documents = shown.in_bulk(ids)
    hits = [dataclasses.replace(hit, document=documents[hit.document.pk]) for hit in hits]
    if not clauses or not ids:
        snippets = {hit.document.pk: escape(Truncator(hit.document.body).words(40)) for hit in hits}
    elif connection.vendor == "postgresql":
        snippets = _snippets_postgresql(clauses, ids)
    else:
        snippets = _snippets_sqlite(clauses, hits)
    return [dataclasses.replace(hit, snippet=snippets.get(hit.document.pk, "")) for hit in hits]


def _tsquery(clauses) -> SearchQuery:
    return SearchQuery(queries.tsquery(clauses), search_type="raw", config="english")


def _rank_postgresql(clauses, documents) -> list[Hit]:
    query = _tsquery(clauses)
    newest = documents.filter(search_vector=query).order_by("-entry").values("pk")[:CANDIDATES]
    found = (
        SearchDocument.objects.filter(pk__in=newest)
        .annotate(rank=SearchRank(models.F("search_vector"), query))
        .order_by("-rank", "-entry")
        .values_list(*RANKED, "rank")
    )
    return [Hit(Candidate(*row[:-1]), SafeString(""), row[-1]) for row in found]


def _snippets_postgresql(clauses, ids) -> dict[int, SafeString]:
    headline = SearchHeadline(
        "body", _tsquery(clauses), config="english", start_sel=START, stop_sel=STOP,
        max_words=35, min_words=15,
    )  # fmt: skip
    rows = SearchDocument.objects.filter(pk__in=ids).annotate(snippet=headline)
    return {pk: highlight(snippet) for pk, snippet in rows.values_list("pk", "snippet")}


def _rank_sqlite(clauses, documents) -> list[Hit]:
    # FTS5 walks its keys (``entry``) backwards, each match joined to its document and kept
    # if the filters pass, until the newest ``CANDIDATES`` are found; bm25 then orders those
    # (it is lower for better matches, so it is turned round for ``rank``).
    where, params = "", [queries.fts5(clauses)]
    if documents.query.where:
        compiler = documents.query.get_compiler(connection=connection)
        # Django's own compiled condition on the documents' table; values stay parameters.
        condition, condition_params = compiler.compile(documents.query.where)
        where, params = f" AND ({condition})", [*params, *condition_params]
    table = SearchDocument._meta.db_table
    sql = (
        "SELECT id, kind, object_id, entry, score FROM ("  # noqa: S608
        f" SELECT {table}.id, {table}.kind, {table}.object_id, {table}.entry,"
        " bm25(search_fts, 10.0, 1.0) AS score"
        f" FROM search_fts JOIN {table} ON {table}.entry = search_fts.rowid"
        f" WHERE search_fts MATCH %s{where}"
        f" ORDER BY search_fts.rowid DESC LIMIT {CANDIDATES}"
        ") ORDER BY score"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [Hit(Candidate(*row[:-1]), SafeString(""), -row[-1]) for row in rows]


def _snippets_sqlite(clauses, hits) -> dict[int, SafeString]:
    entries = [hit.document.entry for hit in hits]
    placeholders = ", ".join(["%s"] * len(entries))
    sql = (
        "SELECT rowid, snippet(search_fts, -1, char(2), char(3), '…', 24) FROM search_fts"  # noqa: S608
        f" WHERE search_fts MATCH %s AND rowid IN ({placeholders})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [queries.fts5(clauses), *entries])
        return {entry_id(entry): highlight(snippet) for entry, snippet in cursor.fetchall()}
