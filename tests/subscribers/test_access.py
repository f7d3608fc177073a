"""Access to the API: keys in the Authorization header only, plans, expiry, revocation, rates."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from rest_framework.test import APIClient

from monitor.subscribers.models import ApiKey, UsageDay, hash_key
from monitor.subscribers.services import LAST_USED_PRECISION, api_key_revoke, api_key_rotate
from tests import factories
from tests.subscribers.fixtures import client_with, key_for, plan

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


def test_anonymous_requests_get_401_saying_how_to_authenticate():
    response = APIClient().get("/api/v1/articles/")
    assert response.status_code == 401
    assert response["Content-Type"] == PROBLEM
    assert response["WWW-Authenticate"] == "Api-Key"
    problem = response.json()
    assert problem["status"] == 401 and problem["title"] == "Unauthorized"
    assert problem["type"] == "urn:monitor:problem:not_authenticated"
    assert "Authorization: Api-Key <key>" in problem["detail"]


def test_key_in_the_query_string_is_refused(everything):
    _, raw_key = key_for(everything)
    response = APIClient().get(f"/api/v1/articles/?api_key={raw_key}")
    assert response.status_code == 401
    assert "Authorization header" in response.json()["detail"]


def test_only_a_hash_and_a_prefix_are_stored(everything):
    key, raw_key = key_for(everything)
    stored = ApiKey.objects.get(pk=key.pk)
    assert stored.hashed_key == hash_key(raw_key) != raw_key
    assert stored.prefix == raw_key[:8]
    assert client_with(raw_key).get("/api/v1/articles/").status_code == 200


def test_unknown_revoked_and_expired_keys_get_401(everything):
    assert client_with("not-a-key").get("/api/v1/articles/").status_code == 401
    revoked, revoked_raw = key_for(everything)
    api_key_revoke(key=revoked)
    response = client_with(revoked_raw).get("/api/v1/articles/")
    assert response.status_code == 401 and "revoked" in response.json()["detail"]
    _, expired_raw = key_for(everything, expires_at=timezone.now() - dt.timedelta(seconds=1))
    response = client_with(expired_raw).get("/api/v1/articles/")
    assert response.status_code == 401 and "expired" in response.json()["detail"]


def test_rotation_issues_a_new_key_and_lets_the_old_one_expire_soon(everything):
    old, old_raw = key_for(everything)
    new, new_raw = api_key_rotate(key=old)
    old.refresh_from_db()
    assert old.expires_at <= timezone.now() + dt.timedelta(days=1)
    assert client_with(new_raw).get("/api/v1/articles/").status_code == 200
    assert client_with(old_raw).get("/api/v1/articles/").status_code == 200
    api_key_rotate(key=new, now=timezone.now() - dt.timedelta(days=2))
    assert client_with(new_raw).get("/api/v1/articles/").status_code == 401


def test_a_plan_without_events_gets_403_on_event_endpoints():
    articles_only = plan(all_publications=True)
    client = client_with(key_for(articles_only)[1])
    assert client.get("/api/v1/articles/").status_code == 200
    for url in ("/api/v1/events/", "/api/v1/actors/", "/api/v1/codebook/"):
        response = client.get(url)
        assert response.status_code == 403
        assert response["Content-Type"] == PROBLEM
        assert "events" in response.json()["detail"]


def test_a_plan_reads_only_its_publications():
    mine, other = factories.publication(), factories.publication()
    readable = factories.article(publication=mine)
    hidden = factories.article(publication=other)
    one_publication = plan()
    one_publication.publications.add(mine)
    client = client_with(key_for(one_publication)[1])
    ids = [item["id"] for item in client.get("/api/v1/articles/").json()["results"]]
    assert ids == [readable.pk]
    assert client.get(f"/api/v1/articles/{hidden.pk}/").status_code == 404
    slugs = [item["slug"] for item in client.get("/api/v1/publications/").json()["results"]]
    assert slugs == [mine.slug]


def test_schema_and_documentation_pages_are_public():
    client = APIClient()
    assert client.get("/api/v1/schema/").status_code == 200
    docs = client.get("/api/v1/docs/")
    assert docs.status_code == 200
    assert b"cdn" not in docs.content.lower()
    assert client.get("/api/v1/redoc/").status_code == 200


def test_requests_over_the_plan_rate_get_429_with_retry_after():
    slow = plan(all_publications=True, rate="2/minute")
    client = client_with(key_for(slow)[1])
    assert client.get("/api/v1/articles/").status_code == 200
    assert client.get("/api/v1/topics/").status_code == 200
    response = client.get("/api/v1/articles/")
    assert response.status_code == 429
    assert response["Content-Type"] == PROBLEM
    assert int(response["Retry-After"]) > 0


def test_every_request_is_counted_per_key_and_day(everything):
    key, raw_key = key_for(everything)
    client = client_with(raw_key)
    client.get("/api/v1/articles/")
    client.get("/api/v1/articles/?bogus=1")
    usage = UsageDay.objects.get(api_key=key)
    assert (usage.day, usage.requests) == (timezone.now().astimezone(dt.UTC).date(), 2)
    key.refresh_from_db()
    assert key.last_used_at is not None


def test_when_a_key_was_last_used_is_written_once_a_minute(everything):
    key, raw_key = key_for(everything)
    client = client_with(raw_key)
    client.get("/api/v1/topics/")
    key.refresh_from_db()
    first = key.last_used_at
    assert first is not None
    client.get("/api/v1/topics/")
    key.refresh_from_db()
    assert key.last_used_at == first  # within the minute: the request wrote only its count
    earlier = first - LAST_USED_PRECISION
    ApiKey.objects.filter(pk=key.pk).update(last_used_at=earlier)
    client.get("/api/v1/topics/")
    key.refresh_from_db()
    assert key.last_used_at > first
    assert UsageDay.objects.get(api_key=key).requests == 3


def test_create_api_key_command_creates_the_subscriber_and_prints_the_key_once(everything):
    out = io.StringIO()
    call_command(
        "create_api_key", "Research desk", "--plan", "everything", stdout=out, stderr=io.StringIO()
    )
    raw_key = out.getvalue().strip()
    assert client_with(raw_key).get("/api/v1/articles/").status_code == 200
    key = ApiKey.objects.get(prefix=raw_key[:8])
    assert key.subscriber.name == "Research desk" and key.subscriber.plan == everything


def test_not_found_and_not_acceptable_are_problems(api):
    response = api.get("/api/v1/articles/999999/")
    assert response.status_code == 404 and response["Content-Type"] == PROBLEM
    response = api.get("/api/v1/articles/", HTTP_ACCEPT="image/png")
    assert response.status_code == 406 and response["Content-Type"] == PROBLEM


def test_a_change_to_a_key_its_subscriber_or_plan_counts_on_the_next_request(everything):
    """The key's lookup is a statement prepared once per connection: what it reads is read
    from the database on every request, whoever changed it (another process, a bulk update)."""
    key, raw_key = key_for(plan(all_publications=True))
    client = client_with(raw_key)
    assert client.get("/api/v1/articles/").status_code == 200
    Subscriber = type(key.subscriber)
    Subscriber.objects.filter(pk=key.subscriber_id).update(is_active=False)
    response = client.get("/api/v1/articles/")
    assert response.status_code == 401 and "suspended" in response.json()["detail"]
    Subscriber.objects.filter(pk=key.subscriber_id).update(is_active=True)
    assert client.get("/api/v1/articles/").status_code == 200
    ApiKey.objects.filter(pk=key.pk).update(expires_at=timezone.now())
    assert "expired" in client.get("/api/v1/articles/").json()["detail"]
    ApiKey.objects.filter(pk=key.pk).update(expires_at=None, revoked_at=timezone.now())
    assert "revoked" in client.get("/api/v1/articles/").json()["detail"]


def test_a_plan_narrowed_to_some_publications_reads_only_those_from_the_next_request():
    shown, hidden = factories.publication(), factories.publication()
    article, other = factories.article(publication=shown), factories.article(publication=hidden)
    desk_plan = plan(all_publications=True)
    client = client_with(key_for(desk_plan)[1])
    listed = {item["id"] for item in client.get("/api/v1/articles/").json()["results"]}
    assert listed == {article.pk, other.pk}
    type(desk_plan).objects.filter(pk=desk_plan.pk).update(all_publications=False)
    desk_plan.publications.set([shown])
    listed = {item["id"] for item in client.get("/api/v1/articles/").json()["results"]}
    assert listed == {article.pk}
    assert client.get(f"/api/v1/articles/{other.pk}/").status_code == 404
