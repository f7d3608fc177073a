"""The subscriber API's event side: events (also as CSV and GeoJSON), actors, places, codebook.

Every viewset here needs a plan that includes events (``requires_events``).
"""

import hashlib

from django.db import models
from django.http import Http404, HttpResponsePermanentRedirect, StreamingHttpResponse
from django.urls import reverse
from django.utils.http import http_date
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from articles.api import FIELDS_PARAMETER, SubscriberViewSet
from monitor.core.sites import site_url

from . import serializers
from .filters import EventFilterSet
from .fragments import compact_renderer
from .models import Actor, Event, EventFamily, EventType, Place
from .renderers import EventCSVRenderer, EventJSONRenderer, GeoJSONRenderer
from .stored import StoredEvents, csv_stream, geojson_stream, page_rows

EVENT_FORMATS = OpenApiParameter(
    "format",
    OpenApiTypes.STR,
    enum=["json", "csv", "geojson"],
    description="json (default), csv or geojson; or the matching Accept header.",
)
STREAMED_FORMATS = {"csv": csv_stream, "geojson": geojson_stream}
# CSV and GeoJSON are written with every column: ``fields`` trims JSON only.
FIELDS_JSON_ONLY = "CSV and GeoJSON have fixed columns: fields trims JSON answers only."
EXPORT_CHUNK = 5000


class EventsViewSet(SubscriberViewSet):
    requires_events = True

    def content_last_modified(self):
        return Event.objects.public().aggregate(latest=models.Max("updated_at"))["latest"]


@extend_schema_view(
    list=extend_schema(
        summary="Events, in date order",
        parameters=[FIELDS_PARAMETER, EVENT_FORMATS],
        description="Also as CSV (?format=csv, one flat row per event) and GeoJSON "
        "(?format=geojson, events with coordinates): both stream every matching event "
        "without pagination.",
        responses={
            (200, "application/json"): serializers.EventSerializer(many=True),
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="One row per event."),
            (200, "application/geo+json"): OpenApiResponse(
                OpenApiTypes.OBJECT, description="A GeoJSON FeatureCollection."
            ),
        },
    ),
    retrieve=extend_schema(
        summary="One event",
        parameters=[FIELDS_PARAMETER, EVENT_FORMATS],
        responses={
            (200, "application/json"): serializers.EventSerializer,
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="One row."),
            (200, "application/geo+json"): OpenApiResponse(
                OpenApiTypes.OBJECT, description="A FeatureCollection of at most one feature."
            ),
        },
    ),
)
class EventViewSet(EventsViewSet):
    serializer_class = serializers.EventSerializer
    filterset_class = EventFilterSet
    lookup_field = "uuid"
    renderer_classes = [EventJSONRenderer, EventCSVRenderer, GeoJSONRenderer]

    def requested_fields(self):
        if self.request.accepted_renderer.format in STREAMED_FORMATS and (
            "fields" in self.request.query_params
        ):
            raise ValidationError({"fields": [FIELDS_JSON_ONLY]})
        return super().requested_fields()

    def retrieve(self, request, *args, **kwargs):
        try:
            return super().retrieve(request, *args, **kwargs)
        except Http404:
            # A merged event's address moved for good to the event it was merged into.
            survivor = Event.objects.survivor_of(self.kwargs["uuid"])
            if survivor is None:
                raise
        path = reverse("api:event-detail", kwargs={"uuid": survivor.uuid})
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(
            site_url(request) + path + (f"?{query}" if query else "")
        )

    def get_queryset(self):
        # Only the events: their representation is loaded a page (or an export's batch) at
        # a time, as rows, by the serializer (events.representations).
        return Event.objects.public().chronological()

    def list(self, request, *args, **kwargs):
        export = STREAMED_FORMATS.get(request.accepted_renderer.format)
        if export is None:
            if self.joined_from_stored(request):
                return self.list_stored()
            return super().list(request, *args, **kwargs)
        self.requested_fields()
        events = self.filter_queryset(self.get_queryset())
        state = events.aggregate(
            n=models.Count("pk", distinct=True),
            latest=models.Max("updated_at"),
            versions=models.Sum("version"),
        )
        # A batch of events at a time, joined from their stored parts; memory stays flat.
        stored = StoredEvents(self.get_serializer_class()(context=self.get_serializer_context()))
        response = StreamingHttpResponse(
            export(stored, events, EXPORT_CHUNK), content_type=request.accepted_renderer.media_type
        )
        key = f"{request.get_full_path()}|{state['n']}|{state['latest']}|{state['versions']}"
        response["ETag"] = f'"{hashlib.sha256(key.encode()).hexdigest()[:32]}"'
        if state["latest"]:
            response["Last-Modified"] = http_date(state["latest"].timestamp())
        if request.accepted_renderer.format == "csv":
            response["Content-Disposition"] = 'attachment; filename="events.csv"'
        return response

    def joined_from_stored(self, request) -> bool:
        """Whether the JSON page is written from the events' stored parts: unless trimmed to
        ``?fields=`` or indented (``Accept: application/json; indent=4``), which the
        serializer writes."""
        renderer = request.accepted_renderer
        return (
            "fields" not in request.query_params
            and compact_renderer()
            and renderer.get_indent(request.accepted_media_type, {}) is None
        )

    def list_stored(self):
        """The page as ``list`` writes it, its events joined from their stored parts."""
        self.served = None
        rows = self.paginate_queryset(page_rows(self.filter_queryset(self.get_queryset())))
        stored = StoredEvents(self.get_serializer_class()(context=self.get_serializer_context()))
        response = self.get_paginated_response(stored.page(rows))
        when = max((row["updated_at"] for row in rows), default=None)
        if when is None:
            when = self.content_last_modified()
        if when is not None:
            response["Last-Modified"] = http_date(when.timestamp())
        return response


