"""Reading what a reader typed: clauses, phrases, prefixes, other names; pure."""

import string

from hypothesis import given
from hypothesis import strategies as st

from monitor.search.queries import (
    Clause,
    fts5,
    fts5_words,
    has_phrase,
    parse,
    tsquery,
    with_alternatives,
)


def test_words_are_clauses_and_the_last_is_a_prefix():
    assert parse("Border  Security") == [Clause(("border",)), Clause(("security",), prefix=True)]
    assert fts5(parse("border security")) == '"border" "security"*'
    assert tsquery(parse("border security")) == "border & security:*"


def test_quoted_words_are_one_phrase_in_either_kind_of_quote():
    for text in ('"border security" talks', "“border security” talks", "«border security» talks"):
        clauses = parse(text)
        assert clauses[0] == Clause(("border", "security"))
        assert clauses[0].phrase
    assert fts5(parse('"border security" talks')) == '"border security" "talks"*'
    assert tsquery(parse('"border security" talks')) == "border <-> security & talks:*"


def test_a_phrase_at_the_end_is_not_a_prefix_and_an_unclosed_quote_still_reads():
    assert parse('talks "border security"')[-1] == Clause(("border", "security"))
    assert parse('talks "border security')[-1] == Clause(("border", "security"))
    assert parse('""') == [] and parse("  ,;  ") == []


def test_other_names_are_alternatives_matched_whole():
    clauses = with_alternatives(
        parse("lukashenko visit"), {"lukashenko": ["Alyaksandr Lukashenka", "Lukashenka"]}
    )
    assert clauses[0].forms() == (
        ("lukashenko",),
        ("alyaksandr", "lukashenka"),
        ("lukashenka",),
    )
    assert fts5(clauses) == '("lukashenko" OR "alyaksandr lukashenka" OR "lukashenka") "visit"*'
    assert tsquery(clauses) == "(lukashenko | alyaksandr <-> lukashenka | lukashenka) & visit:*"
    # The last word, once it is a known name, is matched whole rather than as a prefix.
    (last,) = with_alternatives(parse("lukashenko"), {"lukashenko": ["Lukashenka"]})
    assert not last.prefix


def test_a_phrase_is_ranked_on_sqlite_by_its_words_anywhere():
    clauses = with_alternatives(
        parse('"border security" lukashenko vis'),
        {"lukashenko": ["Alyaksandr Lukashenka"]},
    )
    assert has_phrase(clauses)
    assert fts5_words(clauses) == (
        '("border" "security") ("lukashenko" OR ("alyaksandr" "lukashenka")) "vis"*'
    )
    assert has_phrase(with_alternatives(parse("lukashenko"), {"lukashenko": ["A Lukashenka"]}))
    assert not has_phrase(parse("border security"))
    assert fts5_words(parse("border security")) == fts5(parse("border security"))


@given(st.text(alphabet=string.printable + "“”«»’—", max_size=60))
def test_nothing_typed_reaches_the_engines_as_syntax(text):
    clauses = parse(text)
    syntax_free = set(string.ascii_letters + string.digits + "_ ")
    for clause in clauses:
        assert clause.words and all(
            set(word) <= syntax_free or word.isalnum() for word in clause.words
        )
    # Only our own operators and quotes appear between the words.
    for written in (fts5(clauses), fts5_words(clauses)):
        stripped = written.replace('"', " ").replace("*", " ").replace("OR", " ")
        assert all(c.isalnum() or c in "_ ()" for c in stripped)
    assert all(c.isalnum() or c in "_ ()&|<->:*" for c in tsquery(clauses))
