"""Standard Webhooks signatures, checked with the ``standardwebhooks`` package as a subscriber would."""

import time

import pytest
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from monitor.subscribers.webhooks import signing

BODY = b'{"type":"article.published","data":{"id":"42"}}'


def _secret(salt="salt-1", key="the-key", endpoint_id=7) -> bytes:
    return signing.secret_derive(key=key, endpoint_id=endpoint_id, salt=salt)


def _headers(*secrets, timestamp=None):
    return signing.headers(
        secrets=list(secrets),
        msg_id="msg_1",
        timestamp=timestamp or int(time.time()),
        body=BODY,
    )


def test_a_signed_message_verifies_with_the_displayed_secret():
    secret = _secret()
    shown = signing.secret_display(secret)
    assert shown.startswith("whsec_")
    assert Webhook(shown).verify(BODY, _headers(secret))["data"] == {"id": "42"}


def test_any_of_several_signatures_verifies_and_a_stranger_fails():
    old, new = _secret("old"), _secret("new")
    headers = _headers(new, old)
    assert headers["webhook-signature"].count("v1,") == 2
    for secret in (old, new):
        Webhook(signing.secret_display(secret)).verify(BODY, headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(signing.secret_display(_secret("other"))).verify(BODY, headers)


def test_a_changed_body_or_an_old_timestamp_fails():
    secret = _secret()
    shown = signing.secret_display(secret)
    with pytest.raises(WebhookVerificationError):
        Webhook(shown).verify(BODY + b" ", _headers(secret))
    with pytest.raises(WebhookVerificationError):
        Webhook(shown).verify(BODY, _headers(secret, timestamp=int(time.time()) - 3600))


def test_secrets_depend_on_key_endpoint_and_salt():
    secrets = {
        _secret(),
        _secret(salt="salt-2"),
        _secret(key="another-key"),
        _secret(endpoint_id=8),
    }
    assert len(secrets) == 4
    assert _secret() == _secret() and len(_secret()) == 32


def test_signing_needs_a_secret():
    with pytest.raises(ValueError, match="secret"):
        signing.signature(secrets=[], msg_id="msg_1", timestamp=1, body=BODY)
