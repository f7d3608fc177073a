"""Issuing, rotating and revoking API keys; counting requests."""

import datetime as dt

from django.db import IntegrityError, models, transaction
from django.utils import timezone

from monitor.core.prepared import Prepared, Slot

from .models import ApiKey, Plan, Subscriber, UsageDay

# After a rotation the old key keeps working this long, so a mirror can switch without a gap.
ROTATION_GRACE = dt.timedelta(days=1)


@transaction.atomic
def api_key_issue(
    *, subscriber: Subscriber, name: str = "", expires_at: dt.datetime | None = None
) -> tuple[ApiKey, str]:
    """A new key for ``subscriber``, and its secret (shown once, never stored)."""
    key = ApiKey(subscriber=subscriber, name=name, expires_at=expires_at)
    raw_key = key.set_new_key()
    key.save()
    return key, raw_key


@transaction.atomic
def api_key_rotate(*, key: ApiKey, now: dt.datetime | None = None) -> tuple[ApiKey, str]:
    """A new key with the same name and lifetime; the old one expires after ``ROTATION_GRACE``."""
    now = now or timezone.now()
    new_key, raw_key = api_key_issue(
        subscriber=key.subscriber, name=key.name, expires_at=_same_lifetime(key, now)
    )
    grace_end = now + ROTATION_GRACE
    if key.expires_at is None or key.expires_at > grace_end:
        key.expires_at = grace_end
        key.save(update_fields=["expires_at"])
    return new_key, raw_key


def api_key_revoke(*, key: ApiKey, now: dt.datetime | None = None) -> ApiKey:
    if key.revoked_at is None:
        key.revoked_at = now or timezone.now()
        key.save(update_fields=["revoked_at"])
    return key


@transaction.atomic
def subscriber_key_create(
    *, name: str, plan_slug: str | None = None, expires_at: dt.datetime | None = None
) -> tuple[ApiKey, str]:
    """A key for the subscriber called ``name``, created on ``plan_slug`` if it does not exist.

    An existing subscriber moves to ``plan_slug`` when one is given.
    """
    plan = Plan.objects.get(slug=plan_slug) if plan_slug else None
    subscriber = Subscriber.objects.filter(name=name).first()
    if subscriber is None:
        if plan is None:
            raise Plan.DoesNotExist("A new subscriber needs a plan: pass --plan.")
        subscriber = Subscriber.objects.create(name=name, plan=plan)
    elif plan is not None and subscriber.plan_id != plan.pk:
        subscriber.plan = plan
        subscriber.save(update_fields=["plan"])
    return api_key_issue(subscriber=subscriber, expires_at=expires_at)


# Every API request runs it: prepared once per database connection (``monitor.core.prepared``).
_COUNT_REQUEST = Prepared(
    UsageDay,
    lambda: UsageDay.objects.filter(
        api_key_id=Slot("key", models.IntegerField()), day=Slot("day", models.DateField())
    ),
    update={"requests": models.F("requests") + 1},
)

# When a key was last used is noted to the minute: a key read many times a second writes it
# once a minute, not once a request.
LAST_USED_PRECISION = dt.timedelta(minutes=1)


def usage_record(*, key: ApiKey, now: dt.datetime | None = None) -> None:
    """Count one request for the key's day (UTC) and note when the key was last used (to
    ``LAST_USED_PRECISION``)."""
    now = now or timezone.now()
    day = now.astimezone(dt.UTC).date()
    counted = _COUNT_REQUEST.execute(key=key.pk, day=day)
    if not counted:
        try:
            with transaction.atomic():
                UsageDay.objects.create(api_key=key, day=day, requests=1)
        except IntegrityError:  # another request created the day first
            UsageDay.objects.filter(api_key=key, day=day).update(requests=models.F("requests") + 1)
    if key.last_used_at is None or now - key.last_used_at >= LAST_USED_PRECISION:
        ApiKey.objects.filter(pk=key.pk).update(last_used_at=now)


def _same_lifetime(key: ApiKey, now: dt.datetime) -> dt.datetime | None:
    if key.expires_at is None:
        return None
    return now + (key.expires_at - key.created_at)
