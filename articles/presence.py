"""Who has an article open: a short-lived note in the cache, refreshed while the page is open.

Advisory only (two editors may still both save; the revision check stops the second from
overwriting the first). Entries older than ``WINDOW`` are forgotten.
"""

import datetime as dt

from django.core.cache import cache
from django.utils import timezone

WINDOW = dt.timedelta(minutes=5)


def _key(article_id: int) -> str:
    return f"monitor:presence:article:{article_id}"


def presence_touch(article_id: int, user) -> None:
    """Record that ``user`` has the article open now."""
    now = timezone.now()
    seen = {
        uid: entry
        for uid, entry in (cache.get(_key(article_id)) or {}).items()
        if now - entry["at"] < WINDOW
    }
    seen[user.pk] = {"name": user.get_full_name() or user.get_username(), "at": now}
    cache.set(_key(article_id), seen, timeout=int(WINDOW.total_seconds()) * 2)


def presence_others(article_id: int, user) -> list[dict]:
    """The other users seen on the article within ``WINDOW``, most recent first."""
    now = timezone.now()
    entries = (cache.get(_key(article_id)) or {}).items()
    others = [entry for uid, entry in entries if uid != user.pk and now - entry["at"] < WINDOW]
    return sorted(others, key=lambda entry: entry["at"], reverse=True)
