"""Markdown rendering is sanitized: nothing an editor types can run in a reader's browser."""

from articles.rendering import render_markdown


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
