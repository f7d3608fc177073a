"""The database goes down and comes back: a PostgreSQL instance of the test's own, stopped and
started again under a running gunicorn.

While it is down the API answers 503 problem+json and pages a plain 503 page, both with
Retry-After; a page the cache holds is still served. When it is back, the same worker
answers again by itself (its kept connection is checked and replaced).
"""

import http.client
import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from bench.servers import Postgres, free_port, postgres_missing

ROOT = Path(__file__).resolve().parent.parent.parent

pytestmark = pytest.mark.skipif(bool(postgres_missing()), reason=postgres_missing())


def _get(port, path, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode()
    finally:
        connection.close()


SETUP = """
from tests import factories
from monitor.subscribers.models import Plan, Subscriber
from monitor.subscribers.services import api_key_issue
factories.article(title="Held in the cache")
subscriber = Subscriber.objects.create(name="Desk", plan=Plan.objects.get(slug="everything"))
print(api_key_issue(subscriber=subscriber)[1])
"""


def test_an_outage_is_answered_503_and_the_site_recovers_by_itself(tmp_path):
    postgres = Postgres()
    postgres.start()
    database = postgres.createdb("monitor")
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "outage-test-" + uuid.uuid4().hex * 2,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database,
        "MONITOR_CACHE_DIR": str(tmp_path / "cache"),
        "CACHE_KEY_PREFIX": f"outage-{uuid.uuid4().hex}",
        "CONN_MAX_AGE": "60",
    }

    def manage(*args):
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT, env=env | {"DEBUG": "1"}, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        return done.stdout

    manage("migrate", "--noinput", "-v", "0")
    key = manage("shell", "-v", "0", "-c", SETUP).strip().splitlines()[-1]
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "monitor.wsgi:application", "--workers", "1",
         "--bind", f"127.0.0.1:{port}", "--log-level", "critical"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    api = {"Authorization": f"Api-Key {key}"}
    try:
        for _ in range(100):
            try:
                status, _, page = _get(port, "/")
                break
            except OSError:
                time.sleep(0.2)
        assert status == 200 and "Held in the cache" in page
        assert _get(port, "/api/v1/articles/", api)[0] == 200

        postgres.stop()
        status, headers, body = _get(port, "/api/v1/articles/", api)
        assert (status, headers["Content-Type"], headers["Retry-After"]) == (
            503, "application/problem+json", "30"
        )  # fmt: skip
        assert json.loads(body)["type"] == "urn:monitor:problem:unavailable"
        status, headers, page = _get(port, "/search/?q=anything")
        assert status == 503 and headers["Retry-After"] == "30"
        assert "briefly unavailable" in page
        # The home page was cached before the outage: readers still get it.
        status, _, page = _get(port, "/")
        assert status == 200 and "Held in the cache" in page

        postgres.start()
        back = time.monotonic()
        while _get(port, "/api/v1/articles/", api)[0] != 200:
            assert time.monotonic() - back < 30, "the site did not recover within 30 s"
            time.sleep(0.2)
        print(f"answered again {time.monotonic() - back:.2f} s after PostgreSQL was back")
        assert _get(port, "/search/?q=anything")[0] == 200
    finally:
        server.terminate()
        server.wait(timeout=20)
        postgres.remove()


QUEUE = """
from articles.models import Article, ArticleStatus
from articles.tasks import publish_scheduled_article
from django.utils import timezone
from tests import factories
article = factories.article(published=False, title="Queued during the outage")
Article.objects.filter(pk=article.pk).update(status=ArticleStatus.SCHEDULED,
                                             published_at=timezone.now())
publish_scheduled_article.enqueue(article.pk)
"""

STATUS = """
from articles.models import Article
print(Article.objects.get(title="Queued during the outage").status)
"""


def test_the_task_worker_outlives_an_outage_and_runs_what_was_queued_after_it(tmp_path):
    postgres = Postgres()
    postgres.start()
    env = {
        **os.environ,
        "DEBUG": "1",
        "DATABASE_URL": postgres.createdb("monitor"),
        "MONITOR_CACHE_DIR": str(tmp_path / "cache"),
        "CACHE_KEY_PREFIX": f"outage-{uuid.uuid4().hex}",
        "MONITOR_TASKS_BACKEND": "database",
    }

    def manage(*args):
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        return done.stdout

    manage("migrate", "--noinput", "-v", "0")
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-reload",
         "--no-startup-delay"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        time.sleep(1)
        postgres.stop()
        time.sleep(2)  # the worker polls every 0.2 s meanwhile
        postgres.start()
        assert worker.poll() is None, "the worker exited during the outage"
        manage("shell", "-v", "0", "-c", QUEUE)
        back = time.monotonic()
        while manage("shell", "-v", "0", "-c", STATUS).strip() != "published":
            assert time.monotonic() - back < 60, "the worker ran nothing after the outage"
            time.sleep(0.5)
        assert worker.poll() is None
    finally:
        if worker.poll() is None:
            worker.terminate()
            worker.wait(timeout=20)
        postgres.remove()
