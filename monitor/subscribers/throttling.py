"""Each key's request rate, as its plan sets it, counted in the shared cache.

While the cache is unreachable (Redis down), requests are counted in this process's memory
instead: a plan's limit then holds per process, rather than not at all.
"""

from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from rest_framework.throttling import SimpleRateThrottle

_fallback = LocMemCache("monitor-throttle-fallback", {})


class PlanRateThrottle(SimpleRateThrottle):
    scope = "plan"

    def __init__(self):
        # The rate comes from the request's plan, not from settings.
        pass

    @property
    def cache(self):
        shared = caches["default"]
        available = getattr(shared, "available", None)
        return shared if available is None or available() else _fallback

    def allow_request(self, request, view):
        grant = request.auth
        if grant is None or not getattr(grant, "rate", ""):
            return True
        self.rate = grant.rate
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": request.auth.key_id}
