"""Exporting the site to an archive folder, and importing one into an empty database.

An import is a restore, not an editorial change: rows go in as they were (same ids, same
times, no ``save()``), so no revision, change-feed entry, announcement or webhook follows;
what is derived from them is rebuilt by the services the write path uses.
"""

from __future__ import annotations

import hashlib
import shutil
import time
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from tqdm import tqdm

from articles.models import Article, ArticleStatus, ArticleSubject
from articles.services.counts import catalog_counts_refresh_all
from articles.services.home import home_lists_stale
from articles.services.pages import article_pages_render
from articles.services.related import related_rebuild
from articles.services.subjects import WEIGHTS, classification_keys, subjects_listed_refresh
from articles.tasks import publish_scheduled_article
from events.services.representations import representations_rebuild
from events.services.saving import event_subject_keys
from events.services.timelines import timelines_rebuild
from monitor.core.caching import site_changed, site_changes_at
from monitor.search.services import search_reindex

from .contents import (
    LEFT_OUT,
    NATURAL_KEYS,
    SEEDED,
    archived_fields,
    exported_models,
    label,
    natural_key,
    owner,
)
from .lines import ArchiveError, line_values, row_line
from .manifest import Manifest, Media, Table, manifest_read

BATCH = 2000
MEDIA = "media"


@dataclass
class ArchiveReport:
    done: str  # "Exported to PATH", "Imported from PATH"
    rows: int = 0
    tables: int = 0
    media_files: int = 0
    bytes: int = 0
    seconds: float = 0.0
    rebuilt: list[str] = field(default_factory=list)
    missing_media: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = (
            f"{self.done}: {self.rows:,} rows in {self.tables} tables and {self.media_files:,} "
            f"media files, {self.bytes / 1e6:,.1f} MB, in {self.seconds:.1f} s."
        )
        if self.missing_media:
            text += f" {len(self.missing_media)} media files named by rows were missing."
        if self.rebuilt:
            text += f" Rebuilt: {'; '.join(self.rebuilt)}."
        return text


# Export


def archive_export(*, path: Path, progress: bool = False, stderr=None) -> ArchiveReport:
    """Write every exported table, then the media files rows name, then the manifest, into
    ``path`` (a new or empty folder). Read in one transaction: a consistent snapshot."""
    folder = Path(path)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ArchiveError("it exists and is not an empty folder: export into a new one.")
    started = time.monotonic()
    created = not folder.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        outermost = not connection.in_atomic_block
        with transaction.atomic():
            if outermost and connection.vendor == "postgresql":
                with connection.cursor() as cursor:  # the first statement: one snapshot for all
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            manifest = _export(folder, progress=progress, stderr=stderr)
        manifest.write(folder)
    except BaseException:
        _empty(folder, remove=created)
        raise
    return ArchiveReport(
        done=f"Exported to {folder}",
        rows=manifest.rows(),
        tables=len(manifest.tables),
        media_files=len(manifest.media.files),
        bytes=manifest.bytes(),
        seconds=time.monotonic() - started,
        missing_media=manifest.media.missing,
    )


def _export(folder: Path, *, progress: bool, stderr) -> Manifest:
    tables = exported_models()
    counts = {model: model._base_manager.count() for model in tables}
    manifest = Manifest(
        monitor_version=monitor_version(),
        created_at=timezone.now().isoformat(),
        migrations=migration_state(),
    )
    with tqdm(total=sum(counts.values()), desc="Exporting", unit="row", disable=not progress,
              file=stderr) as bar:  # fmt: skip
        for number, model in enumerate(tables, 1):
            table = Table(
                model=label(model),
                file=f"{number:03d}-{label(model)}.jsonl",
                fields=[f.attname for f in archived_fields(model)],
            )
            _table_export(model, table, folder / table.file, bar)
            manifest.tables.append(table)
    manifest.media = _media_export(tables, folder / MEDIA)
    return manifest


