"""Articles' pages rendered when they change, and stored (``ArticlePage``).

A public article's page is the same for every reader until the article, or what it shows
(its events, sources, authors), changes: the write path renders it then, and a request
renders only the site's frame and the related articles around it. A page rendered with
other templates or settings than the running ones (after a deploy) is rendered again when
it is first asked for.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from django.conf import settings
from django.template import engines
from django.template.loader import render_to_string

from articles.metadata import absolute_url, article_description, article_json_ld, json_for_script
from articles.models import Article, ArticlePage, Source

TEMPLATES = (
    "articles/_article_meta.html",
    "articles/_article_main.html",
    "articles/_article_item.html",
    "events/_timeline.html",
)


@cache
def rendering_version() -> str:
    """What a stored page depends on besides the article: its templates and the site's address."""
    digest = hashlib.sha256(settings.MONITOR_SITE_URL.encode())
    engine = engines["django"].engine
    for name in TEMPLATES:
        source = engine.find_template(name)[0].origin.name
        digest.update(Path(source).read_bytes())
    return digest.hexdigest()[:32]


def article_page_context(article: Article, *, preview: str | None = None) -> dict:
    """What the article's own part of its page shows (the article loaded ``for_display()``)."""
    sources = list(
        Source.objects.filter(citations__article=article)
        .select_related("outlet")
        .distinct()
        .order_by("outlet__name", "starts_on", "pk")
    )
    return {
        "article": article,
        "sources": sources,
        "description": article_description(article),
        "canonical_url": "" if preview else absolute_url(article.get_absolute_url()),
        "image_url": absolute_url(article.image.url) if article.image else "",
        # A preview is not for search engines, and a draft has no date to describe yet.
        "json_ld": None if preview else json_for_script(article_json_ld(article, sources=sources)),
        "preview": preview,
    }


def article_page_render(article_id: int) -> ArticlePage | None:
    """Render and store the article's page if readers see it; take it away if they do not."""
    article = Article.objects.public().for_display().filter(pk=article_id).first()
    if article is None:
        ArticlePage.objects.filter(article_id=article_id).delete()
        return None
    context = article_page_context(article)
    page, _ = ArticlePage.objects.update_or_create(
        article_id=article_id,
        defaults={
            "meta_html": render_to_string("articles/_article_meta.html", context),
            "main_html": render_to_string("articles/_article_main.html", context),
            "item_html": render_to_string("articles/_article_item.html", {"article": article}),
            "rendered_with": rendering_version(),
        },
    )
    return page


def article_pages_render(article_ids: Iterable[int]) -> None:
    for article_id in sorted(set(article_ids)):
        article_page_render(article_id)


def stored_item(article: Article) -> str | None:
    """The article's list item as stored with its page, if it is current (``for_listing()``
    loads it with the article)."""
    try:
        page = article.page
    except ArticlePage.DoesNotExist:
        return None
    return page.item_html if page.rendered_with == rendering_version() else None


def stored_page(article: Article) -> ArticlePage | None:
    """The article's stored page if it is current, rendered again (and stored) if it is not."""
    try:
        page = article.page
    except ArticlePage.DoesNotExist:
        page = None
    if page is not None and page.rendered_with == rendering_version():
        return page
    return article_page_render(article.pk)


def article_pages_stale() -> list[int]:
    """Public articles whose stored page is missing or was rendered with other templates or
    settings than the running ones (after a deploy)."""
    current = ArticlePage.objects.filter(rendered_with=rendering_version()).values("article_id")
    return list(
        Article.objects.public().exclude(pk__in=current).order_by("pk").values_list("pk", flat=True)
    )
