"""Events as the API represents them, loaded in bulk: one query per related table for a whole
batch, read as plain rows (no model instances), assembled into the dicts the declared fields
of ``events.serializers.EventSerializer`` describe.

The list (100 a page), the detail, and the CSV and GeoJSON exports (every event, in batches)
all come from here, so the formats never disagree. ``tests/events/test_serializers.py``
compares the result field for field with what Django REST framework's own field machinery
makes of model instances, over a generated archive.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from operator import itemgetter

from django.urls import reverse
from django.utils import timezone
from rest_framework import serializers

from articles.models import Article
from articles.representations import (
    UUID_PLACEHOLDER,
    api_url,
    datetimes,
    fuzzy_iso,
    source_references,
)
from articles.representations import Addresses as ArticleAddresses
from articles.selectors import readable_slotted
from monitor.core.expressions import IdList
from monitor.core.prepared import IdsSlot, Prepared

from .models import Event, EventEvidence, EventQuantity, EventSource, Participation, Place

# An event names at most this many of the articles reporting it (the latest ones).
ARTICLES_SHOWN = 20

_decimal = serializers.DecimalField(
    max_digits=14, decimal_places=2, coerce_to_string=False
).to_representation


def event_path():
    """The path of an event's public page with a placeholder for its id (``fill_event``)."""
    return reverse("events:event", kwargs={"uuid": UUID_PLACEHOLDER})


def fill_event(path: str, uuid) -> str:
    return path.replace(UUID_PLACEHOLDER, str(uuid))


class Addresses(ArticleAddresses):
    """The addresses an event's representation gives, for one request."""

    def __init__(self, serializer):
        super().__init__(serializer)
        self.event_page = self.public(event_path())
        self.articles_api = api_url(serializer, "article-list") + "?event="
        self.datetime = datetimes()


def _date(year, month, day, precision) -> dict | None:
    if year is None or not precision:
        return None
    return {"date": fuzzy_iso(year, month, day, precision), "precision": precision}


def _float(value) -> float | None:
    return None if value is None else float(value)


def _actor(slug, name, kind) -> dict | None:
    return None if slug is None else {"slug": slug, "name": name, "kind": kind}


EVENT_COLUMNS = (
    "pk", "uuid", "version", "title", "summary", "date_text", "edtf",
    "start_year", "start_month", "start_day", "start_precision",
    "end_year", "end_month", "end_day", "end_precision", "starts_on", "ends_on", "modality",
    "event_type__slug", "event_type__name", "event_type__family__slug",
    "event_type__family__name", "place_id", "updated_at",
)  # fmt: skip


def event_representations(
    event_ids: Iterable[int], *, grant, addresses: Addresses
) -> dict[int, dict]:
    """The representation of each event in ``event_ids``, by id (a batch: a few hundred)."""
    ids = list(event_ids)
    if not ids:
        return {}
    rows = event_rows(Event.objects.filter(pk__in=IdList(ids)).order_by())
    return represented(rows, grant=grant, addresses=addresses)


def event_rows(events):
    """The rows ``represented`` takes, of the queryset ``events`` in its order: an export reads
    them as it goes, a batch at a time, instead of looking its batches up by id."""
    return events.values_list(*EVENT_COLUMNS)


def represented(rows: Iterable[tuple], *, grant, addresses: Addresses) -> dict[int, dict]:
    """The representation of each event of ``rows`` (of ``event_rows``), by id, in their order."""
    events = {row[0]: row for row in rows}
    if not events:
        return {}
    parts = event_parts(events.values())
    articles, counts, evidence = article_refs(list(events), grant, addresses)
    return {
        pk: event_whole(
            parts[pk],
            uuid=str(row[1]),
            version=row[2],
            updated_at=row[23],
            articles=articles.get(pk, []),
            articles_count=counts.get(pk, 0),
            evidence=evidence.get(pk, []),
            addresses=addresses,
        )
        for pk, row in events.items()
    }


def event_whole(
    parts, *, uuid, version, updated_at, articles, articles_count, addresses, evidence=()
) -> dict:
    """The representation of an event from its own ``parts`` and what depends on the request."""
    return {
        "id": uuid,
        "version": version,
        "api_url": addresses.event(uuid),
        "url": fill_event(addresses.event_page, uuid),
        **parts,
        "articles": articles,
        "articles_count": articles_count,
        "articles_url": addresses.articles_api + uuid,
        "evidence": list(evidence),
        "updated_at": addresses.datetime(updated_at),
    }


