"""Snippets: the passage that matched, escaped, matches marked; pure."""

from hypothesis import given
from hypothesis import strategies as st

from monitor.search.queries import parse, with_alternatives
from monitor.search.snippets import WORDS, snippet


def test_marks_a_word_and_its_inflections():
    text = "The negotiation stalled. Negotiations resumed on Monday."
    marked = snippet(text, parse("negotiations"))
    assert marked.count("<mark>") == 2
    assert "<mark>Negotiations</mark>" in marked and "<mark>negotiation</mark>" in marked


def test_marks_a_phrase_whole_and_a_prefix_being_typed():
    marked = snippet("Talks on border security resumed.", parse('"border security"'))
    assert "<mark>border security</mark>" in marked
    assert "<mark>Pezeshkian</mark>" in snippet("Pezeshkian arrived.", parse("pezesh"))


def test_marks_what_an_alias_stands_for():
    clauses = with_alternatives(parse("lukashenko"), {"lukashenko": ["Lukashenka"]})
    assert "<mark>Lukashenka</mark>" in snippet("Lukashenka met the delegation.", clauses)


def test_chooses_the_passage_with_most_matches_and_says_what_is_cut():
    filler = " ".join(["word"] * 100)
    text = f"drones once. {filler} drones and drones and drones. {filler}"
    marked = snippet(text, parse("drones"))
    assert marked.count("<mark>") == 3
    assert marked.startswith("… ") and marked.endswith(" …")


def test_escapes_the_text_and_without_a_match_gives_the_beginning():
    marked = snippet("<script>alert(1)</script> drones", parse("drones"))
    assert "<script>" not in marked and "&lt;script&gt;" in marked
    assert snippet("Nothing here at all.", parse("drones")) == "Nothing here at all."
    assert snippet("", parse("drones")) == ""


@given(st.text(max_size=400), st.text(max_size=40))
def test_never_lets_markup_through_and_stays_short(text, query):
    marked = snippet(text, parse(query))
    assert "<" not in marked.replace("<mark>", "").replace("</mark>", "")
    assert marked.count("<mark>") == marked.count("</mark>")
    assert len(marked.replace("<mark>", "").replace("</mark>", "").split()) <= WORDS + 2
