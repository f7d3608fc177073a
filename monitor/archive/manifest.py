"""The archive's manifest (``manifest.json``): what made the archive and what it holds.

Written last, so a folder without one is an export that did not finish. Its shape::

    {"format": "monitor-archive", "format_version": 1, "monitor_version": "0.1.0",
     "created_at": "2026-12-01T09:00:00.123456+00:00",
     "migrations": {"articles": ["0001_initial", ...], ...},
     "tables": [{"model": "articles.publication", "file": "001-articles.publication.jsonl",
                 "fields": ["id", "name", ...], "rows": 4, "bytes": 812, "sha256": "..."}, ...],
     "media": {"files": ["articles/2025/lead.jpg", ...], "bytes": 48213, "missing": []}}

Tables are listed in the order they are imported (each after the tables it points at).
No database access here.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .lines import ArchiveError

FORMAT = "monitor-archive"
FORMAT_VERSION = 1
NAME = "manifest.json"


@dataclass
class Table:
    model: str
    file: str
    fields: list[str]
    rows: int = 0
    bytes: int = 0
    sha256: str = ""


@dataclass
class Media:
    files: list[str] = field(default_factory=list)
    bytes: int = 0
    missing: list[str] = field(default_factory=list)


@dataclass
class Manifest:
    monitor_version: str
    created_at: str
    migrations: dict[str, list[str]]
    tables: list[Table] = field(default_factory=list)
    media: Media = field(default_factory=Media)
    format: str = FORMAT
    format_version: int = FORMAT_VERSION

    def rows(self) -> int:
        return sum(table.rows for table in self.tables)

    def bytes(self) -> int:
        return sum(table.bytes for table in self.tables) + self.media.bytes

    def write(self, folder: Path) -> None:
        text = json.dumps(asdict(self), indent=1, ensure_ascii=False)
        (folder / NAME).write_text(text + "\n", encoding="utf-8")


def manifest_read(folder: Path) -> Manifest:
    """The folder's manifest, checked for shape and version; ArchiveError says what is wrong."""
    path = folder / NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ArchiveError(
            f"not a Monitor archive (no {NAME}: not one, or its export did not finish)."
        ) from None
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise ArchiveError(f"{path} cannot be read: {error}.") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ArchiveError(f"{path} is not the manifest of a Monitor archive.")
    version = data.get("format_version")
    if not isinstance(version, int) or version < 1:
        raise ArchiveError(f"{path}: unknown format version {version!r}.")
    if version > FORMAT_VERSION:
        raise ArchiveError(
            f"The archive is in format {version}, made by a newer Monitor; this one reads "
            f"format {FORMAT_VERSION}: import it with the version that made it."
        )
    try:
        return Manifest(
            monitor_version=data["monitor_version"],
            created_at=data["created_at"],
            migrations=data["migrations"],
            tables=[Table(**table) for table in data["tables"]],
            media=Media(**data["media"]),
            format=data["format"],
            format_version=version,
        )
    except (KeyError, TypeError) as error:
        raise ArchiveError(f"{path} is incomplete or damaged ({error}).") from None
