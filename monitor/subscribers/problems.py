"""Every API error as RFC 9457 problem details (``application/problem+json``).

``type`` is ``urn:monitor:problem:<code>`` (codes are listed in docs/api.md), ``title`` the
HTTP status phrase, ``detail`` a sentence for a person, and for invalid input ``errors``
maps each query parameter or field to its messages.
"""

from http import HTTPStatus

from django.http import Http404, JsonResponse
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler

from .authentication import HOW_TO

PROBLEM_JSON = "application/problem+json"


def problem_exception_handler(exc, context):
    response = exception_handler(exc, context)
    if response is None:
        return None
    code = _code(exc)
    problem = {
        "type": f"urn:monitor:problem:{code}",
        "title": HTTPStatus(response.status_code).phrase,
        "status": response.status_code,
    }
    data = response.data
    if isinstance(exc, exceptions.ValidationError):
        errors = data if isinstance(data, dict) else {"non_field_errors": data}
        problem["detail"] = "Invalid input: " + ", ".join(sorted(errors)) + "."
        problem["errors"] = {name: _messages(value) for name, value in errors.items()}
    elif isinstance(exc, exceptions.NotAuthenticated):
        problem["detail"] = f"No API key was sent. {HOW_TO}"
    else:
        problem["detail"] = str(data.get("detail", "")) if isinstance(data, dict) else str(data)
    return Response(
        problem, status=response.status_code, headers=_headers(response), content_type=PROBLEM_JSON
    )


def problem_response(status: int, detail: str, code: str) -> Response:
    """A problem response for views that answer an error themselves."""
    return Response(
        {
            "type": f"urn:monitor:problem:{code}",
            "title": HTTPStatus(status).phrase,
            "status": status,
            "detail": detail,
        },
        status=status,
        content_type=PROBLEM_JSON,
    )


def not_found(request, *args, **kwargs) -> JsonResponse:
    """Any address under /api/v1/ that names no resource."""
    return JsonResponse(
        {
            "type": "urn:monitor:problem:not_found",
            "title": "Not Found",
            "status": 404,
            "detail": "No such resource: see /api/v1/docs/.",
        },
        status=404,
        content_type=PROBLEM_JSON,
    )


def _code(exc) -> str:
    if isinstance(exc, Http404):
        return "not_found"
    if isinstance(exc, exceptions.APIException):
        return exc.default_code
    return "error"


def _messages(value) -> list[str]:
    if isinstance(value, dict):
        return [f"{key}: {message}" for key, item in value.items() for message in _messages(item)]
    if isinstance(value, list):
        return [message for item in value for message in _messages(item)]
    return [str(value)]


def _headers(response) -> dict:
    return {
        name: response[name]
        for name in ("Retry-After", "WWW-Authenticate", "Allow")
        if name in response
    }
