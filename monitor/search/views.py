"""The search page: one box, filters, ranked results with highlighted snippets."""

from django.core.paginator import Paginator
from django.shortcuts import render

from .backends import search, with_snippets
from .filters import SearchDocumentFilterSet
from .models import SearchDocument

PAGE_SIZE = 20


def search_page(request):
    text = request.GET.get("q", "").strip()[:200]
    filters = SearchDocumentFilterSet(request.GET, queryset=SearchDocument.objects.all())
    asked = bool(text) or any(request.GET.get(name) for name in filters.filters)
    hits = search(text, filters.qs) if asked and filters.is_valid() else []
    query = request.GET.copy()
    query.pop("page", None)
    page = Paginator(hits, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = with_snippets(list(page.object_list), text)
    return render(
        request,
        "search/search.html",
        {
            "q": text,
            "filters": filters,
            "asked": asked,
            "total": len(hits),
            "page": page,
            "query_string": query.urlencode(),
        },
    )
