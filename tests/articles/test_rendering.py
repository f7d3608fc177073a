"""Markdown rendering is sanitized: nothing an editor types can run in a reader's browser."""

import re

from articles.rendering import (
    Link,
    article_paragraphs,
    mark_paragraphs,
    paragraph_at,
    render_article_body,
    render_markdown,
)


def test_markdown_renders():
    html = render_markdown("**Bold** and [a link](https://example.org)\n\n- one\n- two")
    assert "<strong>Bold</strong>" in html
    assert '<a href="https://example.org" rel="noopener noreferrer">a link</a>' in html
    assert "<li>one</li>" in html


def test_raw_html_and_dangerous_links_are_neutralised():
    html = render_markdown(
        '<script>alert(1)</script> [x](javascript:alert(1)) <a href="x" onclick="y">z</a>'
    )
    assert "<script>" not in html
    assert 'href="javascript:' not in html
    assert '<a href="x"' not in html


def test_empty_body():
    assert render_markdown("") == ""


# Paragraph anchors (issue 13): stable across edits elsewhere, the same as the page's ids.

BODY = "Iran and Belarus met.\n\nThey signed a roadmap.\n\n- one\n- two\n\nIran and Belarus met."


def test_paragraphs_are_anchored_by_their_words_and_rendered_with_those_ids():
    paragraphs = article_paragraphs(BODY)
    anchors = [paragraph.anchor for paragraph in paragraphs]
    assert all(re.fullmatch(r"p-[0-9a-f]{6}(-\d+)?", anchor) for anchor in anchors)
    # The same words twice: the second gets a suffix, so every id is unique.
    assert anchors[-1] == f"{anchors[0]}-2"
    assert len(set(anchors)) == 5
    html = render_article_body(BODY)
    assert re.findall(r'<(?:p|li) id="([^"]+)"', html) == anchors
    assert [BODY[p.start : p.end].strip() for p in paragraphs][:2] == [
        "Iran and Belarus met.",
        "They signed a roadmap.",
    ]
    assert paragraph_at(paragraphs, BODY.index("roadmap")).text == "They signed a roadmap."


def test_an_anchor_survives_edits_of_other_paragraphs_not_of_its_own():
    before = {p.text: p.anchor for p in article_paragraphs(BODY)}
    edited = "A new first paragraph.\n\n" + BODY.replace("Iran and Belarus met.", "They met.", 1)
    after = {p.text: p.anchor for p in article_paragraphs(edited)}
    assert after["They signed a roadmap."] == before["They signed a roadmap."]
    # Case and whitespace aside, and whatever links the citations get.
    assert (
        article_paragraphs("they  SIGNED a\nroadmap.")[0].anchor == before["They signed a roadmap."]
    )
    linked = render_article_body(
        "They signed (Tasnim, May 2).", links=[Link(12, 27, "https://example.org/", "Tasnim")]
    )
    assert article_paragraphs("They signed (Tasnim, May 2).")[0].anchor in linked
    assert (
        article_paragraphs("They signed a new roadmap.")[0].anchor
        != before["They signed a roadmap."]
    )


def test_marked_paragraphs_get_a_class_and_the_marker():
    html = render_article_body(BODY)
    anchor = article_paragraphs(BODY)[1].anchor
    marked = mark_paragraphs(html, {anchor: '<span class="supports-mark">x</span>'})
    assert f'<p id="{anchor}" class="supports">They signed a roadmap. <span' in marked
    assert marked.count("supports-mark") == 1
    assert mark_paragraphs(html, {}) == html
