"""Spelling suggestions: the distance rule (pure), and what each engine suggests."""

from django.db import connection

from monitor.search import spelling
from monitor.search.backends import read_query
from monitor.search.services import search_index_actor, search_reindex
from tests import factories


def test_distance_counts_edits_and_stops_past_the_limit():
    assert spelling.distance("lukashenko", "lukashenka", 2) == 1
    assert spelling.distance("pezeshkian", "pezeshkain", 2) == 2
    assert spelling.distance("minsk", "moscow", 2) == 3  # past the limit: limit + 1
    assert spelling.distance("abc", "abcdefgh", 2) == 3


def test_closest_prefers_fewest_edits_then_most_documents_and_never_the_word_itself():
    candidates = [("lukashenka", 5), ("lukashenko", 50), ("lukashevich", 900)]
    assert spelling.closest("lukashenkx", candidates) in {"lukashenka", "lukashenko"}
    assert spelling.closest("lukashenkq", [("lukashenka", 5), ("lukashenko", 50)]) == "lukashenko"
    assert spelling.closest("lukashenka", [("lukashenka", 5)]) is None
    assert spelling.closest("minsk", [("moscow", 100)]) is None


def test_a_misspelt_name_is_suggested_as_the_archive_writes_it(db):
    person = factories.actor(name="Masoud Pezeshkian", kind="person")
    factories.event(actors=[(person, "visitor")])
    factories.article(body="Pezeshkian arrived in Minsk on August 19.")
    search_reindex()
    search_index_actor(person)
    assert spelling.suggest(read_query("pezeshkain minsk")).lower() == "pezeshkian minsk"
    assert spelling.suggest(read_query("pezeshkian minsk")) is None  # nothing to correct
    assert spelling.suggest(read_query("zzzzqqqq")) is None  # nothing close enough
    # A phrase keeps its quotes; the word is written as the archive writes it.
    assert spelling.suggest(read_query('"pezeshkain arrived"')) == '"Pezeshkian arrived"' or (
        connection.vendor == "postgresql"  # suggests from names, in lower case
        and spelling.suggest(read_query('"pezeshkain arrived"')) == '"pezeshkian arrived"'
    )
