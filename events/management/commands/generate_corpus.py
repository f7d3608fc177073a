"""``manage.py generate_corpus --articles N --events M [--seed S]``: an archive to measure at size.

Fills an empty database (see ``events.corpus``) with a progress bar per kind of row and a
summary at the end; exits non-zero with one line if the database already holds articles.
"""

from django.core.management.base import BaseCommand, CommandError

from events.corpus import corpus_generate


def _count(value: str) -> int:
    number = int(value)
    if number < 0:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = "Generate a realistic archive (articles with citations, events) into an empty database."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=_count, required=True, help="How many articles.")
        parser.add_argument("--events", type=_count, required=True, help="How many events.")
        parser.add_argument("--seed", type=int, default=0, help="The same seed, the same corpus.")

    def handle(self, *args, articles, events, seed, verbosity, **options):
        try:
            report = corpus_generate(
                articles=articles, events=events, seed=seed, progress=verbosity > 0
            )
        except ValueError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(report.summary())
