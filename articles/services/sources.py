"""Sources and outlets as subscribers see them: inside every article that cites them."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from articles.models import Article, Change, Outlet
from articles.selectors import sources_seen
from monitor.core.changes import Changed, changes_announce

from .changes import change_unit, resource_change
from .references import article_sync_references
from .saving import article_commit, article_lock, article_state

SOURCE_FIELDS = frozenset(
    {"outlet", "date_year", "date_month", "date_day", "date_precision", "title", "url", "language"}
)
OUTLET_FIELDS = frozenset({"name", "kind", "home_url", "country"})


@transaction.atomic
@change_unit()
def sources_changed(*, sources, fields: set[str], outlet: Outlet | None = None) -> int:
    """After a source's (or an outlet's) form was saved: every public article citing it
    links to it anew and is a new version; the change is announced, so that what else shows
    the source (events) follows. Returns how many articles changed."""
    if not fields & (OUTLET_FIELDS if outlet else SOURCE_FIELDS):
        changes_announce([Changed("source", source.pk) for source in sources])
        return 0
    source_ids = [source.pk for source in sources]
    # Subscribers hear of what they can see: a source or an outlet only drafts cite stays
    # in the newsroom (its name would be in the feed entry).
    seen = set(sources_seen(source_ids).values_list("pk", flat=True))
    if outlet is not None and (seen or sources_seen(outlet.sources.values("pk")).exists()):
        resource_change(Change.Resource.OUTLET, outlet.slug)
    for source_id in source_ids:
        if source_id in seen:
            resource_change(Change.Resource.SOURCE, source_id)
    now = timezone.now()
    citing = Article.objects.filter(citations__source__in=source_ids).values_list("pk", flat=True)
    changed = 0
    for article_id in sorted(set(citing)):
        article = article_lock(article_id)
        before = article_state(article, now)
        article_sync_references(article=article)  # the body links to the source's new URL
        saved = article_commit(article=article, before=before, by=None, now=now, revise=False)
        changed += saved.change is not None
    changes_announce(
        [Changed("source", pk, aspects=frozenset({Changed.IDENTITY})) for pk in source_ids]
    )
    return changed
