"""What the articles app does after a change is committed (see ``monitor.core.changes``)."""

from __future__ import annotations

from collections.abc import Sequence

from monitor.core.caching import site_changes_at
from monitor.core.changes import Changed

from .models import Article
from .services.counts import catalog_counts_refresh, counted_keys
from .services.home import home_lists_stale
from .services.pages import article_pages_render
from .services.related import related_refresh

# Catalogue rows whose names an article's stored page shows, and how to find its articles.
SHOWN_ON_PAGES = {
    "author": "bylines__author",
    "topic": "topics",
    "region": "regions",
    "publication": "publication",
}


def changes_committed(changes: Sequence[Changed]) -> None:
    """Related articles and the topics', regions' and authors' counts follow what articles are about
    and whether readers see them; stored pages follow the names of the authors, topics, regions and publications they show."""
    moved = {
        change.id
        for change in changes
        if change.resource == "article"
        and (Changed.SUBJECTS in change.aspects or Changed.IDENTITY in change.aspects)
    }
    if moved:
        related_refresh(moved)
    seen = {
        change.id
        for change in changes
        if change.resource == "article" and Changed.IDENTITY in change.aspects
    }
    if seen:  # readers may have started or stopped seeing them: their counts follow
        catalog_counts_refresh(counted_keys(seen))
    if any(change.resource == "article" for change in changes):
        # The next article to become public by the clock (scheduled, or published with a
        # time still to come) changes what pages show at its time.
        site_changes_at(Article.objects.next_public_at())
    for change in changes:
        if change.resource in SHOWN_ON_PAGES:
            showing = Article.objects.public().filter(
                **{SHOWN_ON_PAGES[change.resource]: change.id}
            )
            article_pages_render(showing.values_list("pk", flat=True))


def home_committed(changes: Sequence[Changed]) -> None:
    """The home page's stored lists are stale after any change readers may see, and after
    any article's (a draft scheduled moves when they are next stale by the clock). A listener
    of its own, after the one above (stored items, topics' counts): if that one fails, the
    lists still follow."""
    if any(change.public or change.resource == "article" for change in changes):
        home_lists_stale()
