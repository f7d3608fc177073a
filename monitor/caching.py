"""Public pages cached whole, answered with ETag/Last-Modified, and invalidated by tag.

A page names the tags it depends on (``article:edm/some-slug``, ``actor:iran``, ``site``…).
Each tag holds the time it last changed, in the configured cache; a page's ETag and
Last-Modified derive from its tags' times alone, so a conditional request is answered
with 304 without touching the database, and the page body is cached under its ETag.
Invalidating a tag (from a signal, when what it names changes) moves its time on, which
changes the ETag of exactly the pages that depend on it: nothing is searched or deleted.
"""

import datetime as dt
import hashlib
import time
from collections.abc import Callable, Iterable
from functools import wraps

from django.core.cache import cache
from django.db import transaction
from django.utils.cache import patch_cache_control
from django.views.decorators.http import condition

TAG_PREFIX = "public-tag:"
PAGE_PREFIX = "public-page:"
# A page expires after an hour even if no tag moved: related lists and counts of other
# objects' pages are not worth tagging precisely.
PAGE_TIMEOUT = 60 * 60
# Browsers and proxies revalidate (cheaply, with 304) after this long.
MAX_AGE = 60

SITE = "site"


def article_tag(publication_slug: str, slug: str) -> str:
    return f"article:{publication_slug}/{slug}"


def tag(kind: str, key) -> str:
    return f"{kind}:{key}"


def tag_times(tags: Iterable[str]) -> dict[str, int]:
    """When each tag last changed (nanoseconds); a tag never seen starts now."""
    keys = [TAG_PREFIX + name for name in tags]
    found = cache.get_many(keys)
    now = time.time_ns()
    for key in keys:
        if key not in found:
            # add(): if another request started the tag meanwhile, its time wins.
            cache.add(key, now, timeout=None)
            found[key] = cache.get(key, now)
    return found


def invalidate(tags: Iterable[str]) -> None:
    """Move the tags' times on, now and again when the transaction commits.

    Now, so that the same transaction reads fresh pages; on commit, so that a page cached
    by a concurrent request from data not yet committed does not outlive the commit.
    """
    names = sorted(set(tags))
    if not names:
        return

    def move():
        now = time.time_ns()
        cache.set_many({TAG_PREFIX + name: now for name in names}, timeout=None)

    move()
    transaction.on_commit(move)


def public_page(tags: Callable[..., Iterable[str]]):
    """Cache a public GET page, keyed by its path and its tags' times, with ETag/Last-Modified.

    ``tags`` receives the view's URL keyword arguments and returns the tags the page
    depends on. Only 200 responses are cached; others (404, 410) are rendered each time.
    """

    def stamps(request, **kwargs) -> dict[str, int]:
        if not hasattr(request, "_public_page_tags"):
            request._public_page_tags = tag_times(tags(**kwargs))
        return request._public_page_tags

    def etag(request, *args, **kwargs) -> str:
        times = stamps(request, **kwargs)
        material = request.get_full_path() + "|" + repr(sorted(times.items()))
        return hashlib.sha256(material.encode()).hexdigest()[:32]

    def last_modified(request, *args, **kwargs) -> dt.datetime:
        latest = max(stamps(request, **kwargs).values(), default=time.time_ns())
        return dt.datetime.fromtimestamp(latest / 1e9, tz=dt.UTC)

    def decorator(view):
        @condition(etag_func=etag, last_modified_func=last_modified)
        @wraps(view)
        def cached(request, *args, **kwargs):
            if request.method not in ("GET", "HEAD"):
                return view(request, *args, **kwargs)
            key = PAGE_PREFIX + etag(request, **kwargs)
            response = cache.get(key)
            if response is None:
                response = view(request, *args, **kwargs)
                if response.status_code == 200:
                    if hasattr(response, "render"):
                        response.render()  # a TemplateResponse (the sitemap) renders late
                    patch_cache_control(response, public=True, max_age=MAX_AGE)
                    cache.set(key, response, timeout=PAGE_TIMEOUT)
            return response

        return cached

    return decorator
