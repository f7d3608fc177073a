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
from functools import lru_cache

from django.urls import reverse
from django.utils import timezone
from rest_framework import ISO_8601, serializers
from rest_framework.settings import api_settings

from articles.dates import FuzzyDate, Precision
from articles.models import Source
from articles.serializers import api_url, public_url

from .models import Event, EventQuantity, EventSource, Participation, Place

# An event names at most this many of the articles reporting it (the latest ones).
ARTICLES_SHOWN = 20

# Addresses are reversed once per request with these in place of the ids, then filled in per
# row: reverse() costs about 0.1 ms, several times a whole row's other work.
_UUID = "00000000-0000-4000-8000-00000000feed"
_PK = "987654321"  # as many digits as an id in a URL may have (converters.Number)
_ARTICLE = {"publication": "p-placeholder", "year": 9871, "month": "93", "day": "94",
            "slug": "s-placeholder"}  # fmt: skip
_ARTICLE_PATH = "p-placeholder/9871/93/94/s-placeholder"


def _datetimes():
    """Django REST framework's rendering of a datetime (in the current time zone, ISO 8601,
    "Z" for UTC) for a whole batch: the time zone is looked up once, not per value."""
    zone = timezone.get_current_timezone()
    if api_settings.DATETIME_FORMAT != ISO_8601:
        return serializers.DateTimeField().to_representation

    def render(value):
        if value is None:
            return None
        text = value.astimezone(zone).isoformat()
        return text[:-6] + "Z" if text.endswith("+00:00") else text

    return render


_decimal = serializers.DecimalField(
    max_digits=14, decimal_places=2, coerce_to_string=False
).to_representation


def event_path():
    """The path of an event's public page with ``_UUID`` in place of its id (``fill_event``)."""
    return reverse("events:event", kwargs={"uuid": _UUID})


def fill_event(path: str, uuid) -> str:
    return path.replace(_UUID, str(uuid))


class Addresses:
    """The addresses a representation gives, for one request."""

    def __init__(self, serializer):
        self.event_api = api_url(serializer, "event-detail", uuid=_UUID)
        self.event_page = public_url(event_path())
        self.article_api = api_url(serializer, "article-detail", pk=_PK)
        self.articles_api = api_url(serializer, "article-list") + "?event="
        page = public_url(reverse("articles:detail", kwargs=_ARTICLE))
        self._article = page.split(_ARTICLE_PATH)
        assert len(self._article) == 2, page

    def article_page(self, publication_slug: str, slug: str, published_at) -> str:
        """``public_url(article.get_absolute_url())`` without reversing it."""
        if published_at is None:
            return ""
        day = timezone.localdate(published_at)
        before, after = self._article
        return f"{before}{publication_slug}/{day.year}/{day.month:02d}/{day.day:02d}/{slug}{after}"


@lru_cache(maxsize=4096)
def _iso(year, month, day, precision) -> str:
    return FuzzyDate(year, month, day, Precision(precision)).isoformat()


def _date(year, month, day, precision) -> dict | None:
    if year is None or not precision:
        return None
    return {"date": _iso(year, month, day, precision), "precision": precision}


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
    event_ids: Iterable[int], *, readable_articles, addresses: Addresses
) -> dict[int, dict]:
    """The representation of each event in ``event_ids``, by id (a batch: a few hundred)."""
    ids = list(event_ids)
    if not ids:
        return {}
    _datetime = _datetimes()
    rows = Event.objects.filter(pk__in=ids).order_by().values_list(*EVENT_COLUMNS)
    events = {row[0]: row for row in rows}
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
        Participation.objects.filter(event_id__in=ids)
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
        EventSource.objects.filter(event_id__in=ids)
        .order_by("pk")
        .values_list("event_id", "source_id", "quote")
    )
    sources = {
        row[0]: {
            "id": row[0],
            "outlet": {"slug": row[1], "name": row[2]},
            "date": _iso(row[3], row[4], row[5], row[6]),
            "date_precision": row[6],
            "title": row[7],
            "url": row[8],
            "language": row[9],
        }
        for row in Source.objects.filter(pk__in={s[1] for s in supports})
        .order_by()
        .values_list(
            "pk",
            "outlet__slug",
            "outlet__name",
            "date_year",
            "date_month",
            "date_day",
            "date_precision",
            "title",
            "url",
            "language",
        )
    }
    event_sources = defaultdict(list)
    for event_id, source_id, quote in supports:
        event_sources[event_id].append({"source": sources[source_id], "quote": quote})
    quantities = defaultdict(list)
    for event_id, value, unit, text in (
        EventQuantity.objects.filter(event_id__in=ids)
        .order_by("pk")
        .values_list("event_id", "value", "unit", "text")
    ):
        quantities[event_id].append({"value": _decimal(Decimal(value)), "unit": unit, "text": text})
    articles, counts = defaultdict(list), defaultdict(int)
    # From the articles' side, so that the readable rule is the articles app's own and the
    # database starts from the page's events (the other way round, SQLite probes every
    # readable article against the page).
    for event_id, pk, title, published_at, slug, publication_slug in (
        readable_articles.filter(events__in=ids)
        .order_by("events", "-published_at", "-pk")
        .values_list("events", "pk", "title", "published_at", "slug", "publication__slug")
    ):
        counts[event_id] += 1
        if counts[event_id] <= ARTICLES_SHOWN:
            articles[event_id].append(
                {
                    "id": pk,
                    "title": title,
                    "published_at": _datetime(published_at),
                    "url": addresses.article_page(publication_slug, slug, published_at),
                    "api_url": addresses.article_api.replace(_PK, str(pk)),
                }
            )
    result = {}
    for pk, row in events.items():
        uuid = str(row[1])
        result[pk] = {
            "id": uuid,
            "version": row[2],
            "api_url": addresses.event_api.replace(_UUID, uuid),
            "url": fill_event(addresses.event_page, uuid),
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
            "articles": articles[pk],
            "articles_count": counts[pk],
            "articles_url": addresses.articles_api + uuid,
            "updated_at": _datetime(row[23]),
        }
    return result
