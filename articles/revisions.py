"""Comparing two revisions of an article: what changed, in words and lines an editor reads.

Pure logic. A revision's snapshot is a plain dict (see ``articles.services.revisions``):
text fields ("title", "dek", "body", "image_credit"), lists of texts ("summary", "notes"
as "[n] text") and lists of labelled items ("authors", "topics", "regions", "events",
"sources"), each item a ``[id, label]`` pair. ``diff_snapshots`` returns only what
differs, in a fixed order, so identical snapshots give an empty list.
"""

from __future__ import annotations

import difflib
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
class FieldChange:
    """One changed field: ``lines`` is a unified diff for texts; ``added``/``removed`` for items."""

    name: str
    label: str
    lines: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def diff_snapshots(old: dict, new: dict) -> list[FieldChange]:
    """What changed from ``old`` to ``new``; missing keys count as empty."""
    changes = []
    for name, label in TEXT_FIELDS + LONG_TEXT_FIELDS:
        before, after = _lines(old.get(name)), _lines(new.get(name))
        if before != after:
            diff = difflib.unified_diff(before, after, "before", "after", n=1, lineterm="")
            changes.append(FieldChange(name, label, lines=list(diff)[2:]))
    for name, label in ITEM_FIELDS:
        before = {str(item[0]): item[1] for item in old.get(name, [])}
        after = {str(item[0]): item[1] for item in new.get(name, [])}
        added = [after[key] for key in after if key not in before]
        removed = [before[key] for key in before if key not in after]
        if added or removed:
            changes.append(FieldChange(name, label, added=added, removed=removed))
    return changes


def _lines(value) -> list[str]:
    """Texts split into paragraphs (blank-line separated) or lists as they are."""
    if value is None:
        return []
    if isinstance(value, list):
        return [str(item) for item in value]
    return [part.strip() for part in str(value).split("\n\n") if part.strip()]
