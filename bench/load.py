"""Monitor under load: gunicorn on 127.0.0.1, loaded by wrk, against a reference view in the
same server.

Generates a corpus (``BENCH_ARTICLES`` articles, ``BENCH_EVENTS`` events, seed 1) into a
SQLite file under ``var/bench/`` once per size, then starts gunicorn twice with production
settings (``bench.settings``): with every page rendered (``BENCH_CACHE=none``) and with the
page cache. Each target is checked (status and content), warmed up, then loaded with wrk;
the server's CPU time is read from /proc before and after. Prints the table and writes it to
``var/bench/results-<time>.md``. Compare ratios to the reference view of the same run, never
absolute figures across runs.

Knobs: ``BENCH_ARTICLES`` (2000), ``BENCH_EVENTS`` (5000), ``BENCH_DURATION`` (10 s),
``BENCH_WARMUP`` (2 s), ``BENCH_WORKERS`` (2), ``BENCH_CONNECTIONS`` (16), ``BENCH_THREADS``
(2), ``BENCH_CONN_MAX_AGE`` (60, as deployed), ``BENCH_DATABASE_URL`` (a PostgreSQL URL instead of the
SQLite file; the database is emptied and filled), ``BENCH_ONLY`` (targets whose label holds
one of these comma-separated words, beside the reference views: ``BENCH_ONLY=article,home``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.servers import free_port

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "bench"
PYTHON = sys.executable


@dataclass
class Target:
    label: str
    path: str
    reference: str  # "hello" or "hello_json"
    contains: str = ""
    api: bool = False
    cached: bool = False  # loaded on the server with the page cache
    conditional: bool = False  # sent with the page's ETag: answered 304


@dataclass
class Result:
    target: Target
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    cpu_ms: float
    errors: int
    queries: int | None


def _env(**extra) -> dict:
    articles = os.environ.get("BENCH_ARTICLES", "2000")
    events = os.environ.get("BENCH_EVENTS", "5000")
    database = os.environ.get("BENCH_DATABASE_URL") or (
        f"sqlite:///{OUT / f'corpus-{articles}-{events}.sqlite3'}"
    )
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DEBUG": "0",
        # Set here, not inherited: the in-process benchmarks, run first in the same process
        # by `make bench`, set their own (the test client's host only).
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DATABASE_URL": database,
        "MONITOR_CACHE_DIR": str(OUT / "cache"),
        "CONN_MAX_AGE": os.environ.get("BENCH_CONN_MAX_AGE", "60"),
        "MONITOR_SITE_URL": "http://127.0.0.1",
        **extra,
    }


def _manage(env, *args, capture=False) -> str:
    done = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, text=True,
        stdout=subprocess.PIPE if capture else None,
    )  # fmt: skip
    return done.stdout or ""


SETUP = """
import json
from django.db.models import Count
from articles.models import Article
from events.models import Actor, Event
from monitor.subscribers.models import Plan
from monitor.subscribers.services import subscriber_key_create
Plan.objects.get_or_create(slug="bench", defaults={"name": "Bench", "rate": "",
    "all_publications": True, "includes_events": True})
_, key = subscriber_key_create(name="Bench desk", plan_slug="bench")
article = (Article.objects.public().annotate(refs=Count("citations", distinct=True)
           + Count("cross_references", distinct=True), n_events=Count("events", distinct=True))
           .filter(n_events__gte=3).order_by("-refs").first())
actors = list(Actor.objects.filter(kind="state").annotate(n=Count("participations"))
              .order_by("-n")[:2])
