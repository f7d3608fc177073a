"""Public pages cached whole and answered with ETag/Last-Modified, in every process alike.

Every public page shows more than its own object: related articles, the latest issues,
events and the articles about them, linked sources and cross-references. So pages share one
*generation*, a time kept in the shared cache: a page's ETag and Last-Modified derive from
its path and the generation alone, a conditional request is answered with 304 without
touching the database, and the page body is cached under its ETag. When anything readers
can see changes, the change listener ``changes_committed`` moves the generation on after
the commit, and every page is rendered afresh on its next request; edits to drafts move
nothing.

The cache is shared by the web server, the task worker and commands (see settings), so a
publication by the worker or an import is seen by every process at once. If the cache is
unreachable, every request renders its page (see ``monitor.core.cache``).
"""

import datetime as dt
import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Sequence
from functools import wraps

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import http_date, quote_etag
from django.views.decorators.http import condition

from .changes import Changed

GENERATION_KEY = "public-generation"
EXPECTED_KEY = "public-generation-expected"  # a change due by the clock (site_changes_at)
PAGE_PREFIX = "public-page:"
# A page is dropped after an hour even if nothing moved the generation: a scheduled article
# comes due without a write (the worker's publication moves the generation within seconds).
PAGE_TIMEOUT = 60 * 60
# Browsers and proxies revalidate (cheaply, with 304) after this long.
MAX_AGE = 60
# Pages each process keeps in its own memory besides the shared cache (see _Recent).
RECENT_PAGES = 256


def generation() -> int:
    """When public material last changed (nanoseconds); unknown (evicted, a new cache) is now.

    A change may also be due by the clock alone (a scheduled article's time comes before the
    worker publishes it): once the time given to ``site_changes_at`` has passed, the
    generation moves on by itself, in whichever process notices first.
    """
    held = cache.get_many([GENERATION_KEY, EXPECTED_KEY])
    value, expected = held.get(GENERATION_KEY), held.get(EXPECTED_KEY)
    if expected is not None and expected <= time.time_ns():
        cache.delete(EXPECTED_KEY)
        site_changed()
        value = cache.get(GENERATION_KEY)
    if value is None:
        now = time.time_ns()
        # add(): if another process started the generation meanwhile, its value wins.
        cache.add(GENERATION_KEY, now, timeout=None)
        value = cache.get(GENERATION_KEY) or now
    return value


def site_changed() -> None:
    """Every public page is stale from now on."""
    cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def site_changes_at(when: dt.datetime | None) -> None:
    """Public pages will be stale from ``when`` on, with no write to say so (None: no such
    time is known)."""
    if when is None:
        cache.delete(EXPECTED_KEY)
    else:
        cache.set(EXPECTED_KEY, int(when.timestamp() * 1e9), timeout=None)


def changes_committed(changes: Sequence[Changed]) -> None:
    """The change listener: a committed change readers can see moves the generation on."""
    if any(change.public for change in changes):
        site_changed()


class _Recent:
    """Pages this process served lately, by cache key. A key names its path and generation,
    so what it holds never changes: keeping it here is as right as the shared cache, and
    spares reading and unpickling it again. It keeps content and headers, and every request
    gets a response object of its own (middleware may add to a response's cookies)."""

    def __init__(self, size: int):
        self.size, self.pages, self.lock = size, OrderedDict(), threading.Lock()

    def get(self, key) -> HttpResponse | None:
        with self.lock:
            page = self.pages.get(key)
            if page is None:
                return None
            self.pages.move_to_end(key)
        content, status, headers = page
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        return response

    def put(self, key, response) -> None:
        page = (response.content, response.status_code, list(response.headers.items()))
        with self.lock:
            self.pages[key] = page
            while len(self.pages) > self.size:
                self.pages.popitem(last=False)


_recent = _Recent(RECENT_PAGES)


def public_page(view):
    """Cache a public GET page, keyed by its scheme, host and path and the generation, with
    ETag/Last-Modified.

    Only 200 responses are cached, and only a page held in the cache is answered 304 to a
    conditional request: an address with no page (a draft's slug, a retracted article) is
    answered as it would be without the condition (404, 410), so a guessed ETag reveals
    nothing.
    """

    def tag(request) -> str:
        if not hasattr(request, "_public_tag"):
            request._public_generation = generation()
            # The scheme and host too: without MONITOR_SITE_URL a page's absolute addresses
            # are on them, and feeds and sitemaps always are (they follow the request).
            site = f"{request.scheme}://{request.get_host()}"
            material = f"{site}{request.get_full_path()}|{request._public_generation}"
            request._public_tag = hashlib.sha256(material.encode()).hexdigest()[:32]
        return request._public_tag

    def held(request) -> HttpResponse | None:
        """The page the cache holds for the request (memory first, then the shared cache)."""
        if not hasattr(request, "_public_held"):
            key = PAGE_PREFIX + tag(request)
            response = _recent.get(key)
            if response is None:
                response = cache.get(key)
                if response is not None:
                    _recent.put(key, response)
            request._public_held = response
        return request._public_held

    def modified(request) -> dt.datetime:
        tag(request)
        return dt.datetime.fromtimestamp(request._public_generation / 1e9, tz=dt.UTC)

    def etag(request, *args, **kwargs) -> str | None:
        return tag(request) if held(request) is not None else None

    def last_modified(request, *args, **kwargs) -> dt.datetime | None:
        return modified(request) if held(request) is not None else None

    @condition(etag_func=etag, last_modified_func=last_modified)
    @wraps(view)
    def cached(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        response = held(request)
        if response is not None:
            return response
        response = view(request, *args, **kwargs)
        if response.status_code == 200:
            if hasattr(response, "render"):
                response.render()  # a TemplateResponse (the sitemap) renders late
            patch_cache_control(response, public=True, max_age=MAX_AGE)
            response["ETag"] = quote_etag(tag(request))
            response["Last-Modified"] = http_date(modified(request).timestamp())
            key = PAGE_PREFIX + tag(request)
            cache.set(key, response, timeout=PAGE_TIMEOUT)
            _recent.put(key, response)
        return response

    return cached
