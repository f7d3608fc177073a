"""Webhook deliveries end to end: an article is published, the task worker signs and POSTs it
to a real local HTTP receiver (pytest-httpserver), which verifies it as a subscriber would."""

import datetime as dt
import json
import time

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from pytest_httpserver import HTTPServer
from standardwebhooks.webhooks import Webhook, WebhookVerificationError
from werkzeug import Response

from articles.services import article_transition
from monitor.subscribers.models import Plan, Subscriber
from monitor.subscribers.webhooks import services
from monitor.subscribers.webhooks.models import Delivery, Endpoint
from tests import factories

pytestmark = [
    # The worker closes its database connection after each task: the test's data must be committed.
    pytest.mark.django_db(transaction=True),
    # The flush after an earlier committing test empties the seeded rows: put them back.
    pytest.mark.usefixtures("reseeded"),
]


@pytest.fixture(autouse=True)
def local_receivers(settings):
    settings.MONITOR_WEBHOOKS_ALLOW_PRIVATE = True


@pytest.fixture
def publisher(db):
    return factories.user("Publisher")


def register(url, event_types=("*",)) -> tuple[Endpoint, str]:
    subscriber = Subscriber.objects.create(
        name=f"Desk {Subscriber.objects.count() + 1}", plan=Plan.objects.get(slug="everything")
    )
    endpoint = Endpoint(subscriber=subscriber, url=url, event_types=list(event_types))
    return endpoint, services.endpoint_register(endpoint=endpoint)


def publish(publisher):
    article = factories.article(published=False, status="approved")
    article_transition(article=article, action="publish", by=publisher)
    return article


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def time_passes():
    """Every scheduled retry is due now."""
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())


def verified(secret, request):
    return Webhook(secret).verify(request.get_data(), dict(request.headers))


def test_a_published_article_arrives_signed_and_thin(httpserver, publisher):
    httpserver.expect_request("/hook", method="POST").respond_with_data("ok")
    endpoint, secret = register(httpserver.url_for("/hook"))
    article = publish(publisher)
    run_worker()
    [(request, _response)] = httpserver.log
    payload = verified(secret, request)
    assert payload["type"] == "article.published"
    assert payload["data"]["id"] == str(article.pk)
    assert payload["data"]["resource"] == "article"
    assert payload["data"]["url"].endswith(f"/api/v1/articles/{article.pk}/")
    assert {"version", "cursor"} <= set(payload["data"])
    assert "body" not in json.dumps(payload)  # thin: where to fetch it, not the article
    delivery = Delivery.objects.get()
    assert request.headers["webhook-id"] == delivery.webhook_id
    assert (delivery.status, delivery.attempt_count) == (Delivery.Status.DELIVERED, 1)
    attempt = delivery.attempts.get()
    assert attempt.status_code == 200 and attempt.duration_ms >= 0 and not attempt.error
    endpoint.refresh_from_db()
    assert endpoint.last_seq >= delivery.change_seq


def test_a_failed_delivery_is_retried_later_with_the_same_id(httpserver, publisher):
    httpserver.expect_ordered_request("/hook").respond_with_data("down", status=500)
    httpserver.expect_ordered_request("/hook").respond_with_data("ok")
    _endpoint, secret = register(httpserver.url_for("/hook"))
    publish(publisher)
    run_worker()
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempt_count) == (Delivery.Status.PENDING, 1)
    assert delivery.next_attempt_at > timezone.now()
    retry = DBTaskResult.objects.get(status="READY")
    assert abs(retry.run_after - delivery.next_attempt_at) < dt.timedelta(seconds=1)
    run_worker()  # not due yet: nothing happens
    assert len(httpserver.log) == 1
    time_passes()
    run_worker()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempt_count) == (Delivery.Status.DELIVERED, 2)
    assert [attempt.status_code for attempt in delivery.attempts.all()] == [500, 200]
    first, second = (request for request, _response in httpserver.log)
    assert first.headers["webhook-id"] == second.headers["webhook-id"] == delivery.webhook_id
    verified(secret, second)


