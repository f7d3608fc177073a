"""Render the stored pages of public articles again: after a deploy that changed their
templates, so that no reader's request renders them (the site's address is put in when a
page is served: ``monitor.core.sites``)."""

from django.core.management.base import BaseCommand
from django.db import transaction
from tqdm import tqdm

from articles.models import Article
from articles.services.pages import article_pages_render, article_pages_stale

BATCH = 200


class Command(BaseCommand):
    help = (
        "Render the stored page of every public article whose page is missing or out of date "
        "(--all: every public article), with a progress bar and a summary."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Render every public article.")

    def handle(self, *args, **options):
        public = Article.objects.public()
        ids = (
            list(public.order_by("pk").values_list("pk", flat=True))
            if options["all"]
            else article_pages_stale()
        )
        with tqdm(
            total=len(ids), desc="Pages", unit="page", disable=options["verbosity"] == 0,
            file=self.stderr,
        ) as bar:  # fmt: skip
            for start in range(0, len(ids), BATCH):
                batch = ids[start : start + BATCH]
                with transaction.atomic():
                    article_pages_render(batch)
                bar.update(len(batch))
        total = public.count()
        self.stdout.write(
            f"Rendered {len(ids):,} of {total:,} public articles' pages; "
            f"{total - len(ids):,} were current."
        )
