"""Events written for a request from their stored parts (``events.fragments``): a JSON page,
and the CSV and GeoJSON exports, a batch at a time.

A row whose stored parts are missing or out of date (``current`` false) has them rendered
afresh for the request, from the same functions that store them: the answer is the same
either way, only slower.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

from django.db import models

from articles.serializers import request_addresses, request_grant
from monitor.core.expressions import IdList

from .fragments import Joiner, event_fragments
from .models import Event
from .renderers import CSV_COLUMNS, JoinedItems, csv_header
from .representations import Addresses, article_refs, event_parts, event_rows
from .services.representations import current_representation

# What a row of the events read for a request holds besides their stored parts.
_ROW = {
    "current": current_representation(),
    "stored_uuid": models.F("representation__uuid"),
    "stored_updated": models.F("representation__updated"),
}


def page_rows(events) -> models.QuerySet:
    """The rows of a JSON page of ``events`` (dicts: the cursor reads their ``starts_on``,
    Last-Modified their ``updated_at``)."""
    return events.values(
        "pk", "version", "updated_at", "starts_on", **_ROW, own=models.F("representation__json")
    )


def _export_rows(events, columns: tuple[str, ...], chunk: int) -> Iterator[tuple]:
    stored = {f"stored_{name}": models.F(f"representation__{name}") for name in columns}
    rows = events.annotate(**_ROW, **stored)
    return rows.values_list("pk", "version", *_ROW, *stored).iterator(chunk_size=chunk)


class StoredEvents:
    """Events of one request joined from their parts, with the plan's articles."""

    def __init__(self, serializer):
        self.addresses = request_addresses(serializer, Addresses)
        self.grant = request_grant(serializer)
        self.joiner = Joiner(self.addresses)

    def _fresh(self, ids: Iterable[int]) -> dict[int, tuple]:
        """The events ``ids`` whose stored parts are not current, rendered now: by id, their
        version, id, time of change and parts, as a row of ``_export_rows`` has them."""
        ids = list(ids)
        if not ids:
            return {}
        rows = list(event_rows(Event.objects.filter(pk__in=IdList(ids)).order_by()))
        parts = event_parts(rows)
        written = self.addresses.datetime
        return {
            row[0]: (row[2], str(row[1]), written(row[23]), event_fragments(parts[row[0]]))
            for row in rows
        }

    def _articles(self, ids: list[int]) -> None:
        self.joiner.add_articles(*article_refs(ids, self.grant, self.addresses))

    def page(self, rows: list[dict]) -> JoinedItems:
        """A page's events (rows of ``page_rows``) as the API's JSON items."""
        fresh = self._fresh(row["pk"] for row in rows if not row["current"])
        self._articles([row["pk"] for row in rows])
        items = []
        for row in rows:
            pk = row["pk"]
            if row["current"]:
                items.append(self.joiner.json(pk, row["stored_uuid"], row["version"],
                                              row["stored_updated"], row["own"]))  # fmt: skip
            elif pk in fresh:
                version, uuid, updated, parts = fresh[pk]
                items.append(self.joiner.json(pk, uuid, version, updated, parts["json"]))
        return JoinedItems(items)

    def _current(self, batch: list[tuple], names: tuple[str, ...]) -> Iterator[tuple]:
        """The rows of ``batch`` as (id, uuid, version, time of change, *parts ``names``),
        rendered now where not current (an event gone meanwhile is left out)."""
        fresh = self._fresh(row[0] for row in batch if not row[2])
        for pk, version, current, uuid, updated, *parts in batch:
            if current:
                yield (pk, uuid, version, updated, *parts)
            elif pk in fresh:
                version, uuid, updated, stored = fresh[pk]
                yield (pk, uuid, version, updated, *(stored[name] for name in names))

    def csv(self, batch: list[tuple]) -> str:
        rows = list(self._current(batch, ("csv",)))
        self._articles([row[0] for row in rows])
        line = self.joiner.csv
        return "".join([line(*row) for row in rows])

    def features(self, batch: list[tuple]) -> list[str]:
        placed = [
            row for row in self._current(batch, ("properties", "geometry", "place")) if row[5]
        ]
        self._articles([row[0] for row in placed])
        feature = self.joiner.feature
        return [feature(*row) for row in placed]


def csv_stream(stored: StoredEvents, events, chunk: int) -> Iterator[str]:
    """The header, then each batch of ``chunk`` events as one chunk of rows."""
    yield csv_header(CSV_COLUMNS)
    for batch in itertools.batched(_export_rows(events, ("csv",), chunk), chunk):
        yield stored.csv(batch)


def geojson_stream(stored: StoredEvents, events, chunk: int) -> Iterator[str]:
    """A FeatureCollection of the events that have coordinates, one chunk per batch."""
    yield '{"type": "FeatureCollection", "features": ['
    first = True
    rows = _export_rows(events, ("properties", "geometry", "place"), chunk)
    for batch in itertools.batched(rows, chunk):
        features = stored.features(batch)
        if features:
            yield ("" if first else ",") + ",".join(features)
            first = False
    yield "]}"
