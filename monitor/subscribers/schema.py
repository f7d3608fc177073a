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


# What a query parameter accepts, stated in the schema so that clients (and generated tests)
# know the limits the API enforces. Formats only: whether a slug, id or cursor names
# something that exists depends on the data (unknown ones are a 400 naming them).
SLUG = {"type": "string", "pattern": r"^[-a-zA-Z0-9_]+$"}
_YEAR = "(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})"
FUZZY_DATE = {
    "anyOf": [
        {"type": "string", "pattern": rf"^{_YEAR}(-(0[1-9]|1[0-2]))?$"},
        {"type": "string", "format": "date"},
    ]
}
_LONGITUDE = r"-?(180(\.0+)?|(1[0-7][0-9]|[0-9]{1,2})(\.[0-9]+)?)"
_LATITUDE = r"-?(90(\.0+)?|[0-8]?[0-9](\.[0-9]+)?)"
BBOX = {
    "type": "string",
    "pattern": rf"^{_LONGITUDE},{_LATITUDE},{_LONGITUDE},{_LATITUDE}$",
}
COUNTRY = {"type": "string", "pattern": r"^[A-Za-z]{2}$"}
TOKEN = {"type": "string", "minLength": 1, "pattern": r"^[-A-Za-z0-9_:=]+$"}
# Detail URLs match only these (``monitor.core.converters.lookup_pattern``).
PATH_SCHEMAS = {
    "id": {"type": "integer", "minimum": 0, "maximum": 999_999_999},
    "slug": SLUG,
    "uuid": {"type": "string", "format": "uuid"},
}


def _filter_schema(parameter: dict, found) -> dict | None:
    import django_filters

    from articles.filters import SlugsFilter
    from events.filters import BoundingBoxFilter, FuzzyDateFilter

    schema = parameter["schema"]
    if isinstance(found, SlugsFilter):
        return {**schema, "items": {**schema.get("items", {}), **SLUG}}
    if isinstance(found, django_filters.ModelChoiceFilter):
        if (
            getattr(found, "extra", {}).get("to_field_name") == "slug"
            or schema.get("type") == "string"
        ):
            return {**schema, **SLUG}
        return {"type": "integer", "minimum": 1, "maximum": 2**63 - 1}
    if isinstance(found, django_filters.NumberFilter):
        bounds = {k: found.extra[v] for k, v in (("minimum", "min_value"), ("maximum", "max_value"))
                  if found.extra.get(v) is not None}  # fmt: skip
        return {**schema, "type": "integer", **bounds}
    if isinstance(found, FuzzyDateFilter):
        return FUZZY_DATE
    if isinstance(found, BoundingBoxFilter):
        return {**schema, **BBOX}
    return None


def state_limits(result, generator, request, public):
    """Every query parameter's limits, formats and patterns, from the filters, paginators and
    serializers that enforce them (one source for both)."""
    from monitor.subscribers.pagination import CursorPagination

    views = {}
    for path, _, method, callback in getattr(generator, "endpoints", []):
        views[(path.replace("{pk}", "{id}"), method.lower())] = callback
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            callback = views.get((path, method))
            view = getattr(callback, "cls", None)
            filterset = getattr(view, "filterset_class", None)
            filters = filterset.base_filters if filterset is not None else {}
            for parameter in operation.get("parameters", []):
                name = parameter["name"]
                if parameter.get("in") == "path":
                    parameter["schema"] = PATH_SCHEMAS.get(name, parameter["schema"])
                    continue
                if parameter.get("in") != "query":
                    continue
                schema = _filter_schema(parameter, filters.get(name))
                if name == "page_size":
                    schema = {"type": "integer", "minimum": 1,
                              "maximum": CursorPagination.max_page_size}  # fmt: skip
                elif name in ("cursor", "since"):
                    schema = TOKEN
                elif name == "country":
                    schema = COUNTRY
                elif name == "fields" and view is not None:
                    names = "|".join(sorted(_serializer_fields(callback)))
                    schema = {"type": "string", "pattern": f"^({names})(,({names}))*$"}
                if schema is not None:
                    parameter["schema"] = schema
                _not_empty(parameter["schema"])
            if any(p["name"] == "fields" for p in operation.get("parameters", [])):
                _fields_optional(result, operation)
    return result


def _not_empty(schema: dict) -> None:
    """A parameter given is given a value (``?q=`` is a 400, not "no q")."""
    if schema.get("type") == "string" and "enum" not in schema:
        schema.setdefault("minLength", 1)
    elif schema.get("type") == "array":
        schema.setdefault("minItems", 1)
        _not_empty(schema.get("items", {}))


def _fields_optional(result, operation) -> None:
    """With ``?fields=`` any field may be left out: the representations it trims (the 200
    responses' schemas, and the schemas they hold) require none."""
    schemas = result.get("components", {}).get("schemas", {})
    seen = set()

    def visit(node):
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/components/schemas/") and ref not in seen:
                seen.add(ref)
                component = schemas.get(ref.rsplit("/", 1)[1], {})
                component.pop("required", None)
                visit(component.get("properties", {}))
            for key, value in node.items():
                if key != "$ref":
                    visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(operation.get("responses", {}).get("200", {}))


def _serializer_fields(callback) -> list[str]:
    """The fields ``?fields=`` may name for this operation (the list's or the detail's)."""
    view = callback.cls(**getattr(callback, "initkwargs", {}))
    view.action = (getattr(callback, "actions", None) or {}).get("get")
    view.request, view.format_kwarg, view.kwargs = None, None, {}
    return list(view.get_serializer_class()().fields)
