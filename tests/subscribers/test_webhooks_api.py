"""/api/v1/webhooks/: a subscriber registers, lists, rotates and deletes its own endpoints."""

import time

import pytest
from standardwebhooks.webhooks import Webhook

from monitor.subscribers.webhooks import signing
from monitor.subscribers.webhooks.models import Endpoint
from monitor.subscribers.webhooks.services import endpoint_secrets
from tests.subscribers.fixtures import client_with, key_for

URL = "/api/v1/webhooks/"
HOOK = {"url": "https://93.184.215.14/hook", "event_types": ["article.*", "event.merged"]}


def verifies(secret, endpoint) -> bool:
    body, now = b"{}", int(time.time())
    headers = signing.headers(
        secrets=endpoint_secrets(endpoint), msg_id="msg_1", timestamp=now, body=body
    )
    Webhook(secret).verify(body, headers)
    return True


@pytest.mark.django_db
def test_registering_shows_the_secret_once(api):
    response = api.post(URL, HOOK, format="json")
    assert response.status_code == 201
    created = response.json()
    endpoint = Endpoint.objects.get(pk=created["id"])
    assert created["secret"].startswith("whsec_") and verifies(created["secret"], endpoint)
    assert created["secret"] not in str(Endpoint.objects.values().get())  # not stored
    listed = api.get(URL).json()["results"]
    assert [item["id"] for item in listed] == [endpoint.pk] and "secret" not in listed[0]
    assert "secret" not in api.get(f"{URL}{endpoint.pk}/").json()


@pytest.mark.django_db
def test_rotating_gives_a_new_secret_and_the_old_one_still_verifies(api):
    old = api.post(URL, HOOK, format="json").json()
    new = api.post(f"{URL}{old['id']}/rotate/").json()
    endpoint = Endpoint.objects.get(pk=old["id"])
    assert new["secret"] != old["secret"]
    assert verifies(new["secret"], endpoint) and verifies(old["secret"], endpoint)


@pytest.mark.django_db
def test_refused_urls_and_event_types_are_problems(api):
    for body, field in [
        ({**HOOK, "url": "http://93.184.215.14/hook"}, "url"),
        ({**HOOK, "url": "https://10.0.0.1/hook"}, "url"),
        ({**HOOK, "url": "https://169.254.169.254/"}, "url"),
        ({**HOOK, "event_types": ["article.eaten"]}, "event_types"),
        ({**HOOK, "event_types": []}, "event_types"),
    ]:
        response = api.post(URL, body, format="json")
        assert response.status_code == 400, body
        assert response["Content-Type"] == "application/problem+json"
        assert field in response.json()["errors"]
    assert not Endpoint.objects.exists()


@pytest.mark.django_db
def test_a_subscriber_sees_and_deletes_only_its_own_endpoints(api, everything):
    mine = api.post(URL, HOOK, format="json").json()["id"]
    other = client_with(key_for(everything)[1])
    assert other.get(URL).json()["results"] == []
    assert other.get(f"{URL}{mine}/").status_code == 404
    assert other.delete(f"{URL}{mine}/").status_code == 404
    assert other.post(f"{URL}{mine}/rotate/").status_code == 404
    assert api.delete(f"{URL}{mine}/").status_code == 204
    assert not Endpoint.objects.exists()