def test_retries_give_up_after_the_last_one(httpserver, publisher):
    httpserver.expect_request("/hook").respond_with_data("down", status=503)
    register(httpserver.url_for("/hook"))
    publish(publisher)
    for _ in range(len(services.RETRY_DELAYS) + 1):
        run_worker()
        time_passes()
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempt_count) == (Delivery.Status.FAILED, 10)
    assert not DBTaskResult.objects.filter(status="READY").exists()
    assert sum(services.RETRY_DELAYS, dt.timedelta()) > dt.timedelta(days=2, hours=23)


def test_an_endpoint_answering_410_is_disabled(httpserver, publisher):
    httpserver.expect_request("/hook").respond_with_data("gone", status=410)
    endpoint, _secret = register(httpserver.url_for("/hook"))
    publish(publisher)
    run_worker()
    endpoint.refresh_from_db()
    assert not endpoint.is_active and "410" in endpoint.disabled_reason
    assert Delivery.objects.get().status == Delivery.Status.FAILED
    publish(publisher)
    run_worker()
    assert len(httpserver.log) == 1 and Delivery.objects.count() == 1


def test_a_slow_or_failing_endpoint_does_not_hold_up_another(httpserver, publisher, monkeypatch):
    monkeypatch.setattr(services, "TIMEOUT", 0.5)

    def slowly(request):
        time.sleep(2)
        return Response("late")

    slow = HTTPServer(threaded=True)
    slow.expect_request("/hook").respond_with_handler(slowly)
    slow.start()
    try:
        httpserver.expect_request("/failing").respond_with_data("no", status=500)
        httpserver.expect_request("/healthy").respond_with_data("ok")
        slow_endpoint, _ = register(slow.url_for("/hook"))
        failing, _ = register(httpserver.url_for("/failing"))
        healthy, secret = register(httpserver.url_for("/healthy"))
        publish(publisher)
        run_worker()
    finally:
        slow.clear()
        slow.stop()
    assert Delivery.objects.get(endpoint=healthy).status == Delivery.Status.DELIVERED
    [timed_out] = Delivery.objects.get(endpoint=slow_endpoint).attempts.all()
    assert timed_out.status_code is None and "timed out" in timed_out.error
    assert Delivery.objects.get(endpoint=failing).status == Delivery.Status.PENDING
    [request] = [request for request, _ in httpserver.log if request.path == "/healthy"]
    verified(secret, request)


def test_during_a_rotation_both_secrets_verify_and_after_it_only_the_new(httpserver, publisher):
    httpserver.expect_request("/hook").respond_with_data("ok")
    endpoint, old = register(httpserver.url_for("/hook"))
    new = services.endpoint_rotate_secret(endpoint=endpoint)
    assert new != old
    publish(publisher)
    run_worker()
    request = httpserver.log[-1][0]
    assert verified(old, request) == verified(new, request)
    Endpoint.objects.filter(pk=endpoint.pk).update(
        previous_secret_expires_at=timezone.now() - dt.timedelta(seconds=1)
    )
    publish(publisher)
    run_worker()
    request = httpserver.log[-1][0]
    verified(new, request)
    with pytest.raises(WebhookVerificationError):
        verified(old, request)


def test_the_address_is_checked_again_at_delivery(httpserver, publisher, settings):
    register(httpserver.url_for("/hook"))
    settings.MONITOR_WEBHOOKS_ALLOW_PRIVATE = False
    publish(publisher)
    run_worker()
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.PENDING
    assert delivery.attempts.get().error.startswith("Refused:")
    assert not httpserver.log


def test_the_admin_resends_a_delivery_with_the_same_id(httpserver, publisher, editor_client):
    httpserver.expect_request("/hook").respond_with_data("ok")
    _endpoint, secret = register(httpserver.url_for("/hook"))
    publish(publisher)
    run_worker()
    delivery = Delivery.objects.get()
    response = editor_client.post(
        "/admin/subscribers/delivery/",
        {"action": "resend", "_selected_action": [delivery.pk]},
    )
    assert response.status_code == 302
    run_worker()
    first, second = (request for request, _ in httpserver.log)
    assert first.headers["webhook-id"] == second.headers["webhook-id"]
    verified(secret, second)
    page = editor_client.get(f"/admin/subscribers/delivery/{delivery.pk}/change/")
    assert page.status_code == 200 and page.content.count(b">200<") == 2
