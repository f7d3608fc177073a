"""Schemathesis against the schema drf-spectacular generates, calling the WSGI app in-process.

Every operation gets a bounded number of generated requests, authenticated with a key of
the read-everything plan, over a small set of public and hidden content. Each response
must not be a server error and must match the schema for its status code and media type.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from monitor.subscribers.models import Plan
from monitor.wsgi import application
from tests import factories
from tests.subscribers.fixtures import key_for

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]

# Webhook registration resolves the URLs it is given (DNS): tests/subscribers/test_webhooks_api.py.
schema = schemathesis.openapi.from_dict(
    SchemaGenerator().get_schema(request=None, public=True)
).exclude(path_regex="^/api/v1/webhooks/")
schema.app = application


@pytest.fixture
def in_process(settings):
    """Serve requests inside the test's transaction, as Django's test client does: a finished
    request must not close the connection (PostgreSQL would lose the test's data)."""
    settings.ALLOWED_HOSTS = ["localhost", "testserver"]
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def key(db, in_process):
    minsk = factories.place(country=factories.region(iso_code="BY"), latitude=53.9, longitude=27.5)
    article = factories.article(authors=[factories.author()], dek="A dek.")
    factories.summary_point(article)
    factories.citation(article, source=factories.source(url="https://example.org/s"))
    factories.cross_reference(article, target_article=factories.article(published=False))
    event = factories.event(actors=[(factories.actor(), "host")], place=minsk)
    factories.attach(event, article, factories.article(status="retracted"))
    factories.event_source(event)
    factories.event(status="draft")
    return key_for(Plan.objects.get(slug="everything"))[1]


@schema.parametrize()
@hypothesis_settings(
    max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True
)
def test_api_answers_as_its_schema_says(case, key):
    case.call_and_validate(headers={"Authorization": f"Api-Key {key}"}, checks=CHECKS)
