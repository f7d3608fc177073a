"""Cursor pagination, stable while new items arrive, with an optional total count.

The order is the queryset's own (a view's default or ``?ordering=``), completed with the
primary key so that the cursor never skips or repeats rows that share a date.

Cursors are signed: a cursor holds a position in the order (a date, a number) that the
database compares with its rows, so only positions this site issued are accepted. A forged,
edited or truncated cursor answers 400 ("Invalid cursor."), never a database error.
"""

from urllib import parse

from django.core import signing
from rest_framework import pagination
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.utils.urls import replace_query_param

_signer = signing.Signer(salt="monitor.api.cursor")


class _Query:
    """What DRF's cursor decoding reads of a request: the cursor parameter, here verified."""

    def __init__(self, name: str, value: str):
        self.query_params = {name: value}


class CursorPagination(pagination.CursorPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
    ordering = "-pk"

    def paginate_queryset(self, queryset, request, view=None):
        self.count = None
        if request.query_params.get("count") in ("true", "1"):
            self.count = queryset.count()
        elif request.query_params.get("count") not in (None, "false", "0"):
            raise ValidationError({"count": ["Use count=true or count=false."]})
        size = request.query_params.get(self.page_size_query_param)
        if size is not None and not (size.isdigit() and 1 <= int(size) <= self.max_page_size):
            raise ValidationError(
                {"page_size": [f"A whole number from 1 to {self.max_page_size}."]}
            )
        return super().paginate_queryset(queryset, request, view)

    def get_ordering(self, request, queryset, view):
        order_by = [str(field) for field in queryset.query.order_by]
        if not order_by:
            return super().get_ordering(request, queryset, view)
        if not {"pk", "-pk", "id", "-id"} & set(order_by):
            order_by.append("-pk" if order_by[0].startswith("-") else "pk")
        return tuple(order_by)

    def encode_cursor(self, cursor):
        url = super().encode_cursor(cursor)
        value = parse.parse_qs(parse.urlsplit(url).query)[self.cursor_query_param][0]
        return replace_query_param(url, self.cursor_query_param, _signer.sign(value))

    def decode_cursor(self, request):
        signed = request.query_params.get(self.cursor_query_param)
        if signed is None:
            return None
        try:
            value = _signer.unsign(signed)
            return super().decode_cursor(_Query(self.cursor_query_param, value))
        except (signing.BadSignature, NotFound):
            raise ValidationError({self.cursor_query_param: ["Invalid cursor."]}) from None

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        if self.count is not None:
            response.data = {"count": self.count, **response.data}
        return response

    def get_paginated_response_schema(self, schema):
        schema = super().get_paginated_response_schema(schema)
        schema["properties"] = {
            "count": {
                "type": "integer",
                "description": "Total number of items, only with count=true.",
            },
            **schema["properties"],
        }
        return schema

    def get_schema_operation_parameters(self, view):
        return [
            *super().get_schema_operation_parameters(view),
            {
                "name": "count",
                "required": False,
                "in": "query",
                "description": "true: include the total number of items (one more query).",
                "schema": {"type": "boolean"},
            },
        ]
