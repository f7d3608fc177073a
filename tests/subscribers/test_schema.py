"""The OpenAPI schema: drf-spectacular's own validation, with every warning an error."""

import io

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_schema_validates_without_warnings():
    out = io.StringIO()
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--format", "openapi-json", stdout=out
    )
    assert '"/api/v1/events/"' in out.getvalue()


@pytest.mark.django_db
def test_schema_documents_filters_formats_and_problems(client):
    schema = client.get("/api/v1/schema/?format=json").json()
    events = schema["paths"]["/api/v1/events/"]["get"]
    names = {parameter["name"] for parameter in events["parameters"]}
    assert {"date_from", "date_to", "date_mode", "actor", "actors_all", "bbox", "format"} <= names
    assert {"text/csv", "application/geo+json"} <= set(events["responses"]["200"]["content"])
    for status in ("400", "401", "403", "404", "406", "429"):
        assert "application/problem+json" in events["responses"][status]["content"]
    assert schema["components"]["securitySchemes"]["ApiKey"]["in"] == "header"
