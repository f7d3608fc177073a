"""A Redis cache that degrades instead of failing: an outage is logged and treated as a miss.

Monitor's cache holds nothing that cannot be rebuilt (pages, the page generation, presence,
throttle counts), so when Redis does not answer, reads miss, writes are dropped, and the
request goes on: pages render from the database, admin saves commit, the API answers.
After a failure Redis is left alone for ``RETRY_AFTER`` seconds, so an outage costs one
connection attempt per process per interval, not one per cache call; then it is tried again,
and recovery needs nothing from anyone.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER = 5.0


class ResilientRedisCache(RedisCache):
    _down_until = 0.0

    def _guarded(self, fallback, method, *args, **kwargs):
        if time.monotonic() < self._down_until:
            return fallback
        try:
            return method(*args, **kwargs)
        except (RedisError, OSError) as error:
            logger.warning("Cache unavailable, bypassed for %.0f s: %s", RETRY_AFTER, error)
            self._down_until = time.monotonic() + RETRY_AFTER
            return fallback

    def available(self) -> bool:
        """Whether the cache answered the last time it was asked (for fallbacks that care)."""
        return time.monotonic() >= self._down_until

    def add(self, key, value, timeout=None, version=None):
        return self._guarded(False, super().add, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._guarded(default, super().get, key, default, version)

    def set(self, key, value, timeout=None, version=None):
        return self._guarded(None, super().set, key, value, timeout, version)

    def touch(self, key, timeout=None, version=None):
        return self._guarded(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._guarded(False, super().delete, key, version)

    def get_many(self, keys, version=None):
        return self._guarded({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._guarded(False, super().has_key, key, version)

    def incr(self, key, delta=1, version=None):
        return self._guarded(None, super().incr, key, delta, version)

    def set_many(self, data, timeout=None, version=None):
        return self._guarded(list(data), super().set_many, data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._guarded(None, super().delete_many, keys, version)

    def clear(self):
        return self._guarded(False, super().clear)
