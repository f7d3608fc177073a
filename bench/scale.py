"""Monitor at archive size on PostgreSQL: the queries a big archive makes slow, timed one by one.

``python -m bench scale`` (or ``make bench-scale``). Generates a corpus once per size
(``BENCH_ARTICLES`` articles, 100,000; ``BENCH_EVENTS`` events, 1,000,000; seed 1) into
``BENCH_DATABASE_URL`` (by default ``postgres://postgres@127.0.0.1:5432/monitor_scale``,
dropped and created again: never point it at a database you keep), then, in this process
with the bench's settings (DEBUG off, nothing cached: ``BENCH_CACHE=none``), requests each
target ``BENCH_REQUESTS`` times (40) through Django's test client after two warm-up
requests, and prints per target: p50 and p95 of the wall time, the median CPU time of this
process, PostgreSQL's execution time of one warm request's queries (each run again under
``EXPLAIN ANALYZE``), their sum (on a busy machine the wall time also holds waiting for a
core: CPU plus database time is then the cost to compare), and the number of queries.

Targets: the API's two-actor filter, an actor's timeline and two actors', a day archive,
full-text search (one word, two words, a phrase), and the first page of the API's article
and event lists beside a page deep in them (a cursor made for a row 90% of the way down).
``BENCH_EXPLAIN_MS`` (5): every query of a target whose execution takes that long is shown
with its plan (``EXPLAIN (ANALYZE, BUFFERS)``). ``BENCH_ONLY`` keeps the targets whose label
holds one of its comma-separated words. The table is also written to
``var/bench/scale-<time>.md``.

The corpus of the default size takes tens of minutes to generate (its time is printed, and
``generate_corpus`` prints each phase's); smaller sizes by the knobs.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import time
from dataclasses import dataclass
from urllib import parse

from bench import load

ARTICLES = os.environ.get("BENCH_ARTICLES", "100000")
EVENTS = os.environ.get("BENCH_EVENTS", "1000000")
DATABASE = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/monitor_scale")
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "40"))
EXPLAIN_MS = float(os.environ.get("BENCH_EXPLAIN_MS", "5"))
TARGET_MS = 50


@dataclass
class Measured:
    label: str
    path: str
    p50: float
    p95: float
    cpu: float
    database: float  # ms of PostgreSQL's execution of the request's queries
    queries: int
    slow: list[tuple[float, str]]  # (ms, sql) of the queries over BENCH_EXPLAIN_MS


def _create_database(url: str) -> None:
    """Make the database of ``url`` anew on its server (a flush would also empty what the
    migrations seed)."""
    import psycopg

    parts = parse.urlsplit(url)
    name = parts.path.lstrip("/").replace('"', "")
    server = parts._replace(path="/postgres").geturl()
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def _setup() -> None:
    """The corpus (generated once per size), then Django in this process on it."""
    if not DATABASE.startswith("postgres"):
        raise SystemExit("bench scale measures PostgreSQL: BENCH_DATABASE_URL=postgres://…")
    os.environ["BENCH_DATABASE_URL"] = DATABASE
    env = load._env(BENCH_CACHE="none")
    marker = load.OUT / f"scale-ready-{parse.urlsplit(DATABASE).path.lstrip('/')}"
    wanted = f"{DATABASE} {ARTICLES} {EVENTS}"
    load.OUT.mkdir(parents=True, exist_ok=True)
    if not marker.exists() or marker.read_text() != wanted:
        marker.unlink(missing_ok=True)
        _create_database(DATABASE)
        load._manage(env, "migrate", "--noinput", "-v", "0")
        started = time.monotonic()
        load._manage(
            env, "generate_corpus", "--articles", ARTICLES, "--events", EVENTS, "--seed", "1",
        )  # fmt: skip
        print(f"corpus generated in {time.monotonic() - started:.0f} s", flush=True)
        marker.write_text(wanted)
    load._manage(env, "migrate", "--noinput", "-v", "0")
    os.environ.update(env)
    import django

    django.setup()


def _deep_cursor(base: str, queryset, fraction: float = 0.9) -> str:
    """The address of the page that starts at the row ``fraction`` of the way down the list
    (the cursor the API would have issued for it)."""
    from rest_framework.pagination import Cursor

    from monitor.subscribers.pagination import CursorPagination

    paginator = CursorPagination()
    paginator.base_url = f"http://127.0.0.1{base}"
    ordering = paginator.get_ordering(None, queryset, None)
    depth = int(queryset.count() * fraction)
    row = queryset.order_by(*ordering)[depth]
    position = str(getattr(row, ordering[0].lstrip("-")))
    url = paginator.encode_cursor(Cursor(offset=0, reverse=False, position=position))
    return url.removeprefix("http://127.0.0.1")


def _targets() -> list[tuple[str, str, bool]]:
    """``(label, path, api)`` of each target, for the corpus in the database."""
    from django.db.models import Count

    from articles.models import Article
    from events.models import Actor, Event

    actors = list(
        Actor.objects.filter(kind="state").annotate(n=Count("participations")).order_by("-n")[:2]
    )
    first, second = actors
    latest = Article.objects.public().latest_first().select_related("publication").first()
    day = latest.public_date()
    articles = Article.objects.public().only("pk", "published_at").latest_first()
    events = Event.objects.public().only("pk", "starts_on", "ends_on").chronological()
    dyad = f"/api/v1/events/?actor={first.slug}&actor={second.slug}&actors_all=true"
    return [
        ("API two-actor filter (100)", f"{dyad}&page_size=100", True),
        ("actor timeline (the most frequent state)", first.get_absolute_url(), False),
        ("actor timeline, page 50", f"{first.get_absolute_url()}?events=50", False),
        ("two-actor timeline", f"/timeline/{first.slug}/{second.slug}/", False),
        ("day archive", f"/{latest.publication.slug}/{day:%Y/%m/%d}/", False),
        ("search, one word", "/search/?q=security", False),
        ("search, two words", "/search/?q=border+security", False),
        ("search, phrase", "/search/?q=%22border+security%22", False),
        ("API article list (20), first page", "/api/v1/articles/?page_size=20", True),
        ("API article list (20), 90% down", _deep_cursor("/api/v1/articles/", articles), True),
        ("API event list (100), first page", "/api/v1/events/?page_size=100", True),
        ("API event list (100), 90% down", _deep_cursor("/api/v1/events/", events), True),
    ]


def _explain(sql: str) -> tuple[float, str]:
    """PostgreSQL's execution time of a query (ms) and its plan, run once more."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    return float(plan.rpartition("Execution Time: ")[2].split()[0]), plan


