"""What saving and reading an article costs: processing on save, then the public page.

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

SEED = Path(__file__).resolve().parent.parent / "tests" / "data" / "seed_article.txt"


def _setup_django(directory: str) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{directory}/bench.sqlite3"
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
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        from articles.models import Publication
        from articles.plaintext import parse_plain_text
        from articles.services import article_import
        from events.models import Actor
        from events.services import article_process

        edm = Publication.objects.create(
            name="Eurasia Daily Monitor", short_name="EDM", slug="edm", first_year=2004
        )
        for name in ("Iran", "Belarus", "Russia", "Masoud Pezeshkian", "Alyaksandr Lukashenka"):
            Actor.objects.create(name=name, slug=name.lower().replace(" ", "-"), kind="state")
        parsed = parse_plain_text(SEED.read_text(encoding="utf-8"))
        article, _ = article_import(
            parsed=parsed, publication=edm, published=dt.date(2025, 8, 21), status="published"
        )
        article_process(article=article)

        reset_queries()  # the log is capped: migrations filled it
        with CaptureQueriesContext(connection) as queries:
            article_process(article=article)
        process_queries = len(queries)  # read now: the log is cleared again below
        process_ms = _median_ms(lambda: article_process(article=article), repeat)

        client, url = Client(), article.get_absolute_url()
        client.get(url)
        reset_queries()
        with CaptureQueriesContext(connection) as page_queries:
            client.get(url)
        page_ms = _median_ms(lambda: client.get(url), repeat * 4)
        return (
            f"processing: article_process on the seed (44 references, suggestions): median "
            f"{process_ms:.1f} ms, {process_queries} queries\n"
            f"page: GET {url}: median {page_ms:.1f} ms, {len(page_queries)} queries"
        )
