"""Merging two editors' changes to one article: what each changed since the revision both
started from, combined where they do not overlap.

Pure logic. ``merge_article(base, mine, theirs)`` takes three dicts of the article's editable
fields (the base revision, the form being saved, what was saved meanwhile) and returns the
merged values and the conflicts. Per kind of field:

- short texts (title, slug, dek…): whoever changed it wins; if both changed it differently,
  the field keeps *mine* and the conflict lists *theirs*, to be seen beside it;
- long texts (the body, by paragraph; the summary and the notes, by line): changes to
  different paragraphs are both kept; where both changed the same paragraphs differently,
  both versions are kept in the text between conflict markers, so that saving it as it is
  is refused (``has_conflict_markers``) until an editor has chosen;
- sets of ids (topics, regions): additions and removals of both are applied.

Fields missing from a dict count as empty.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

MINE_MARKER = "<<<<<<< your version"
THEIRS_MARKER = "======= their version"
END_MARKER = ">>>>>>> end of conflict"


@dataclass(frozen=True)
class Conflict:
    name: str
    mine: str
    theirs: str


@dataclass
class Merge:
    values: dict = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    theirs_changed: list[str] = field(default_factory=list)


def merge_article(
    base: dict,
    mine: dict,
    theirs: dict,
    *,
    short: tuple[str, ...],
    paragraphs: tuple[str, ...] = (),
    lines: tuple[str, ...] = (),
    sets: tuple[str, ...] = (),
) -> Merge:
    """Merge ``mine`` and ``theirs``, both changed from ``base``; see the module's rules."""
    merge = Merge()
    for name in short:
        b, m, t = base.get(name, ""), mine.get(name, ""), theirs.get(name, "")
        if t != b:
            merge.theirs_changed.append(name)
        if m == t or t == b:
            merge.values[name] = m
        elif m == b:
            merge.values[name] = t
        else:
            merge.values[name] = m
            merge.conflicts.append(Conflict(name, str(m), str(t)))
    for name, separator in [*((n, "\n\n") for n in paragraphs), *((n, "\n") for n in lines)]:
        b, m, t = (_split(d.get(name, ""), separator) for d in (base, mine, theirs))
        if t != b:
            merge.theirs_changed.append(name)
        merged, conflicted = merge_sequences(b, m, t)
        merge.values[name] = separator.join(merged)
        if conflicted:
            merge.conflicts.append(Conflict(name, separator.join(m), separator.join(t)))
    for name in sets:
        b, m, t = (set(d.get(name, ())) for d in (base, mine, theirs))
        if t != b:
            merge.theirs_changed.append(name)
        merge.values[name] = sorted((t | (m - b)) - (b - m))
    return merge


def merge_sequences(base: list[str], mine: list[str], theirs: list[str]) -> tuple[list[str], bool]:
    """A three-way merge of two edited copies of ``base`` (lists of paragraphs or lines).

    Returns the merged list and whether any part conflicted. Each side's changes are
    hunks of ``base`` replaced by new items; hunks of the two sides that overlap (or insert
    at the same place) are merged into one region, taken from the side that changed it, or
    once if both made the same change, or else both versions between conflict markers.
    """
    hunks = sorted(
        [(*h, "mine") for h in _hunks(base, mine)] + [(*h, "theirs") for h in _hunks(base, theirs)],
        key=lambda h: (h[0], h[1]),
    )
    result: list[str] = []
    conflicted = False
    position = 0
    index = 0
    while index < len(hunks):
        start, end = hunks[index][0], hunks[index][1]
        group = [hunks[index]]
        index += 1
        while index < len(hunks) and _touches(hunks[index], start, end):
            group.append(hunks[index])
            end = max(end, hunks[index][1])
            index += 1
        result += base[position:start]
        sides = {side for *_, side in group}
        mine_part = _apply(base, start, end, [h for h in group if h[3] == "mine"])
        theirs_part = _apply(base, start, end, [h for h in group if h[3] == "theirs"])
        if sides == {"mine"}:
            result += mine_part
        elif sides == {"theirs"}:
            result += theirs_part
        elif mine_part == theirs_part:
            result += mine_part
        else:
            conflicted = True
            result += [MINE_MARKER, *mine_part, THEIRS_MARKER, *theirs_part, END_MARKER]
        position = end
    result += base[position:]
    return result, conflicted


def has_conflict_markers(text: str) -> bool:
    """Whether ``text`` still holds a conflict left by ``merge_sequences``."""
    return any(line.strip() in (MINE_MARKER, END_MARKER) for line in (text or "").splitlines())


def _split(value, separator: str) -> list[str]:
    if isinstance(value, list):
        return [str(item) for item in value]
    text = str(value or "").replace("\r\n", "\n")
    return [part.strip() for part in text.split(separator) if part.strip()]


def _hunks(base: list[str], other: list[str]) -> list[tuple[int, int, list[str]]]:
    matcher = difflib.SequenceMatcher(None, base, other, autojunk=False)
    return [
        (i1, i2, other[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    ]


def _touches(hunk, start: int, end: int) -> bool:
    """Whether ``hunk`` overlaps base[start:end], or both insert at the same place."""
    h_start, h_end = hunk[0], hunk[1]
    return h_start < end or (h_start == h_end == start == end)


def _apply(base: list[str], start: int, end: int, hunks) -> list[str]:
    """base[start:end] with one side's hunks (inside that range) applied."""
    out, position = [], start
    for h_start, h_end, items, _ in hunks:
        out += base[position:h_start]
        out += items
        position = h_end
    out += base[position:end]
    return out
