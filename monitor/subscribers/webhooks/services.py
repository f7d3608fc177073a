"""Registering webhook endpoints, rotating their secrets, dispatching changes, delivering them."""

from __future__ import annotations

import datetime as dt
import http.client
import json
import socket
import ssl
import time
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from articles.models import Change, ChangeSequence
from articles.serializers import API_PATHS
from monitor.core.sites import site_url

from ..changes import changes_visible, encode_cursor
from . import signing
from .addresses import AddressRefused, Resolver, Target, resolve, target_check
from .models import Attempt, Delivery, Endpoint
from .tasks import deliver, dispatch_changes

# After the first attempt, the waits before each retry: the Standard Webhooks schedule,
# stretched to about three days so that a receiver down over a weekend still catches up.
RETRY_DELAYS = tuple(
    dt.timedelta(seconds=seconds)
    for seconds in (
        5,
        5 * 60,
        30 * 60,
        2 * 3600,
        5 * 3600,
        10 * 3600,
        14 * 3600,
        20 * 3600,
        20 * 3600,
    )
)
# Seconds allowed for connecting, and again for the answer: an attempt takes at most ~10 s.
TIMEOUT = 5.0
DISPATCH_BATCH = 500
USER_AGENT = "Monitor-Webhooks/1"


def endpoint_target(url: str, *, resolver: Resolver = resolve) -> Target:
    """``url`` checked by the address guard under the settings; ``AddressRefused`` if refused."""
    allow_private = settings.MONITOR_WEBHOOKS_ALLOW_PRIVATE
    return target_check(
        url,
        require_https=not (settings.DEBUG or allow_private),
        allow_private=allow_private,
        resolver=resolver,
    )


def endpoint_url_check(url: str) -> None:
    try:
        endpoint_target(url)
    except AddressRefused as error:
        raise ValidationError({"url": [str(error)]}) from None


def endpoint_secrets(endpoint: Endpoint, now: dt.datetime | None = None) -> list[bytes]:
    """The secrets deliveries are signed with now: the current one first."""
    return [
        signing.secret_derive(key=settings.MONITOR_WEBHOOK_KEY, endpoint_id=endpoint.pk, salt=salt)
        for salt in endpoint.secret_salts(now)
    ]


@transaction.atomic
def endpoint_register(*, endpoint: Endpoint) -> str:
    """Save a new endpoint (URL and event types checked) and return its secret, shown only now.

    It receives the changes recorded from now on, not earlier ones.
    """
    endpoint_url_check(endpoint.url)
    endpoint.secret_salt = signing.salt_new()
    endpoint.full_clean()
    counter = ChangeSequence.objects.filter(pk=1).first()
    endpoint.last_seq = counter.last if counter else 0
    endpoint.save()
    return signing.secret_display(endpoint_secrets(endpoint)[0])


@transaction.atomic
def endpoint_rotate_secret(*, endpoint: Endpoint, now: dt.datetime | None = None) -> str:
    """A new secret, returned once; the old one also signs deliveries for the grace period."""
    now = now or timezone.now()
    endpoint.previous_secret_salt = endpoint.secret_salt
    endpoint.previous_secret_expires_at = now + dt.timedelta(
        hours=settings.MONITOR_WEBHOOK_SECRET_GRACE_HOURS
    )
    endpoint.secret_salt = signing.salt_new()
    endpoint.save(
        update_fields=["secret_salt", "previous_secret_salt", "previous_secret_expires_at"]
    )
    return signing.secret_display(endpoint_secrets(endpoint, now)[0])


def endpoint_disable(*, endpoint: Endpoint, reason: str, now: dt.datetime | None = None) -> None:
    endpoint.is_active = False
    endpoint.disabled_at = now or timezone.now()
    endpoint.disabled_reason = reason[:300]
    endpoint.save(update_fields=["is_active", "disabled_at", "disabled_reason"])


def changes_dispatch(*, limit: int = DISPATCH_BATCH) -> list[Delivery]:
    """One delivery per new change each active endpoint wants and may read, each queued
    as its own task. Endpoints with more than ``limit`` new changes get another dispatch."""
    deliveries, more = [], False
    for endpoint_id in Endpoint.objects.active().values_list("pk", flat=True):
        created, full = _endpoint_dispatch(endpoint_id, limit)
        deliveries += created
        more = more or full
    if more:
        dispatch_changes.enqueue()
    return deliveries


@transaction.atomic
def _endpoint_dispatch(endpoint_id: int, limit: int) -> tuple[list[Delivery], bool]:
    # The row lock makes concurrent dispatchers take turns: each reads the position the
    # previous one left, so no change is delivered twice (the unique constraint backs it).
    endpoint = (
        Endpoint.objects.active()
        .select_for_update(of=("self",))
        .select_related("subscriber__plan")
        .filter(pk=endpoint_id)
        .first()
    )
    if endpoint is None:
        return [], False
    plan = endpoint.subscriber.plan
    publication_ids = (
        None if plan.all_publications else set(plan.publications.values_list("pk", flat=True))
    )
    # Read before the entries: every entry up to this number is committed (see the feed).
    counter_last = ChangeSequence.objects.filter(pk=1).values_list("last", flat=True).first()
    visible = changes_visible(include_events=plan.includes_events, publication_ids=publication_ids)
    entries = list(visible.after(endpoint.last_seq)[: limit + 1])
    more = len(entries) > limit
    entries = entries[:limit]
    if more:
        last = entries[-1].seq
    else:
        last = max([endpoint.last_seq, counter_last or 0, *(entry.seq for entry in entries[-1:])])
    deliveries = [
        Delivery.objects.create(
            endpoint=endpoint, change_seq=entry.seq, event_type=event_type(entry), body=body(entry)
        )
        for entry in entries
        if endpoint.wants(event_type(entry))
    ]
    endpoint.last_seq = last
    endpoint.save(update_fields=["last_seq"])
    for delivery in deliveries:
        transaction.on_commit(partial(deliver.enqueue, delivery.pk))
    return deliveries, more