day = article.public_date()
print(json.dumps({
    "key": key,
    "article": article.get_absolute_url(), "article_id": article.pk, "title": article.title,
    "references": article.refs, "events": article.n_events,
    "day": f"/{article.publication.slug}/{day:%Y/%m/%d}/",
    "actor": actors[0].get_absolute_url(), "actor_name": actors[0].name,
    "dyad": f"/timeline/{actors[0].slug}/{actors[1].slug}/",
}))
"""


def prepare() -> dict:
    """The corpus (generated once per size), a key with no rate limit, and the targets' URLs."""
    OUT.mkdir(parents=True, exist_ok=True)
    env = _env()
    database = env["DATABASE_URL"]
    marker = OUT / f"ready-{hashlib.sha256(database.encode()).hexdigest()[:16]}"
    fresh = not marker.exists() or (
        database.startswith("sqlite") and not Path(database.removeprefix("sqlite:///")).exists()
    )
    if fresh:
        if database.startswith("sqlite"):
            Path(database.removeprefix("sqlite:///")).unlink(missing_ok=True)
        else:
            _manage(env, "flush", "--no-input")
        _manage(env, "migrate", "--noinput", "-v", "0")
        _manage(
            env, "generate_corpus", "--articles", env.get("BENCH_ARTICLES", "2000"),
            "--events", env.get("BENCH_EVENTS", "5000"), "--seed", "1",
        )  # fmt: skip
        marker.write_text(database)
    _manage(env, "migrate", "--noinput", "-v", "0")  # a corpus made before a new index
    _manage(env, "render_pages", "-v", "0")  # and before templates changed, as after a deploy
    _manage(env, "render_events", "-v", "0")  # and before events were written otherwise
    return json.loads(_manage(env, "shell", "-c", SETUP, capture=True).strip().splitlines()[-1])


def targets(facts: dict) -> list[Target]:
    article = facts["article"]
    return [
        Target("reference view (text)", "/bench/hello/", "hello", "Hello"),
        Target("reference view (JSON)", "/bench/hello.json", "hello_json", "Hello"),
        Target("article page", article, "hello", facts["title"]),
        Target("home", "/", "hello", "</html>"),
        Target("day archive", facts["day"], "hello", "</html>"),
        Target("actor timeline", facts["actor"], "hello", facts["actor_name"]),
        Target("two-actor timeline", facts["dyad"], "hello", "</html>"),
        Target("search, one word", "/search/?q=security", "hello", "</html>"),
        Target("search, two words", "/search/?q=border+security", "hello", "</html>"),
        Target("search, phrase", "/search/?q=%22border+security%22", "hello", "</html>"),
        Target("API article list (20)", "/api/v1/articles/?page_size=20", "hello_json",
               '"results"', api=True),
        Target("API article detail", f"/api/v1/articles/{facts['article_id']}/", "hello_json",
               '"body_html"', api=True),
        Target("API event list (100)", "/api/v1/events/?page_size=100", "hello_json",
               '"results"', api=True),
        Target("article page, from the cache", article, "hello", facts["title"], cached=True),
        Target("article page, 304", article, "hello", "", cached=True, conditional=True),
    ]  # fmt: skip


def _get(port: int, path: str, headers: dict) -> tuple[int, dict, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode()
    finally:
        connection.close()


class Server:
    """gunicorn with ``workers`` sync workers, started and stopped by its PID; its output to
    ``log`` (an open file) when given."""

    def __init__(self, env: dict, workers: int, log=None):
        self.port = free_port()
        self.process = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "bench.wsgi:application", "--workers", str(workers),
             "--bind", f"127.0.0.1:{self.port}", "--log-level", "warning"],
            cwd=ROOT, env=env, start_new_session=True, stdout=log, stderr=log,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if _get(self.port, "/bench/hello/", {})[0] == 200:
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not answer within 60 s")

    def cpu_seconds(self) -> float:
        """User and system time of the server's processes so far (master and workers)."""
        tick = os.sysconf("SC_CLK_TCK")
        total = 0.0
        pids = [self.process.pid]
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        if children.exists():
            pids += [int(pid) for pid in children.read_text().split()]
        for pid in pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / tick
        return total

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)


def _wrk(
    port: int, target: Target, headers: dict, duration: int
) -> tuple[float, float, float, int, int]:
    """req/s, p50 and p99 in ms, error count (non-2xx/3xx and socket errors), requests."""
    command = [
        "wrk", "-t", os.environ.get("BENCH_THREADS", "2"),
        "-c", os.environ.get("BENCH_CONNECTIONS", "16"), "-d", f"{duration}s", "--latency",
    ]  # fmt: skip
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{target.path}"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    requests = int(re.search(r"(\d+) requests in", output).group(1))

    def latency(percent):
        match = re.search(rf"\s{percent}%\s+([\d.]+)(us|ms|s)\b", output)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if socket_errors:
        errors += sum(int(n) for n in socket_errors.groups())
    return rate, latency(50), latency(99), errors, requests


