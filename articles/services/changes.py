"""Appending to the change feed, in the same transaction as the change it records.

A resource gets one entry per unit of work (``change_unit``): subscribers fetch it after
the commit and see only its final state, so an article published and then given its events
in one import is announced once, with one new version.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from articles.models import Article, Change, ChangeSequence

RETENTION = dt.timedelta(days=90)


@transaction.atomic
def change_record(
    *,
    resource: str,
    resource_id: str,
    action: str,
    version: int,
    tombstone: bool = False,
    reason: str = "",
    replaced_by: str = "",
    publication_id: int | None = None,
    at: dt.datetime | None = None,
) -> Change:
    """Append one entry; its sequence number is the next one, under the sequence row's lock.

    Call it last in a unit of work: the lock is held until the transaction commits, which
    is what keeps sequence order and commit order the same. The service that calls it
    announces the change (``monitor.core.changes``), which is what tells webhooks.
    """
    counter, _ = ChangeSequence.objects.select_for_update().get_or_create(pk=1)
    counter.last += 1
    counter.save(update_fields=["last"])
    return Change.objects.create(
        seq=counter.last,
        resource=resource,
        resource_id=str(resource_id),
        action=action,
        version=version,
        at=at or timezone.now(),
        tombstone=tombstone,
        reason=reason[:300],
        replaced_by=replaced_by,
        publication_id=publication_id,
    )


_unit: ContextVar[dict | None] = ContextVar("monitor_change_unit", default=None)


@contextmanager
def change_unit():
    """One unit of work for the change feed (a decorator, or a ``with`` block); units
    opened inside another join it."""
    if _unit.get() is not None:
        yield
        return
    token = _unit.set({})
    try:
        yield
    finally:
        _unit.reset(token)


def change_once(
    *, resource: str, resource_id: str, action: str, bump: Callable[[], int], **fields
) -> Change:
    """Record that a resource changed, once per unit of work.

    The first change in a unit grows the resource's version (``bump`` does it and returns
    the new version) and appends an entry. Later ones in the same unit add nothing, unless
    they remove the resource or bring it back (a tombstone comes or goes): then the entry
    says so instead.
    """
    entries = _unit.get()
    key = (resource, str(resource_id))
    entry = entries.get(key) if entries is not None else None
    if entry is not None:
        tombstone = fields.get("tombstone", False)
        if tombstone != entry.tombstone:
            entry.action, entry.tombstone = action, tombstone
            entry.reason = fields.get("reason", "")[:300]
            entry.replaced_by = fields.get("replaced_by", "")
            entry.save(update_fields=["action", "tombstone", "reason", "replaced_by"])
        return entry
    entry = change_record(
        resource=resource, resource_id=resource_id, action=action, version=bump(), **fields
    )
    if entries is not None:
        entries[key] = entry
    return entry


def article_change(article: Article, action: str, *, reason: str = "") -> Change:
    """Record a public change of ``article``: its version grows by one (once per unit of
    work), and the feed says so."""

    def bump() -> int:
        Article.objects.filter(pk=article.pk).update(version=F("version") + 1)
        article.refresh_from_db(fields=["version"])
        return article.version

    return change_once(
        resource=Change.Resource.ARTICLE,
        resource_id=str(article.pk),
        action=action,
        bump=bump,
        tombstone=action == Change.Action.RETRACTED,
        reason=reason,
        publication_id=article.publication_id,
    )


@transaction.atomic
def changes_prune(*, now: dt.datetime | None = None, retention: dt.timedelta = RETENTION) -> int:
    """Delete entries older than the retention window; later cursors before them answer 410."""
    cutoff = (now or timezone.now()) - retention
    old = Change.objects.filter(at__lt=cutoff)
    last = old.order_by("-seq").values_list("seq", flat=True).first()
    if last is None:
        return 0
    counter, _ = ChangeSequence.objects.select_for_update().get_or_create(pk=1)
    deleted, _ = Change.objects.filter(seq__lte=last).delete()
    counter.pruned_through = max(counter.pruned_through, last)
    counter.save(update_fields=["pruned_through"])
    return deleted


def resource_change(resource: str, resource_id: str, action: str = Change.Action.UPDATED) -> Change:
    """Record a change of a resource without a version of its own (a source, an outlet, an
    actor): its version is the number of entries the feed has held for it."""

    def bump() -> int:
        return Change.objects.filter(resource=resource, resource_id=str(resource_id)).count() + 1

    return change_once(resource=resource, resource_id=str(resource_id), action=action, bump=bump)
