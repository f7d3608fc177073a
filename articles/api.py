"""The subscriber API's article side: thin read-only viewsets over what a subscriber may read.

``request.auth`` is the request's grant, read by attribute (``publication_ids``,
``include_events``, ``include_embargoed``): whoever authenticates provides it, so this
app does not depend on the one that does. Every queryset starts from
``Article.objects.public()`` (or ``public_or_embargoed()``) narrowed to the plan.
"""

from django.db import models
from django.http import Http404
from django.utils.http import http_date
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import renderers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from monitor.core.converters import lookup_pattern

from . import serializers
from .filters import ArticleFilterSet
from .models import (
    Article,
    Author,
    Change,
    Citation,
    Outlet,
    Region,
    Topic,
)
from .selectors import (
    public_event_sources,
    readable_article,
    readable_articles,
    readable_publications,
    retracted_article,
    sources_cited_or_supporting,
)

NINJS_ITEM = {
    "type": "object",
    "description": "IPTC ninjs 3.1: https://www.iptc.org/std/ninjs/ninjs-schema_3.1.json",
    "required": ["uri"],
    "properties": {"uri": {"type": "string", "format": "uri"}},
    "additionalProperties": True,
}
NINJS_PAGE = {
    "type": "object",
    "required": ["results"],
    "properties": {
        "count": {"type": "integer"},
        "next": {"type": "string", "format": "uri", "nullable": True},
        "previous": {"type": "string", "format": "uri", "nullable": True},
        "results": {"type": "array", "items": NINJS_ITEM},
    },
}
ARTICLE_FORMATS = OpenApiParameter(
    "format",
    OpenApiTypes.STR,
    enum=["json", "ninjs"],
    description="json (default) or ninjs; or send Accept: application/ninjs+json.",
)
FIELDS_PARAMETER = OpenApiParameter(
    "fields",
    OpenApiTypes.STR,
    description="Comma-separated top-level fields to keep (the others are left out); JSON "
    "answers only: CSV, GeoJSON and ninjs are not trimmed (400).",
)


class Retracted(Exception):
    """The article asked for was retracted: its address answers 410 Gone."""

    def __init__(self, article):
        super().__init__(article.pk)
        self.article = article


class NinjsRenderer(renderers.JSONRenderer):
    media_type = "application/ninjs+json"
    format = "ninjs"


class SubscriberViewSet(viewsets.ReadOnlyModelViewSet):
    """What every API resource does besides its queryset: ``?fields=``, Last-Modified."""

    metadata_class = None  # GET and HEAD only: OPTIONS is 405

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.lookup_value_regex = lookup_pattern(cls.lookup_field)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        grant = getattr(self.request, "auth", None)
        context["include_events"] = bool(grant and grant.include_events)
        context["fields"] = self.requested_fields()
        return context

    def requested_fields(self) -> set[str] | None:
        value = self.request.query_params.get("fields")
        if value is None:
            return None
        wanted = {name.strip() for name in value.split(",") if name.strip()}
        known = set(self.get_serializer_class()().fields)
        if not wanted or wanted - known:
            raise ValidationError({"fields": [f"Choose among: {', '.join(sorted(known))}."]})
        return wanted

    def paginate_queryset(self, queryset):
        self.served = super().paginate_queryset(queryset)
        return self.served

    def list(self, request, *args, **kwargs):
        self.served = None
        response = super().list(request, *args, **kwargs)
        return self.with_last_modified(response, self.served)

    def retrieve(self, request, *args, **kwargs):
        instance = self.get_object()
        response = Response(self.get_serializer(instance).data)
        return self.with_last_modified(response, [instance])

    def with_last_modified(self, response, objects):
        stamps = [obj.updated_at for obj in objects or () if hasattr(obj, "updated_at")]
        when = max(stamps) if stamps else self.content_last_modified()
        if when is not None:
            response["Last-Modified"] = http_date(when.timestamp())
        return response

    def content_last_modified(self):
        """For resources without timestamps: the latest change to a readable article."""
        return readable_articles(self.request).aggregate(latest=models.Max("updated_at"))["latest"]