def _table_export(model, table: Table, path: Path, bar) -> None:
    fields = archived_fields(model)
    lookups, widths = [], []
    for f in fields:
        key = natural_key(f)
        lookups += [f"{f.name}__{part}" for part in key] if key else [f.attname]
        widths.append(len(key) if key else 1)
    rows = model._base_manager.order_by("pk").values_list(*lookups).iterator(chunk_size=BATCH)
    digest = hashlib.sha256()
    with path.open("wb") as out:
        for flat in rows:
            values, at = [], 0
            for width in widths:
                part = flat[at : at + width]
                values.append(part[0] if width == 1 else (None if part[0] is None else part))
                at += width
            line = row_line(table.fields, values).encode()
            out.write(line)
            digest.update(line)
            table.rows += 1
            table.bytes += len(line)
            bar.update()
    table.sha256 = digest.hexdigest()


def _file_fields(tables) -> list[tuple[type[models.Model], models.FileField]]:
    return [
        (model, f)
        for model in tables
        for f in model._meta.concrete_fields
        if isinstance(f, models.FileField)
    ]


def _media_export(tables, folder: Path) -> Media:
    """Every file a row names (lead images, photos), copied from the storage."""
    media, seen = Media(), set()
    for model, f in _file_fields(tables):
        names = model._base_manager.exclude(**{f.attname: ""}).values_list(f.attname, flat=True)
        for name in names.order_by(f.attname).iterator(chunk_size=BATCH):
            if name in seen:
                continue
            seen.add(name)
            if not default_storage.exists(name):
                media.missing.append(name)
                continue
            target = _inside(folder, name)
            target.parent.mkdir(parents=True, exist_ok=True)
            with default_storage.open(name, "rb") as source, target.open("wb") as out:
                shutil.copyfileobj(source, out)
            media.files.append(name)
            media.bytes += target.stat().st_size
    return media


def _inside(folder: Path, name: str) -> Path:
    """Where the media file ``name`` goes under ``folder``; a name that would leave it is refused."""
    parts = PurePosixPath(name).parts
    if not parts or PurePosixPath(name).is_absolute() or ".." in parts:
        raise ArchiveError(f"The media file name {name!r} points outside the media folder.")
    return folder.joinpath(*parts)


def _empty(folder: Path, *, remove: bool) -> None:
    """Take away what an export that failed wrote (the folder too, if it made it)."""
    if remove:
        shutil.rmtree(folder, ignore_errors=True)
    elif folder.is_dir():
        for child in folder.iterdir():
            shutil.rmtree(child) if child.is_dir() else child.unlink()


def monitor_version() -> str:
    with (settings.BASE_DIR / "pyproject.toml").open("rb") as project:
        return tomllib.load(project)["project"]["version"]


def migration_state() -> dict[str, list[str]]:
    """The migrations applied, per app whose tables the archive holds or names."""
    wanted = {model._meta.app_label for model in exported_models()}
    wanted |= {name.partition(".")[0] for name in NATURAL_KEYS}
    applied = defaultdict(list)
    for app_label, name in sorted(MigrationRecorder(connection).applied_migrations()):
        if app_label in wanted:
            applied[app_label].append(name)
    return dict(applied)


# Import


def archive_import(*, path: Path, progress: bool = False, stderr=None) -> ArchiveReport:
    """Restore the archive in ``path`` into this (migrated, empty) database and its media
    files into the storage, in one transaction, then rebuild what is derived. Everything is
    checked before anything is written; a failure leaves the database and storage as they were."""
    folder = Path(path)
    if not folder.is_dir():
        what = "not a folder" if folder.exists() else "no such folder"
        raise ArchiveError(f"{what}: give the folder export_archive wrote.")
    manifest = manifest_read(folder)
    tables = _tables_check(manifest, folder)
    _migrations_check(manifest)
    _empty_check()
    _media_check(manifest, folder)
    started = time.monotonic()
    copied: list[str] = []
    try:
        with transaction.atomic():
            for name in SEEDED:  # the migrations' rows give way to the archive's
                apps.get_model(name)._base_manager.all().delete()
            with tqdm(total=manifest.rows(), desc="Importing", unit="row", disable=not progress,
                      file=stderr) as bar:  # fmt: skip
                for model, table in tables:
                    _table_import(model, table, folder, bar)
            _sequences_reset([model for model, _ in tables])
            _media_import(manifest, folder, copied)
            rebuilt = archive_rebuild(progress=progress)
            transaction.on_commit(_after_restore)
    except BaseException:
        for name in copied:
            default_storage.delete(name)
        raise
    return ArchiveReport(
        done=f"Imported from {folder}",
        rows=manifest.rows(),
        tables=len(tables),
        media_files=len(copied),
        bytes=manifest.bytes(),
        seconds=time.monotonic() - started,
        rebuilt=rebuilt,
    )


