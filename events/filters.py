"""Filtering events: one FilterSet for the public timelines and the subscriber API.

Dates are fuzzy, so a date range needs a rule. ``date_from`` and ``date_to`` accept
``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (``date_from=2023`` starts on 2023-01-01,
``date_to=2023-06`` ends on 2023-06-30), and ``date_mode`` says how an event's covered
range must relate to it:

- ``overlaps`` (default): the event may have happened in the range. "2023" overlaps
  June 2023, and so does "2023-06-10/2023-07-02".
- ``within``: the event certainly happened in the range. "2023" is not within June 2023.

The FilterSet narrows the queryset it is given (``Event.objects.public()``) and never widens it.
"""

import datetime as dt

import django_filters
from django import forms
from django.core.validators import RegexValidator
from django.db import models
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from articles.dates import FuzzyDate, FuzzyDateError
from articles.filters import LARGEST_NUMBER, SlugsFilter, StrictBooleanFilter
from articles.selectors import readable_by, sources_cited_or_supporting

from .models import Actor, Event, EventFamily, EventType, Participation, Place


class FuzzyDateField(forms.CharField):
    """A form field for ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, cleaned to a ``FuzzyDate``."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        try:
            return FuzzyDate.parse_iso(value)
        except FuzzyDateError as error:
            raise forms.ValidationError(str(error)) from None


@extend_schema_field(OpenApiTypes.STR)
class FuzzyDateFilter(django_filters.Filter):
    field_class = FuzzyDateField


BBOX_REVERSED = "The minimum comes first: min_lon,min_lat,max_lon,max_lat."


class BoundingBoxField(forms.CharField):
    """``min_lon,min_lat,max_lon,max_lat`` in degrees (WGS 84), as GeoJSON orders a bbox."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        try:
            west, south, east, north = (float(part) for part in value.split(","))
        except ValueError:
            raise forms.ValidationError(
                "Give four numbers: min_lon,min_lat,max_lon,max_lat."
            ) from None
        if not (-180 <= west <= 180 and -180 <= east <= 180 and min(south, north) >= -90
                and max(south, north) <= 90):  # fmt: skip
            raise forms.ValidationError(
                "Longitudes run from -180 to 180 and latitudes from -90 to 90, minimum first."
            )
        if west > east or south > north:
            raise forms.ValidationError(BBOX_REVERSED)
        return west, south, east, north


@extend_schema_field(OpenApiTypes.STR)
class BoundingBoxFilter(django_filters.Filter):
    field_class = BoundingBoxField

    def filter(self, qs, value):
        if not value:
            return qs
        west, south, east, north = value
        return qs.filter(
            place__longitude__range=(west, east), place__latitude__range=(south, north)
        )


class EventFilterForm(forms.Form):
    def clean(self):
        data = super().clean()
        first, last = data.get("date_from"), data.get("date_to")
        if first and last and last.last_day() < first.first_day():
            self.add_error("date_to", "The end of the range is before its start.")
        return data