class ActorViewSet(EventsViewSet):
    serializer_class = serializers.ActorSerializer
    lookup_field = "slug"
    queryset = (
        # Actor.objects.public() as the stored timelines know it: one probe an actor (the
        # rule itself, three EXISTS over the participations, is seconds at 50,000 events).
        Actor.objects.with_timeline()
        .select_related("country")
        .prefetch_related("aliases")
        .order_by("name", "id")
    )


class PlaceViewSet(EventsViewSet):
    serializer_class = serializers.PlaceSerializer
    lookup_field = "slug"
    queryset = Place.objects.select_related("country").order_by("name", "id")


class EventTypeViewSet(EventsViewSet):
    serializer_class = serializers.EventTypeSerializer
    lookup_field = "slug"
    # In codebook order (families, then types, as seeded); /codebook/ nests them.
    queryset = EventType.objects.select_related("family").order_by("id")


@extend_schema(
    summary="The whole event codebook, versioned",
    responses=serializers.CodebookSerializer,
)
class CodebookView(generics.GenericAPIView):
    """Families with their types in one answer; ``version`` changes when anything in it does."""

    requires_events = True
    metadata_class = None
    pagination_class = None
    queryset = EventFamily.objects.all()
    serializer_class = serializers.CodebookSerializer

    def get(self, request):
        self.filter_queryset(self.get_queryset())  # refuses unknown parameters
        families = EventFamily.objects.prefetch_related(
            models.Prefetch("types", EventType.objects.order_by("position", "name"))
        ).order_by("position", "name")
        data = serializers.CodebookFamilySerializer(families, many=True).data
        version = hashlib.sha256(repr(data).encode()).hexdigest()[:12]
        response = Response({"version": version, "families": data})
        latest = Event.objects.public().aggregate(latest=models.Max("updated_at"))["latest"]
        if latest:
            response["Last-Modified"] = http_date(latest.timestamp())
        return response
