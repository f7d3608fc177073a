"""The subscriber API's representations of publications, articles, outlets and sources.

Nested serializers read only what the viewsets prefetch. Events appear here through the
``events`` relation by attribute (public id, title, dates), so articles import nothing
from events. An article's ``version`` is derived: the Unix time of its last change, which
grows with every save (it is not a count of revisions).
"""

from django.conf import settings
from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .models import Author, Outlet, Region, Source


def public_url(path: str) -> str:
    """A public page's canonical address, on ``MONITOR_SITE_URL``."""
    return f"{settings.MONITOR_SITE_URL}{path}" if path else ""


def api_url(serializer, name: str, **kwargs) -> str:
    path = reverse(f"api:{name}", kwargs=kwargs)
    request = serializer.context.get("request")
    return request.build_absolute_uri(path) if request else path


class TrimmableSerializer(serializers.Serializer):
    """Keeps only the top-level fields named in ``?fields=`` (the viewset checks the names)."""

    def get_fields(self):
        fields = super().get_fields()
        wanted = self.context.get("fields")
        is_top = self.parent is None or (
            isinstance(self.parent, serializers.ListSerializer) and self.parent.parent is None
        )
        if wanted and is_top:
            return {name: field for name, field in fields.items() if name in wanted}
        return fields


class NamedSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class PublicationRefSerializer(NamedSerializer):
    short_name = serializers.CharField()


class RegionRefSerializer(NamedSerializer):
    iso_code = serializers.CharField(help_text="ISO 3166-1 alpha-2; empty for wider regions.")


