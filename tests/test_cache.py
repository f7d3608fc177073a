"""The cache is the one configured: Redis when REDIS_URL is set (CI), local memory otherwise."""

import os

from django.core.cache import caches


def test_cache_round_trip_on_the_configured_backend():
    expected = "RedisCache" if os.environ.get("REDIS_URL") else "LocMemCache"
    cache = caches["default"]
    assert type(cache).__name__ == expected
    cache.set("monitor:test:round-trip", {"volume": 22, "issue": 130}, timeout=30)
    assert cache.get("monitor:test:round-trip") == {"volume": 22, "issue": 130}
    cache.delete("monitor:test:round-trip")
    assert cache.get("monitor:test:round-trip") is None
