"""Markdown to safe HTML: how an article body, a note or a biography becomes what readers see.

Pure logic, called on save and never per request. The Markdown is CommonMark (markdown-it-py)
with tables and strikethrough; raw HTML in the source is not trusted and everything that
comes out is sanitized by nh3 against a fixed allow-list.
"""

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "cite", "code", "em", "h2", "h3", "h4", "hr", "i",
    "li", "ol", "p", "pre", "q", "s", "strong", "sub", "sup", "table", "tbody", "td", "th",
    "thead", "tr", "ul", "span",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "id", "class", "data-source", "data-citation"},
    "sup": {"id", "class"},
    "span": {"class"},
    "li": {"id"},
    "abbr": {"title"},
    "th": {"align"},
    "td": {"align"},
}
URL_SCHEMES = {"http", "https", "mailto"}

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_markdown.enable(["table", "strikethrough"])


def sanitize_html(html: str) -> str:
    """Keep only the allowed tags, attributes and URL schemes; links get rel="noopener"."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


def render_markdown(source: str) -> str:
    """Render Markdown to sanitized HTML. Raw HTML in the source is shown as text, not run."""
    return sanitize_html(_markdown.render(source or ""))
