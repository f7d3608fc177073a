"""What follows a committed change: services announce it, the parts that react to it listen.

A service that changes an article, an event or anything readers see calls
``changes_announce`` inside its transaction, naming what it changed. After the commit, each
listener named in ``settings.MONITOR_CHANGE_LISTENERS`` is called with those notices: the
search index, the page cache, webhook dispatch, event suggestions. Each listener runs in its
own try, so one that fails (a cache that is down) is logged and neither undoes the change nor
stops the others. A transaction that rolls back announces nothing. (A part rolled back to a
savepoint may still be announced: listeners read what is in the database when they run,
so a notice of a change that did not happen costs a little work and changes nothing.)

Listeners run in whichever process committed the change (web server, task worker, command);
each keeps its results where every process sees them (the database, the shared cache).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

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
    article's body, parts or date), ``IDENTITY`` (what other material shows of it: its
    title, address, dates or visibility) and ``SUBJECTS`` (what an article is about).
    """

    TEXT = "text"
    IDENTITY = "identity"
    SUBJECTS = "subjects"

    resource: str
    id: int
    public: bool = True
    entry: int | None = None
    aspects: frozenset[str] = field(default=frozenset())


def changes_announce(changes: Iterable[Changed]) -> None:
    """Tell every listener about ``changes`` once the current transaction commits.

    Everything a transaction announces is delivered together, once, after its commit, so
    that a listener sees the whole unit of work (an event created with its articles in one
    import need not be touched again for them). Outside a transaction, at once.
    """
    batch = list(changes)
    if not batch:
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        _deliver(tuple(batch))
        return
    pending = getattr(connection, "_monitor_pending_changes", None)
    # The callback registered for this transaction, unless it ran or a rollback dropped it.
    registered = pending is not None and not pending.delivered
    if not registered or not any(entry[1] is pending for entry in connection.run_on_commit):
        pending = _Pending()
        connection._monitor_pending_changes = pending
        transaction.on_commit(pending)
    pending.changes += batch


class _Pending:
    """The changes a transaction announced, delivered when it commits."""

    def __init__(self):
        self.changes: list[Changed] = []
        self.delivered = False

    def __call__(self):
        self.delivered = True
        _deliver(tuple(dict.fromkeys(self.changes)))


def _deliver(batch: tuple[Changed, ...]) -> None:
    for path in settings.MONITOR_CHANGE_LISTENERS:
        try:
            import_string(path)(batch)
        except Exception:
            logger.exception("Change listener %s failed for %d change(s)", path, len(batch))
