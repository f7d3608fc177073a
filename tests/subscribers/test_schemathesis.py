"""Schemathesis against the schema drf-spectacular generates, calling the WSGI app in-process.

Every operation gets a bounded number of generated requests, valid and invalid by the
schema, authenticated with a key of the read-everything plan, over a small set of public
and hidden content. Every check Schemathesis has runs on every response (no server error,
status code, content type, headers and body as the schema says, invalid data refused,
valid data accepted, authentication required...), with one precision: a schema-valid
request may be refused (400) when what it refuses is only a reference to something that
does not exist (a slug, an id, a cursor): the schema states formats, not which objects
exist, and an unknown slug is a 400 naming it by design, not an empty result.
"""

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from events.api import FIELDS_JSON_ONLY
from events.filters import BBOX_REVERSED
from monitor.subscribers.models import Plan
from monitor.subscribers.schema import SLUG
from monitor.subscribers.search import RELEVANCE_NEEDS_Q
from monitor.wsgi import application
from tests import factories
from tests.subscribers.fixtures import key_for

RAW = SchemaGenerator().get_schema(request=None, public=True)
# Webhook registration resolves the URLs it is given (DNS): tests/subscribers/test_webhooks_api.py.
schema = schemathesis.openapi.from_dict(RAW).exclude(path_regex="^/api/v1/webhooks/")
schema.config.generation.update(modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
schema.app = application


def _references() -> set[str]:
    """Query parameters that name something by identity: a slug, an id, a cursor."""
    names = {"cursor", "since", "event", "article", "source"}
    for operations in RAW["paths"].values():
        for parameter in operations.get("get", {}).get("parameters", []):
            held = parameter["schema"].get("items", parameter["schema"])
            if held.get("pattern") == SLUG["pattern"]:
                names.add(parameter["name"])
    return names


REFERENCES = _references()
RANGE_REVERSED = "The end of the range is before its start."


@schemathesis.check
def valid_data_accepted_unless_it_names_nothing(ctx, response, case):
    """``positive_data_acceptance``, except a 400 whose every error is a reference to
    something that does not exist."""
    try:
        return positive_data_acceptance(ctx, response, case)
    except AssertionError:
        if response.status_code == 400:
            errors = json.loads(response.content).get("errors", {})
            if errors and all(_beyond_the_schema(name, errors[name]) for name in errors):
                return None
        raise


def _beyond_the_schema(name: str, messages: list[str]) -> bool:
    """A refusal the schema cannot state: a reference to nothing, a range whose end is before
    its start, an ordering by relevance without a search, fields trimmed in a CSV."""
    return (
        name in REFERENCES
        or (name == "ordering" and messages == [RELEVANCE_NEEDS_Q])
        or (name == "date_to" and messages == [RANGE_REVERSED])
        or (name == "bbox" and messages == [BBOX_REVERSED])
        or (name == "fields" and messages == [FIELDS_JSON_ONLY])
    )


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
    case.call_and_validate(
        headers={"Authorization": f"Api-Key {key}"},
        excluded_checks=[positive_data_acceptance],
        additional_checks=[valid_data_accepted_unless_it_names_nothing],
    )
