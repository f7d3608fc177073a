"""Full-text search at archive size, on SQLite FTS5 or PostgreSQL: ``python -m bench search``
(or ``make bench-search``).

Builds once per size and database a search archive of ``BENCH_ARTICLES`` published articles
(100,000) over twenty years in ``BENCH_SEARCH_DATABASE_URL`` (by default
``sqlite:///var/bench/search-<N>.sqlite3``; a ``postgres://`` address is dropped and created
again: never point it at a database you keep). Bodies are about 6,000 characters of the
corpus generator's vocabulary: a few dozen words every article uses ("security", "border")
and a long tail of names drawn with Zipf frequencies, so that one query matches nearly
every article and another a handful. The index is written by the production code
(``search_reindex``). Articles carry only what search reads (no citations, events or pages):
this measures search, not the rest of the archive (``bench scale`` does that).

Then, in this process with the bench's settings (DEBUG off, nothing cached), requests each
target ``BENCH_REQUESTS`` times (40) through Django's test client after two warm-up
requests: the whole search page (query reading, ranking, the visibility check, snippets
and highlighting for the twenty shown, the template) and the API's ``?q=``. Prints p50,
p95 and the median CPU time of this process per target, and writes the table to
``var/bench/search-<time>.md``. Target: p95 under 50 ms.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import time

from bench import load, scale

ARTICLES = int(os.environ.get("BENCH_ARTICLES", "100000"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "40"))
TARGET_MS = 50
BATCH = 2000


def _database() -> str:
    return os.environ.get("BENCH_SEARCH_DATABASE_URL") or (
        f"sqlite:///{load.OUT / f'search-{ARTICLES}.sqlite3'}"
    )


def _setup() -> str:
    """The search archive (built once per size and database), then Django on it."""
    database = _database()
    os.environ["BENCH_DATABASE_URL"] = database
    env = load._env(BENCH_CACHE="none")
    name = database.rsplit("/", 1)[1]
    marker = load.OUT / f"search-ready-{name}"
    wanted = f"{database} {ARTICLES}"
    load.OUT.mkdir(parents=True, exist_ok=True)
    fresh = not marker.exists() or marker.read_text() != wanted
    if fresh:
        marker.unlink(missing_ok=True)
        if database.startswith("postgres"):
            scale._create_database(database)
        else:
            (load.OUT / name).unlink(missing_ok=True)
    load._manage(env, "migrate", "--noinput", "-v", "0")
    os.environ.update(env)
    import django

    django.setup()
    if fresh:
        started = time.monotonic()
        _build(ARTICLES)
        print(f"search archive built in {time.monotonic() - started:.0f} s", flush=True)
        marker.write_text(wanted)
    return database


def _build(count: int) -> None:
    """``count`` published articles and their search index, through ``search_reindex``."""
    from django.db import connection, transaction
    from django.utils.text import slugify
    from tqdm import tqdm

    from articles.models import Article, ArticleStatus, Publication
    from events.corpus import FIRST_YEAR, SYLLABLES, WORDS, YEARS, _Zipf
    from monitor.search.services import search_reindex

    rng = random.Random(1)
    names = sorted(
        {"".join(rng.choice(SYLLABLES) for _ in range(4)).capitalize() for _ in range(20000)}
    )
    tail = _Zipf(names, rng)
    publication = Publication.objects.create(
        name="Search Monitor", short_name="SM", slug="search-monitor", first_year=FIRST_YEAR
    )

    def sentence() -> str:
        words = [rng.choice(WORDS) for _ in range(rng.randint(12, 22))]
        for _ in range(rng.randint(0, 3)):
            words.insert(rng.randrange(len(words)), tail.draw())
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    span = YEARS * 365
    with tqdm(total=count, desc="Articles", unit="row") as bar:
        for start in range(0, count, BATCH):
            rows = []
            for n in range(start, min(start + BATCH, count)):
                day = dt.date(FIRST_YEAR, 1, 2) + dt.timedelta(days=n * span // count)
                title = " ".join(sentence().split()[:7]).rstrip(".").title()
                body = "\n\n".join(" ".join(sentence() for _ in range(5)) for _ in range(8))
                rows.append(
                    Article(
                        publication=publication, title=title, slug=f"{slugify(title)[:80]}-{n}",
                        dek=sentence(), body=body, status=ArticleStatus.PUBLISHED,
                        body_html="".join(f"<p>{p}</p>" for p in body.split("\n\n")),
                        published_at=dt.datetime(day.year, day.month, day.day, 9, tzinfo=dt.UTC),
                        volume=day.year - FIRST_YEAR + 1, issue_number=n + 1, version=1,
                    )
                )  # fmt: skip
            with transaction.atomic():
                Article.objects.bulk_create(rows)
            bar.update(len(rows))
    print(search_reindex(progress=True).summary(), flush=True)
    with connection.cursor() as cursor:
        vacuum = connection.vendor == "postgresql"
        cursor.execute("VACUUM (ANALYZE)" if vacuum else "ANALYZE")


def _targets() -> list[tuple[str, str, dict]]:
    from events.corpus import WORDS
    from monitor.search.models import SearchDocument

    # A name of the long tail, as the first titles hold them: found in a few dozen articles.
    titles = SearchDocument.objects.order_by("pk").values_list("title", flat=True)[:400]
    rare = next(word for title in titles for word in title.split() if word.lower() not in WORDS)
    api = {"HTTP_AUTHORIZATION": f"Api-Key {scale._key()}"}
    return [
        ("one common word", "/search/?q=security", {}),
        ("two common words", "/search/?q=border+security", {}),
        ("a phrase of common words", "/search/?q=%22border+security%22", {}),
        (f"one rare word ({rare})", f"/search/?q={rare}", {}),
        ("a word being typed (prefix)", "/search/?q=secu", {}),
        ("common word, page 5", "/search/?q=security&page=5", {}),
        ("API articles ?q=, one common word", "/api/v1/articles/?q=security&page_size=20", api),
    ]


def _measure(client, path: str, headers: dict) -> tuple[float, float, float, int]:
    from django.db import connection

    for _ in range(2):
        response = client.get(path, **headers)
        assert response.status_code == 200, (path, response.status_code, response.content[:300])
    queries = []
    with connection.execute_wrapper(
        lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)
    ):
        client.get(path, **headers)
    walls, cpus = [], []
    for _ in range(REQUESTS):
        wall, cpu = time.perf_counter(), time.process_time()
        assert client.get(path, **headers).status_code == 200
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    walls.sort()
    p95 = walls[max(int(len(walls) * 0.95) - 1, 0)]
    return statistics.median(walls), p95, statistics.median(cpus), len(queries)


def run() -> str:
    database = _setup()
    from django.db import connection
    from django.test import Client

    from monitor.search.models import SearchDocument

    client = Client(HTTP_HOST="127.0.0.1")
    engine = "PostgreSQL" if connection.vendor == "postgresql" else "SQLite FTS5"
    lines = [
        f"## Search, {dt.datetime.now():%Y-%m-%d %H:%M}: {engine}, "
        f"{SearchDocument.objects.count():,} documents ({database.split('://')[0]})",
        "",
        f"In-process (test client, bench settings, nothing cached), {REQUESTS} requests each "
        f"after two warm-up requests; target: p95 under {TARGET_MS} ms.",
        "",
        "| Query | p50 ms | p95 ms | CPU ms (median) | queries | p95 < 50 ms |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for label, path, headers in _targets():
        p50, p95, cpu, queries = _measure(client, path, headers)
        print(f"  {label}: p95 {p95:.1f} ms", flush=True)
        met = "yes" if p95 < TARGET_MS else "**no**"
        lines.append(f"| {label} | {p50:.1f} | {p95:.1f} | {cpu:.1f} | {queries} | {met} |")
    table = "\n".join(lines)
    (load.OUT / f"search-{dt.datetime.now():%Y%m%d-%H%M%S}.md").write_text(table + "\n")
    return table
