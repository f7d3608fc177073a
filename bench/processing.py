"""What saving and reading an article costs: a save through the one write path, then the page.

Runs against a throwaway SQLite database (migrated here), with the seed article imported
into a publication named EDM and a few known actors. Prints one line per measurement:
the median wall time and the number of queries.
"""

import datetime as dt
import os
import statistics
import tempfile
import time
from pathlib import Path

NO_CACHE = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
SEED = Path(__file__).resolve().parent.parent / "tests" / "data" / "seed_article.txt"


def _setup_django(directory: str) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{directory}/bench.sqlite3"
    os.environ["MONITOR_CACHE_DIR"] = f"{directory}/cache"
    os.environ.setdefault("SECRET_KEY", "bench-only")
    os.environ.setdefault("DEBUG", "1")
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "monitor.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _median_ms(action, repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def run(repeat: int = 15) -> str:
    with tempfile.TemporaryDirectory() as directory:
        _setup_django(directory)
        from django.db import connection, reset_queries
        from django.test import Client, override_settings
        from django.test.utils import CaptureQueriesContext

        from articles.models import Publication
        from articles.plaintext import parse_plain_text
        from articles.services import article_import, article_save
        from events.models import Actor

        edm = Publication.objects.create(
            name="Eurasia Daily Monitor", short_name="EDM", slug="edm", first_year=2004
        )
        for name in ("Iran", "Belarus", "Russia", "Masoud Pezeshkian", "Alyaksandr Lukashenka"):
            Actor.objects.create(name=name, slug=name.lower().replace(" ", "-"), kind="state")
        parsed = parse_plain_text(SEED.read_text(encoding="utf-8"))
        article = article_import(
            parsed=parsed, publication=edm, published=dt.date(2025, 8, 21), status="published"
        ).article
        body = article.body
        edits = iter(range(10**6))

        def save():
            # A real edit each time (a save that changes nothing is undone, and costs less).
            article.body = f"{body}\n\nEdit {next(edits)}."
            article_save(article=article, by=None)

        reset_queries()  # the log is capped: migrations filled it
        with CaptureQueriesContext(connection) as queries:
            save()
        process_queries = len(queries)  # read now: the log is cleared again below
        process_ms = _median_ms(save, repeat)

        client, url = Client(), article.get_absolute_url()
        with override_settings(CACHES=NO_CACHE):
            reset_queries()
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            page_queries = len(queries)
            page_ms = _median_ms(lambda: client.get(url), repeat * 4)
        client.get(url)
        cached_ms = _median_ms(lambda: client.get(url), repeat * 4)
        return (
            f"saving: article_save of the seed, edited (44 references, revision, feed, and "
            f"after the commit search, suggestions, cache): median {process_ms:.1f} ms, "
            f"{process_queries} queries\n"
            f"page: GET {url}: median {page_ms:.1f} ms, {page_queries} queries; "
            f"from the cache {cached_ms:.1f} ms"
        )