def event_parts(rows: Iterable[tuple]) -> dict[int, dict]:
    """What each event of ``rows`` (of ``event_rows``) shows of itself alone, whoever asks:
    the fields from ``title`` to ``quantities``, by id, in their order. Four queries."""
    events = {row[0]: row for row in rows}
    if not events:
        return {}
    ids = list(events)
    places = {
        row[0]: {
            "slug": row[1],
            "name": row[2],
            "country": row[3],
            "latitude": _float(row[4]),
            "longitude": _float(row[5]),
            "location_precision": row[6],
            "geonames_id": row[7],
        }
        for row in Place.objects.filter(pk__in={r[22] for r in events.values()} - {None})
        .order_by()
        .values_list(
            "pk",
            "slug",
            "name",
            "country__iso_code",
            "latitude",
            "longitude",
            "location_precision",
            "geonames_id",
        )
    }
    participants = defaultdict(list)
    for row in (
        Participation.objects.filter(event_id__in=IdList(ids))
        .order_by(*Participation._meta.ordering)
        .values_list("event_id", "actor__slug", "actor__name", "actor__kind", "role",
                     "on_behalf_of__slug", "on_behalf_of__name", "on_behalf_of__kind", "office")
    ):  # fmt: skip
        participants[row[0]].append(
            {
                "actor": _actor(row[1], row[2], row[3]),
                "role": row[4],
                "on_behalf_of": _actor(row[5], row[6], row[7]),
                "office": row[8],
            }
        )
    supports = list(
        EventSource.objects.filter(event_id__in=IdList(ids))
        .order_by("pk")
        .values_list("event_id", "source_id", "quote")
    )
    sources = source_references(s[1] for s in supports)
    event_sources = defaultdict(list)
    for event_id, source_id, quote in supports:
        event_sources[event_id].append({"source": sources[source_id], "quote": quote})
    quantities = defaultdict(list)
    for event_id, value, unit, text in (
        EventQuantity.objects.filter(event_id__in=IdList(ids))
        .order_by("pk")
        .values_list("event_id", "value", "unit", "text")
    ):
        quantities[event_id].append({"value": _decimal(Decimal(value)), "unit": unit, "text": text})
    result = {}
    for pk, row in events.items():
        result[pk] = {
            "title": row[3],
            "summary": row[4],
            "dates": {
                "text": row[5],
                "edtf": row[6],
                "start": _date(row[7], row[8], row[9], row[10]),
                "end": _date(row[11], row[12], row[13], row[14]),
                "starts_on": row[15].isoformat(),
                "ends_on": row[16].isoformat(),
            },
            "modality": row[17],
            "type": {"slug": row[18], "name": row[19]},
            "family": {"slug": row[20], "name": row[21]},
            "place": places.get(row[22]),
            "participants": participants[pk],
            "sources": event_sources[pk],
            "quantities": quantities[pk],
        }
    return result


REFERENCE_COLUMNS = ("pk", "published_at", "title", "slug", "publication__slug")


def _readable_references(embargoed: bool, restricted: bool) -> Prepared:
    """The references of those of the articles ``ids`` a plan reads (the articles app's rule,
    ``articles.selectors.readable_slotted``). Prepared (``monitor.core.prepared``): every event
    list and every export batch asks it."""
    return Prepared(
        Article,
        lambda: (
            readable_slotted(embargoed, restricted)
            .filter(pk__in=IdsSlot("ids"))
            .order_by()
            .values_list(*REFERENCE_COLUMNS)
        ),
    )


_READABLE_REFERENCES = {
    (embargoed, restricted): _readable_references(embargoed, restricted)
    for embargoed in (False, True)
    for restricted in (False, True)
}
_LINKS = Prepared(
    Event.articles.through,
    lambda: (
        Event.articles.through.objects.filter(event_id__in=IdsSlot("events"))
        .order_by()
        .values_list("event_id", "article_id")
    ),
)
_EVIDENCE = Prepared(
    EventEvidence,
    lambda: (
        EventEvidence.objects.filter(event_id__in=IdsSlot("events"))
        .order_by("pk")
        .values_list("event_id", "article_id", "anchor", "excerpt", "in_article")
    ),
)


def article_refs(ids, grant, addresses) -> tuple[dict, dict, dict]:
    """The latest ``ARTICLES_SHOWN`` articles reporting each event that the plan's ``grant``
    (a request's ``auth``; None reads none) may read, newest first, how many there are, and
    the paragraphs of readable articles that support it (its evidence, as recorded), by
    event id.

    The links first (an index of the link table), then each linked article once, by id, if
    the plan reads it: the readable rule stays the articles app's own, and an article
    reporting many of the batch's events is read and made into a reference once, not once
    per event (an export's batch of 5,000 events names about 10,000 links to 1,000 articles).
    Three statements prepared once per connection.
    """
    if grant is None:
        return {}, {}, {}
    reporting = defaultdict(list)
    for event_id, article_id in _LINKS.rows(events=ids):
        reporting[event_id].append(article_id)
    supporting = _EVIDENCE.rows(events=ids)
    linked = {article_id for article_ids in reporting.values() for article_id in article_ids}
    linked |= {row[1] for row in supporting}
    readable = {}  # each article's reference made once for the batch, shared by its events
    found = _READABLE_REFERENCES[grant.include_embargoed, grant.publication_ids is not None]
    for pk, published_at, title, slug, publication_slug in found.rows(
        ids=linked, now=timezone.now(), publications=grant.publication_ids or ()
    ):
        reference = {
            "id": pk,
            "title": title,
            "published_at": addresses.datetime(published_at),
            "url": addresses.article_page(publication_slug, slug, published_at),
            "api_url": addresses.article(pk),
        }
        readable[pk] = (reference, (published_at, pk))  # newest first: by date, then id
    articles, counts = {}, {}
    for event_id, article_ids in reporting.items():
        shown = [readable[pk] for pk in article_ids if pk in readable]
        if not shown:
            continue
        if len(shown) > 1:
            shown.sort(key=_newest_first, reverse=True)
        counts[event_id] = len(shown)
        articles[event_id] = [reference for reference, _ in shown[:ARTICLES_SHOWN]]
    evidence = defaultdict(list)
    for event_id, article_id, anchor, excerpt, in_article in supporting:
        if article_id in readable:
            url = readable[article_id][0]["url"]
            evidence[event_id].append(
                {
                    "article": article_id,
                    "anchor": anchor,
                    "url": f"{url}#{anchor}" if in_article else url,
                    "excerpt": excerpt,
                    "in_article": in_article,
                }
            )
    return articles, counts, evidence


_newest_first = itemgetter(1)  # published_at (never empty for a readable article), then id
