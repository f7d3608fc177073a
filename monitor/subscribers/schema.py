"""How the OpenAPI schema describes the API key (drf-spectacular extension)."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class ApiKeyScheme(OpenApiAuthenticationExtension):
    target_class = "monitor.subscribers.authentication.ApiKeyAuthentication"
    name = "ApiKey"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "Authorization: Api-Key <key> (never in the query string).",
        }


PROBLEM_SCHEMA = {
    "type": "object",
    "description": "RFC 9457 problem details.",
    "required": ["type", "title", "status"],
    "properties": {
        "type": {"type": "string", "example": "urn:monitor:problem:invalid"},
        "title": {"type": "string", "example": "Bad Request"},
        "status": {"type": "integer", "example": 400},
        "detail": {"type": "string", "example": "Invalid input: date_from."},
        "errors": {
            "type": "object",
            "description": "For invalid input: messages by query parameter.",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
            "example": {"date_from": ["'June' is not a date like 2025, 2025-08 or 2025-08-19."]},
        },
    },
}
PROBLEMS = {
    "400": "Unknown query parameter or invalid value (field by field in `errors`).",
    "401": "No key, or an unknown, revoked or expired key.",
    "403": "The plan does not include this resource.",
    "404": "No such item, or not one the plan may read.",
    "405": "A method this endpoint does not serve (GET and HEAD everywhere; webhooks also POST and DELETE).",
    "406": "A format or Accept header this endpoint does not serve.",
    "429": "Over the plan's request rate; Retry-After says when to try again.",
}


def document_problems(result, generator, request, public):
    """Every operation answers errors as problem+json, and 304 to a conditional request."""
    result.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    problem = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            responses.setdefault(
                "304", {"description": "Not modified since If-None-Match / If-Modified-Since."}
            )
            for status, description in PROBLEMS.items():
                responses.setdefault(status, {"description": description, "content": problem})
    return result
