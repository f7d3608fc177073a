"""Import plain-text articles in the house format: one file, or every .txt file of a folder.

    python manage.py import_article PATH --publication SLUG [--published YYYY-MM-DD]
                                         [--status draft|published] [--replace]

Each article is imported in its own transaction, through the same service as an editor's
save (``article_import``): citations, cross-references, revision, change feed, search and
event suggestions follow, and a bad file never leaves half an article behind. A file may
carry its own date ("Date: August 21, 2025"), so a folder spanning years imports in one
run. Re-importing a file updates the article it made and never changes its workflow state;
a volume and issue that belong to another article are refused unless --replace is given.
Exits non-zero when any file failed; each failure is one line on stderr.
"""

import datetime as dt
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from tqdm import tqdm

from articles.limits import BODY_MAX_CHARACTERS, IMPORT_MAX_BYTES, megabytes
from articles.management.errors import one_line
from articles.models import ArticleStatus, Publication
from articles.plaintext import PlainTextError, parse_plain_text
from articles.services import ArticleImportError, article_import, import_publication_date
from articles.workflow import TransitionRefused


class Command(BaseCommand):
    help = "Import plain-text articles (a file or a folder of .txt files) into a publication."

    def add_arguments(self, parser):
        parser.add_argument("path", help="A UTF-8 plain-text article, or a folder of them.")
        parser.add_argument("--publication", required=True, help="The publication's slug.")
        parser.add_argument(
            "--published",
            help="Publication date, YYYY-MM-DD, for files without a “Date:” line of their own.",
        )
        parser.add_argument(
            "--status",
            choices=[ArticleStatus.DRAFT, ArticleStatus.PUBLISHED],
            default=ArticleStatus.DRAFT,
            help="Import as draft (default) or published; re-imports keep the state they have.",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Let a file replace the article that holds its volume and issue.",
        )

    def handle(self, *args, path, publication, published, status, replace, **options):
        publication_row = Publication.objects.filter(slug=publication).first()
        if publication_row is None:
            raise CommandError(f"No publication with the slug {publication!r}.")
        published_on = None
        if published:
            try:
                published_on = dt.date.fromisoformat(published)
            except ValueError:
                raise CommandError(
                    f"--published {published!r} is not a date like 2025-08-21."
                ) from None
        root = Path(path)
        if root.is_dir():
            files = sorted(p for p in root.iterdir() if p.suffix == ".txt" and p.is_file())
            if not files:
                raise CommandError(f"No .txt files in {root}.")
        elif root.is_file():
            files = [root]
        else:
            raise CommandError(f"Cannot read {root}: no such file or folder.")

        counts = {"created": 0, "updated": 0, "failed": 0}
        bar = tqdm(
            files, desc="Importing", unit="article", disable=len(files) < 2, file=self.stderr
        )
        for file in bar:
            try:
                article, created = self._import(
                    file, publication_row, published_on, status, replace
                )
            except (
                OSError,
                UnicodeDecodeError,
                PlainTextError,
                ArticleImportError,
                TransitionRefused,
                ValidationError,
            ) as error:
                if len(files) == 1:
                    raise CommandError(f"{file.name}: {one_line(error)}") from None
                counts["failed"] += 1
                bar.write(f"{file.name}: {one_line(error)}", file=self.stderr)
                continue
            counts["created" if created else "updated"] += 1
            if len(files) == 1:
                self.stdout.write(
                    f"{'Created' if created else 'Updated'} “{article.title}” ({article.pk})."
                )
                return
        self.stdout.write(
            f"{len(files)} file(s): {counts['created']} created, {counts['updated']} updated, "
            f"{counts['failed']} failed."
        )
        if counts["failed"]:
            raise CommandError(f"{counts['failed']} of {len(files)} file(s) could not be imported.")

    @staticmethod
    def _import(file, publication, published, status, replace):
        size = file.stat().st_size
        if size > IMPORT_MAX_BYTES:
            raise ArticleImportError(
                f"{megabytes(size)} is larger than an article file can be "
                f"({megabytes(IMPORT_MAX_BYTES)}: a text of at most {BODY_MAX_CHARACTERS:,} "
                "characters); nothing was read."
            )
        parsed = parse_plain_text(file.read_text(encoding="utf-8-sig"))
        date = import_publication_date(parsed, publication, published, today=timezone.localdate())
        imported = article_import(
            parsed=parsed,
            publication=publication,
            published=date,
            status=status,
            replace=replace,
            name=file.name,
        )
        return imported.article, imported.created
