"""Appending to the change feed, in the same transaction as the change it records."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import import_string

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
    is what keeps sequence order and commit order the same.
    """
    counter, _ = ChangeSequence.objects.select_for_update().get_or_create(pk=1)
    counter.last += 1
    counter.save(update_fields=["last"])
    # Apps that act on new entries (webhooks) are named in a setting and told after the
    # commit: articles imports none of them, and a failing listener cannot undo the change.
    for listener in settings.MONITOR_CHANGE_LISTENERS:
        transaction.on_commit(import_string(listener), robust=True)
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


def article_change(article: Article, action: str, *, reason: str = "") -> Change:
    """Record a public change of ``article``: its version grows by one, and the feed says so."""
    Article.objects.filter(pk=article.pk).update(version=F("version") + 1)
    article.refresh_from_db(fields=["version"])
    return change_record(
        resource=Change.Resource.ARTICLE,
        resource_id=str(article.pk),
        action=action,
        version=article.version,
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
    version = Change.objects.filter(resource=resource, resource_id=str(resource_id)).count() + 1
    return change_record(
        resource=resource, resource_id=str(resource_id), action=action, version=version
    )
