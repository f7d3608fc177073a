"""Keeping the search index in line with every committed change (see ``monitor.core.changes``)."""

from __future__ import annotations

from collections.abc import Sequence

from articles.models import Article
from events.models import Actor, Event, Place
from monitor.core.changes import Changed

from .models import SearchDocument
from .services import (
    search_index_actor,
    search_index_article,
    search_index_event,
    search_index_place,
    search_remove,
)

INDEXERS = {
    "article": (Article, search_index_article, SearchDocument.Kind.ARTICLE),
    "event": (Event, search_index_event, SearchDocument.Kind.EVENT),
    "actor": (Actor, search_index_actor, SearchDocument.Kind.ACTOR),
    "place": (Place, search_index_place, SearchDocument.Kind.PLACE),
}


def changes_committed(changes: Sequence[Changed]) -> None:
    """Index each changed article, event or actor as it now is; take out what is gone.

    Every change counts, not only public ones: a scheduled article is indexed when it is
    scheduled (search shows it from its time on), a withdrawn event is taken out.
    """
    for change in changes:
        if change.resource not in INDEXERS:
            continue
        model, index, kind = INDEXERS[change.resource]
        found = model.objects.filter(pk=change.id).first()
        if found is None:
            search_remove(kind=kind, object_id=change.id)
        else:
            index(found)
