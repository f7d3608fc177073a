"""Events as flat CSV rows (like ACLED's) and as GeoJSON features, streamed a batch at a time.

Both take the event API's JSON representation, so the three formats never disagree (the
list and the exports join the same cells and features from the events' stored parts:
``events.fragments``).
Errors are always rendered as problem JSON, whatever format was asked for.
"""

import csv
import io
import uuid
from collections.abc import Iterable, Iterator

from rest_framework import renderers
from rest_framework.utils.encoders import JSONEncoder

CSV_COLUMNS = [
    "id",
    "version",
    "title",
    "date_text",
    "edtf",
    "start_date",
    "start_precision",
    "end_date",
    "end_precision",
    "starts_on",
    "ends_on",
    "modality",
    "event_type",
    "event_family",
    "actors",
    "actor_slugs",
    "roles",
    "on_behalf_of",
    "country",
    "place",
    "latitude",
    "longitude",
    "location_precision",
    "sources",
    "source_urls",
    "article_urls",
    "url",
    "updated_at",
    "article_count",
]


def csv_row(event: dict) -> list:
    """One event as a flat row; several values in one cell are separated by "; "."""
    return [
        event["id"],
        event["version"],
        *csv_own_cells(event),
        "; ".join(article["url"] for article in event["articles"]),
        event["url"],
        event["updated_at"],
        event["articles_count"],
    ]


def csv_own_cells(event: dict) -> list:
    """The cells of ``csv_row`` from ``title`` to ``source_urls``: what an event shows of
    itself alone (``events.representations.event_parts`` holds all they read)."""
    dates, place = event["dates"], event["place"] or {}
    participants = event["participants"]
    end = dates["end"] or {}
    return [
        event["title"],
        dates["text"],
        dates["edtf"],
        dates["start"]["date"],
        dates["start"]["precision"],
        end.get("date", ""),
        end.get("precision", ""),
        dates["starts_on"],
        dates["ends_on"],
        event["modality"],
        event["type"]["slug"],
        event["family"]["slug"],
        "; ".join(part["actor"]["name"] for part in participants),
        "; ".join(part["actor"]["slug"] for part in participants),
        "; ".join(part["role"] for part in participants),
        # Whom each participant acted for, in the same order ("iran; belarus"; empty where
        # one acted for nobody else: "; belarus").
        "; ".join((part["on_behalf_of"] or {}).get("slug", "") for part in participants),
        place.get("country") or "",
        place.get("name", ""),
        _number(place.get("latitude")),
        _number(place.get("longitude")),
        place.get("location_precision", ""),
        "; ".join(
            f"{item['source']['outlet']['name']}, {item['source']['date']}"
            for item in event["sources"]
        ),
        "; ".join(item["source"]["url"] for item in event["sources"] if item["source"]["url"]),
    ]


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """A cell a spreadsheet will not run: text that begins like a formula ("=HYPERLINK(…)",
    "@SUM(…)", "-2+3") is written with a leading apostrophe, as OWASP advises; numbers, such
    as a negative longitude, are left as they are."""
    if not isinstance(value, str) or not value.startswith(FORMULA_STARTS):
        return value
    try:
        float(value)
    except ValueError:
        return "'" + value
    return value


def csv_lines(events: Iterable[dict]) -> Iterator[str]:
    return csv_chunks([events])


def csv_header(columns: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(columns)
    return buffer.getvalue()


def csv_chunks(batches: Iterable[Iterable[dict]]) -> Iterator[str]:
    """The header, then each batch of events as one chunk of rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    yield csv_header(CSV_COLUMNS)
    for events in batches:
        buffer.seek(0)
        buffer.truncate()
        writer.writerows(
            [
                value if value.__class__ is not str or not value.startswith(FORMULA_STARTS)
                else spreadsheet_safe(value)
                for value in csv_row(event)
            ]
            for event in events
        )  # fmt: skip
        yield buffer.getvalue()


def geojson_feature(event: dict) -> dict | None:
    place = event["place"]
    if not place or place["latitude"] is None:
        return None
    properties = {key: value for key, value in event.items() if key != "place"}
    properties["place"] = {k: v for k, v in place.items() if k not in ("latitude", "longitude")}
    return {
        "type": "Feature",
        "id": event["id"],
        "geometry": {"type": "Point", "coordinates": [place["longitude"], place["latitude"]]},
        "properties": properties,
    }


def geojson_chunks(events: Iterable[dict]) -> Iterator[str]:
    """A FeatureCollection of the events that have coordinates, written feature by feature."""
    return geojson_batches([events])


def geojson_batches(batches: Iterable[Iterable[dict]]) -> Iterator[str]:
    """``geojson_chunks`` of events a batch at a time: one chunk per batch."""
    encode = JSONEncoder(ensure_ascii=False).encode
    yield '{"type": "FeatureCollection", "features": ['
    first = True
    for events in batches:
        features = [encode(f) for f in map(geojson_feature, events) if f is not None]
        if features:
            yield ("" if first else ",") + ",".join(features)
            first = False
    yield "]}"


def _number(value) -> str:
    return "" if value is None else str(value)


def _items(data) -> list[dict]:
    if isinstance(data, dict) and "results" in data:
        return data["results"]
    return [data] if data else []


class JoinedItems:
    """A page's items written as JSON already (``events.stored``), for ``EventJSONRenderer``."""

    def __init__(self, items: list[str]):
        self.items = items


class EventJSONRenderer(renderers.JSONRenderer):
    """The API's JSON renderer, which also joins a page of items written already."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        joined = data.get("results") if isinstance(data, dict) else None
        if not isinstance(joined, JoinedItems):
            return super().render(data, accepted_media_type, renderer_context)
        marker = f"joined-{uuid.uuid4().hex}"  # appears nowhere else in the answer
        envelope = super().render(
            {**data, "results": marker}, accepted_media_type, renderer_context
        )
        before, after = envelope.split(f'"{marker}"'.encode())
        return b"".join((before, b"[", ",".join(joined.items).encode(), b"]", after))


class _ErrorsAsJSON:
    def render(self, data, accepted_media_type=None, renderer_context=None):
        response = (renderer_context or {}).get("response")
        if response is not None and response.status_code >= 400:
            return renderers.JSONRenderer().render(data)
        return "".join(self.chunks(_items(data))).encode()


class EventCSVRenderer(_ErrorsAsJSON, renderers.BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def chunks(self, events):
        return csv_lines(events)


class GeoJSONRenderer(_ErrorsAsJSON, renderers.BaseRenderer):
    media_type = "application/geo+json"
    format = "geojson"
    charset = None

    def chunks(self, events):
        return geojson_chunks(events)
