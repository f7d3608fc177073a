"""Who may read the API and how much: plans, subscribers, their API keys and daily usage."""

import dataclasses
import hashlib
import hmac
import re
import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from rest_framework.throttling import SimpleRateThrottle

from articles.models import Publication
from monitor.core.prepared import Prepared, Slot

KEY_PREFIX_LENGTH = 8


class Plan(models.Model):
    """What a subscriber may read and how fast."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(blank=True)
    all_publications = models.BooleanField(
        default=False, help_text="Every publication, including ones added later."
    )
    publications = models.ManyToManyField(
        Publication,
        blank=True,
        related_name="+",
        help_text="The publications readable when not all of them are.",
    )
    includes_events = models.BooleanField(
        default=False, help_text="Events, actors, places and the codebook."
    )
    includes_embargoed = models.BooleanField(
        "includes embargoed articles",
        default=False,
        help_text="Scheduled articles before their time, marked with embargoed_until.",
    )
    rate = models.CharField(
        max_length=20, default="1000/hour", help_text="Requests per second, minute, hour or day."
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        try:
            SimpleRateThrottle.parse_rate(None, self.rate)
        except (ValueError, KeyError, IndexError):
            raise ValidationError({"rate": "Write a rate like 1000/hour or 10/second."}) from None


class Subscriber(models.Model):
    """A research desk, newsroom or analyst mirroring Monitor's material."""

    name = models.CharField(max_length=200, unique=True)
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="subscribers")
    contact_email = models.EmailField(blank=True)
    is_active = models.BooleanField("active", default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    # Django REST framework treats ``request.user`` as a user: a subscriber is an authenticated one.
    is_authenticated = True
    is_anonymous = False


@dataclasses.dataclass(frozen=True)
class Grant:
    """What one authenticated request may read: ``request.auth`` in the API's views.

    Viewsets read it by attribute (``publication_ids``, ``include_events``,
    ``include_embargoed``), so the content apps never import this one.
    """

    key_id: int
    publication_ids: frozenset[int] | None  # None: every publication
    include_events: bool
    include_embargoed: bool
    rate: str


class ApiKeyQuerySet(models.QuerySet):
    def matching(self, raw_key: str):
        """The key whose prefix and hash match ``raw_key``, with its subscriber and plan, or
        None (compared in constant time). What could not be a key (other characters than a
        key's, a NUL byte) matches none without a query.

        Every API request asks this: the lookup is one statement prepared once per database
        connection (``monitor.core.prepared``) and read from the database every time, so a
        key revoked, expired or suspended in any process is refused on its next request. It
        searches every key (``ApiKey.objects.matching``), whatever a queryset filtered."""
        if not KEY_FORM.fullmatch(raw_key):
            return None
        digest, alias = hash_key(raw_key), _KEY_LOOKUP.db()
        for row in _KEY_LOOKUP.rows(prefix=raw_key[:KEY_PREFIX_LENGTH]):
            key, subscriber, plan = _loaded(row, alias)
            if hmac.compare_digest(key.hashed_key, digest):
                key.subscriber, subscriber.plan = subscriber, plan
                return key
        return None


class ApiKey(models.Model):
    """An API key: only its SHA-256 is stored; the prefix identifies it in the admin and logs."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="api_keys")
    name = models.CharField(max_length=120, blank=True, help_text="What the key is for.")
    prefix = models.CharField(max_length=KEY_PREFIX_LENGTH, db_index=True, editable=False)
    hashed_key = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True, help_text="Empty: never expires.")
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ApiKeyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "API key"

    def __str__(self):
        return f"{self.prefix}… ({self.subscriber})"

    def set_new_key(self) -> str:
        """Give the key a new secret and return it: the only time it is ever seen."""
        raw_key = generate_key()
        self.prefix, self.hashed_key = raw_key[:KEY_PREFIX_LENGTH], hash_key(raw_key)
        return raw_key

    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def is_expired(self, now=None) -> bool:
        return self.expires_at is not None and self.expires_at <= (now or timezone.now())

    def readable_publication_ids(self) -> list[int] | None:
        """The ids of the publications the key's plan reads; None for every publication."""
        plan = self.subscriber.plan
        if plan.all_publications:
            return None
        return [pk for (pk,) in _PLAN_PUBLICATIONS.rows(plan=plan.pk)]

    def grant(self, publication_ids) -> Grant:
        plan = self.subscriber.plan
        return Grant(
            key_id=self.pk,
            publication_ids=None if plan.all_publications else frozenset(publication_ids),
            include_events=plan.includes_events,
            include_embargoed=plan.includes_embargoed,
            rate=plan.rate,
        )


class UsageDay(models.Model):
    """How many requests one key made on one day (UTC); what was served is not recorded."""

    api_key = models.ForeignKey(ApiKey, on_delete=models.CASCADE, related_name="usage")
    day = models.DateField()
    requests = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-day"]
        verbose_name = "usage"
        verbose_name_plural = "usage"
        constraints = [
            models.UniqueConstraint(fields=["api_key", "day"], name="usage_unique_key_day")
        ]

    def __str__(self):
        return f"{self.api_key}, {self.day}: {self.requests}"


# What ``generate_key`` makes: URL-safe base64 (43 characters for 32 bytes); any length up
# to 200 is read, so a longer key format later needs no change here.
KEY_FORM = re.compile(r"[-_A-Za-z0-9]{1,200}")


def _columns(model) -> list[str]:
    return [field.attname for field in model._meta.concrete_fields]


def _loaded(row, alias: str):
    """An API key, its subscriber and its plan, from a row of ``_KEY_LOOKUP``."""
    start, loaded = 0, []
    for model in (ApiKey, Subscriber, Plan):
        names = _columns(model)
        loaded.append(model.from_db(alias, names, row[start : start + len(names)]))
        start += len(names)
    return loaded


# What ``ApiKey.objects.matching`` reads: the keys with a prefix, with their subscriber and
# plan (as ``select_related("subscriber__plan")`` would load them).
_KEY_LOOKUP = Prepared(
    ApiKey,
    lambda: (
        ApiKey.objects.filter(prefix=Slot("prefix", models.CharField()))
        .order_by()
        .values_list(
            *_columns(ApiKey),
            *(f"subscriber__{name}" for name in _columns(Subscriber)),
            *(f"subscriber__plan__{name}" for name in _columns(Plan)),
        )
    ),
)


def generate_key() -> str:
    """32 random bytes, URL-safe; the first characters double as the public prefix."""
    return secrets.token_urlsafe(32)


def hash_key(raw_key: str) -> str:
    # Keys are 256 random bits, so a fast hash is enough: there is nothing to brute-force.
    return hashlib.sha256(raw_key.encode()).hexdigest()


_PLAN_PUBLICATIONS = Prepared(
    Plan,
    lambda: (
        Plan.publications.through.objects.filter(plan_id=Slot("plan", models.IntegerField()))
        .order_by()
        .values_list("publication_id")
    ),
)

# Webhook models live in their own package; importing them here registers them with the app.
from .webhooks.models import Attempt, Delivery, Endpoint  # noqa: E402

__all__ = ["ApiKey", "Attempt", "Delivery", "Endpoint", "Grant", "Plan", "Subscriber", "UsageDay"]
