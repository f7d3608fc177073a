"""Print the dated references of a plain-text article as JSON.

Other tools read this output; its shape is a contract. ``--published`` resolves the years
an article leaves out. Output, one entry per dated reference in reading order::

    {"references": [{"outlet": "Tehran Times", "date": "2025-08-20", "see": false,
                     "text": "(Tehran Times, August 20)"}, ...]}

``see`` is the written word, so the output needs no publication names and the command
never touches the database: it works on a machine without one.
"""

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError

from articles.citations import extract_references
from articles.management.errors import one_line


class Command(BaseCommand):
    help = "Print the dated references of a plain-text article as JSON."

    def add_arguments(self, parser):
        parser.add_argument("path", help="A UTF-8 plain-text article.")
        parser.add_argument(
            "--published", required=True, help="The article's publication date, YYYY-MM-DD."
        )

    def handle(self, *args, path, published, **options):
        try:
            published_on = dt.datetime.strptime(published, "%Y-%m-%d").date()
        except ValueError:
            raise CommandError(
                f"--published {published!r} is not a date like 2025-08-21."
            ) from None
        try:
            with open(path, encoding="utf-8-sig") as article:
                text = article.read()
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {path}: {one_line(error)}") from None
        references = extract_references(text, published=published_on)
        payload = {
            "references": [
                {
                    "outlet": reference.outlet,
                    "date": reference.date.isoformat(),
                    "see": reference.see,
                    "text": reference.text,
                }
                for reference in references
            ]
        }
        self.stdout.write(json.dumps(payload))
