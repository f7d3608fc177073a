"""What follows a committed change: services announce it, the parts that react to it listen.

A service that changes an article, an event or anything readers see calls
``changes_announce`` inside its transaction, naming what it changed. After the commit, each
listener named in ``settings.MONITOR_CHANGE_LISTENERS`` is called with those notices: the
search index, the page cache, webhook dispatch, event suggestions. Each listener runs in its
own try, so one that fails (a cache that is down) is logged and neither undoes the change nor
stops the others. A transaction that rolls back announces nothing.

Listeners run in whichever process committed the change (web server, task worker, command);
each keeps its results where every process sees them (the database, the shared cache).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Changed:
    """One changed row, as listeners need to know it.

    ``resource`` names its kind ("article", "event", "actor", "source", "outlet", or a
    catalog kind such as "author"); ``id`` is its primary key. ``public`` says whether
    readers could see it before or after the change (a draft's edit is not public).
    ``entry`` is the sequence number of the change-feed entry recorded for it, if any.
    ``aspects`` say what changed, for listeners that care: ``TEXT`` (what it says: an
    article's body, parts or date) and ``IDENTITY`` (what other material shows of it: its
    title, address, dates or visibility).
    """

    TEXT = "text"
    IDENTITY = "identity"

    resource: str
    id: int
    public: bool = True
    entry: int | None = None
    aspects: frozenset[str] = field(default=frozenset())


def changes_announce(changes: Iterable[Changed]) -> None:
    """Tell every listener about ``changes`` once the current transaction commits."""
    batch = tuple(changes)
    if batch:
        transaction.on_commit(partial(_deliver, batch))


def _deliver(batch: tuple[Changed, ...]) -> None:
    for path in settings.MONITOR_CHANGE_LISTENERS:
        try:
            import_string(path)(batch)
        except Exception:
            logger.exception("Change listener %s failed for %d change(s)", path, len(batch))