class EventFilterSet(django_filters.FilterSet):
    date_from = FuzzyDateFilter(
        method="filter_noop", help_text="Start of the date range: YYYY, YYYY-MM or YYYY-MM-DD."
    )
    date_to = FuzzyDateFilter(
        method="filter_noop", help_text="End of the date range: YYYY, YYYY-MM or YYYY-MM-DD."
    )
    date_mode = django_filters.ChoiceFilter(
        choices=(("overlaps", "overlaps"), ("within", "within")),
        method="filter_noop",
        help_text="overlaps (default): the event's covered range shares a day with the range; "
        'within: it lies wholly inside it. "2023" overlaps June 2023 but is not within it.',
    )
    type = SlugsFilter(
        field_name="event_type",
        queryset=EventType.objects.all(),
        help_text="Event type slug (repeatable).",
    )
    family = SlugsFilter(
        field_name="event_type__family",
        queryset=EventFamily.objects.all(),
        help_text="Event family slug (repeatable): every type of the family.",
    )
    actor = SlugsFilter(
        field_name="participations__actor",
        queryset=Actor.objects.with_timeline(),
        method="filter_noop",
        help_text="Actor slug (repeatable): events involving any of them, or all with "
        "actors_all. An actor is involved in an event it took part in, or in which someone "
        "acted on its behalf (a president for a country), unless direct=true.",
    )
    actors_all = StrictBooleanFilter(
        method="filter_noop",
        help_text="With several actors: only events that involve every one of them "
        "(the dyad query: actor=iran&actor=belarus&actors_all=true).",
    )
    direct = StrictBooleanFilter(
        method="filter_noop",
        help_text="With actor: count only the actors' own participation, not that of those "
        "who acted on their behalf.",
    )
    role = django_filters.MultipleChoiceFilter(
        choices=Participation.Role.choices,
        method="filter_noop",
        help_text="Participant role (repeatable); with actor, the role those actors played.",
    )
    country = django_filters.CharFilter(
        field_name="place__country__iso_code",
        lookup_expr="iexact",
        validators=[RegexValidator(r"^[A-Za-z]{2}\Z", "Two letters: an ISO 3166-1 alpha-2 code.")],
        help_text="ISO 3166-1 alpha-2 code of the country where the event took place.",
    )
    place = SlugsFilter(
        field_name="place", queryset=Place.objects.all(), help_text="Place slug (repeatable)."
    )
    bbox = BoundingBoxFilter(
        help_text="Events placed inside min_lon,min_lat,max_lon,max_lat (degrees)."
    )
    article = django_filters.NumberFilter(
        field_name="articles",
        distinct=True,
        min_value=1,
        max_value=LARGEST_NUMBER,
        help_text="Id of an article reporting the event.",
    )
    source = django_filters.ModelChoiceFilter(
        field_name="event_sources__source",
        # Only sources readers can see: one only drafts cite is as unknown as none.
        queryset=lambda request: sources_cited_or_supporting(readable_by(request)),
        distinct=True,
        help_text="Id of a source supporting the event.",
    )
    updated_since = django_filters.IsoDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        help_text="Changed at or after this moment (ISO 8601 with time zone).",
    )

    class Meta:
        model = Event
        fields = []
        form = EventFilterForm

    # Given none of its parameters, it filters nothing (the API then does not make it).
    filters_only_when_asked = True

    def get_form_class(self):
        """A form of the filters given only: one left out filters nothing, and building
        every filter's field (the source filter's queryset among them) for each request
        cost more than the page's events."""
        if not self.is_bound:
            return super().get_form_class()
        fields = {name: f.field for name, f in self.filters.items() if name in self.data}
        return type(f"{self.__class__.__name__}Form", (self._meta.form,), fields)

    def filter_noop(self, queryset, name, value):
        """Filters that depend on each other are applied together in ``filter_queryset``."""
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        return self._by_participants(self._by_dates(queryset, data), data)

    def _by_dates(self, queryset, data):
        first = data.get("date_from")
        last = data.get("date_to")
        if not first and not last:
            return queryset
        first_day = first.first_day() if first else dt.date.min
        last_day = last.last_day() if last else dt.date.max
        if data.get("date_mode") == "within":
            return queryset.within(first_day, last_day)
        return queryset.overlapping(first_day, last_day)

    def _by_participants(self, queryset, data):
        actors = list(data.get("actor") or ())
        roles = data.get("role") or []
        direct = bool(data.get("direct"))
        playing = Participation.objects.filter(role__in=roles) if roles else Participation.objects
        # The event's dates (for affiliations) read from the event filtered, not joined again.
        dates = (
            models.OuterRef(models.OuterRef("starts_on")),
            models.OuterRef(models.OuterRef("ends_on")),
        )
        if actors and data.get("actors_all"):
            for actor in actors:
                queryset = queryset.filter(
                    _in_event(playing.involving([actor], direct=direct, dates=dates))
                )
            return queryset
        if actors:
            return queryset.filter(_in_event(playing.involving(actors, direct=direct, dates=dates)))
        if roles:
            return queryset.filter(_in_event(playing))
        return queryset


def _in_event(participations) -> models.Exists:
    return models.Exists(participations.filter(event=models.OuterRef("pk")))