def _queries(target: Target, headers: dict) -> int | None:
    """Queries of one warm request, counted in a process of its own (``bench.querycount``)."""
    if target.cached:
        return 0 if target.conditional else None
    env = _env(BENCH_CACHE="none")
    done = subprocess.run(
        [PYTHON, "-m", "bench.querycount", target.path, json.dumps(headers)],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True,
    )  # fmt: skip
    return int(done.stdout.strip().splitlines()[-1])


def measure(server: Server, target: Target, facts: dict) -> Result:
    headers = {"Authorization": f"Api-Key {facts['key']}"} if target.api else {}
    status, response_headers, body = _get(server.port, target.path, headers)
    assert status == 200, f"{target.path}: {status}"
    assert target.contains in body, f"{target.path}: {target.contains!r} is not on the page"
    if target.conditional:
        headers = {"If-None-Match": response_headers["ETag"]}
        assert _get(server.port, target.path, headers)[0] == 304
    duration = int(os.environ.get("BENCH_DURATION", "10"))
    _wrk(server.port, target, headers, int(os.environ.get("BENCH_WARMUP", "2")))
    before = server.cpu_seconds()
    rate, p50, p99, errors, requests = _wrk(server.port, target, headers, duration)
    cpu_ms = (server.cpu_seconds() - before) * 1000 / max(requests, 1)
    return Result(target, rate, p50, p99, cpu_ms, errors, _queries(target, headers))


def table(results: list[Result]) -> str:
    reference = {
        "hello": next(r for r in results if r.target.path == "/bench/hello/").requests_per_second,
        "hello_json": next(
            r for r in results if r.target.path == "/bench/hello.json"
        ).requests_per_second,
    }
    lines = [
        "| Target | req/s | p50 ms | p99 ms | server CPU ms/req | ratio to reference | queries | errors |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        ratio = r.requests_per_second / reference[r.target.reference]
        queries = "" if r.queries is None else str(r.queries)
        lines.append(
            f"| {r.target.label} | {r.requests_per_second:,.0f} | {r.p50_ms:.1f} | {r.p99_ms:.1f} "
            f"| {r.cpu_ms:.2f} | {ratio:.2f} | {queries} | {r.errors} |"
        )
    return "\n".join(lines)


def run() -> str:
    if shutil.which("wrk") is None:
        raise SystemExit(
            "wrk is not installed: the load benchmarks need it (apt-get install wrk); "
            "no figures were made up."
        )
    started = dt.datetime.now()
    facts = prepare()
    workers = int(os.environ.get("BENCH_WORKERS", "2"))
    results = []
    only = [word for word in os.environ.get("BENCH_ONLY", "").split(",") if word]
    chosen = [
        target
        for target in targets(facts)
        if not only or target.label.startswith("reference") or any(w in target.label for w in only)
    ]
    for cached in (False, True):
        env = _env(BENCH_CACHE="files" if cached else "none")
        server = Server(env, workers)
        try:
            for target in chosen:
                if target.cached == cached:
                    results.append(measure(server, target, facts))
        finally:
            server.stop()
    heading = (
        f"Monitor under load, {started:%Y-%m-%d %H:%M}: {os.environ.get('BENCH_ARTICLES', '2000')} "
        f"articles, {os.environ.get('BENCH_EVENTS', '5000')} events; gunicorn {workers} sync "
        f"workers, {_env()['DATABASE_URL'].split(':')[0]}, CONN_MAX_AGE="
        f"{_env()['CONN_MAX_AGE']}, DEBUG off; wrk -t{os.environ.get('BENCH_THREADS', '2')} "
        f"-c{os.environ.get('BENCH_CONNECTIONS', '16')} -d{os.environ.get('BENCH_DURATION', '10')}s. "
        f"The article page holds {facts['references']} references and {facts['events']} events."
    )
    report = f"{heading}\n\n{table(results)}\n"
    path = OUT / f"results-{started:%Y%m%d-%H%M%S}.md"
    path.write_text(report, encoding="utf-8")
    return f"{report}\n(written to {path.relative_to(ROOT)})"
