"""Articles' pages rendered when they change, and stored (``ArticlePage``).

A public article's page is the same for every reader until the article, or what it shows
(its events, sources, authors), changes: the write path renders it then, and a request
renders only the site's frame around it. The related articles it shows are stored with it
too (``related_html``, joined from their stored list items): they are written again whenever
its related list changes (``articles.services.related``) or one of the items it shows does.
A page rendered with other templates or settings than the running ones (after a deploy) is
rendered again when it is first asked for.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from django.template import engines
from django.template.loader import render_to_string

from articles.metadata import (
    absolute_url,
    article_description,
    article_image_url,
    article_json_ld,
    json_for_script,
)
from articles.models import Article, ArticlePage, Citation, RelatedArticle, Source
from monitor.core.sites import SITE_PLACEHOLDER

RELATED_SHOWN = 5
PAGES_BATCH = 200
# What a stored page holds: a page stored in another format is stale. 4: the site's address
# as SITE_PLACEHOLDER, put in when the page is served; timeline marks drawn in percent of
# the width, in a group rather than an image.
STORED_FORMAT = 4

TEMPLATES = (
    "articles/_article_meta.html",
    "articles/_article_main.html",
    "articles/_article_item.html",
    "events/_timeline.html",
)


@cache
def rendering_version() -> str:
    """What a stored page depends on besides the article: its templates (the site's address
    is put in when it is served)."""
    digest = hashlib.sha256(f"{STORED_FORMAT}".encode())
    engine = engines["django"].engine
    for name in TEMPLATES:
        source = engine.find_template(name)[0].origin.name
        digest.update(Path(source).read_bytes())
    return digest.hexdigest()[:32]


SOURCES_ORDER = ("outlet__name", "starts_on", "pk")


def cited_sources(article_ids: Iterable[int]) -> dict[int, list[Source]]:
    """The sources each of the articles cites, in the order its page lists them (two queries
    for all)."""
    order = [f"source__{name}" if name != "pk" else "source_id" for name in SOURCES_ORDER]
    pairs = list(
        Citation.objects.filter(article_id__in=list(article_ids))
        .order_by("article_id", *order)
        .values_list("article_id", "source_id")
        .distinct()
    )
    sources = Source.objects.select_related("outlet").in_bulk({pk for _, pk in pairs})
    cited: dict[int, list[Source]] = {pk: [] for pk in article_ids}
    for article_id, source_id in pairs:
        cited[article_id].append(sources[source_id])
    return cited


def article_page_context(
    article: Article,
    *,
    preview: str | None = None,
    sources: list[Source] | None = None,
    site: str = SITE_PLACEHOLDER,
) -> dict:
    """What the article's own part of its page shows (the article loaded ``for_display()``;
    ``sources`` as ``cited_sources`` gives them, or read now). Its absolute addresses start
    with ``site``: by default the placeholder a stored page keeps for the address of the
    request it is served to (``monitor.core.sites.with_site``)."""
    if sources is None:
        sources = list(
            Source.objects.filter(citations__article=article)
            .select_related("outlet")
            .distinct()
            .order_by(*SOURCES_ORDER)
        )
    return {
        "article": article,
        "sources": sources,
        "description": article_description(article),
        "canonical_url": "" if preview else absolute_url(article.get_absolute_url(), site),
        "image_url": article_image_url(article, site),
        # A preview is not for search engines, and a draft has no date to describe yet.
        "json_ld": None
        if preview
        else json_for_script(article_json_ld(article, site=site, sources=sources)),
        "preview": preview,
    }


def item_render(article: Article) -> str:
    """The article as lists show it (loaded ``for_listing()`` or ``for_display()``)."""
    return render_to_string("articles/_article_item.html", {"article": article})


def article_page_render(article_id: int) -> ArticlePage | None:
    """Render and store the article's page if readers see it; take it away if they do not."""
    article_pages_render([article_id])
    return ArticlePage.objects.filter(article_id=article_id).first()


