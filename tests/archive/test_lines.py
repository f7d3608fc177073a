"""monitor/archive/lines.py: values come back as they went, and bad lines say where they are."""

import datetime as dt
import decimal
import json
import uuid

import pytest

from events.models import Event, EventQuantity
from monitor.archive.lines import ArchiveError, encode, line_values, row_line


def fields(model, *names):
    return [model._meta.get_field(name) for name in names]


def test_values_survive_a_line_exactly():
    at = dt.datetime(2025, 8, 21, 9, 30, 15, 123456, tzinfo=dt.UTC)
    event_fields = fields(Event, "uuid", "created_at", "starts_on", "title", "place")
    values = [uuid.uuid4(), at, dt.date(2025, 8, 19), "Visit «Minsk»\n", None]
    line = row_line([f.attname for f in event_fields], values)
    assert line.endswith("\n") and line.count("\n") == 1
    decoded = line_values(line, event_fields, where="x")
    assert list(decoded.values()) == values
    assert decoded["created_at"].microsecond == 123456


def test_decimals_keep_their_digits():
    quantity = fields(EventQuantity, "value")
    line = row_line(["value"], [decimal.Decimal("12.50")])
    assert json.loads(line) == {"value": "12.50"}
    assert line_values(line, quantity, where="x")["value"] == decimal.Decimal("12.50")


def test_json_fields_keep_their_json():
    from articles.models import ArticleRevision

    snapshot = fields(ArticleRevision, "snapshot")
    value = {"title": "T", "topics": [1, 2], "published_at": "2025-08-21T09:00:00Z"}
    assert line_values(row_line(["snapshot"], [value]), snapshot, where="x") == {"snapshot": value}


def test_an_unknown_type_is_not_written():
    with pytest.raises(TypeError):
        encode(object())


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"title": "Half a li', "not a complete line of JSON"),
        ('{"name": "Other"}\n', "the line does not hold this table's fields"),
        ("[1, 2]\n", "the line does not hold this table's fields"),
    ],
)
def test_a_bad_line_names_where_it_is(line, message):
    with pytest.raises(ArchiveError, match=f"^events.jsonl, line 3: {message}"):
        line_values(line, fields(Event, "title"), where="events.jsonl, line 3")


def test_a_value_the_field_cannot_hold_is_refused():
    with pytest.raises(ArchiveError, match="starts_on holds 'soon'"):
        line_values('{"starts_on": "soon"}', fields(Event, "starts_on"), where="x")
