"""Webhook endpoints that subscribers register, and the deliveries made to them."""

import datetime as dt
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from articles.models import Change

from ..models import Subscriber

EVENT_RESOURCES = {choice.value for choice in Change.Resource}
EVENT_ACTIONS = {choice.value for choice in Change.Action}


def event_type_valid(pattern: str) -> bool:
    """``*``, ``article.*`` or ``article.published``: any resource and action the feed knows."""
    if pattern == "*":
        return True
    resource, _, action = pattern.partition(".")
    return resource in EVENT_RESOURCES and (action == "*" or action in EVENT_ACTIONS)


class EndpointQuerySet(models.QuerySet):
    def active(self):
        """Endpoints that receive deliveries: enabled, of an active subscriber."""
        return self.filter(is_active=True, subscriber__is_active=True)


class Endpoint(models.Model):
    """A URL of a subscriber's that is told of changes. Its secret is derived, never stored:
    see ``signing.secret_derive``."""

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="webhook_endpoints"
    )
    url = models.URLField("URL", max_length=500)
    event_types = models.JSONField(
        default=list,
        help_text='What to send: ["article.published", "event.*"], or ["*"] for everything.',
    )
    description = models.CharField(max_length=200, blank=True)
    is_active = models.BooleanField("active", default=True)
    disabled_at = models.DateTimeField(null=True, blank=True, editable=False)
    disabled_reason = models.CharField(max_length=300, blank=True)
    secret_salt = models.CharField(max_length=64, editable=False)
    previous_secret_salt = models.CharField(max_length=64, blank=True, editable=False)
    previous_secret_expires_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_seq = models.PositiveBigIntegerField(
        "last change dispatched",
        default=0,
        editable=False,
        help_text="Changes after this sequence number are still to be dispatched.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = EndpointQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "webhook endpoint"

    def __str__(self):
        return self.url

    def clean(self):
        types = self.event_types
        if not isinstance(types, list) or not types or not all(isinstance(t, str) for t in types):
            raise ValidationError(
                {"event_types": 'A list such as ["article.published", "event.*"].'}
            )
        unknown = [pattern for pattern in types if not event_type_valid(pattern)]
        if unknown:
            raise ValidationError({"event_types": f"Unknown event types: {', '.join(unknown)}."})

    def wants(self, event_type: str) -> bool:
        resource = event_type.partition(".")[0]
        return bool({"*", f"{resource}.*", event_type} & set(self.event_types))

    def secret_salts(self, now: dt.datetime | None = None) -> list[str]:
        """The salts to sign with: the current one, and the previous one during its grace period."""
        expires = self.previous_secret_expires_at
        if self.previous_secret_salt and expires and expires > (now or timezone.now()):
            return [self.secret_salt, self.previous_secret_salt]
        return [self.secret_salt]


class Delivery(models.Model):
    """One change told to one endpoint; retried until it is received or given up."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        DELIVERED = "delivered", "Delivered"
        FAILED = "failed", "Failed"

    endpoint = models.ForeignKey(Endpoint, on_delete=models.CASCADE, related_name="deliveries")
    # The change's sequence number, not a key: deliveries outlive the feed's retention window.
    change_seq = models.PositiveBigIntegerField("change")
    event_type = models.CharField(max_length=30)
    message_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    body = models.TextField(help_text="The JSON sent, byte for byte the same on every attempt.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempt_count = models.PositiveSmallIntegerField("attempts", default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name_plural = "deliveries"
        constraints = [
            models.UniqueConstraint(
                fields=["endpoint", "change_seq"], name="webhook_delivery_once_per_change"
            )
        ]

    def __str__(self):
        return f"{self.event_type} #{self.change_seq} to {self.endpoint}"

    @property
    def webhook_id(self) -> str:
        """The ``webhook-id`` header: the same on every attempt and resend."""
        return f"msg_{self.message_id.hex}"


class Attempt(models.Model):
    """One POST of a delivery: when, what came back, how long it took."""

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="attempts")
    at = models.DateTimeField()
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    duration_ms = models.PositiveIntegerField("duration (ms)", default=0)
    error = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.status_code or self.error}"

    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300
