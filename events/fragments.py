"""Events' API answers, CSV rows and GeoJSON features joined from parts rendered once.

What an event shows of itself alone (its fields from ``title`` to ``quantities``: dates,
type, place, participants, sources, quantities) is the same for every subscriber, so it is
rendered when the event changes and stored (``EventRepresentation``, kept by
``events.services.representations``); a request writes only what depends on it around those
parts: the event's id, version and date of change, the addresses (on the request's host),
and the articles the plan may read. ``event_fragments`` renders the parts from the same
dicts the API's other paths represent (``events.representations.event_parts``), with the
same encoders, so that what is joined here is byte for byte what Django REST framework's
JSON renderer, ``events.renderers.csv_row`` and ``geojson_feature`` write.
"""

from __future__ import annotations

import csv
import io

from rest_framework import renderers
from rest_framework.utils.encoders import JSONEncoder

from articles.representations import UUID_PLACEHOLDER

from .renderers import FORMULA_STARTS, csv_own_cells, spreadsheet_safe

_JSON = renderers.JSONRenderer
# As the API's JSON renderer writes (compact), and as GeoJSON features are written (spaced).
_compact = JSONEncoder(
    ensure_ascii=_JSON.ensure_ascii, allow_nan=not _JSON.strict, separators=(",", ":")
).encode
_spaced = JSONEncoder(ensure_ascii=False).encode


def _api_json(value) -> str:
    """``value`` as the API's JSON renderer writes it (which escapes two line separators)."""
    return _compact(value).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _evidence_json(evidence: list[dict] | None) -> str:
    """An event's evidence as the API's JSON renderer writes it (most events have none)."""
    return _api_json(evidence) if evidence else "[]"


def compact_renderer() -> bool:
    """Whether the API's JSON renderer writes compact JSON, as the stored parts are."""
    return bool(_JSON.compact)


def event_fragments(parts: dict) -> dict[str, str]:
    """The stored parts of an event, from its ``event_parts`` dict."""
    place = parts["place"]
    placed = bool(place) and place["latitude"] is not None
    buffer = io.StringIO()
    csv.writer(buffer).writerow(
        [
            value if value.__class__ is not str or not value.startswith(FORMULA_STARTS)
            else spreadsheet_safe(value)
            for value in csv_own_cells(parts)
        ]
    )  # fmt: skip
    return {
        "json": _api_json(parts)[1:-1],
        "properties": _spaced({k: v for k, v in parts.items() if k != "place"})[1:-1],
        "geometry": _spaced(
            {"type": "Point", "coordinates": [place["longitude"], place["latitude"]]}
        )
        if placed
        else "",
        "place": _spaced({k: v for k, v in place.items() if k not in ("latitude", "longitude")})
        if placed
        else "",
        "csv": buffer.getvalue()[:-2],  # without the row's "\r\n"
    }


def _csv_cell(value: str) -> str:
    """A text cell as ``csv.writer`` writes it (the excel dialect), formula-safe."""
    value = spreadsheet_safe(value)
    if "," in value or '"' in value or "\n" in value or "\r" in value:
        return '"' + value.replace('"', '""') + '"'
    return value


def _split(address: str, encode) -> tuple[str, str]:
    """An address around an event's id, encoded as a JSON string in two halves (the id, a
    UUID, needs no escaping)."""
    before, after = encode(address).split(UUID_PLACEHOLDER)
    return before, after


class Joiner:
    """Writes events for one request from their stored parts and the request's addresses.

    ``add_articles(refs, counts, evidence)`` gives, by event id, the articles the plan may
    read and the paragraphs of them that support the event (as
    ``events.representations.article_refs`` makes them); then ``json``, ``csv`` and
    ``feature`` write one event from its row (id, public id, version, time of change as
    written) and its parts.
    """

    def __init__(self, addresses):
        articles = addresses.articles_api + UUID_PLACEHOLDER
        self.api_json = _split(addresses.event_api, _api_json)
        self.page_json = _split(addresses.event_page, _api_json)
        self.articles_json = _split(articles, _api_json)
        self.api_spaced = _split(addresses.event_api, _spaced)
        self.page_spaced = _split(addresses.event_page, _spaced)
        self.articles_spaced = _split(articles, _spaced)
        page = addresses.event_page.split(UUID_PLACEHOLDER)
        # The page's address as a CSV cell around the id (which needs no quoting).
        self.page_cell = _csv_cell(UUID_PLACEHOLDER.join(page)).split(UUID_PLACEHOLDER)
        self.articles: dict[int, list[dict]] = {}
        self.counts: dict[int, int] = {}
        self.evidence: dict[int, list[dict]] = {}
        self._compact: dict[int, str] = {}  # each article's reference, written once a batch
        self._spaced: dict[int, str] = {}

    def add_articles(
        self, articles: dict[int, list[dict]], counts: dict[int, int], evidence=None
    ) -> None:
        """The articles of the events to write next (a page, or an export's batch), and the
        paragraphs of them that support each event."""
        self.articles, self.counts, self.evidence = articles, counts, evidence or {}
        self._compact, self._spaced = {}, {}

    def _refs(self, pk, written: dict[int, str], encode) -> list[str]:
        refs = []
        for ref in self.articles.get(pk, ()):
            text = written.get(ref["id"])
            if text is None:
                text = written[ref["id"]] = encode(ref)
            refs.append(text)
        return refs

    def json(self, pk, uuid: str, version, updated: str, own: str) -> str:
        api, page, articles = self.api_json, self.page_json, self.articles_json
        refs = ",".join(self._refs(pk, self._compact, _api_json))
        return (
            f'{{"id":"{uuid}","version":{version},"api_url":{api[0]}{uuid}{api[1]},'
            f'"url":{page[0]}{uuid}{page[1]},{own},"articles":[{refs}],'
            f'"articles_count":{self.counts.get(pk, 0)},'
            f'"articles_url":{articles[0]}{uuid}{articles[1]},'
            f'"evidence":{_evidence_json(self.evidence.get(pk))},'
            f'"updated_at":"{updated}"}}'
        )

    def feature(self, pk, uuid: str, version, updated: str, properties, geometry, place) -> str:
        api, page, articles = self.api_spaced, self.page_spaced, self.articles_spaced
        refs = ", ".join(self._refs(pk, self._spaced, _spaced))
        return (
            f'{{"type": "Feature", "id": "{uuid}", "geometry": {geometry}, "properties": '
            f'{{"id": "{uuid}", "version": {version}, "api_url": {api[0]}{uuid}{api[1]}, '
            f'"url": {page[0]}{uuid}{page[1]}, {properties}, "articles": [{refs}], '
            f'"articles_count": {self.counts.get(pk, 0)}, '
            f'"articles_url": {articles[0]}{uuid}{articles[1]}, '
            f'"evidence": {_spaced(self.evidence.get(pk, []))}, '
            f'"updated_at": "{updated}", "place": {place}}}}}'
        )

    def csv(self, pk, uuid: str, version, updated: str, own: str) -> str:
        urls = "; ".join([ref["url"] for ref in self.articles.get(pk, ())])
        page = self.page_cell
        return (
            f"{uuid},{version},{own},{_csv_cell(urls) if urls else ''},"
            f"{page[0]}{uuid}{page[1]},{updated},{self.counts.get(pk, 0)}\r\n"
        )