def _tables_check(manifest: Manifest, folder: Path) -> list[tuple[type[models.Model], Table]]:
    """The archive's tables with their models: every exported one, with today's fields."""
    by_label = {label(model): model for model in exported_models()}
    tables = []
    for table in manifest.tables:
        model = by_label.get(table.model)
        if model is None:
            raise ArchiveError(
                f"The archive holds {table.model}, which this Monitor does not export."
            )
        fields = [f.attname for f in archived_fields(model)]
        if table.fields != fields:
            raise ArchiveError(
                f"{table.model}'s fields in the archive differ from this database's: import it "
                "with the Monitor version that made it."
            )
        if not (folder / table.file).is_file():
            raise ArchiveError(f"{table.file} is missing from the archive.")
        tables.append((model, table))
    missing = by_label.keys() - {table.model for table in manifest.tables}
    if missing:
        raise ArchiveError(f"The archive holds no {', '.join(sorted(missing))}.")
    return tables


def _migrations_check(manifest: Manifest) -> None:
    here = migration_state()
    if here == manifest.migrations:
        return
    for app_label in sorted(here.keys() | manifest.migrations.keys()):
        ours, theirs = set(here.get(app_label, [])), set(manifest.migrations.get(app_label, []))
        if theirs - ours:
            raise ArchiveError(
                f"The archive was made after migration {app_label}.{max(theirs - ours)}, which "
                "this database has not applied: run migrate with the Monitor version that made it."
            )
        if ours - theirs:
            raise ArchiveError(
                f"This database has migration {app_label}.{max(ours - theirs)}, which the archive "
                "predates: restore with the Monitor version that made it, then upgrade."
            )


def _empty_check() -> None:
    seeded = set(SEEDED)
    for model in exported_models():
        if label(owner(model)) not in seeded and model._base_manager.exists():
            raise ArchiveError(
                f"The database is not empty ({model._meta.verbose_name_plural} exist): import "
                "into a new database, migrated and with nothing else in it."
            )


def _media_check(manifest: Manifest, folder: Path) -> None:
    for name in manifest.media.files:
        if not _inside(folder / MEDIA, name).is_file():
            raise ArchiveError(f"The media file {name} is missing from the archive.")
        if default_storage.exists(name):
            raise ArchiveError(f"The media file {name} already exists in MEDIA_ROOT.")


def _table_import(model, table: Table, folder: Path, bar) -> None:
    fields = archived_fields(model)
    natural = {f.attname: _natural_ids(f.related_model) for f in fields if natural_key(f)}
    fill = LEFT_OUT.get(table.model, {})
    columns = model._meta.concrete_fields
    size = max(1, min(BATCH, connection.ops.bulk_batch_size(columns, [None] * BATCH)))
    digest, count, batch = hashlib.sha256(), 0, []
    with (folder / table.file).open("rb") as lines:
        for count, raw in enumerate(lines, 1):
            digest.update(raw)
            where = f"{table.file}, line {count}"
            try:
                text = raw.decode()
            except UnicodeDecodeError:
                raise ArchiveError(f"{where}: not UTF-8.") from None
            values = line_values(text, fields, where=where)
            for attname, ids in natural.items():
                if values[attname] is not None:
                    try:
                        values[attname] = ids[tuple(values[attname])]
                    except (KeyError, TypeError):
                        raise ArchiveError(
                            f"{where}: no {attname} {values[attname]!r} here."
                        ) from None
            values |= {name: make() for name, make in fill.items()}
            batch.append(model(**values))
            if len(batch) >= size:
                _insert(model, batch, columns)
                bar.update(len(batch))
                batch = []
    _insert(model, batch, columns)
    bar.update(len(batch))
    if count != table.rows:
        raise ArchiveError(
            f"{table.file} holds {count:,} rows where the manifest says {table.rows:,}: "
            "the archive is truncated or damaged."
        )
    if digest.hexdigest() != table.sha256:
        raise ArchiveError(
            f"{table.file} is not the file that was exported (its checksum differs)."
        )


