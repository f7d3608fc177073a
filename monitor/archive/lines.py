"""One archived row as one line of JSON, and back: values encoded so that decoding them with
the field they came from gives the same value (no precision lost, unlike DjangoJSONEncoder's
milliseconds). No database access: the fields' own ``to_python`` reads the values back.

A line is a JSON object keyed by the fields' attribute names (``publication_id``, not
``publication``). Datetimes keep microseconds and their offset; decimals are strings;
dates, times and UUIDs are their ISO strings; JSON fields hold their JSON as it is; a
foreign key named by natural key is a list (``["articles", "article"]``).
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import uuid

from django.core.exceptions import ValidationError
from django.db import models

from .contents import natural_key


class ArchiveError(Exception):
    """The archive cannot be read or written as asked: one line saying why."""


def encode(value):
    """A value read from the database, as JSON can hold it."""
    if value is None or isinstance(value, bool | int | float | str | list | dict):
        return value
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, tuple):
        return list(value)
    raise TypeError(f"No archive encoding for {type(value).__name__}.")


def row_line(names: list[str], values) -> str:
    """One row as a line (with its newline)."""
    return json.dumps(dict(zip(names, map(encode, values), strict=True)), ensure_ascii=False) + "\n"


def line_values(line: str, fields: list[models.Field], *, where: str) -> dict:
    """The attribute values of one line, decoded with ``fields``; ``where`` names the file
    and line in the error a truncated, corrupt or foreign line raises."""
    try:
        data = json.loads(line)
    except ValueError as error:
        raise ArchiveError(f"{where}: not a complete line of JSON ({error}).") from None
    names = [f.attname for f in fields]
    if not isinstance(data, dict) or sorted(data) != sorted(names):
        raise ArchiveError(f"{where}: the line does not hold this table's fields.")
    values = {}
    for field in fields:
        raw = data[field.attname]
        if raw is None or isinstance(field, models.JSONField) or natural_key(field):
            values[field.attname] = raw
            continue
        try:
            values[field.attname] = field.to_python(raw)
        except (ValidationError, TypeError, ValueError):
            raise ArchiveError(f"{where}: {field.attname} holds {raw!r}.") from None
    return values
