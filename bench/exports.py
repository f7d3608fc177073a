"""What the event exports cost: the whole streamed CSV and GeoJSON of a generated archive.

``python -m bench exports``. Generates a corpus (``BENCH_EXPORT_ARTICLES`` articles, 1,000;
``BENCH_EXPORT_EVENTS`` events, 100,000; seed 1) once per size into
``var/bench/corpus-<articles>-<events>.sqlite3`` (or into ``BENCH_DATABASE_URL``, a
PostgreSQL database that is emptied and filled once, as ``bench.load`` does), then, in this
process with the bench's settings (DEBUG off, nothing cached), requests
``/api/v1/events/?format=csv`` and ``?format=geojson`` through Django's test client with a
key on an all-publications plan and reads the streamed answer to its end.

Prints per format: events exported per second of wall time (and of this process's CPU
time), bytes, and memory: the process's resident size before the request and its peak while
streaming (sampled every chunk), and, with ``BENCH_TRACEMALLOC=1``, a second pass's
tracemalloc peak (slower: its time is not reported).

``BENCH_EXPORT_SAVE=DIR`` instead writes the answers to a set of exports (several plans and
filters, see ``SAVED``) into DIR with their SHA-256 in ``DIR/sums.txt``: run it before and
after a change and compare the sums to prove the output unchanged.
"""

from __future__ import annotations

import hashlib
import os
import resource
import time
import tracemalloc
from pathlib import Path

from bench import load

ARTICLES = os.environ.get("BENCH_EXPORT_ARTICLES", "1000")
EVENTS = os.environ.get("BENCH_EXPORT_EVENTS", "100000")

KEYS = """
from monitor.subscribers.models import Plan
from monitor.subscribers.services import subscriber_key_create
from articles.models import Publication
first = Publication.objects.order_by("pk").first()
plans = {
    "all": dict(all_publications=True, includes_events=True),
    "one": dict(all_publications=False, includes_events=True),
    "embargoed": dict(all_publications=True, includes_events=True, includes_embargoed=True),
    "articles-only": dict(all_publications=True, includes_events=False),
}
for slug, fields in plans.items():
    plan, _ = Plan.objects.get_or_create(
        slug=f"export-{slug}", defaults={"name": f"Export {slug}", "rate": "", **fields}
    )
    if slug == "one":
        plan.publications.set([first])
"""


def _setup() -> None:
    """The corpus (generated once), then Django in this process on it."""
    os.environ["BENCH_ARTICLES"], os.environ["BENCH_EVENTS"] = ARTICLES, EVENTS  # the file's name
    env = load._env(BENCH_CACHE="none")
    database = env["DATABASE_URL"]
    marker = load.OUT / f"ready-{hashlib.sha256(database.encode()).hexdigest()[:16]}"
    load.OUT.mkdir(parents=True, exist_ok=True)
    if not marker.exists() or (
        database.startswith("sqlite") and not Path(database.removeprefix("sqlite:///")).exists()
    ):
        if database.startswith("sqlite"):
            Path(database.removeprefix("sqlite:///")).unlink(missing_ok=True)
        else:
            load._manage(env, "flush", "--no-input")
        load._manage(env, "migrate", "--noinput", "-v", "0")
        started = time.monotonic()
        load._manage(
            env, "generate_corpus", "--articles", ARTICLES, "--events", EVENTS, "--seed", "1",
            "-v", "0",
        )  # fmt: skip
        print(f"corpus generated in {time.monotonic() - started:.0f} s", flush=True)
        marker.write_text(database)
    load._manage(env, "migrate", "--noinput", "-v", "0")
    load._manage(env, "render_events", "-v", "0")  # a corpus made before they were stored
    load._manage(env, "shell", "-c", KEYS)
    os.environ.update(env)
    import django

    django.setup()


def _client(plan: str):
    from django.test import Client

    from monitor.subscribers.services import subscriber_key_create

    _, key = subscriber_key_create(name=f"Export bench {plan}", plan_slug=f"export-{plan}")
    return Client(HTTP_HOST="127.0.0.1", HTTP_AUTHORIZATION=f"Api-Key {key}")


