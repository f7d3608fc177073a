"""One search interface over two engines: PostgreSQL full-text search, or SQLite FTS5.

``search(text, documents)`` ranks the documents matching ``text`` among ``documents`` (an
already filtered ``SearchDocument`` queryset) and returns ``Hit`` rows, best first, at most
``LIMIT``; ``with_snippets(hits, text)`` adds the highlighted snippets to the hits a page
shows, made from their text by ``snippets.snippet`` (the same rule on both engines). The
engine ranks the newest ``CANDIDATES`` matches inside its index and limits there. The engine
follows the database (``connection.vendor``). Whatever the index holds, only what is public
now is returned: the ranked candidates are checked against the articles, events, actors
and places themselves.
"""

import dataclasses
from dataclasses import dataclass
from typing import NamedTuple

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection, models
from django.utils.safestring import SafeString

from articles.models import Article
from events.models import Actor, Event, Place
from monitor.core.expressions import IdList

from . import queries, snippets
from .models import SearchDocument

LIMIT = 200
# Candidates ranked in the index before the visibility check: an index kept after every
# commit holds few documents readers may not see (a scheduled article not yet due).
CANDIDATES = 2 * LIMIT
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
        kind: set(model.objects.public().filter(pk__in=IdList(ids[kind])).order_by().values_list("pk", flat=True))
        if ids[kind] else set()
        for kind, model in (
            (Kind.ARTICLE, Article), (Kind.EVENT, Event), (Kind.ACTOR, Actor), (Kind.PLACE, Place)
        )
    }  # fmt: skip
    return [hit for hit in hits if hit.document.object_id in public[hit.document.kind]][:LIMIT]


def read_query(text: str) -> list[queries.Clause]:
    """What ``text`` asks for: its clauses, each with the other names of the actor it names.
    The last word is a prefix only while it is not a word of the index: "secu" finds
    "security", "security" is matched as a word (a prefix costs a merge of every word it
    begins, and a whole word's inflections are its stem's)."""
    clauses = queries.parse(text)
    if not clauses:
        return clauses
    last = clauses[-1]
    if last.prefix and indexed(last.text):
        clauses[-1] = queries.Clause(last.words)
    return queries.with_alternatives(clauses, other_names(clauses))


def indexed(word: str) -> bool:
    """Whether any document holds ``word`` (as the index stems it)."""
    if connection.vendor == "sqlite":
        sql, params = "SELECT 1 FROM search_fts WHERE search_fts MATCH %s LIMIT 1", [f'"{word}"']
    else:
        # A stop word ("about") makes an empty query: nothing to correct.
        sql = (
            "SELECT numnode(q) = 0 OR EXISTS (SELECT 1 FROM search_searchdocument"
            " WHERE search_vector @@ q) FROM plainto_tsquery('english', %s) AS q"
        )
        params = [word]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return row is not None and bool(row[0])


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
    documents = SearchDocument.objects.in_bulk([hit.document.pk for hit in hits])
    return [
        dataclasses.replace(
            hit,
            document=documents[hit.document.pk],
            snippet=snippets.snippet(documents[hit.document.pk].body, clauses),
        )
        for hit in hits
        if hit.document.pk in documents
    ]


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
    if queries.has_phrase(clauses):
        ranked = _rank_sqlite_phrases(clauses, where, params)
        if ranked is not None:
            return ranked
    table = SearchDocument._meta.db_table
    sql = (
        "SELECT id, kind, object_id, entry, score FROM ("  # noqa: S608
        # The key comes from the index: the document's own column sits after its body.
        f" SELECT {table}.id, {table}.kind, {table}.object_id, search_fts.rowid AS entry,"
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


# How many matches of a phrase query's words are scored, at most, to rank its candidates.
PHRASE_SCORING_WALK = 5000


def _rank_sqlite_phrases(clauses, where: str, params: list) -> list[Hit] | None:
    """A query with a phrase, ranked by the bm25 of its words (``queries.fts5_words``): the
    newest ``CANDIDATES`` matches of the phrases, then the words' scores of the documents
    between the oldest and the newest of them. FTS5's bm25 weighs each phrase by how many
    documents hold it, which it counts by checking the phrase's positions in every document
    holding its words (36 ms for two words found in every one of 100,000 articles); a
    word's weight is read from its list of documents alone (4 ms). None when more than
    ``PHRASE_SCORING_WALK`` matches of the words lie between the candidates (a rare phrase
    of common words): then the phrases' own bm25 ranks them."""
    table = SearchDocument._meta.db_table
    newest = (
        f"SELECT {table}.id, {table}.kind, {table}.object_id, search_fts.rowid"  # noqa: S608
        f" FROM search_fts JOIN {table} ON {table}.entry = search_fts.rowid"
        f" WHERE search_fts MATCH %s{where}"
        f" ORDER BY search_fts.rowid DESC LIMIT {CANDIDATES}"
    )
    scoring = (
        "SELECT rowid, bm25(search_fts, 10.0, 1.0) FROM search_fts"
        " WHERE search_fts MATCH %s AND rowid BETWEEN %s AND %s ORDER BY rowid DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(newest, params)
        candidates = [Candidate(*row) for row in cursor.fetchall()]
        if not candidates:
            return []
        words = queries.fts5_words(clauses)
        low, high = candidates[-1].entry, candidates[0].entry
        cursor.execute(scoring, [words, low, high, PHRASE_SCORING_WALK])
        scores = dict(cursor.fetchall())
    if any(candidate.entry not in scores for candidate in candidates):
        return None
    # Lower bm25 is better; equal scores, the newest first (as PostgreSQL's ranking).
    candidates.sort(key=lambda candidate: (scores[candidate.entry], -candidate.entry))
    return [Hit(candidate, SafeString(""), -scores[candidate.entry]) for candidate in candidates]
