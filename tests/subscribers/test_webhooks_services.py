"""Dispatching changes to endpoints: event types, what the plan may read, once per change."""

import json

import pytest
from django.core.exceptions import ValidationError
from django_tasks_db.models import DBTaskResult

from articles.models import Change
from articles.services.changes import change_record
from monitor.subscribers.models import Subscriber
from monitor.subscribers.webhooks.models import Delivery, Endpoint
from monitor.subscribers.webhooks.services import changes_dispatch, endpoint_register
from tests import factories
from tests.subscribers.fixtures import plan

pytestmark = pytest.mark.django_db


def endpoint_on(plan, event_types=("*",), url="https://93.184.215.14/hook") -> Endpoint:
    subscriber = Subscriber.objects.create(name=f"Desk {Subscriber.objects.count() + 1}", plan=plan)
    endpoint = Endpoint(subscriber=subscriber, url=url, event_types=list(event_types))
    endpoint_register(endpoint=endpoint)
    return endpoint


def record(resource, resource_id, action, publication_id=None):
    return change_record(
        resource=resource,
        resource_id=resource_id,
        action=action,
        version=1,
        publication_id=publication_id,
        tombstone=action == "retracted",
    )


def test_dispatch_follows_event_types_and_the_plan(everything):
    mine, theirs = factories.publication(), factories.publication()
    narrow = plan(includes_events=False)
    narrow.publications.add(mine)
    everything_hook = endpoint_on(everything)
    articles_hook = endpoint_on(everything, ["article.*"])
    retractions_hook = endpoint_on(everything, ["article.retracted"])
    narrow_hook = endpoint_on(narrow)
    record("article", "1", "published", mine.pk)
    record("article", "2", "published", theirs.pk)
    record("event", "00000000-0000-4000-8000-0000000000e1", "published")  # ids as events have
    record("article", "1", "retracted", mine.pk)
    changes_dispatch()

    def received(endpoint):
        return list(
            Delivery.objects.filter(endpoint=endpoint)
            .order_by("change_seq")
            .values_list("event_type", flat=True)
        )

    assert received(everything_hook) == [
        "article.published",
        "article.published",
        "event.published",
        "article.retracted",
    ]
    assert received(articles_hook) == [
        "article.published",
        "article.published",
        "article.retracted",
    ]
    assert received(retractions_hook) == ["article.retracted"]
    assert received(narrow_hook) == ["article.published", "article.retracted"]
    last = Change.objects.order_by("seq").last().seq
    assert set(Endpoint.objects.values_list("last_seq", flat=True)) == {last}
    tombstone = json.loads(Delivery.objects.filter(event_type="article.retracted").first().body)
    assert tombstone["data"]["url"] is None and tombstone["data"]["id"] == "1"


def test_changes_are_dispatched_once_and_only_those_after_registration(everything):
    record("article", "0", "published")
    endpoint = endpoint_on(everything)
    record("article", "1", "published")
    changes_dispatch()
    changes_dispatch()
    assert list(Delivery.objects.values_list("endpoint", "event_type")) == [
        (endpoint.pk, "article.published")
    ]
    assert json.loads(Delivery.objects.get().body)["data"]["id"] == "1"


def test_a_large_backlog_is_dispatched_in_batches(everything):
    endpoint = endpoint_on(everything)
    for n in range(5):
        record("article", str(n), "updated")
    assert len(changes_dispatch(limit=2)) == 2
    # The rest waits for the next dispatch, queued at once.
    assert DBTaskResult.objects.get().task_path.endswith("webhooks.tasks.dispatch_changes")
    assert [len(changes_dispatch(limit=2)) for _ in range(3)] == [2, 1, 0]
    assert Delivery.objects.filter(endpoint=endpoint).count() == 5


def test_disabled_endpoints_and_suspended_subscribers_get_nothing(everything):
    disabled = endpoint_on(everything)
    Endpoint.objects.filter(pk=disabled.pk).update(is_active=False)
    suspended = endpoint_on(everything)
    Subscriber.objects.filter(pk=suspended.subscriber_id).update(is_active=False)
    record("article", "1", "published")
    assert changes_dispatch() == []


def test_registration_checks_the_url_and_event_types(everything, settings):
    for url, message in [
        ("http://93.184.215.14/hook", "https"),
        ("https://10.0.0.1/hook", "private"),
        ("https://127.0.0.1/hook", "loopback"),
        ("https://169.254.169.254/latest/meta-data/", "metadata"),
    ]:
        with pytest.raises(ValidationError, match=message):
            endpoint_on(everything, url=url)
    with pytest.raises(ValidationError, match="event_types"):
        endpoint_on(everything, ["article.eaten"])
    settings.MONITOR_WEBHOOKS_ALLOW_PRIVATE = True  # local testing
    assert endpoint_on(everything, url="http://127.0.0.1:8000/hook").pk
