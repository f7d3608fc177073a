"""Markdown to safe HTML: how an article body, a note or a biography becomes what readers see.

Pure logic, called on save and never per request. The Markdown is CommonMark (markdown-it-py)
with tables and strikethrough; raw HTML in the source is not trusted and everything that
comes out is sanitized by nh3 against a fixed allow-list. Every paragraph of an article body
gets a stable anchor from its own words (``article_paragraphs``), which evidence links to.
"""

import hashlib
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
    "p": {"id"},
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
    tokens = _markdown.parse("".join(pieces))
    for anchored, anchor in zip(_paragraph_tokens(tokens), _anchors(tokens), strict=True):
        anchored.attrSet("id", anchor)
    html = _markdown.renderer.render(tokens, _markdown.options, {})
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


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of an article body: its anchor in the rendered page (``id="p-3f9a2c"``),
    its text as readers read it (Markdown and links aside, whitespace collapsed), and the
    span of the source it was read from, ``source[start:end]``."""

    anchor: str
    text: str
    start: int
    end: int


def article_paragraphs(source: str) -> list[Paragraph]:
    """The paragraphs of an article body in reading order, with the anchors that
    ``render_article_body`` gives them.

    An anchor is ``p-`` and the first six hex digits of the SHA-256 of the paragraph's text,
    case and whitespace aside: it stays the same whatever else of the article changes
    (an edit of another paragraph, a paragraph added or moved) and changes when the
    paragraph's own words do. The second and later paragraphs with the same text get
    ``-2``, ``-3``… in reading order. Paragraphs of tight lists are anchored on their
    list item.
    """
    tokens = _markdown.parse(source or "")
    lines = [0]
    for line in (source or "").splitlines(keepends=True):
        lines.append(lines[-1] + len(line))
    found = []
    for index, anchor in zip(_paragraph_indexes(tokens), _anchors(tokens), strict=True):
        first, last = tokens[index].map or (0, 0)
        found.append(
            Paragraph(
                anchor=anchor,
                text=_plain(tokens[index + 1]),
                start=lines[min(first, len(lines) - 1)],
                end=lines[min(last, len(lines) - 1)],
            )
        )
    return found


def paragraph_at(paragraphs: Iterable[Paragraph], position: int) -> Paragraph | None:
    """The paragraph whose source holds the character at ``position``."""
    return next((p for p in paragraphs if p.start <= position < p.end), None)


def paragraph_key(text: str) -> str:
    """Text as anchors and matches compare it: case and runs of whitespace aside."""
    return " ".join(text.split()).casefold()


def _paragraph_indexes(tokens) -> list[int]:
    return [i for i, token in enumerate(tokens) if token.type == "paragraph_open"]


def _paragraph_tokens(tokens) -> list:
    """The token each paragraph's anchor is set on: its own, or in a tight list (where a
    paragraph has no element of its own) its list item's."""
    anchored = []
    for index in _paragraph_indexes(tokens):
        token = tokens[index]
        if token.hidden:
            item = next((t for t in reversed(tokens[:index]) if t.type == "list_item_open"), token)
            token = item
        anchored.append(token)
    return anchored


def _anchors(tokens) -> list[str]:
    seen: dict[str, int] = {}
    anchors = []
    for index in _paragraph_indexes(tokens):
        digest = hashlib.sha256(paragraph_key(_plain(tokens[index + 1])).encode()).hexdigest()
        anchor = f"p-{digest[:6]}"
        seen[anchor] = seen.get(anchor, 0) + 1
        anchors.append(anchor if seen[anchor] == 1 else f"{anchor}-{seen[anchor]}")
    return anchors


def _plain(inline) -> str:
    """The text of an inline token as readers read it: links and emphasis aside."""
    parts = []
    for child in inline.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return " ".join("".join(parts).split())


def mark_paragraphs(html: str, marks: dict[str, str]) -> str:
    """``html`` (a rendered body) with each anchored paragraph of ``marks`` given the class
    ``supports`` and, at its end, the marker HTML ``marks[anchor]`` (built and escaped by
    the caller)."""
    if not marks:
        return html

    def mark(match: re.Match) -> str:
        tag, anchor, inner, end = match.groups()
        if anchor not in marks:
            return match.group(0)
        return f'<{tag} id="{anchor}" class="supports">{inner} {marks[anchor]}{end}'

    return _ANCHORED.sub(mark, html)


# An anchored paragraph up to its end (a list item's: up to a list nested in it).
_ANCHORED = re.compile(
    r'<(p|li) id="(p-[0-9a-f]{6}(?:-\d+)?)">(.*?)(</p>|</li>|<ul>|<ol[ >])', re.S
)
