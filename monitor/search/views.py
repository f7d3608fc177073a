"""The search page: one box, filters, ranked results with highlighted snippets.

A search that finds nothing is tried again as the index would spell it ("Did you mean …",
``spelling.suggest``): its results are shown, under a line that says so and links back to
the search as typed.
"""

from collections import Counter

from django.core.paginator import Paginator
from django.shortcuts import render

from .backends import read_query, search, with_snippets
from .filters import SearchDocumentFilterSet
from .models import SearchDocument
from .spelling import suggest

PAGE_SIZE = 20


def search_page(request):
    text = request.GET.get("q", "").strip()[:200]
    filters = SearchDocumentFilterSet(request.GET, queryset=SearchDocument.objects.all())
    asked = bool(text) or any(request.GET.get(name) for name in filters.filters)
    valid = asked and filters.is_valid()
    query = read_query(text) if valid else []
    hits = search(query, filters.qs) if valid else []
    corrected = suggest(query) if query and not hits else None
    if corrected:
        query = read_query(corrected)
        hits = search(query, filters.qs)
    params = request.GET.copy()
    params.pop("page", None)
    unkinded = params.copy()
    unkinded.pop("kind", None)
    page = Paginator(hits, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = with_snippets(list(page.object_list), query)
    kinds = Counter(hit.document.kind for hit in hits)
    return render(
        request,
        "search/search.html",
        {
            "q": text,
            "corrected": corrected if hits else None,
            "phrases": [clause.text for clause in query if clause.phrase],
            "filters": filters,
            "asked": asked,
            "total": len(hits),
            # Counts of what was found by kind, each a link narrowing the search to it.
            "facets": [
                (value, f"{label}s", kinds[value])
                for value, label in SearchDocument.Kind.choices
                if kinds[value]
            ],
            "facet_query": unkinded.urlencode(),
            "page": page,
            "query_string": params.urlencode(),
        },
    )