def _measure(client, label: str, path: str, headers: dict) -> Measured:
    from django.db import connection

    for _ in range(2):  # warm: imports, stored timeline pages, the plan cache
        response = client.get(path, **headers)
        assert response.status_code == 200, (path, response.status_code, response.content[:300])
    captured = []

    def record(execute, sql, params, many, context):
        captured.append(context["cursor"].mogrify(sql, params) if params and not many else sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        assert client.get(path, **headers).status_code == 200, path
    # Each reading query again, under EXPLAIN ANALYZE: the database's own time, which the
    # wall time holds along with this process's CPU (and, on a busy machine, waiting).
    database, slow = 0.0, []
    for sql in captured:
        if sql.lstrip().upper().startswith("SELECT"):
            ms, plan = _explain(sql)
            database += ms
            if ms >= EXPLAIN_MS:
                slow.append((ms, f"{sql[:1500]}\n{plan}"))
    walls, cpus = [], []
    for _ in range(REQUESTS):
        wall, cpu = time.perf_counter(), time.process_time()
        response = client.get(path, **headers)
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    walls.sort()
    return Measured(
        label, path, statistics.median(walls), walls[max(int(len(walls) * 0.95) - 1, 0)],
        statistics.median(cpus), database, len(captured), slow,
    )  # fmt: skip


def _key() -> str:
    from monitor.subscribers.models import Plan
    from monitor.subscribers.services import subscriber_key_create

    Plan.objects.get_or_create(
        slug="bench", defaults={"name": "Bench", "rate": "", "all_publications": True,
                                "includes_events": True},
    )  # fmt: skip
    return subscriber_key_create(name="Scale bench", plan_slug="bench")[1]


def _corpus_size() -> str:
    from articles.models import Article, Citation
    from events.models import Event

    return (
        f"{Article.objects.count():,} articles, {Event.objects.count():,} events, "
        f"{Citation.objects.count():,} citations"
    )


def run() -> str:
    _setup()
    from django.test import Client

    only = [word for word in os.environ.get("BENCH_ONLY", "").split(",") if word]
    client = Client(HTTP_HOST="127.0.0.1")
    api = {"HTTP_AUTHORIZATION": f"Api-Key {_key()}"}
    results = []
    for label, path, is_api in _targets():
        if only and not any(word in label for word in only):
            continue
        results.append(_measure(client, label, path, api if is_api else {}))
        print(f"  {label}: p95 {results[-1].p95:.1f} ms", flush=True)
    lines = [
        f"## Scale, {dt.datetime.now():%Y-%m-%d %H:%M}: PostgreSQL, {_corpus_size()}",
        "",
        f"In-process (test client, bench settings, nothing cached), {REQUESTS} requests each "
        f"after two warm-up requests; target: p95 under {TARGET_MS} ms.",
        "",
        "| Target | p50 ms | p95 ms | CPU ms (median) | database ms | CPU + database | queries "
        "| p95 < 50 ms |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for result in results:
        met = "yes" if result.p95 < TARGET_MS else "**no**"
        lines.append(
            f"| {result.label} | {result.p50:.1f} | {result.p95:.1f} | {result.cpu:.1f} "
            f"| {result.database:.1f} | {result.cpu + result.database:.1f} | {result.queries} "
            f"| {met} |"
        )
    for result in results:
        for ms, explained in result.slow:
            lines += ["", f"{result.label}: a query of {ms:.1f} ms", "", "```", explained, "```"]
    table = "\n".join(lines)
    out = load.OUT / f"scale-{dt.datetime.now():%Y%m%d-%H%M%S}.md"
    out.write_text(table + "\n")
    return table
