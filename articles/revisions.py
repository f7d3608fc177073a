"""Comparing two revisions of an article: what changed, in words and lines an editor reads.

Pure logic. A revision's snapshot is a plain dict (see ``articles.services.revisions``):
text fields ("title", "dek", "body", "image_credit"), lists of texts ("summary", "notes"
as "[n] text") and lists of labelled items ("authors", "topics", "regions", "events",
"sources"), each item a ``[id, label]`` pair. ``diff_snapshots`` returns only what
differs, in a fixed order, so identical snapshots give an empty list; texts are compared
paragraph by paragraph, and a changed paragraph word by word.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

TEXT_FIELDS = (("title", "Title"), ("dek", "Subtitle"), ("image_credit", "Image credit"))
LONG_TEXT_FIELDS = (("summary", "Executive summary"), ("body", "Body"), ("notes", "Notes"))
ITEM_FIELDS = (
    ("authors", "Authors"),
    ("topics", "Topics"),
    ("regions", "Regions"),
    ("events", "Events"),
    ("sources", "Sources"),
)


@dataclass(frozen=True)
class Segment:
    """A run of words in a changed paragraph: ``kind`` is "same", "added" or "removed"."""

    kind: str
    text: str


@dataclass(frozen=True)
class ParagraphChange:
    """One paragraph (or line) that changed: "added", "removed", or "changed" with its words."""

    kind: str
    segments: list[Segment]


@dataclass(frozen=True)
class FieldChange:
    """One changed field: ``paragraphs`` for texts; ``added``/``removed`` for items."""

    name: str
    label: str
    paragraphs: list[ParagraphChange] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def diff_snapshots(old: dict, new: dict) -> list[FieldChange]:
    """What changed from ``old`` to ``new``; missing keys count as empty."""
    changes = []
    for name, label in TEXT_FIELDS + LONG_TEXT_FIELDS:
        before, after = _paragraphs(old.get(name)), _paragraphs(new.get(name))
        if before != after:
            changes.append(FieldChange(name, label, paragraphs=diff_paragraphs(before, after)))
    for name, label in ITEM_FIELDS:
        before = {str(item[0]): item[1] for item in old.get(name, [])}
        after = {str(item[0]): item[1] for item in new.get(name, [])}
        added = [after[key] for key in after if key not in before]
        removed = [before[key] for key in before if key not in after]
        if added or removed:
            changes.append(FieldChange(name, label, added=added, removed=removed))
    return changes


def diff_paragraphs(before: list[str], after: list[str]) -> list[ParagraphChange]:
    """The paragraphs that differ, in order: a changed paragraph shows its words added and
    removed; paragraphs left as they were are not listed."""
    result = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        old, new = before[i1:i2], after[j1:j2]
        paired = min(len(old), len(new)) if tag == "replace" else 0
        for a, b in zip(old[:paired], new[:paired], strict=True):
            result.append(ParagraphChange("changed", diff_words(a, b)))
        result += [ParagraphChange("removed", [Segment("removed", a)]) for a in old[paired:]]
        result += [ParagraphChange("added", [Segment("added", b)]) for b in new[paired:]]
    return result


def diff_words(before: str, after: str) -> list[Segment]:
    """``before`` turned into ``after`` word by word: runs kept, removed and added."""
    old, new = _WORDS.findall(before), _WORDS.findall(after)
    segments: list[Segment] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            segments.append(Segment("same", "".join(old[i1:i2])))
            continue
        if i2 > i1:
            segments.append(Segment("removed", "".join(old[i1:i2])))
        if j2 > j1:
            segments.append(Segment("added", "".join(new[j1:j2])))
    return segments


_WORDS = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


def _paragraphs(value) -> list[str]:
    """Texts split into paragraphs (blank-line separated, whatever the line endings), or
    lists as they are."""
    if value is None:
        return []
    if isinstance(value, list):
        return [str(item) for item in value]
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return [part.strip() for part in text.split("\n\n") if part.strip()]
