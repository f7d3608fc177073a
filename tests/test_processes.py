"""Several processes, one site, as ``make run`` serves it: a web server, the task worker and
commands, each its own process, on one SQLite file and the cache they share.

An article scheduled from one process and published by the worker, and one published by
``import_article``, show on the web server's home page, feeds and sitemap within seconds,
with a new ETag: no process keeps a page cache of its own.
"""

import http.client
import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "data" / "seed_article.txt"
WITHIN = 30  # seconds: the worker polls every second here (every five under make run)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def site(tmp_path):
    env = {
        **os.environ,
        "DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'monitor.sqlite3'}",
        "MONITOR_CACHE_DIR": str(tmp_path / "cache"),
        "CACHE_KEY_PREFIX": f"processes-{uuid.uuid4().hex}",  # when REDIS_URL is set (CI)
        "MONITOR_TASKS_BACKEND": "database",
    }

    def manage(*args, **kwargs):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
            **kwargs,
        )

    manage("migrate", "--noinput", "-v", "0")
    manage("shell", "-c", SETUP)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "1", "--no-reload"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(200):
            try:
                _get(port, "/")
                break
            except OSError:
                time.sleep(0.1)
        yield {"port": port, "manage": manage}
    finally:
        for process in (server, worker):
            process.terminate()
            process.wait(timeout=20)


SETUP = """
from articles.models import Article, ArticleStatus, Publication
from tests import factories
edm = Publication.objects.create(name="Eurasia Daily Monitor", short_name="EDM", slug="edm",
                                 first_year=2004)
factories.user("Publisher", username="publisher")
article = factories.article(publication=edm, title="Due in a few seconds", slug="due-in-a-few-seconds",
                           published=False)
Article.objects.filter(pk=article.pk).update(status=ArticleStatus.APPROVED)
factories.article(publication=edm, title="Published long ago")
"""

SCHEDULE = """
import datetime as dt
from django.contrib.auth.models import User
from django.utils import timezone
from articles.models import Article
from articles.services import article_transition
article_transition(article=Article.objects.get(title="Due in a few seconds"), action="schedule",
                   by=User.objects.get(username="publisher"),
                   at=timezone.now() + dt.timedelta(seconds=2))
"""


def _get(port: int, path: str, etag: str = "") -> tuple[int, str, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"If-None-Match": etag} if etag else {})
        response = connection.getresponse()
        return response.status, response.getheader("ETag") or "", response.read().decode()
    finally:
        connection.close()


def _shows_within(port: int, paths, text: str, etags: dict) -> None:
    deadline = time.monotonic() + WITHIN
    waiting = set(paths)
    while waiting and time.monotonic() < deadline:
        for path in sorted(waiting):
            status, _, page = _get(port, path, etags.get(path, ""))
            if status == 200 and text in page:
                waiting.discard(path)
        time.sleep(0.25)
    assert not waiting, f"{text!r} did not appear within {WITHIN} s on {sorted(waiting)}"


PAGES = ("/", "/feeds/rss/", "/sitemap.xml")


def test_what_the_worker_and_a_command_publish_shows_on_the_web_server(site):
    port, manage = site["port"], site["manage"]
    etags = {}
    for path in PAGES:
        status, etag, page = _get(port, path)
        assert status == 200 and "Due in a few seconds" not in page
        etags[path] = etag
        assert _get(port, path, etag)[0] == 304  # cached, and answered from the cache

    manage("shell", "-c", SCHEDULE)
    # The scheduled article becomes public at its time; the worker completes its publication
    # and every process's pages move on.
    _shows_within(port, ["/"], "Due in a few seconds", etags)
    _shows_within(port, ["/feeds/rss/", "/sitemap.xml"], "due-in-a-few-seconds", etags)

    etags = {path: _get(port, path)[1] for path in PAGES}
    manage(
        "import_article", str(SEED), "--publication", "edm", "--published", "2025-08-21",
        "--status", "published",
    )  # fmt: skip
    _shows_within(port, ["/"], "Iran and Belarus Boost Their Partnership", etags)
    _shows_within(port, ["/feeds/rss/", "/sitemap.xml"], "iran-and-belarus-boost", etags)
