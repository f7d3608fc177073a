"""The subscribers admin: keys issued once and stored hashed, revoked, rotated; the usage view."""

import pytest

from monitor.subscribers.models import ApiKey, Subscriber, UsageDay, hash_key
from monitor.subscribers.services import usage_record
from tests.subscribers.fixtures import key_for

pytestmark = pytest.mark.django_db


def test_issuing_a_key_shows_it_once_and_stores_its_hash(editor_client, everything):
    subscriber = Subscriber.objects.create(name="Newsroom", plan=everything)
    response = editor_client.post(
        "/admin/subscribers/subscriber/",
        {"action": "issue_key", "_selected_action": [subscriber.pk]},
        follow=True,
    )
    (message,) = [str(m) for m in response.context["messages"]]
    raw_key = message.rsplit(" ", 1)[1]
    key = ApiKey.objects.get(subscriber=subscriber)
    assert key.hashed_key == hash_key(raw_key)
    assert (
        raw_key
        not in editor_client.get(f"/admin/subscribers/apikey/{key.pk}/change/").content.decode()
    )


def test_revoke_and_rotate_actions(editor_client, everything):
    key, _ = key_for(everything)
    editor_client.post(
        "/admin/subscribers/apikey/", {"action": "rotate", "_selected_action": [key.pk]}
    )
    assert ApiKey.objects.filter(subscriber=key.subscriber).count() == 2
    editor_client.post(
        "/admin/subscribers/apikey/", {"action": "revoke", "_selected_action": [key.pk]}
    )
    key.refresh_from_db()
    assert key.is_revoked()


def test_usage_view_lists_requests_per_key_and_day(editor_client, everything):
    key, _ = key_for(everything)
    usage_record(key=key)
    usage_record(key=key)
    assert UsageDay.objects.get(api_key=key).requests == 2
    response = editor_client.get("/admin/subscribers/usageday/")
    assert response.status_code == 200
    assert key.prefix in response.content.decode()
    assert editor_client.get("/admin/subscribers/apikey/").status_code == 200
    assert editor_client.get("/admin/subscribers/plan/").status_code == 200
