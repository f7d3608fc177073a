"""The search page's filters: narrowing the index by kind, publication, author, topic, region, date.

Written here, not in ``articles/filters.py``, because they filter search documents, whose
keys are slugs between spaces (see ``SearchDocument``).
"""

import django_filters
from django_filters.fields import ModelChoiceField, ModelChoiceIterator

from articles.models import Author, Publication, Region, Topic
from monitor.core.widgets import QuickDateInput, QuickSelect

from .models import SearchDocument


class KeyChoices(ModelChoiceIterator):
    """The options as (slug, name) rows read in one query, no model built per option: the
    search page lists every author, topic and region on every search."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from self.queryset.values_list(self.field.to_field_name, "name")


class KeyField(ModelChoiceField):
    iterator = KeyChoices


class KeyFilter(django_filters.ModelChoiceFilter):
    """One object by slug, matched as a whole slug in a document's key field; its options
    are the objects' names (each model's ``__str__``)."""

    field_class = KeyField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault("widget", QuickSelect)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(**{f"{self.field_name}__contains": f" {value.slug} "})


class SearchDocumentFilterSet(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        choices=SearchDocument.Kind.choices,
        empty_label="Everything",
        label="Show",
        widget=QuickSelect,
    )
    publication = KeyFilter(
        field_name="publications",
        queryset=Publication.objects.only("id", "slug", "name"),
        empty_label="Any",
    )
    author = KeyFilter(
        field_name="authors",
        # Authors of a public article, by the count kept on their row: listing them from
        # the articles themselves reads the whole archive (65 ms at 100,000 articles).
        queryset=Author.objects.filter(public_articles__gt=0).only("id", "slug", "name"),
        empty_label="Any",
    )
    topic = KeyFilter(
        field_name="topics", queryset=Topic.objects.only("id", "slug", "name"), empty_label="Any"
    )
    region = KeyFilter(
        field_name="regions", queryset=Region.objects.only("id", "slug", "name"), empty_label="Any"
    )
    date_from = django_filters.DateFilter(
        field_name="date",
        lookup_expr="gte",
        label="From",
        widget=QuickDateInput(attrs={"type": "date"}),
    )
    date_to = django_filters.DateFilter(
        field_name="date",
        lookup_expr="lte",
        label="To",
        widget=QuickDateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = SearchDocument
        fields = []