@extend_schema_view(
    list=extend_schema(
        summary="Articles, newest first",
        parameters=[FIELDS_PARAMETER, ARTICLE_FORMATS],
        responses={
            (200, "application/json"): serializers.ArticleSummarySerializer(many=True),
            (200, "application/ninjs+json"): NINJS_PAGE,
        },
        description="Summary form. Also as ninjs 3.1 with ?format=ninjs or "
        "Accept: application/ninjs+json.",
    ),
    retrieve=extend_schema(
        summary="One article with its sources, cross-references and events",
        parameters=[FIELDS_PARAMETER, ARTICLE_FORMATS],
        responses={
            (200, "application/json"): serializers.ArticleDetailSerializer,
            (200, "application/ninjs+json"): NINJS_ITEM,
        },
    ),
)
class ArticleViewSet(SubscriberViewSet):
    filterset_class = ArticleFilterSet
    renderer_classes = [renderers.JSONRenderer, NinjsRenderer]

    def get_queryset(self):
        # Only what paging and Last-Modified read: the representation is loaded a page at a
        # time, as rows, by the serializer (articles.representations).
        return (
            readable_articles(self.request).only("pk", "published_at", "updated_at").latest_first()
        )

    def get_object(self):
        """The article of the URL if the plan may read it, else 404 (410 if it was retracted):
        one prepared statement (``readable_article``) in place of building and compiling the
        queryset's."""
        self.filter_queryset(Article.objects.none())  # the query parameters' checks only
        pk = self.kwargs[self.lookup_url_kwarg or "pk"]
        article = readable_article(self.request, pk)
        if article is None:
            retracted = retracted_article(self.request, pk)
            if retracted is not None:
                raise Retracted(retracted)
            # as get_object_or_404 says it
            raise Http404(f"No {Article._meta.object_name} matches the given query.")
        self.check_object_permissions(self.request, article)
        return article

    def retrieve(self, request, *args, **kwargs):
        try:
            return super().retrieve(request, *args, **kwargs)
        except Retracted as gone:
            # What the change feed shows of the retraction, without the feed's cursor.
            entry = Change.retraction(gone.article)
            data = serializers.ChangeEntrySerializer(entry, context={"request": request}).data
            return Response(data, status=410)

    def is_ninjs(self) -> bool:
        renderer = getattr(self.request, "accepted_renderer", None)
        return renderer is not None and renderer.format == "ninjs"

    def get_serializer_class(self):
        if self.is_ninjs():
            return serializers.NinjsArticleSerializer
        if self.action == "retrieve":
            return serializers.ArticleDetailSerializer
        return serializers.ArticleSummarySerializer

    def requested_fields(self):
        if self.is_ninjs() and "fields" in self.request.query_params:
            raise ValidationError({"fields": ["ninjs items cannot be trimmed."]})
        return super().requested_fields()


@extend_schema_view(list=extend_schema(summary="Publications the plan reads"))
class PublicationViewSet(SubscriberViewSet):
    serializer_class = serializers.PublicationSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return readable_publications(self.request).order_by("name")


@extend_schema_view(
    list=extend_schema(
        summary="Issues: volume, number and date, with their articles",
        description="Each numbered issue of a volume is one article in Monitor.",
    )
)
class IssueViewSet(SubscriberViewSet):
    serializer_class = serializers.IssueSerializer
    filterset_class = ArticleFilterSet

    def get_queryset(self):
        return (
            readable_articles(self.request)
            .filter(volume__isnull=False, issue_number__isnull=False)
            .select_related("publication")
            .latest_first()
        )


class AuthorViewSet(SubscriberViewSet):
    serializer_class = serializers.AuthorSerializer
    lookup_field = "slug"

    def get_queryset(self):
        readable = readable_articles(self.request)
        return Author.objects.filter(
            models.Exists(readable.filter(bylines__author=models.OuterRef("pk")))
        ).order_by("name", "id")


class TopicViewSet(SubscriberViewSet):
    serializer_class = serializers.TopicSerializer
    lookup_field = "slug"
    queryset = Topic.objects.order_by("name", "id")


class RegionViewSet(SubscriberViewSet):
    serializer_class = serializers.RegionSerializer
    lookup_field = "slug"
    queryset = Region.objects.order_by("name", "id")


class OutletViewSet(SubscriberViewSet):
    serializer_class = serializers.OutletSerializer
    lookup_field = "slug"

    def get_queryset(self):
        sources = readable_sources(self.request)
        return (
            Outlet.objects.filter(models.Exists(sources.filter(outlet=models.OuterRef("pk"))))
            .select_related("country")
            .prefetch_related("aliases")
            .order_by("name", "id")
        )


@extend_schema_view(
    list=extend_schema(summary="Sources, with the articles and events that cite each")
)
class SourceViewSet(SubscriberViewSet):
    serializer_class = serializers.SourceSerializer

    def get_queryset(self):
        readable = readable_articles(self.request)
        return (
            readable_sources(self.request)
            .select_related("outlet")
            .prefetch_related(
                models.Prefetch(
                    "citations",
                    Citation.objects.filter(article__in=readable)
                    .select_related("article__publication")
                    .order_by("article_id", "position"),
                    to_attr="readable_citations",
                ),
                models.Prefetch(
                    "event_sources",
                    public_event_sources()
                    .select_related("event")
                    .order_by("event__starts_on", "event_id"),
                    to_attr="public_event_sources",
                ),
            )
            .order_by("-starts_on", "-id")
        )


def readable_sources(request):
    """Sources cited by a readable article, or supporting a published event the plan reads."""
    events = bool(request.auth and request.auth.include_events)
    return sources_cited_or_supporting(readable_articles(request), events=events)
