"""The cache every process shares: Redis when REDIS_URL is set (CI), files on disk otherwise;
and a Redis outage degrades to misses instead of failing."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.cache import cache, caches
from django.test import override_settings

from bench.servers import Redis
from monitor.core import cache as resilient
from tests import factories
from tests.articles.test_admin import form_data

ROOT = Path(__file__).resolve().parents[2]


def test_cache_round_trip_on_the_configured_backend():
    expected = "ResilientRedisCache" if os.environ.get("REDIS_URL") else "FileBasedCache"
    assert type(caches["default"]).__name__ == expected
    cache.set("monitor:test:round-trip", {"volume": 22, "issue": 130}, timeout=30)
    assert cache.get("monitor:test:round-trip") == {"volume": 22, "issue": 130}
    cache.delete("monitor:test:round-trip")
    assert cache.get("monitor:test:round-trip") is None


def test_another_process_sees_what_this_one_cached_and_the_other_way_round():
    cache.set("monitor:test:from-the-tests", "hello", timeout=60)
    script = (
        "from django.core.cache import cache;"
        "print(cache.get('monitor:test:from-the-tests'));"
        "cache.set('monitor:test:from-a-command', 'back', 60)"
    )
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip().splitlines()[-1] == "hello"
    assert cache.get("monitor:test:from-a-command") == "back"


# Redis down: a server of the test's own, stopped and started again.


@pytest.fixture
def own_redis(tmp_path):
    try:
        redis = Redis(tmp_path)
    except RuntimeError:
        pytest.skip("needs redis-server (Debian's redis-server package; CI machines have it)")
    redis.start()
    yield {"url": redis.url(), "stop": redis.stop, "restart": redis.start}
    redis.stop()


def _redis_settings(url):
    return {
        "default": {
            "BACKEND": "monitor.core.cache.ResilientRedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


def test_a_redis_outage_is_a_miss_and_recovery_needs_nobody(own_redis, monkeypatch):
    monkeypatch.setattr(resilient, "RETRY_AFTER", 0.2)
    with override_settings(CACHES=_redis_settings(own_redis["url"])):
        cache.set("key", "value")
        assert cache.get("key") == "value"
        own_redis["stop"]()
        started = time.monotonic()
        assert cache.get("key", "default") == "default"
        assert cache.set("key", "other") is None
        assert cache.get_many(["key"]) == {}
        assert not cache.available()
        assert time.monotonic() - started < 2  # one refused connection, then bypassed
        own_redis["restart"]()
        time.sleep(0.3)
        cache.set("key", "back")
        assert cache.get("key") == "back" and cache.available()


@pytest.mark.django_db
def test_with_redis_stopped_pages_the_api_and_admin_saves_keep_answering(
    own_redis, editor_client, client
):
    from monitor.subscribers.models import Plan
    from tests.subscribers.fixtures import client_with, key_for

    article = factories.article(title="Before the outage")
    api = client_with(key_for(Plan.objects.get(slug="everything"))[1])
    with override_settings(CACHES=_redis_settings(own_redis["url"])):
        assert client.get(article.get_absolute_url()).status_code == 200
        own_redis["stop"]()
        for url in ("/", article.get_absolute_url(), "/feeds/rss/", "/sitemap.xml"):
            assert client.get(url).status_code == 200, url
        assert api.get("/api/v1/articles/").status_code == 200
        assert api.get(f"/api/v1/articles/{article.pk}/").status_code == 200
        url = f"/admin/articles/article/{article.pk}/change/"
        data = form_data(editor_client.get(url)) | {"title": "Saved during the outage"}
        assert editor_client.post(url, data).status_code == 302
        article.refresh_from_db()
        assert article.title == "Saved during the outage"
        assert "Saved during the outage" in client.get(article.get_absolute_url()).text


@pytest.mark.django_db
def test_with_redis_stopped_throttling_counts_in_the_process(own_redis, monkeypatch):
    from tests.subscribers.fixtures import client_with, key_for, plan

    monkeypatch.setattr(resilient, "RETRY_AFTER", 60)
    api = client_with(key_for(plan(rate="3/minute"))[1])
    with override_settings(CACHES=_redis_settings(own_redis["url"])):
        own_redis["stop"]()
        answers = [api.get("/api/v1/articles/").status_code for _ in range(5)]
    assert answers == [200, 200, 200, 429, 429]
