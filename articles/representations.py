"""Articles as the API represents them, loaded in bulk: one query per related table for a
whole page, read as plain rows (no model instances), assembled into the dicts the declared
fields of ``articles.serializers.ArticleSummarySerializer`` and ``ArticleDetailSerializer``
describe, and the ninjs items made from them.

The list (summary form, or detail form as ninjs) and the detail both come from here, so the
formats never disagree. ``tests/articles/test_representations.py`` compares the result field
for field with what Django REST framework's own field machinery makes of model instances.
The events app builds on the helpers here (addresses, datetimes, sources): events depend on
articles, never the other way round.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from django.db import models
from django.urls import reverse
from django.utils import timezone
from rest_framework import ISO_8601, serializers
from rest_framework.settings import api_settings

from monitor.core.expressions import IdList
from monitor.core.prepared import IdsSlot, Prepared, Slot
from monitor.core.sites import site_url

from .dates import FuzzyDate, Precision
from .models import (
    PUBLIC_STATES,
    Article,
    ArticleAuthor,
    Citation,
    Correction,
    CrossReference,
    Note,
    Source,
    SummaryPoint,
)
from .selectors import public_events, readable_under


def public_url(path: str, request=None) -> str:
    """A public page's canonical address: on ``MONITOR_SITE_URL``, else on the host
    ``request`` came to (``monitor.core.sites``)."""
    return f"{site_url(request)}{path}" if path else ""


def api_url(serializer, name: str, **kwargs) -> str:
    """An API address, absolute as ``public_url`` makes it (for the serializer's request)."""
    return public_url(reverse(f"api:{name}", kwargs=kwargs), serializer.context.get("request"))


# Addresses are reversed once per request with these in place of the ids, then filled in per
# row: reverse() costs about 0.1 ms, several times a whole row's other work.
UUID_PLACEHOLDER = "00000000-0000-4000-8000-00000000feed"
PK_PLACEHOLDER = "987654321"  # as many digits as an id in a URL may have (converters.Number)
_ARTICLE = {"publication": "p-placeholder", "year": 9871, "month": "93", "day": "94",
            "slug": "s-placeholder"}  # fmt: skip
_ARTICLE_PATH = "p-placeholder/9871/93/94/s-placeholder"


class Addresses:
    """The addresses a representation gives, for one request."""

    def __init__(self, serializer):
        self.site = site_url(serializer.context.get("request"))
        self.article_api = api_url(serializer, "article-detail", pk=PK_PLACEHOLDER)
        self.event_api = api_url(serializer, "event-detail", uuid=UUID_PLACEHOLDER)
        page = self.public(reverse("articles:detail", kwargs=_ARTICLE))
        self._article = page.split(_ARTICLE_PATH)
        assert len(self._article) == 2, page
        self._zone = timezone.get_current_timezone()  # looked up once, not per article

    def article_page(self, publication_slug: str, slug: str, published_at) -> str:
        """``public_url(article.get_absolute_url())`` without reversing it."""
        if published_at is None:
            return ""
        day = published_at.astimezone(self._zone)
        before, after = self._article
        return f"{before}{publication_slug}/{day.year}/{day.month:02d}/{day.day:02d}/{slug}{after}"

    def public(self, path: str) -> str:
        """``public_url(path, request)``, the site's address looked up once."""
        return f"{self.site}{path}" if path else ""

    def article(self, pk: int) -> str:
        return self.article_api.replace(PK_PLACEHOLDER, str(pk))

    def event(self, uuid: str) -> str:
        return self.event_api.replace(UUID_PLACEHOLDER, uuid)


def datetimes():
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


@lru_cache(maxsize=4096)
def fuzzy_iso(year, month, day, precision) -> str:
    """``FuzzyDate.isoformat()`` of a date stored as columns (the database checks they fit)."""
    return FuzzyDate(year, month, day, Precision(precision)).isoformat()


SOURCE_COLUMNS = (
    "pk", "outlet__slug", "outlet__name", "date_year", "date_month", "date_day",
    "date_precision", "title", "url", "language",
)  # fmt: skip


def source_reference(row) -> dict:
    """A source as ``SourceRefSerializer`` describes it, from a row of ``SOURCE_COLUMNS``."""
    return {
        "id": row[0],
        "outlet": {"slug": row[1], "name": row[2]},
        "date": fuzzy_iso(row[3], row[4], row[5], row[6]),
        "date_precision": row[6],
        "title": row[7],
        "url": row[8],
        "language": row[9],
    }


def source_references(source_ids: Iterable[int]) -> dict[int, dict]:
    """Each source of ``source_ids`` as ``SourceRefSerializer`` describes it, by id."""
    ids = set(source_ids)
    if not ids:
        return {}
    rows = Source.objects.filter(pk__in=IdList(ids)).order_by().values_list(*SOURCE_COLUMNS)
    return {row[0]: source_reference(row) for row in rows}


ARTICLE_COLUMNS = (
    "pk", "version", "status", "title", "dek", "publication__slug", "publication__name",
    "publication__short_name", "volume", "issue_number", "published_at", "updated_at", "slug",
)  # fmt: skip
CROSS_REFERENCE_COLUMNS = (
    "article_id", "text", "paragraph", "target_publication__slug", "target_publication__name",
    "target_publication__short_name", "target_year", "target_month", "target_day",
    "target_precision", "target_article_id", "target_readable", "target_article__title",
    "target_article__published_at", "target_article__slug", "target_article__publication__slug",
)  # fmt: skip
DETAIL_COLUMNS = ("body_html", "body", "image", "image_alt", "image_credit", "created_at")

# The queries of a representation, prepared once per database connection: only the ids change
# from request to request, and building and compiling each query costs the ORM several times
# what the database takes to run it (``monitor.core.prepared``).
IDS = IdsSlot("ids")
_ROWS = {
    detail: Prepared(
        Article,
        lambda columns=ARTICLE_COLUMNS + (DETAIL_COLUMNS if detail else ()): (
            Article.objects.filter(pk__in=IDS).order_by().values_list(*columns)
        ),
    )
    for detail in (False, True)
}
_AUTHORS = Prepared(
    ArticleAuthor,
    lambda: (
        ArticleAuthor.objects.filter(article_id__in=IDS)
        .order_by("position", "pk")
        .values_list("article_id", "author__slug", "author__name")
    ),
)
_TOPICS = Prepared(
    Article.topics.through,
    lambda: (
        Article.topics.through.objects.filter(article_id__in=IDS)
        .order_by("topic__name", "topic_id")
        .values_list("article_id", "topic__slug", "topic__name")
    ),
)
_REGIONS = Prepared(
    Article.regions.through,
    lambda: (
        Article.regions.through.objects.filter(article_id__in=IDS)
        .order_by("region__name", "region_id")
        .values_list("article_id", "region__slug", "region__name", "region__iso_code")
    ),
)
_SUMMARIES = Prepared(
    SummaryPoint,
    lambda: (
        SummaryPoint.objects.filter(article_id__in=IDS)
        .order_by("position", "pk")
        .values_list("article_id", "text")
    ),
)
_NOTES = Prepared(
    Note,
    lambda: (
        Note.objects.filter(article_id__in=IDS)
        .order_by("number")
        .values_list("article_id", "number", "text", "text_html")
    ),
)
_CORRECTIONS = Prepared(
    Correction,
    lambda: (
        Correction.objects.filter(article_id__in=IDS)
        .order_by("published_at", "pk")
        .values_list("article_id", "published_at", "text")
    ),
)
_CITATIONS = Prepared(
    Citation,
    lambda: (
        Citation.objects.filter(article_id__in=IDS)
        .order_by("article_id", "position", "pk")
        .values_list(
            "article_id",
            "text",
            "paragraph",
            "see",
            "source_id",
            *(f"source__{column}" for column in SOURCE_COLUMNS[1:]),
        )
    ),
)


def _cross_references(include_embargoed: bool, restricted: bool) -> Prepared:
    """The cross-references of articles, each with whether a plan (that includes embargoed
    articles or not, reads every publication or some) may read its target."""

    def build():
        readable = readable_under(
            include_embargoed=include_embargoed,
            publication_ids=IdsSlot("publications") if restricted else None,
            now=Slot("now", models.DateTimeField()),
        )
        targets = readable.filter(pk=models.OuterRef("target_article_id"))
        return (
            CrossReference.objects.filter(article_id__in=IDS)
            .annotate(target_readable=models.Exists(targets))
            .order_by("article_id", "position", "pk")
            .values_list(*CROSS_REFERENCE_COLUMNS)
        )

    return Prepared(CrossReference, build)


_CROSS_REFERENCES = {
    (embargoed, restricted): _cross_references(embargoed, restricted)
    for embargoed in (False, True)
    for restricted in (False, True)
}
_EVENTS = Prepared(
    Article._meta.get_field("events").related_model,
    lambda: (
        public_events()
        .filter(articles__in=IDS)
        .order_by("starts_on", "ends_on", "pk")
        .values_list("articles", "uuid", "version", "title", "edtf")
    ),
)


def article_representations(
    article_ids: Iterable[int],
    *,
    detail: bool,
    grant,
    include_events: bool,
    addresses: Addresses,
    now=None,
) -> dict[int, dict]:
    """The summary (or ``detail``) representation of each article in ``article_ids``, by id.

    In the detail, the request's ``grant`` (its plan: ``include_embargoed``,
    ``publication_ids``; None reads none) decides which cross-reference targets are named
    (the others are null; the summary reads none), and events appear only with
    ``include_events``, and only published ones.
    """
    return {
        pk: data
        for pk, (data, _) in _represent(
            article_ids,
            detail=detail,
            grant=grant,
            include_events=include_events,
            addresses=addresses,
            now=now,
        ).items()
    }


def ninjs_items(
    article_ids: Iterable[int], *, grant, include_events: bool, addresses: Addresses
) -> dict[int, dict]:
    """Each article of ``article_ids`` as IPTC ninjs 3.1 (News in JSON), by id."""
    render = datetimes()
    found = _represent(
        article_ids,
        detail=True,
        grant=grant,
        include_events=include_events,
        addresses=addresses,
    )
    return {
        pk: ninjs_item(data, slug=row["slug"], first_created=render(row["created_at"]))
        for pk, (data, row) in found.items()
    }


def _represent(
    article_ids, *, detail, grant, include_events, addresses, now=None
) -> dict[int, tuple[dict, dict]]:
    ids = list(article_ids)
    if not ids:
        return {}
    render = datetimes()
    now = now or timezone.now()
    columns = ARTICLE_COLUMNS + (DETAIL_COLUMNS if detail else ())
    rows = {row[0]: dict(zip(columns, row, strict=True)) for row in _ROWS[detail].rows(ids=ids)}
    authors = _grouped(_AUTHORS.rows(ids=ids), lambda row: {"slug": row[1], "name": row[2]})
    topics = _grouped(_TOPICS.rows(ids=ids), lambda row: {"slug": row[1], "name": row[2]})
    regions = _grouped(
        _REGIONS.rows(ids=ids),
        lambda row: {"slug": row[1], "name": row[2], "iso_code": row[3]},
    )
    summaries = _grouped(_SUMMARIES.rows(ids=ids), lambda row: row[1])
    if detail:
        parts = _detail_parts(
            ids,
            grant=grant,
            include_events=include_events,
            addresses=addresses,
            render=render,
            now=now,
        )
    result = {}
    for pk, row in rows.items():
        when = row["published_at"]
        public = row["status"] in PUBLIC_STATES and when is not None and when <= now
        published_at = render(row["published_at"])
        data = {
            "id": pk,
            "api_url": addresses.article(pk),
            "url": addresses.article_page(
                row["publication__slug"], row["slug"], row["published_at"]
            ),
            "version": row["version"],
            "status": (
                "embargoed"
                if not public
                else "corrected"
                if row["status"] == "corrected"
                else "published"
            ),
            "embargoed_until": None if public else published_at,
            "title": row["title"],
            "dek": row["dek"],
            "publication": {
                "slug": row["publication__slug"],
                "name": row["publication__name"],
                "short_name": row["publication__short_name"],
            },
            "volume": row["volume"],
            "issue": row["issue_number"],
            "published_at": published_at,
            "updated_at": render(row["updated_at"]),
            "authors": authors[pk],
            "topics": topics[pk],
            "regions": regions[pk],
            "summary": summaries[pk],
        }
        if detail:
            data.update(
                {
                    "body_html": row["body_html"],
                    "body_markdown": row["body"],
                    "notes": parts["notes"][pk],
                    "image": _image(row, addresses),
                    "citations": parts["citations"][pk],
                    "cross_references": parts["cross_references"][pk],
                    "events": parts["events"][pk],
                    "corrections": parts["corrections"][pk],
                }
            )
        result[pk] = (data, row)
    return result


def _grouped(rows, make) -> defaultdict[int, list]:
    grouped = defaultdict(list)
    for row in rows:
        grouped[row[0]].append(make(row))
    return grouped


def _image(row, addresses) -> dict | None:
    if not (row["image"] or row["image_credit"]):
        return None
    storage = Article._meta.get_field("image").storage
    return {
        "url": addresses.public(storage.url(row["image"])) if row["image"] else "",
        "alt": row["image_alt"],
        "credit": row["image_credit"],
    }


def _detail_parts(ids, *, grant, include_events, addresses, render, now) -> dict:
    """What the detail adds to the summary, for every article of ``ids``: a query a part."""
    notes = _grouped(
        _NOTES.rows(ids=ids), lambda row: {"number": row[1], "text": row[2], "html": row[3]}
    )
    corrections = _grouped(
        _CORRECTIONS.rows(ids=ids),
        lambda row: {"published_at": render(row[1]), "text": row[2]},
    )
    citations = _grouped(
        _CITATIONS.rows(ids=ids),
        lambda row: {
            "text": row[1],
            "paragraph": row[2],
            "see": row[3],
            "source": source_reference(row[4:]),
        },
    )
    if grant is None:  # reads no article: no target is named
        references = _CROSS_REFERENCES[False, True].rows(ids=ids, now=now, publications=[])
    else:
        restricted = grant.publication_ids is not None
        references = _CROSS_REFERENCES[grant.include_embargoed, restricted].rows(
            ids=ids, now=now, publications=grant.publication_ids or ()
        )
    cross_references = _grouped(
        references,
        lambda row: {
            "text": row[1],
            "paragraph": row[2],
            "target_publication": {"slug": row[3], "name": row[4], "short_name": row[5]},
            "target_date": fuzzy_iso(row[6], row[7], row[8], row[9]),
            "target": None
            if row[10] is None or not row[11]
            else {
                "id": row[10],
                "title": row[12],
                "published_at": render(row[13]),
                "url": addresses.article_page(row[15], row[14], row[13]),
                "api_url": addresses.article(row[10]),
            },
        },
    )
    events = defaultdict(list)
    if include_events:
        for article_id, uuid, version, title, edtf in _EVENTS.rows(ids=ids):
            uuid = str(uuid)
            events[article_id].append(
                {
                    "id": uuid,
                    "version": version,
                    "title": title,
                    "date": edtf,
                    "api_url": addresses.event(uuid),
                }
            )
    return {
        "notes": notes,
        "corrections": corrections,
        "citations": citations,
        "cross_references": cross_references,
        "events": events,
    }


def ninjs_item(data: dict, *, slug: str, first_created: str) -> dict:
    """An article's detail representation as an IPTC ninjs 3.1 item."""
    authors = [author["name"] for author in data["authors"]]
    item = {
        "uri": data["url"] or data["api_url"],
        "type": "text",
        "version": str(data["version"]),
        "firstCreated": first_created,
        "versionCreated": data["updated_at"],
        "contentCreated": data["published_at"],
        "pubStatus": "usable",
        "language": "en",
        "slugline": slug,
        "headlines": [{"role": "main", "value": data["title"]}],
        "bodies": [
            {"role": "main", "contentType": "text/html", "value": data["body_html"]},
            {"role": "main", "contentType": "text/markdown", "value": data["body_markdown"]},
        ],
        "altIds": [{"role": "monitor-api", "value": str(data["id"])}],
        "subjects": [
            {"name": topic["name"], "literal": topic["slug"], "rel": "about"}
            for topic in data["topics"]
        ],
        "places": [
            {"name": region["name"], "literal": region["iso_code"] or region["slug"]}
            for region in data["regions"]
        ],
        "infoSources": _info_sources(data["citations"]),
        "associations": [
            {"name": "event", "rel": "reports", "uri": event["api_url"], "type": "event"}
            for event in data["events"]
        ]
        + [
            {"name": "cross-reference", "rel": "see-also", "uri": ref["target"]["url"]}
            for ref in data["cross_references"]
            if ref["target"]
        ],
    }
    if data["dek"]:
        item["headlines"].append({"role": "sub", "value": data["dek"]})
    descriptions = [
        {"role": "correction", "contentType": "text/plain", "value": correction["text"]}
        for correction in data["corrections"]
    ]
    if data["summary"]:
        summary = "\n".join(data["summary"])
        descriptions.insert(0, {"role": "summary", "contentType": "text/plain", "value": summary})
    if descriptions:
        item["descriptions"] = descriptions
    if authors:
        item["by"] = " and ".join(authors)
    if data["embargoed_until"]:
        item["embargoedUntil"] = data["embargoed_until"]
    if data["image"] and data["image"]["url"]:
        item["associations"].append(
            {
                "name": "image",
                "rel": "lead-image",
                "uri": data["image"]["url"],
                "type": "picture",
                "renditions": [{"name": "original", "href": data["image"]["url"]}],
                "descriptions": [{"role": "alt", "value": data["image"]["alt"]}],
                "copyrightNotice": data["image"]["credit"],
            }
        )
    return {key: value for key, value in item.items() if value != []}


def _info_sources(citations) -> list[dict]:
    seen, sources = set(), []
    for citation in citations:
        source = citation["source"]
        if source["id"] in seen:
            continue
        seen.add(source["id"])
        entry = {"name": source["outlet"]["name"], "role": "cited", "literal": citation["text"]}
        if source["url"]:
            entry["uri"] = source["url"]
        sources.append(entry)
    return sources
