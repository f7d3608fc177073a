"""API fixtures: plans, keys and clients that send them. Import the fixtures a module needs."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from monitor.subscribers.models import Plan, Subscriber
from monitor.subscribers.services import api_key_issue


def plan(**kwargs) -> Plan:
    n = Plan.objects.count() + 1
    defaults = {"name": f"Plan {n}", "slug": f"plan-{n}", "rate": "1000/hour"}
    return Plan.objects.create(**{**defaults, **kwargs})


def key_for(plan: Plan, **kwargs) -> tuple:
    subscriber = Subscriber.objects.create(name=f"Desk {Subscriber.objects.count() + 1}", plan=plan)
    return api_key_issue(subscriber=subscriber, **kwargs)


def client_with(raw_key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Api-Key {raw_key}")
    return client


@pytest.fixture(autouse=True)
def clear_throttle_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def everything(db) -> Plan:
    """The seeded read-everything plan."""
    return Plan.objects.get(slug="everything")


@pytest.fixture
def api(everything) -> APIClient:
    """A client whose key reads everything."""
    return client_with(key_for(everything)[1])
