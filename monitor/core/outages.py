"""The database unavailable (restarting, failing over, unreachable): 503, not 500.

Any request whose view meets a connection error from the database is answered 503 with
``Retry-After``: problem+json under the API, a plain page elsewhere (the admin included: the
browser's Back button returns to a form with what was typed, and the article form's
autosave keeps a copy in the browser). Nothing here reads the database. Pages the cache holds
are still served (``monitor.core.caching`` reads only the cache). An error met outside a view
(in a middleware) is answered the same way by ``handler500`` (``monitor.core.errors``). The failed connection is
dropped at the end of the request and the next request opens a new one, so the site
recovers by itself as soon as the database answers again.
"""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string

RETRY_AFTER = 30  # seconds
API_PREFIX = "/api/"

log = logging.getLogger(__name__)


def is_outage(exception) -> bool:
    """A connection error from the database (not a query the database refused)."""
    return isinstance(exception, (OperationalError, InterfaceError))


def unavailable(request) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        response = JsonResponse(
            {
                "type": "urn:monitor:problem:unavailable",
                "title": "Service Unavailable",
                "status": 503,
                "detail": "The database is briefly unavailable. Try again in a moment.",
            },
            status=503,
            content_type="application/problem+json",
        )
    else:
        response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseOutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_outage(exception):
            return None
        log.error("Database unavailable: %s %s: %s", request.method, request.path, exception)
        return unavailable(request)