def _insert(model, batch, columns) -> None:
    # Raw, as loaddata saves: no save(), no signals, and auto_now fields keep their times.
    if batch:
        model._base_manager._insert(batch, fields=columns, raw=True, using=connection.alias)


def _natural_ids(model) -> dict[tuple, int]:
    lookups = NATURAL_KEYS[label(model)]
    return {tuple(row[:-1]): row[-1] for row in model._base_manager.values_list(*lookups, "pk")}


def _sequences_reset(tables) -> None:
    """Ids the database hands out next come after the imported ones (PostgreSQL's sequences;
    SQLite follows the largest id by itself)."""
    statements = connection.ops.sequence_reset_sql(no_style(), tables)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def _media_import(manifest: Manifest, folder: Path, copied: list[str]) -> None:
    for name in manifest.media.files:
        with _inside(folder / MEDIA, name).open("rb") as source:
            saved = default_storage.save(name, source)
        copied.append(saved)
        if saved != name:
            raise ArchiveError(f"The media file {name} could not be stored under its name.")


# What is derived


def archive_rebuild(*, progress: bool = False) -> list[str]:
    """Everything the write path derives from the rows, made again for the whole archive:
    subjects, counts, timelines, related lists, stored pages and the search index. Nothing
    announced."""
    ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    subjects = 0
    for start in range(0, len(ids), BATCH):
        subjects += len(ArticleSubject.objects.bulk_create(_subjects(ids[start : start + BATCH])))
    subjects_listed_refresh()
    catalog_counts_refresh_all()
    entries = timelines_rebuild()
    representations_rebuild(progress=progress)
    public = list(Article.objects.public().order_by("pk").values_list("pk", flat=True))
    with tqdm(total=len(public), desc="Pages", unit="page", disable=not progress) as bar:
        for start in range(0, len(public), BATCH):
            article_pages_render(public[start : start + BATCH], related=False)
            bar.update(len(public[start : start + BATCH]))
    related = related_rebuild(progress=progress)  # and the related articles pages show
    index = search_reindex(progress=progress)
    return [
        f"{subjects:,} subjects",
        "topic and region counts",
        f"{entries:,} timeline entries",
        f"{len(public):,} pages",
        f"{related:,} related lists",
        f"search index ({index.articles:,} articles, {index.events:,} events, "
        f"{index.actors:,} actors)",
    ]


def _subjects(article_ids: list[int]):
    """The articles' subjects, as the write path keeps them: their topics and regions, the
    published events they report and those events' actors."""
    keys = defaultdict(set)
    for found in (classification_keys(article_ids), event_subject_keys(article_ids)):
        for article_id, article_keys in found.items():
            keys[article_id] |= article_keys
    for article_id in article_ids:
        for key in sorted(keys[article_id]):
            yield ArticleSubject(article_id=article_id, key=key, weight=WEIGHTS[key.split(":")[0]])


def _after_restore() -> None:
    """What a restored site needs once committed: no page cached before it is served, and
    the work queued on the old site is queued again (scheduled publications, at their time)."""
    site_changed()
    home_lists_stale()
    site_changes_at(Article.objects.next_public_at())
    scheduled = Article.objects.filter(status=ArticleStatus.SCHEDULED).values_list(
        "pk", "published_at"
    )
    for article_id, at in scheduled.iterator(chunk_size=BATCH):
        publish_scheduled_article.using(run_after=at).enqueue(article_id)
