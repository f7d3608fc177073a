"""Revision diffs: by paragraph, with the changed words marked, whatever the line endings."""

from hypothesis import given
from hypothesis import strategies as st

from articles.revisions import diff_paragraphs, diff_snapshots, diff_words

BODY = "First paragraph stays.\n\nSecond paragraph, about Minsk.\n\nThird one."


def test_one_word_changed_shows_that_word_and_only_that_paragraph():
    after = BODY.replace("Minsk", "Tehran").replace("\n", "\r\n")  # as a browser sends it
    [change] = diff_snapshots({"body": BODY}, {"body": after})
    [paragraph] = change.paragraphs
    assert paragraph.kind == "changed"
    marked = [(s.kind, s.text) for s in paragraph.segments if s.kind != "same"]
    assert marked == [("removed", "Minsk"), ("added", "Tehran")]


def test_crlf_alone_is_no_change():
    assert diff_snapshots({"body": BODY}, {"body": BODY.replace("\n", "\r\n")}) == []


def test_added_and_removed_paragraphs():
    after = "First paragraph stays.\n\nThird one.\n\nA new ending."
    kinds = [
        (p.kind, p.segments[0].text)
        for p in diff_paragraphs(BODY.split("\n\n"), after.split("\n\n"))
    ]
    assert kinds == [("removed", "Second paragraph, about Minsk."), ("added", "A new ending.")]


@given(st.text(), st.text())
def test_a_word_diff_rebuilds_both_texts(before, after):
    segments = diff_words(before, after)
    assert "".join(s.text for s in segments if s.kind != "added") == before
    assert "".join(s.text for s in segments if s.kind != "removed") == after
