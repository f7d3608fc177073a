"""What the articles app does after a change is committed (see ``monitor.core.changes``)."""

from __future__ import annotations

from collections.abc import Sequence

from monitor.core.changes import Changed

from .services.related import related_refresh


def changes_committed(changes: Sequence[Changed]) -> None:
    """Related articles follow what articles are about and whether readers see them."""
    moved = {
        change.id
        for change in changes
        if change.resource == "article"
        and (Changed.SUBJECTS in change.aspects or Changed.IDENTITY in change.aspects)
    }
    if moved:
        related_refresh(moved)
