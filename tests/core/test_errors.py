"""Errors no view handled: a database connection error raised by a middleware after the view
answered (here: a real connection to a port nothing listens on) is a 503 like an outage met
in a view; any other error is the plain 500 page."""

import socket

import pytest
from django.db import connections
from django.db.backends.postgresql.base import DatabaseWrapper

pytestmark = pytest.mark.django_db

PROBE = "tests.core.test_errors.AfterTheView"


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed again when the block ends: nothing listens


class AfterTheView:
    """A middleware that reaches a database after the view answered (as a session save
    does), when the request asks it to."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.GET.get("reach") == "database":
            UNREACHABLE[0].ensure_connection()
        elif request.GET.get("reach") == "bug":
            raise ValueError("a bug, not an outage")
        return response


UNREACHABLE = []


@pytest.fixture
def unreachable(settings):
    """A PostgreSQL connection of its own (not one of the test's databases) to a closed port."""
    settings_dict = {
        **connections["default"].settings_dict,
        "ENGINE": "django.db.backends.postgresql",
        "HOST": "127.0.0.1",
        "PORT": str(_closed_port()),
        "NAME": "nothing",
        "USER": "nobody",
        "OPTIONS": {"connect_timeout": 2},
    }
    UNREACHABLE[:] = [DatabaseWrapper(settings_dict, alias="unreachable")]
    settings.MIDDLEWARE = [PROBE, *settings.MIDDLEWARE]
    yield
    UNREACHABLE.clear()


@pytest.mark.parametrize("path", ["/robots.txt", "/api/v1/schema/"])
def test_a_connection_error_outside_a_view_is_503(client, unreachable, path):
    client.raise_request_exception = False
    response = client.get(path, {"reach": "database"})
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    if path.startswith("/api/"):
        assert response["Content-Type"] == "application/problem+json"
    else:
        assert "briefly unavailable" in response.text


def test_any_other_error_is_still_a_500(client, unreachable):
    client.raise_request_exception = False
    response = client.get("/robots.txt", {"reach": "bug"})
    assert response.status_code == 500
    assert "Retry-After" not in response