class ArticleRefSerializer(serializers.Serializer):
    """An article named from elsewhere (an event, a source, a cross-reference)."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    published_at = serializers.DateTimeField()
    url = serializers.SerializerMethodField(help_text="Canonical public address.")
    api_url = serializers.SerializerMethodField()

    def get_url(self, article) -> str:
        return public_url(article.get_absolute_url())

    def get_api_url(self, article) -> str:
        return api_url(self, "article-detail", pk=article.pk)


class EventRefSerializer(serializers.Serializer):
    """An event named from an article or a source (read by attribute: no import of events)."""

    id = serializers.UUIDField(source="uuid")
    version = serializers.IntegerField()
    title = serializers.CharField()
    date = serializers.CharField(source="edtf", help_text="EDTF: 2025-08-19, 2023-03, 201X…")
    api_url = serializers.SerializerMethodField()

    def get_api_url(self, event) -> str:
        return api_url(self, "event-detail", uuid=event.uuid)


class SourceRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    outlet = NamedSerializer()
    date = serializers.SerializerMethodField(help_text="ISO 8601 at the date's precision.")
    date_precision = serializers.CharField()
    title = serializers.CharField()
    url = serializers.CharField(help_text="The item itself, where known.")
    language = serializers.CharField()

    def get_date(self, source) -> str:
        return source.fuzzy_date().isoformat()


class ArticleSummarySerializer(TrimmableSerializer):
    id = serializers.IntegerField()
    api_url = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField(help_text="Canonical public address.")
    version = serializers.IntegerField(
        help_text="Grows by one with every change subscribers see (as in the change feed)."
    )
    status = serializers.SerializerMethodField(help_text="published, corrected or embargoed.")
    embargoed_until = serializers.SerializerMethodField(
        help_text="Set only for embargoed articles (plans that include them): not before then."
    )
    title = serializers.CharField()
    dek = serializers.CharField()
    publication = PublicationRefSerializer()
    volume = serializers.IntegerField(allow_null=True)
    issue = serializers.IntegerField(source="issue_number", allow_null=True)
    published_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    authors = NamedSerializer(source="byline", many=True)
    topics = NamedSerializer(many=True, source="topics.all")
    regions = RegionRefSerializer(many=True, source="regions.all")
    summary = serializers.SerializerMethodField(help_text="The executive summary's points.")

    def get_api_url(self, article) -> str:
        return api_url(self, "article-detail", pk=article.pk)

    def get_url(self, article) -> str:
        return public_url(article.get_absolute_url())

    def get_status(self, article) -> str:
        if not article.is_public():
            return "embargoed"
        return "corrected" if article.status == "corrected" else "published"

    @extend_schema_field({"type": "string", "format": "date-time", "nullable": True})
    def get_embargoed_until(self, article):
        return (
            None
            if article.is_public()
            else serializers.DateTimeField().to_representation(article.published_at)
        )

    def get_summary(self, article) -> list[str]:
        return [point.text for point in article.summary_points.all()]


class NoteSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    text = serializers.CharField(help_text="Markdown.")
    html = serializers.CharField(source="text_html")


class CorrectionSerializer(serializers.Serializer):
    published_at = serializers.DateTimeField()
    text = serializers.CharField()


class ImageSerializer(serializers.Serializer):
    url = serializers.SerializerMethodField()
    alt = serializers.CharField(source="image_alt")
    credit = serializers.CharField(source="image_credit")

    def get_url(self, article) -> str:
        return public_url(article.image.url) if article.image else ""


class CitationSerializer(serializers.Serializer):
    text = serializers.CharField(help_text="As written: (Tehran Times, August 20).")
    paragraph = serializers.IntegerField()
    see = serializers.BooleanField(help_text="A see-also citation.")
    source = SourceRefSerializer()


class CrossReferenceSerializer(serializers.Serializer):
    text = serializers.CharField(help_text="As written: (see EDM, February 24, 2016).")
    paragraph = serializers.IntegerField()
    target_publication = PublicationRefSerializer()
    target_date = serializers.SerializerMethodField(help_text="ISO 8601 at its precision.")
    target = serializers.SerializerMethodField(
        help_text="The article it points to; null while unresolved or not readable."
    )

    def get_target_date(self, reference) -> str:
        return reference.target_date().isoformat()

    @extend_schema_field(ArticleRefSerializer(allow_null=True))
    def get_target(self, reference):
        # ``target_readable``: the viewset's annotation, so a draft target stays unnamed.
        if reference.target_article is None or not reference.target_readable:
            return None
        return ArticleRefSerializer(reference.target_article, context=self.context).data


class ArticleDetailSerializer(ArticleSummarySerializer):
    body_html = serializers.CharField(help_text="Sanitized HTML, with citation links.")
    body_markdown = serializers.CharField(source="body")
    notes = NoteSerializer(many=True, source="notes.all")
    image = serializers.SerializerMethodField()
    citations = CitationSerializer(many=True, source="citations.all")
    cross_references = CrossReferenceSerializer(many=True, source="cross_references.all")
    events = serializers.SerializerMethodField(
        help_text="Published events the article reports (empty when the plan has no events)."
    )
    corrections = CorrectionSerializer(many=True, source="corrections.all")

    @extend_schema_field(ImageSerializer(allow_null=True))
    def get_image(self, article):
        if not (article.image or article.image_credit):
            return None
        return ImageSerializer(article, context=self.context).data

    @extend_schema_field(EventRefSerializer(many=True))
    def get_events(self, article):
        if not self.context.get("include_events"):
            return []
        return EventRefSerializer(article.public_events, many=True, context=self.context).data


class NinjsArticleSerializer(serializers.Serializer):
    """An article as IPTC ninjs 3.1 (News in JSON)."""

    def to_representation(self, article):
        data = ArticleDetailSerializer(article, context=self.context).data
        authors = [author["name"] for author in data["authors"]]
        item = {
            "uri": data["url"] or data["api_url"],
            "type": "text",
            "version": str(data["version"]),
            "firstCreated": serializers.DateTimeField().to_representation(article.created_at),
            "versionCreated": data["updated_at"],
            "contentCreated": data["published_at"],
            "pubStatus": "usable",
            "language": "en",
            "slugline": article.slug,
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
            descriptions.insert(
                0, {"role": "summary", "contentType": "text/plain", "value": summary}
            )
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


class PublicationSerializer(TrimmableSerializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    short_name = serializers.CharField()
    description = serializers.CharField()
    first_year = serializers.IntegerField(help_text="Volume N covers first_year + N - 1.")
    url = serializers.SerializerMethodField()

    def get_url(self, publication) -> str:
        return public_url(publication.get_absolute_url())


class IssueSerializer(TrimmableSerializer):
    """One issue: in Monitor each numbered issue of a volume is one article."""

    publication = PublicationRefSerializer()
    volume = serializers.IntegerField()
    number = serializers.IntegerField(source="issue_number")
    date = serializers.DateField(source="public_date")
    articles = serializers.SerializerMethodField()

    @extend_schema_field(ArticleRefSerializer(many=True))
    def get_articles(self, article):
        return [ArticleRefSerializer(article, context=self.context).data]


class AuthorSerializer(TrimmableSerializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    bio_html = serializers.CharField()
    url = serializers.SerializerMethodField()

    def get_url(self, author: Author) -> str:
        return public_url(author.get_absolute_url())


class TopicSerializer(TrimmableSerializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class RegionSerializer(TrimmableSerializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=Region.Kind.choices)
    iso_code = serializers.CharField()


class OutletSerializer(TrimmableSerializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=Outlet.Kind.choices)
    home_url = serializers.CharField()
    country = serializers.CharField(source="country.iso_code", allow_null=True, default=None)
    aliases = serializers.SerializerMethodField(help_text="Other names it is written as.")

    def get_aliases(self, outlet) -> list[str]:
        return [alias.name for alias in outlet.aliases.all()]


class SourceSerializer(TrimmableSerializer):
    id = serializers.IntegerField()
    outlet = NamedSerializer()
    date = serializers.SerializerMethodField(help_text="ISO 8601 at the date's precision.")
    date_precision = serializers.CharField()
    title = serializers.CharField()
    url = serializers.CharField()
    language = serializers.CharField()
    articles = serializers.SerializerMethodField(help_text="Readable articles citing it.")
    events = serializers.SerializerMethodField(help_text="Published events it supports.")

    def get_date(self, source: Source) -> str:
        return source.fuzzy_date().isoformat()

    @extend_schema_field(ArticleRefSerializer(many=True))
    def get_articles(self, source):
        articles = {citation.article_id: citation.article for citation in source.readable_citations}
        return ArticleRefSerializer(articles.values(), many=True, context=self.context).data

    @extend_schema_field(EventRefSerializer(many=True))
    def get_events(self, source):
        if not self.context.get("include_events"):
            return []
        events = [event_source.event for event_source in source.public_event_sources]
        return EventRefSerializer(events, many=True, context=self.context).data
