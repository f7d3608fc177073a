"""Full-text ``q`` for the article API, through the public site's search (``monitor.search``).

It lives here rather than in ``articles/filters.py`` because the search index reads events
and articles never import events; this app may depend on everything it serves.
"""

import django_filters
from django import forms
from django.db import models

from articles.api import ArticleViewSet
from articles.filters import ArticleFilterSet
from monitor.core.expressions import IdList, Ranked
from monitor.search.backends import search
from monitor.search.models import SearchDocument

RELEVANCE_NEEDS_Q = "Ordering by relevance needs a search (q)."


class ArticleSearchForm(forms.Form):
    def clean(self):
        data = super().clean()
        ordering = data.get("ordering") or []
        if any(field.lstrip("-") == "relevance" for field in ordering) and not data.get("q"):
            self.add_error("ordering", RELEVANCE_NEEDS_Q)
        return data


class ArticleSearchFilterSet(ArticleFilterSet):
    q = django_filters.CharFilter(
        method="filter_q",
        max_length=200,
        help_text="Full-text search, as on the public site (every word, the last may be a "
        "prefix); results come by relevance unless ordering says otherwise.",
    )
    ordering = django_filters.OrderingFilter(
        fields=(("published_at", "published"), ("relevance", "relevance")),
        help_text="-published (newest first, the default), published, or -relevance (with q).",
    )

    class Meta(ArticleFilterSet.Meta):
        form = ArticleSearchForm

    def filter_q(self, queryset, name, value):
        return queryset  # applied first, in filter_queryset, so that ordering can use its rank

    def filter_queryset(self, queryset):
        text = self.form.cleaned_data.get("q")
        if text:
            hits = search(text, SearchDocument.objects.filter(kind=SearchDocument.Kind.ARTICLE))
            ids = [hit.document.object_id for hit in hits]
            queryset = queryset.filter(pk__in=IdList(ids)).annotate(
                relevance=Ranked(models.F("pk"), ids)
            )
        queryset = super().filter_queryset(queryset)
        if text and not self.form.cleaned_data.get("ordering"):
            queryset = queryset.order_by("-relevance", "-pk")
        return queryset


class SearchableArticleViewSet(ArticleViewSet):
    filterset_class = ArticleSearchFilterSet
