"""The subscriber API's representations of publications, articles, outlets and sources.

Nested serializers read only what the viewsets prefetch. Events appear here through the
``events`` relation by attribute (public id, title, dates), so articles import nothing
from events. An article's ``version`` is derived: the Unix time of its last change, which
grows with every save (it is not a count of revisions).

Articles themselves are written out by hand from rows (``articles.representations``), a page
at a time: the fields declared here say what they hold, for the schema.
"""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from monitor.core.sites import site_url

from .models import Author, Change, Outlet, Region, Source
from .representations import (
    Addresses,
    api_url,
    article_representations,
    ninjs_items,
    public_url,
)


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

    def field_names(self) -> list[str]:
        """The names of the top-level ``fields``, in order, without building them (which
        copies every declared field, nested serializers and all)."""
        wanted = self.context.get("fields")
        return [name for name in self._declared_fields if not wanted or name in wanted]


class BatchListSerializer(serializers.ListSerializer):
    """A page of items represented in one batch (a few queries for the whole page) by the
    child's ``batch(ids)``; an item deleted between the page's query and the batch's is left
    out, not an error."""

    def to_representation(self, data):
        items = list(data.all() if hasattr(data, "all") else data)
        found = self.child.batch([item.pk for item in items])
        return [found[item.pk] for item in items if item.pk in found]


def request_addresses(serializer, kind: type[Addresses] = Addresses) -> Addresses:
    """The request's addresses, reversed once for all the serializers sharing its context."""
    key = f"_addresses_{kind.__qualname__}"
    if key not in serializer.context:
        serializer.context[key] = kind(serializer)
    return serializer.context[key]


def trimmed(data: dict, names: list[str]) -> dict:
    """``data`` with only the fields ``names`` (a serializer's, after ``?fields=``), in order."""
    return data if len(names) == len(data) else {name: data[name] for name in names}


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
        return public_url(article.get_absolute_url(), self.context.get("request"))

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
        return public_url(article.get_absolute_url(), self.context.get("request"))

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

    detail = False  # the summary form

    class Meta:
        list_serializer_class = BatchListSerializer

    def to_representation(self, article):
        """Written out by hand in ``articles.representations`` (the declared fields say what
        it holds, for the schema); trimmed to ``?fields=``."""
        return self.batch([article.pk])[article.pk]

    def batch(self, article_ids) -> dict[int, dict]:
        found = article_representations(
            article_ids,
            detail=self.detail,
            # Only the detail's cross-references ask which articles the request may read.
            grant=request_grant(self) if self.detail else None,
            include_events=bool(self.context.get("include_events")),
            addresses=request_addresses(self),
        )
        names = self.field_names()
        return {pk: trimmed(data, names) for pk, data in found.items()}


def request_grant(serializer):
    """What the serializer's request may read (``request.auth``); None without a request."""
    request = serializer.context.get("request")
    return getattr(request, "auth", None) if request else None


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
        return public_url(article.image.url, self.context.get("request")) if article.image else ""


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

    detail = True

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


API_PATHS = {
    Change.Resource.ARTICLE: "api:article-detail",
    Change.Resource.EVENT: "api:event-detail",
    Change.Resource.SOURCE: "api:source-detail",
    Change.Resource.OUTLET: "api:outlet-detail",
    Change.Resource.ACTOR: "api:actor-detail",
}


class ChangeEntrySerializer(serializers.Serializer):
    """A change-feed entry: the feed lists them (with a cursor each), and the API detail of
    a retracted article answers 410 with its tombstone entry."""

    type = serializers.SerializerMethodField(help_text='"article.published", "event.merged"…')
    resource = serializers.CharField()
    id = serializers.CharField(source="resource_id")
    action = serializers.CharField()
    version = serializers.IntegerField()
    at = serializers.DateTimeField()
    url = serializers.SerializerMethodField(help_text="Where to fetch it (absent for removals).")
    tombstone = serializers.SerializerMethodField()

    def get_type(self, change) -> str:
        return f"{change.resource}.{change.action}"

    def get_url(self, change) -> str | None:
        if change.tombstone:
            return None
        path = reverse(API_PATHS[change.resource], args=[change.resource_id])
        return site_url(self.context.get("request")) + path

    def get_tombstone(self, change) -> dict | None:
        if not change.tombstone:
            return None
        return {"reason": change.reason or change.action, "replaced_by": change.replaced_by or None}


class NinjsArticleSerializer(serializers.Serializer):
    """An article as IPTC ninjs 3.1 (News in JSON): ``articles.representations.ninjs_item``."""

    class Meta:
        list_serializer_class = BatchListSerializer

    def to_representation(self, article):
        return self.batch([article.pk])[article.pk]

    def batch(self, article_ids) -> dict[int, dict]:
        return ninjs_items(
            article_ids,
            grant=request_grant(self),
            include_events=bool(self.context.get("include_events")),
            addresses=request_addresses(self),
        )


class PublicationSerializer(TrimmableSerializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    short_name = serializers.CharField()
    description = serializers.CharField()
    first_year = serializers.IntegerField(help_text="Volume N covers first_year + N - 1.")
    url = serializers.SerializerMethodField()

    def get_url(self, publication) -> str:
        return public_url(publication.get_absolute_url(), self.context.get("request"))


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
        return public_url(author.get_absolute_url(), self.context.get("request"))


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
