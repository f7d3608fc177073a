"""Hostile input at every public URL: no answer is a server error.

The URL patterns are read from the resolver (the admin aside: it has its own tests), so a
new view is covered without being listed here. Each path parameter in turn, and each query
parameter the OpenAPI schema declares for an API operation (plus the site's own ``page``,
``q`` and ``events``), is given values of the classes attackers and broken clients send:
huge and negative numbers, NUL bytes, invalid UTF-8, markup, forged cursors, absurd dates.
The API must answer problem+json for every refusal; nothing may answer 5xx.
"""

import base64
import re
from urllib.parse import quote

import pytest
from drf_spectacular.generators import SchemaGenerator

from monitor.subscribers.models import Plan
from tests import factories
from tests.routes import parameters, routes
from tests.subscribers.fixtures import key_for

pytestmark = pytest.mark.django_db

HOSTILE = [
    "0",
    "-1",
    "99999999999999999999",
    "-99999999999999999999",
    "1e309",
    "NaN",
    "%00",
    "x%00y",
    "%FF%FE",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "'%20OR%201=1--",
    "..%2F..%2Fetc%2Fpasswd",
    "a" * 400,
    "9999-99-99",
    "0000-00-00T00:00:00",
    "2025-01-01T00:00:00%2B99:00",
    quote(base64.b64encode(b"p=1").decode()),
    quote(base64.b64encode(b"o=99999999999999999999&p=x%00").decode()),
    quote(base64.b64encode(b"r=2&p=2025-01-01").decode()),
    "true,false",
]
# Values a path segment can hold at all ("/" would change the route, not the parameter).
PATH_HOSTILE = [value for value in HOSTILE if "%2F" not in value]
PAGE_PARAMETERS = ["page", "q", "events", "first", "second", "format"]
PLAUSIBLE = {"publication": "edm", "year": "2025", "month": "08", "day": "21", "kind": "topic"}


def _fill(route: str, hostile_name: str | None, value: str) -> str:
    return re.sub(
        r"\{(\w+)\}",
        lambda m: value if m.group(1) == hostile_name else PLAUSIBLE.get(m.group(1), "x"),
        route,
    )


@pytest.fixture
def site(db):
    from events.models import Event

    edm = factories.publication(slug="edm")
    article = factories.article(publication=edm, authors=[factories.author()])
    factories.citation(article)
    event = factories.event(actors=[(factories.actor(slug="iran"), "host")])
    factories.attach(event, article)
    factories.article(published=False, publication=edm, slug="draft-piece")
    factories.event(status=Event.Status.DRAFT)
    return key_for(Plan.objects.get(slug="everything"))[1]


def _answer(client, url, key):
    response = client.get(url, HTTP_AUTHORIZATION=f"Api-Key {key}")
    if response.streaming:
        b"".join(response.streaming_content)
    return response


def _server_errors(client, key, urls) -> tuple[int, list[str]]:
    """How many of ``urls`` were tried, and those answered 5xx. API refusals must be
    problem+json."""
    client.raise_request_exception = False
    tried, failures = 0, []
    for url in urls:
        response = _answer(client, url, key)
        tried += 1
        if response.status_code >= 500:
            failures.append(f"{response.status_code} {url[:120]}")
        elif url.startswith("/api/") and response.status_code >= 400:
            assert response["Content-Type"] == "application/problem+json", url
    return tried, failures


def test_no_path_parameter_value_answers_a_server_error(client, site):
    urls = [
        _fill(route, name, value)
        for route in sorted(set(routes()))
        for name in parameters(route)
        for value in PATH_HOSTILE
    ]
    tried, failures = _server_errors(client, site, urls)
    print(f"path parameters: {tried} requests, {len(failures)} server errors")
    assert tried > 300
    assert failures == [], "\n".join(failures)


def _api_operations():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    for path, operations in schema["paths"].items():
        if "get" in operations and "{" not in path:
            names = [
                p["name"] for p in operations["get"].get("parameters", []) if p["in"] == "query"
            ]
            yield path, sorted({*names, "format", "cursor"})


def test_no_query_parameter_value_answers_a_server_error(client, site):
    targets = list(_api_operations())
    assert len(targets) > 10
    targets += [
        (route, PAGE_PARAMETERS)
        for route in sorted(set(routes()))
        if not route.startswith("/api/") and "{" not in route
    ]
    urls = [
        f"{path}?{name}={value}" for path, names in targets for name in names for value in HOSTILE
    ]
    tried, failures = _server_errors(client, site, urls)
    print(f"query parameters: {tried} requests, {len(failures)} server errors")
    assert tried > 1000
    assert failures == [], "\n".join(failures)


HEADERS = [
    "HTTP_ACCEPT",
    "HTTP_ACCEPT_LANGUAGE",
    "HTTP_AUTHORIZATION",
    "HTTP_COOKIE",
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_RANGE",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_REFERER",
]
HEADER_HOSTILE = [
    "",
    "a" * 4000,
    "\x00",
    "Api-Key " + "a" * 400,
    "Api-Key \x00",
    "text/html;q=NaN, application/json;q=99999999999999999999",
    'W/"', '"' + "e" * 300 + '"',
    "Sat, 99 Foo 99999 99:99:99 GMT",
    "bytes=99999999999999999999-",
    "sessionid=%00; csrftoken=" + "c" * 300,
]  # fmt: skip


def test_no_header_value_answers_a_server_error(client, site):
    """Each header a view or middleware reads, with broken and hostile values, at one URL of
    every route (the key is sent only where ``Authorization`` is not the header tried)."""
    client.raise_request_exception = False
    urls = sorted({_fill(route, None, "") for route in routes()})
    tried, failures = 0, []
    for url in urls:
        for header in HEADERS:
            for value in HEADER_HOSTILE:
                headers = {header: value}
                if header != "HTTP_AUTHORIZATION":
                    headers.setdefault("HTTP_AUTHORIZATION", f"Api-Key {site}")
                response = client.get(url, **headers)
                if response.streaming:
                    b"".join(response.streaming_content)
                tried += 1
                if response.status_code >= 500:
                    failures.append(f"{response.status_code} {url} {header}={value[:40]!r}")
    print(f"headers: {tried} requests, {len(failures)} server errors")
    assert tried > 3000
    assert failures == [], "\n".join(failures[:50])