def _rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _stream(client, url: str, sink=None) -> tuple[int, int]:
    """Bytes of the answer, and the peak resident size (kB) seen while reading it."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code, response.content[:300])
    size, peak = 0, _rss_kb()
    for count, chunk in enumerate(response.streaming_content):
        size += len(chunk)
        if sink is not None:
            sink.write(chunk)
        if count % 64 == 0:
            peak = max(peak, _rss_kb())
    response.close()
    return size, max(peak, _rss_kb())


def _measure(client, fmt: str, events: int) -> str:
    url = f"/api/v1/events/?format={fmt}"
    _stream(client, url + "&date_from=2010&date_to=2010")  # warm: imports, addresses, caches
    before = _rss_kb()
    wall, cpu = time.perf_counter(), time.process_time()
    size, peak = _stream(client, url)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    line = (
        f"{fmt}: {events:,} events in {wall:.1f} s: {events / wall:,.0f} events/s "
        f"({events / cpu:,.0f} per CPU second), {size / 1e6:,.1f} MB; RSS {before / 1024:,.0f} MB "
        f"before, peak +{(peak - before) / 1024:,.1f} MB while streaming"
    )
    if os.environ.get("BENCH_TRACEMALLOC") == "1":
        tracemalloc.start()
        _stream(client, url)
        _, traced = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        line += f"; tracemalloc peak {traced / 1e6:,.1f} MB"
    return line


# What BENCH_EXPORT_SAVE writes: (name, plan, query), each as CSV and GeoJSON.
SAVED = [
    ("all", "all", ""),
    ("one-publication", "one", ""),
    ("embargoed", "embargoed", ""),
    ("actor", "all", "actor={actor}"),
    ("dyad", "all", "actor={actor}&actor={partner}&actors_all=true"),
    ("role", "all", "actor={actor}&role=host"),
    ("country", "all", "country={country}"),
    ("bbox", "all", "bbox=20,40,50,60"),
    ("dates", "all", "date_from=2012-03&date_to=2014"),
    ("within", "all", "date_from=2015&date_to=2016&date_mode=within"),
    ("family", "all", "family=diplomacy"),
    ("article", "all", "article={article}"),
    ("updated", "all", "updated_since=2000-01-01T00:00:00Z"),
]


def _save(directory: Path) -> str:
    from django.db.models import Count

    from articles.models import Article
    from events.models import Actor, Place

    actor, partner = (
        Actor.objects.annotate(n=Count("participations")).order_by("-n", "pk")[:2]
    )  # fmt: skip
    country = (
        Place.objects.exclude(country=None)
        .values_list("country__iso_code", flat=True)
        .annotate(n=Count("events"))
        .order_by("-n")[0]
    )
    article = Article.objects.public().annotate(n=Count("events")).order_by("-n", "pk")[0]
    facts = {"actor": actor.slug, "partner": partner.slug, "country": country,
             "article": article.pk}  # fmt: skip
    directory.mkdir(parents=True, exist_ok=True)
    clients, sums = {}, []
    for name, plan, query in SAVED:
        client = clients.setdefault(plan, _client(plan))
        for fmt in ("csv", "geojson"):
            url = f"/api/v1/events/?format={fmt}&{query.format(**facts)}".rstrip("&")
            path = directory / f"{name}.{fmt}"
            digest = hashlib.sha256()
            with path.open("wb") as sink:
                response = client.get(url)
                assert response.status_code == 200, (url, response.status_code)
                for chunk in response.streaming_content:
                    digest.update(chunk)
                    sink.write(chunk)
                headers = f"{response['ETag']} {response.get('Last-Modified')}"
            sums.append(f"{digest.hexdigest()}  {path.stat().st_size:>11}  {path.name}  {url}")
            sums.append(f"    {headers}")
    denied = _client("articles-only").get("/api/v1/events/?format=csv")
    sums.append(f"articles-only plan: {denied.status_code}")
    (directory / "sums.txt").write_text("\n".join(sums) + "\n")
    return "\n".join(sums)


def run() -> str:
    _setup()
    from events.models import Event

    saving = os.environ.get("BENCH_EXPORT_SAVE")
    if saving:
        return _save(Path(saving))
    events = Event.objects.public()
    total = events.count()
    placed = events.filter(place__latitude__isnull=False).count()
    client = _client("all")
    client.get("/api/v1/topics/")  # the key's first request of the day creates its usage row
    database = os.environ["DATABASE_URL"].split(":")[0]
    lines = [
        f"Exports, {time.strftime('%Y-%m-%d %H:%M')}: {ARTICLES} articles, {EVENTS} events "
        f"({total:,} public, {placed:,} with coordinates), {database}, in-process (test client)",
        _measure(client, "csv", total),
        _measure(client, "geojson", total),
        f"peak RSS of the process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB",
    ]
    return "\n".join(lines)
