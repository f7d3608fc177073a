"""Public pages of the articles app: thin views over ``Article.objects.public()``."""

import calendar
import datetime as dt

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from monitor.core.caching import public_page
from monitor.core.sites import site_url, with_site

from .models import Article, ArticleStatus, Author, Correction, Publication, Region, Source, Topic
from .services import preview_link_article
from .services.home import home_lists
from .services.pages import (
    article_page_context,
    listed_items,
    related_items,
    stored_page,
)

PAGE_SIZE = 20


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def _listing(request, title, articles, *, empty_is_404=False, **context):
    page = _page(request, articles.listed())
    if empty_is_404 and not page.paginator.count:
        raise Http404("No articles here.")
    # Each article as stored with its page: no article is loaded as a model.
    items = "".join(listed_items(page))
    return render(
        request,
        "articles/article_list.html",
        {"title": title, "page": page, "items": items, **context},
    )


@public_page
def home(request):
    # The lists are stored as one fragment, rendered again when what they show changes.
    return render(request, "articles/home.html", {"lists": home_lists()})


@public_page
def article_detail(request, publication, year, month, day, slug):
    found = Article.objects.public_or_retracted().select_related("publication", "page")
    article = get_object_or_404(
        # The body is on the stored page: the row's own copies are not read.
        found.defer("body", "body_html", "page__item_html"),
        publication__slug=publication,
        slug=slug,
    )
    published = article.public_date()
    if published is None or (published.year, f"{published.month:02d}", f"{published.day:02d}") != (
        year,
        month,
        day,
    ):
        raise Http404("No article at this date.")
    if article.status == ArticleStatus.RETRACTED:
        return render(request, "articles/article_retracted.html", {"article": article}, status=410)
    # The article's own part was rendered when it last changed (articles.services.pages).
    stored = stored_page(article)
    context = {
        "article": article,
        "stored": stored,
        # Stored with a placeholder for the site's address: this request's is put in.
        "meta_html": with_site(stored.meta_html, request) if stored else "",
        "related": stored.related_html if stored else related_items(article),
    }
    return render(request, "articles/article_detail.html", context)


def article_page(request, article, *, preview=None):
    """An article's page rendered whole: editors' previews (``preview`` is the banner's text)."""
    context = article_page_context(article, preview=preview, site=site_url(request)) | {
        "related": related_items(article),
    }
    return render(request, "articles/article_detail.html", context)


def shared_preview(request, token):
    """An unpublished article for an outside reviewer holding a valid preview link."""
    article = preview_link_article(token)
    if article is None:
        raise Http404("This preview link is not valid: it may have expired or been revoked.")
    response = article_page(
        request, Article.objects.for_display().get(pk=article.pk), preview="Preview"
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    return response


@public_page
def publication_detail(request, publication):
    publication = get_object_or_404(Publication, slug=publication)
    volumes = publication.articles.public().dates("published_at", "year", order="DESC")
    return _listing(
        request,
        publication.name,
        publication.articles.public(),
        intro=publication.description,
        publication=publication,
        volumes=[(publication.volume_for(day), day.year) for day in volumes],
        feed_kind="publication",
        feed_slug=publication.slug,
    )


@public_page
def archive(request, publication, year, month=None, day=None):
    """A publication's articles of a year, a month or a day: where a cross-reference lands."""
    publication = get_object_or_404(Publication, slug=publication)
    try:
        first = dt.date(year, int(month or 1), int(day or 1))
        if day:
            last = first
        elif month:
            last = first.replace(day=calendar.monthrange(year, first.month)[1])
        else:
            last = first.replace(month=12, day=31)
        articles = publication.articles.public().published_within(first, last)
    except (ValueError, OverflowError):
        raise Http404("No such date.") from None
    label = first.strftime("%B %-d, %Y" if day else "%B %Y" if month else "%Y")
    # A year with no articles is no archive (404). A day or a month stays, empty: it is where
    # a cross-reference to that date lands, and says that nothing was published then.
    return _listing(
        request,
        f"{publication.name}: {label}",
        articles,
        publication=publication,
        empty_is_404=not month,
    )


@public_page
def volume(request, publication, volume, issue=None):
    """A publication's articles of one volume, or of one issue in it."""
    publication = get_object_or_404(Publication, slug=publication)
    articles = publication.articles.public().filter(volume=volume)
    title = f"{publication.name}: Volume {volume}"
    if issue is not None:
        articles = articles.filter(issue_number=issue)
        title += f", Issue {issue}"
    return _listing(request, title, articles, publication=publication, empty_is_404=True)


@public_page
def author_detail(request, slug):
    author = get_object_or_404(Author.objects.public(), slug=slug)
    return _listing(
        request,
        author.name,
        author.articles.public(),
        intro_html=author.bio_html,
        feed_kind="author",
        feed_slug=slug,
    )


@public_page
def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    return _listing(request, topic.name, topic.articles.public(), feed_kind="topic", feed_slug=slug)


@public_page
def region_detail(request, slug):
    region = get_object_or_404(Region, slug=slug)
    return _listing(
        request, region.name, region.articles.public(), feed_kind="region", feed_slug=slug
    )


@public_page
def source_detail(request, pk):
    # A source no public article cites is not shown: what drafts cite stays in the newsroom.
    cited = Source.objects.filter(citations__article__in=Article.objects.public()).distinct()
    source = get_object_or_404(cited.select_related("outlet"), pk=pk)
    articles = Article.objects.public().filter(citations__source=source).distinct().for_listing()
    return render(
        request,
        "articles/source_detail.html",
        {"source": source, "articles": articles.latest_first()},
    )


@public_page
def corrections(request):
    """Every correction to a public article, newest first."""
    found = (
        Correction.objects.filter(article__in=Article.objects.public())
        .select_related("article__publication")
        .order_by("-published_at", "-pk")
    )
    return render(request, "articles/corrections.html", {"page": _page(request, found)})
