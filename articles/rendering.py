"""Markdown to safe HTML: how an article body, a note or a biography becomes what readers see.

Pure logic, called on save and never per request. The Markdown is CommonMark (markdown-it-py)
with tables and strikethrough; raw HTML in the source is not trusted and everything that
comes out is sanitized by nh3 against a fixed allow-list.
"""

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from urllib.parse import quote

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


def normalise_newlines(text: str) -> str:
    """Line endings as Monitor stores them: browsers send CRLF, some files CR alone."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if text else text


def render_markdown(source: str) -> str:
    """Render Markdown to sanitized HTML. Raw HTML in the source is shown as text, not run."""
    return sanitize_html(_markdown.render(source or ""))


@dataclass(frozen=True)
class Link:
    """A span of the Markdown source to show as a link: ``source[start:end]`` links to ``href``."""

    start: int
    end: int
    href: str
    title: str


_NOTE_MARKER = re.compile(r"\[(\d{1,3})\]")
_LINK_TEXT_SPECIALS = re.compile(r"([\[\]\\])")


def render_article_body(
    source: str, *, links: Iterable[Link] = (), notes: Collection[int] = ()
) -> str:
    """Render an article body with its citations, cross-references and note markers linked.

    ``links`` are spans of ``source``; overlapping or out-of-range spans are skipped, never
    half-applied. Each ``[n]`` whose note exists becomes a superscript link to ``#note-n``,
    the first one carrying the id ``note-ref-n`` that the note links back to. The result
    is sanitized like any other Markdown.
    """
    pieces, cursor = [], 0
    for link in sorted(links, key=lambda link: link.start):
        if link.start < cursor or not 0 <= link.start < link.end <= len(source):
            continue
        text = _LINK_TEXT_SPECIALS.sub(r"\\\1", source[link.start : link.end])
        href = quote(link.href, safe=":/?#[]@!$&'()*+,;=%~-._")
        pieces += [source[cursor : link.start], f'[{text}](<{href}> "{_title(link.title)}")']
        cursor = link.end
    pieces.append(source[cursor:])
    html = _markdown.render("".join(pieces))
    seen: set[int] = set()

    def note_link(match: re.Match) -> str:
        number = int(match.group(1))
        if number not in notes:
            return match.group(0)
        anchor = "" if number in seen else f' id="note-ref-{number}"'
        seen.add(number)
        return f'<sup class="note-ref"{anchor}><a href="#note-{number}">[{number}]</a></sup>'

    return sanitize_html(_NOTE_MARKER.sub(note_link, html))


def _title(text: str) -> str:
    return text.replace("\\", "").replace('"', "'").replace("\n", " ")
