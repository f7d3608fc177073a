"""Filtering articles: one FilterSet for the public archive pages and the subscriber API.

The FilterSet narrows a queryset it is given and never widens it: callers pass
``Article.objects.public()`` (or the subscriber's plan of it), so no filter can reach a
draft. Filters by actor or event read the articles' subjects (``ArticleSubject``), which
the events app keeps: this app reads no table of the events app.
"""

import django_filters
from django import forms
from django.db import models

from .models import Article, ArticleSubject, Author, Outlet, Region, Topic
from .selectors import public_actors, readable_by, readable_publications

# The largest number a filter compares with a column (a 64-bit integer): larger ones are
# a 400 with the limit, not an overflow in the database driver.
LARGEST_NUMBER = 2**63 - 1


class SlugsFilter(django_filters.ModelMultipleChoiceFilter):
    """One or more objects by slug (``?author=a&author=b``): items matching any of them.

    Unknown slugs are a validation error naming them, not an empty result.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault("distinct", True)
        super().__init__(*args, **kwargs)

    def get_filter_predicate(self, v):
        return {f"{self.field_name}__slug": v.slug}


class _StrictBooleanField(forms.NullBooleanField):
    """``true`` or ``false`` (``1`` or ``0``); anything else is an error, not "not given"
    (Django's select widget would read it as no answer)."""

    widget = forms.TextInput

    def to_python(self, value):
        if value in (None, ""):
            return None
        if str(value).lower() in ("true", "1"):
            return True
        if str(value).lower() in ("false", "0"):
            return False
        raise forms.ValidationError("Use true or false.", code="invalid")

    def validate(self, value):
        pass


class StrictBooleanFilter(django_filters.BooleanFilter):
    field_class = _StrictBooleanField


class ArticleFilterSet(django_filters.FilterSet):
    publication = SlugsFilter(
        field_name="publication",
        # A publication outside the key's plan is as unknown as one that does not exist.
        queryset=readable_publications,
        help_text="Publication slug.",
    )
    published_from = django_filters.DateFilter(
        field_name="published_at",
        lookup_expr="date__gte",
        help_text="Published on or after this day (YYYY-MM-DD).",
    )
    published_to = django_filters.DateFilter(
        field_name="published_at",
        lookup_expr="date__lte",
        help_text="Published on or before this day (YYYY-MM-DD).",
    )
    updated_since = django_filters.IsoDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        help_text="Changed at or after this moment (ISO 8601 with time zone).",
    )
    volume = django_filters.NumberFilter(
        min_value=1, max_value=LARGEST_NUMBER, help_text="Volume number."
    )
    issue = django_filters.NumberFilter(
        field_name="issue_number",
        min_value=1,
        max_value=LARGEST_NUMBER,
        help_text="Issue number within the volume.",
    )
    author = SlugsFilter(
        field_name="authors",
        # Only authors the request may read articles of: a slug known only from drafts is
        # as unknown as one that does not exist (400), so filters reveal nothing.
        queryset=lambda request: Author.objects.bylined_in(readable_by(request)),
        help_text="Author slug.",
    )
    topic = SlugsFilter(field_name="topics", queryset=Topic.objects.all(), help_text="Topic slug.")
    region = SlugsFilter(
        field_name="regions", queryset=Region.objects.all(), help_text="Region slug."
    )
    outlet = SlugsFilter(
        field_name="citations__source__outlet",
        queryset=lambda request: Outlet.objects.filter(
            models.Exists(
                readable_by(request).filter(citations__source__outlet=models.OuterRef("pk"))
            )
        ),
        help_text="Slug of an outlet the article cites.",
    )
    actor = django_filters.ModelChoiceFilter(
        # Only actors of published events: one that does not exist and one known only from
        # drafts are refused alike (400), as the events' filter refuses them.
        queryset=lambda request: public_actors(),
        to_field_name="slug",
        method="filter_actor",
        help_text="Slug of an actor taking part in one of its events.",
    )
    event = django_filters.UUIDFilter(
        method="filter_event", help_text="Public id (UUID) of an event the article reports."
    )
    ordering = django_filters.OrderingFilter(
        fields=(("published_at", "published"),),
        help_text="published (oldest first) or -published (newest first, the default).",
    )

    class Meta:
        model = Article
        fields = []

    # Given none of its parameters, it filters nothing (the API then does not make it).
    filters_only_when_asked = True

    def get_form_class(self):
        """A form with the fields of the parameters given only: a model filter's field builds
        its queryset (the plan's publications, the authors it may read…) when it is made, a
        good part of a whole list request, and a parameter not given filters nothing."""
        fields = {
            name: filter_.field for name, filter_ in self.filters.items() if name in self.data
        }
        return type(f"{type(self).__name__}Form", (self._meta.form,), fields)

    def filter_actor(self, queryset, name, value: str):  # an Actor; its slug in the schema
        return queryset.filter(_about(f"actor:{value.slug}"))

    def filter_event(self, queryset, name, value):
        return queryset.filter(_about(f"event:{value}"))


def _about(key: str) -> models.Exists:
    """Whether the article has the subject ``key``. The events app keeps the keys of the
    published events an article reports and of their actors (``ArticleSubject``), so this
    app reads no event table, and a draft event finds nothing."""
    return models.Exists(ArticleSubject.objects.filter(article=models.OuterRef("pk"), key=key))
