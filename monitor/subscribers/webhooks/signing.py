"""Standard Webhooks signatures, and the per-endpoint secrets they are made with.

Pure functions: no database, no settings. A signature is HMAC-SHA256 over
``{webhook-id}.{webhook-timestamp}.{body}`` with the secret's raw bytes, written
``v1,<base64>``; several secrets (during a rotation's grace period) give several
signatures separated by spaces, and a receiver accepts the message if any one matches.
See https://www.standardwebhooks.com/ and docs/webhooks.md.
"""

import base64
import hashlib
import hmac
import secrets as random

SECRET_PREFIX = "whsec_"  # noqa: S105  (a prefix, not a secret)


def secret_derive(*, key: str, endpoint_id: int, salt: str) -> bytes:
    """The 32-byte secret of one endpoint: HMAC-SHA256 of ``"{endpoint_id}:{salt}"`` under ``key``.

    Nothing secret is stored: the database holds only the salt, and the key lives in the
    settings. Changing the key therefore changes every endpoint's secret at once.
    """
    return hmac.new(key.encode(), f"{endpoint_id}:{salt}".encode(), hashlib.sha256).digest()


def secret_display(secret: bytes) -> str:
    """The secret as subscribers configure it: ``whsec_`` and the base64 of its bytes."""
    return SECRET_PREFIX + base64.b64encode(secret).decode()


def salt_new() -> str:
    return random.token_urlsafe(24)


def signature(*, secrets: list[bytes], msg_id: str, timestamp: int, body: bytes) -> str:
    """The ``webhook-signature`` header: one ``v1,<base64>`` per secret, space-separated.

    ``timestamp`` is whole seconds since the epoch, as sent in ``webhook-timestamp``;
    ``body`` is exactly the bytes sent. An empty list of secrets is a programming error.
    """
    if not secrets:
        raise ValueError("At least one secret is needed to sign.")
    signed = f"{msg_id}.{timestamp}.".encode() + body
    return " ".join(
        "v1," + base64.b64encode(hmac.new(secret, signed, hashlib.sha256).digest()).decode()
        for secret in secrets
    )


def headers(*, secrets: list[bytes], msg_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    """The three Standard Webhooks headers for one attempt, plus the JSON content type."""
    return {
        "content-type": "application/json",
        "webhook-id": msg_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature(
            secrets=secrets, msg_id=msg_id, timestamp=timestamp, body=body
        ),
    }
