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


def _reference(text, clauses):
    """The rule as first written: every token of the text read, then the window."""
    import re

    from django.utils.html import escape

    from monitor.search.snippets import _pattern

    pattern = _pattern(clauses)
    tokens = list(re.finditer(r"\S+", text))
    if not tokens:
        return ""
    matches = list(pattern.finditer(text)) if pattern else []
    starts = [token.start() for token in tokens]
    at = [max(i for i, start in enumerate(starts) if start <= m.start()) for m in matches]
    best, best_count = 0, 0
    for left in range(len(at)):
        count = sum(1 for index in at[left:] if index < at[left] + WORDS)
        if count > best_count:
            best, best_count = left, count
    first = max(at[best] - 3, 0) if at else 0
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
    return ("… " if first else "") + "".join(parts) + (" …" if last < len(tokens) - 1 else "")


WORDS_OF_TEXT = st.lists(
    st.sampled_from(["drones", "border", "security", "talks", "the", "Drones,", "(border"]),
    max_size=120,
)
SPACES = st.sampled_from([" ", "  ", "\n\n", "\t", "\u00a0", " \n "])


@given(
    WORDS_OF_TEXT,
    st.lists(SPACES, min_size=121, max_size=121),
    st.booleans(),
    st.sampled_from(
        ["drones", "border security", '"border security"', "secu", "talks drones", "nothing"]
    ),
)
def test_reads_only_the_passage_it_shows_and_chooses_as_reading_every_token_would(
    words, spaces, leading, query
):
    text = (" " if leading else "") + "".join(w + s for w, s in zip(words, spaces, strict=False))
    clauses = parse(query)
    assert snippet(text, clauses) == _reference(text, clauses)


@given(st.text(max_size=300), st.text(max_size=30))
def test_chooses_as_reading_every_token_would_whatever_the_text(text, query):
    clauses = parse(query)
    assert snippet(text, clauses) == _reference(text, clauses)
