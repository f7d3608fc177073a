"""Public pages of the articles app: thin views over ``Article.objects.public()``."""

import datetime as dt

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from .models import Article, Author, Publication, Source

PAGE_SIZE = 20


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def home(request):
    articles = Article.objects.public().for_listing().latest_first()
    return render(request, "articles/home.html", {"page": _page(request, articles)})


def article_detail(request, publication, year, month, day, slug):
    article = get_object_or_404(
        Article.objects.public().for_display(), publication__slug=publication, slug=slug
    )
    published = article.public_date()
    if (published.year, f"{published.month:02d}", f"{published.day:02d}") != (year, month, day):
        raise Http404("No article at this date.")
    return render(request, "articles/article_detail.html", {"article": article})


def publication_detail(request, publication):
    publication = get_object_or_404(Publication, slug=publication)
    articles = publication.articles.public().for_listing().latest_first()
    return render(
        request,
        "articles/article_list.html",
        {
            "title": publication.name,
            "intro": publication.description,
            "page": _page(request, articles),
        },
    )


def archive(request, publication, year, month=None, day=None):
    """A publication's articles of a year, a month or a day: where a cross-reference lands."""
    publication = get_object_or_404(Publication, slug=publication)
    try:
        first = dt.date(year, int(month or 1), int(day or 1))
    except ValueError:
        raise Http404("No such date.") from None
    articles = publication.articles.public().for_listing().filter(published_at__year=year)
    if month:
        articles = articles.filter(published_at__month=first.month)
    if day:
        articles = articles.filter(published_at__day=first.day)
    label = first.strftime("%B %-d, %Y" if day else "%B %Y" if month else "%Y")
    return render(
        request,
        "articles/article_list.html",
        {"title": f"{publication.name}: {label}", "page": _page(request, articles.latest_first())},
    )


def author_detail(request, slug):
    author = get_object_or_404(Author, slug=slug)
    articles = author.articles.public().for_listing().latest_first()
    return render(
        request,
        "articles/article_list.html",
        {"title": author.name, "intro_html": author.bio_html, "page": _page(request, articles)},
    )


def source_detail(request, pk):
    source = get_object_or_404(Source.objects.select_related("outlet"), pk=pk)
    articles = Article.objects.public().filter(citations__source=source).distinct().for_listing()
    return render(
        request,
        "articles/source_detail.html",
        {"source": source, "articles": articles.latest_first()},
    )
