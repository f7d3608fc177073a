"""``manage.py import_archive PATH``: restore an archive ``export_archive`` wrote into this
database, which must be migrated and empty (see docs/backup.md).

One transaction: rows with their ids, media files, then what is derived (subjects, counts,
stored pages, related lists, the search index). No revision, change-feed entry or webhook
follows: a restore is not an editorial change. Shows a progress bar and ends with a summary;
exits non-zero with one line when it cannot import, with nothing written.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from articles.management.errors import one_line
from monitor.archive.lines import ArchiveError
from monitor.archive.services import archive_import


class Command(BaseCommand):
    help = "Restore an archive folder into this empty, migrated database, then rebuild what is derived."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The folder export_archive wrote.")

    def handle(self, *args, path, verbosity, **options):
        try:
            report = archive_import(path=path, progress=verbosity > 0, stderr=self.stderr)
        except (ArchiveError, OSError, DatabaseError) as error:
            raise CommandError(f"Cannot import {path}: {one_line(error)}") from None
        self.stdout.write(report.summary())
