"""Each key's request rate, as its plan sets it, counted in the configured cache."""

from rest_framework.throttling import SimpleRateThrottle


class PlanRateThrottle(SimpleRateThrottle):
    scope = "plan"

    def __init__(self):
        # The rate comes from the request's plan, not from settings.
        pass

    def allow_request(self, request, view):
        grant = request.auth
        if grant is None or not getattr(grant, "rate", ""):
            return True
        self.rate = grant.rate
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": request.auth.key_id}
