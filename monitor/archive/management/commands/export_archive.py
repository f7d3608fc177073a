"""``manage.py export_archive PATH``: the whole site, as a folder another database can be
restored from (``import_archive``; see docs/backup.md).

PATH must be new or an empty folder. Shows a progress bar and ends with a summary; exits
non-zero with one line when it cannot export, leaving nothing behind.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from articles.management.errors import one_line
from monitor.archive.lines import ArchiveError
from monitor.archive.services import archive_export


class Command(BaseCommand):
    help = "Export every article, event, subscriber and media file to an archive folder."

    def add_arguments(self, parser):
        parser.add_argument("path", help="A new or empty folder to write the archive into.")

    def handle(self, *args, path, verbosity, **options):
        try:
            report = archive_export(path=path, progress=verbosity > 0, stderr=self.stderr)
        except (ArchiveError, OSError, DatabaseError) as error:
            raise CommandError(f"Cannot export to {path}: {one_line(error)}") from None
        self.stdout.write(report.summary())