def article_pages_render(article_ids: Iterable[int], *, related: bool = True) -> None:
    """Render and store the pages of those of the articles readers see, and take away the
    others'; then the related lists that show them (``related=False`` leaves those to the
    caller: a generated archive stores every list once all items are rendered). Reads a
    batch of articles at a time, in a fixed number of queries a batch."""
    ids = sorted(set(article_ids))
    items_changed = []
    version = rendering_version()
    for start in range(0, len(ids), PAGES_BATCH):
        batch = ids[start : start + PAGES_BATCH]
        articles = Article.objects.public().for_display().in_bulk(batch)
        gone = [pk for pk in batch if pk not in articles]
        if gone:
            dropped = ArticlePage.objects.filter(article_id__in=gone)
            items_changed += dropped.values_list("article_id", flat=True)
            dropped.delete()
        stored = {
            page.article_id: page
            for page in ArticlePage.objects.filter(article_id__in=list(articles)).only(
                "article_id", "item_html", "rendered_with"
            )
        }
        sources = cited_sources(list(articles))
        new, updated = [], []
        for article_id, article in sorted(articles.items()):
            context = article_page_context(article, sources=sources[article_id])
            item = item_render(article)
            page = stored.get(article_id)
            if page is None or (page.item_html, page.rendered_with) != (item, version):
                items_changed.append(article_id)
            if page is None:
                page = ArticlePage(article_id=article_id)
                new.append(page)
            else:
                updated.append(page)
            page.meta_html = render_to_string("articles/_article_meta.html", context)
            page.main_html = render_to_string("articles/_article_main.html", context)
            page.item_html, page.rendered_with = item, version
        ArticlePage.objects.bulk_create(new)
        ArticlePage.objects.bulk_update(
            updated, ["meta_html", "main_html", "item_html", "rendered_with"]
        )
    if related:
        showing = RelatedArticle.objects.filter(related_id__in=items_changed).values_list(
            "article_id", flat=True
        )
        related_lists_render({*ids, *showing})


def related_entries(article_ids: Iterable[int]) -> dict[int, list[str]]:
    """Each article's related articles as list items, best first: read from its related list
    and the items stored with their pages (one query for all); an item not stored with the
    running templates is rendered now."""
    ids = sorted(set(article_ids))
    rows = (
        RelatedArticle.objects.filter(
            article_id__in=ids, related__in=Article.objects.public().values("pk")
        )
        .order_by("article_id", "-score", "-related__published_at", "-related_id")
        .values_list(
            "article_id", "related_id", "related__page__item_html", "related__page__rendered_with"
        )
    )
    version = rendering_version()
    chosen: dict[int, list[tuple[int, str | None]]] = {pk: [] for pk in ids}
    for article_id, related_id, html, rendered_with in rows:
        if len(chosen[article_id]) < RELATED_SHOWN:
            chosen[article_id].append((related_id, html if rendered_with == version else None))
    stale = {
        related_id for entries in chosen.values() for related_id, html in entries if html is None
    }
    rendered = {
        other.pk: item_render(other)
        for other in (Article.objects.filter(pk__in=stale).for_listing() if stale else ())
    }
    return {
        article_id: [
            html if html is not None else rendered[pk]
            for pk, html in entries
            if html is not None or pk in rendered
        ]
        for article_id, entries in chosen.items()
    }


def list_items(article_ids: Iterable[int]) -> dict[int, str]:
    """The articles as lists show them, by id: as stored with their pages (one query, no
    model instances); any not stored with the running templates is rendered now."""
    ids = set(article_ids)
    items = dict(
        ArticlePage.objects.filter(
            article_id__in=ids, rendered_with=rendering_version()
        ).values_list("article_id", "item_html")
    )
    missing = ids - items.keys()
    for other in Article.objects.filter(pk__in=missing).for_listing() if missing else ():
        items[other.pk] = item_render(other)
    return items


def listed_items(rows: Iterable[tuple[int, str | None, str | None]]) -> list[str]:
    """The list items of rows from ``Article.objects.listed()``, in their order; those not
    stored with the running templates are rendered now (one more query for all of them)."""
    rows = list(rows)
    version = rendering_version()
    stale = [pk for pk, _, rendered_with in rows if rendered_with != version]
    rendered = (
        {
            other.pk: item_render(other)
            for other in Article.objects.filter(pk__in=stale).for_listing()
        }
        if stale
        else {}
    )
    return [
        html if rendered_with == version else rendered.get(pk, "")
        for pk, html, rendered_with in rows
    ]


def related_lists_render(article_ids: Iterable[int]) -> None:
    """Store with each article's page the related articles it shows, where they changed."""
    ids = sorted(set(article_ids))
    for start in range(0, len(ids), 500):
        batch = ids[start : start + 500]
        entries = related_entries(batch)
        pages = ArticlePage.objects.filter(article_id__in=batch).only("article_id", "related_html")
        changed = []
        for page in pages:
            html = "".join(entries[page.article_id])
            if page.related_html != html:
                page.related_html = html
                changed.append(page)
        ArticlePage.objects.bulk_update(changed, ["related_html"])


def stored_item(article: Article) -> str | None:
    """The article's list item as stored with its page, if it is current (``for_listing()``
    loads it with the article)."""
    try:
        page = article.page
    except ArticlePage.DoesNotExist:
        return None
    return page.item_html if page.rendered_with == rendering_version() else None


def related_items(article: Article) -> str:
    """The related articles a page shows, read now (a public article's page stores them)."""
    return "".join(related_entries([article.pk])[article.pk])


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
