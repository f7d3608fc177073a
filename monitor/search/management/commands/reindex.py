"""Rebuild the search index from every public article, event and actor."""

from django.core.management.base import BaseCommand

from monitor.search.services import search_reindex


class Command(BaseCommand):
    help = "Rebuild the search index (articles, events, actors), with a progress bar and a summary."

    def handle(self, *args, **options):
        report = search_reindex(progress=options["verbosity"] > 0)
        self.stdout.write(self.style.SUCCESS(report.summary()))