def event_type(change: Change) -> str:
    return f"{change.resource}.{change.action}"


def body(change: Change) -> str:
    """The thin payload: what changed and where to fetch it, never the material itself."""
    url = None
    if not change.tombstone:
        # Made outside any request: on MONITOR_SITE_URL, else the fallback (monitor.core.sites).
        url = site_url() + reverse(API_PATHS[change.resource], args=[change.resource_id])
    payload = {
        "type": event_type(change),
        "timestamp": change.at.isoformat(),
        "data": {
            "id": change.resource_id,
            "resource": change.resource,
            "version": change.version,
            "cursor": encode_cursor(change.seq),
            "url": url,
        },
    }
    return json.dumps(payload, separators=(",", ":"))


def delivery_attempt(*, delivery_id: int, resend: bool = False) -> Delivery | None:
    """POST a delivery once and record the attempt; schedule the next one if it failed.

    2xx: delivered. 410 Gone: the endpoint is disabled. Anything else, a timeout or a
    refused address: retried after the next of ``RETRY_DELAYS``, given up after the last.
    A resend is one more attempt, outside the schedule.
    """
    delivery = (
        Delivery.objects.select_related("endpoint__subscriber").filter(pk=delivery_id).first()
    )
    if delivery is None or (delivery.status != Delivery.Status.PENDING and not resend):
        return delivery
    endpoint = delivery.endpoint
    if not (endpoint.is_active and endpoint.subscriber.is_active):
        if delivery.status == Delivery.Status.PENDING:
            delivery.status, delivery.next_attempt_at = Delivery.Status.FAILED, None
            delivery.save(update_fields=["status", "next_attempt_at"])
        return delivery
    attempt = _post(delivery, endpoint)
    delivery.attempt_count += 1
    if attempt.succeeded():
        delivery.status, delivery.delivered_at = Delivery.Status.DELIVERED, attempt.at
        delivery.next_attempt_at = None
    elif attempt.status_code == 410:
        endpoint_disable(
            endpoint=endpoint, reason="The endpoint answered 410 Gone.", now=attempt.at
        )
        delivery.status, delivery.next_attempt_at = Delivery.Status.FAILED, None
    elif not resend:
        if delivery.attempt_count > len(RETRY_DELAYS):
            delivery.status, delivery.next_attempt_at = Delivery.Status.FAILED, None
        else:
            delivery.next_attempt_at = attempt.at + RETRY_DELAYS[delivery.attempt_count - 1]
            deliver.using(run_after=delivery.next_attempt_at).enqueue(delivery.pk)
    delivery.save()
    return delivery


def delivery_resend(*, delivery: Delivery) -> None:
    """Send a delivery again, in the background, with the same ``webhook-id``."""
    transaction.on_commit(partial(deliver.enqueue, delivery.pk, resend=True))


def _post(delivery: Delivery, endpoint: Endpoint) -> Attempt:
    at = timezone.now()
    started = time.monotonic()
    attempt = Attempt(delivery=delivery, at=at)
    try:
        # Checked again at delivery, after resolving, and the connection goes to the
        # checked address: a DNS answer that changed since (rebinding) cannot redirect it.
        target = endpoint_target(endpoint.url)
        content = delivery.body.encode()
        headers = signing.headers(
            secrets=endpoint_secrets(endpoint, at),
            msg_id=delivery.webhook_id,
            timestamp=int(at.timestamp()),
            body=content,
        )
        attempt.status_code = _send(target, headers | {"user-agent": USER_AGENT}, content)
    except AddressRefused as error:
        attempt.error = f"Refused: {error}"
    except (OSError, http.client.HTTPException) as error:
        attempt.error = (str(error) or type(error).__name__)[:500]
    attempt.duration_ms = round((time.monotonic() - started) * 1000)
    attempt.save()
    return attempt


def _send(target: Target, headers: dict[str, str], content: bytes) -> int:
    if target.scheme == "https":
        connection = _PinnedHTTPSConnection(
            target.host, target.port, timeout=TIMEOUT, context=ssl.create_default_context()
        )
    else:
        connection = _PinnedHTTPConnection(target.host, target.port, timeout=TIMEOUT)
    connection.addresses = target.addresses
    try:
        connection.request("POST", target.path, body=content, headers=headers)
        response = connection.getresponse()
        response.read(4096)  # answers are not kept; a little is read so the server can finish
        return response.status
    finally:
        connection.close()


def _connect(addresses: tuple[str, ...], port: int, timeout: float) -> socket.socket:
    """A socket to the first of the checked addresses that answers."""
    error = OSError("No address to connect to.")
    for address in addresses:
        try:
            return socket.create_connection((address, port), timeout)
        except OSError as refused:
            error = refused
    raise error


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to the checked addresses while naming the host in the request."""

    addresses: tuple[str, ...]

    def connect(self):
        self.sock = _connect(self.addresses, self.port, self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """Connects to the checked addresses; TLS still verifies the certificate for the host."""

    addresses: tuple[str, ...]

    def connect(self):
        sock = _connect(self.addresses, self.port, self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)
