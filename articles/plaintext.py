"""Reading a plain-text article in the house format into its parts.

Pure logic, no database access. The format is the one the seed file uses::

    Iran and Belarus Boost Their Partnership          <- title: the first non-empty line

    Publication: Eurasia Daily Monitor Volume: 22 Issue: 130
    Date: August 21, 2025                             <- optional publication date (or 2025-08-21)
    By: Jane Analyst and John Writer                  <- optional byline ("By …" also works)
    (Source: President of Belarus)                    <- optional image credit
    Executive Summary:                                <- optional; bullets "•", "-" or "*"
      • First point.
    Body paragraph one.                               <- paragraphs are separated by blank lines
    Body paragraph two.
    Note:                                             <- optional, "Note:" or "Notes:"
    [1] The note's text.

The header lines may come in any order before the summary or body. Volume and issue are
optional; so is the publication line. Whitespace is normalised; the text itself is kept
as written (no Markdown escaping is applied).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

_PUBLICATION = re.compile(
    r"^Publication:\s*(?P<name>.+?)(?:\s+Volume:\s*(?P<volume>\d+))?(?:\s+Issue:\s*(?P<issue>\d+))?\s*$",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^By:?\s+(?P<names>[^\d.;:()]{2,160})$")
_DATE = re.compile(r"^Date:\s*(?P<date>.+?)\s*$", re.IGNORECASE)
_CREDIT = re.compile(r"^\(Source:\s*(?P<credit>.+?)\)$", re.IGNORECASE)
_SUMMARY_HEADING = re.compile(r"^Executive Summary:?$", re.IGNORECASE)
_NOTES_HEADING = re.compile(r"^Notes?:?$", re.IGNORECASE)
_BULLET = re.compile(r"^[•\-*\u2022\u25cf]\s*(?P<text>.+)$")
_NOTE = re.compile(r"^\[(?P<number>\d+)\]\s*(?P<text>.+)$")
_NAME_SEPARATOR = re.compile(r"\s*(?:,|\band\b|&)\s*")


class PlainTextError(ValueError):
    """The text is not an article in the house format; the message says what is missing."""


@dataclass
class ParsedArticle:
    title: str
    publication: str = ""
    volume: int | None = None
    issue: int | None = None
    published: dt.date | None = None
    authors: list[str] = field(default_factory=list)
    image_credit: str = ""
    summary: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)

    @property
    def body(self) -> str:
        """The body as Markdown: paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraphs)


def parse_plain_text(text: str) -> ParsedArticle:
    """Split a plain-text article into title, header fields, summary, body and notes.

    Raises ``PlainTextError`` when there is no title or no body paragraph, or when a
    note is not numbered like "[1] …". Blank lines separate paragraphs; within a
    paragraph, line breaks become spaces.
    """
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    blocks = _blocks(lines)
    if not blocks:
        raise PlainTextError("The file is empty.")
    article = ParsedArticle(title=" ".join(blocks[0]))
    section = "header"
    for block in blocks[1:]:
        first = block[0]
        if section == "header" and _header_line(article, block):
            continue
        if _SUMMARY_HEADING.match(first):
            section = "summary"
            block = block[1:]
        elif _NOTES_HEADING.match(first):
            section = "notes"
            block = block[1:]
        elif section in ("header", "summary") and not _BULLET.match(first):
            section = "body"
        if not block:
            continue
        if section == "summary":
            article.summary.extend(_bullets(block))
        elif section == "notes":
            article.notes.extend(_notes(block))
        else:
            article.paragraphs.append(" ".join(block))
    if not article.paragraphs:
        raise PlainTextError("The article has no body paragraphs.")
    return article


def _blocks(lines: list[str]) -> list[list[str]]:
    blocks, current = [], []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _header_line(article: ParsedArticle, block: list[str]) -> bool:
    """Read a block made only of header lines into ``article``; False if it is not one."""
    matches = []
    for line in block:
        if match := _PUBLICATION.match(line):
            matches.append(("publication", match))
        elif match := _DATE.match(line):
            matches.append(("date", match))
        elif match := _CREDIT.match(line):
            matches.append(("credit", match))
        elif match := _BYLINE.match(line):
            matches.append(("byline", match))
        else:
            return False
    for kind, match in matches:
        if kind == "publication":
            article.publication = match["name"].strip()
            article.volume = int(match["volume"]) if match["volume"] else None
            article.issue = int(match["issue"]) if match["issue"] else None
        elif kind == "date":
            article.published = _date(match["date"])
        elif kind == "credit":
            article.image_credit = match["credit"].strip()
        else:
            article.authors = [name for name in _NAME_SEPARATOR.split(match["names"]) if name]
    return True


def _date(text: str) -> dt.date:
    """A header date, "August 21, 2025" (or "21 August 2025", or ISO "2025-08-21")."""
    for pattern in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text.replace(".", ""), pattern).date()
        except ValueError:
            continue
    raise PlainTextError(f"The date line must give a date like “Date: August 21, 2025”: {text!r}")


def _bullets(block: list[str]) -> list[str]:
    points: list[str] = []
    for line in block:
        if match := _BULLET.match(line):
            points.append(match["text"].strip())
        elif points:
            points[-1] = f"{points[-1]} {line}"
        else:
            points.append(line)
    return points


def _notes(block: list[str]) -> list[tuple[int, str]]:
    notes: list[tuple[int, str]] = []
    for line in block:
        if match := _NOTE.match(line):
            notes.append((int(match["number"]), match["text"].strip()))
        elif notes:
            number, text = notes[-1]
            notes[-1] = (number, f"{text} {line}")
        else:
            raise PlainTextError(f"A note must start with its number, like “[1] …”: {line[:60]!r}")
    return notes


def parse_summary(text: str) -> list[str]:
    """Executive summary points from a text field: one point per line. Where points are
    bulleted ("•", "-", "*"), a line with no bullet continues the point before it."""
    lines = [line.strip() for line in (text or "").replace("\r\n", "\n").split("\n")]
    lines = [line for line in lines if line]
    if not any(_BULLET.match(line) for line in lines):
        return lines
    return _bullets(lines)


def format_summary(points: list[str]) -> str:
    return "\n".join(points)


def parse_notes(text: str) -> list[tuple[int, str]]:
    """Notes from a text field: each starts on a new line with its number, "[1] …"; other lines
    continue the note before them. Raises ``PlainTextError`` for a first line with no number
    or a number given twice."""
    lines = [line.strip() for line in (text or "").replace("\r\n", "\n").split("\n")]
    notes = _notes([line for line in lines if line]) if any(lines) else []
    numbers = [number for number, _ in notes]
    repeated = sorted({n for n in numbers if numbers.count(n) > 1})
    if repeated:
        raise PlainTextError(f"Note [{repeated[0]}] is numbered twice.")
    if any(number < 1 for number in numbers):
        raise PlainTextError("Notes are numbered from [1].")
    return notes


def format_notes(notes: list[tuple[int, str]]) -> str:
    return "\n".join(f"[{number}] {text}" for number, text in notes)
