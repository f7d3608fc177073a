"""What the events app does after a change is committed (see ``monitor.core.changes``)."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.db.models import Q

from articles.models import Article
from monitor.core.changes import Changed

from .models import Event
from .services import (
    article_refresh_suggestions,
    events_touch,
    evidence_follow,
    timelines_refresh,
)
from .services.representations import representations_store


def timelines_committed(changes: Sequence[Changed]) -> None:
    """Timelines follow their events: dates, participants, visibility."""
    timelines_refresh(event_ids={change.id for change in changes if change.resource == "event"})


def representations_committed(changes: Sequence[Changed]) -> None:
    """Stored representations follow their events (``events_touch`` makes a change of an
    event of what it shows of an actor, a place, a source or an event type)."""
    representations_store(change.id for change in changes if change.resource == "event")


def changes_committed(changes: Sequence[Changed]) -> None:
    """Suggestions and evidence follow an article's text; events follow what they show of others.

    An event's API answer names the public articles that report it (title, address, date)
    and the sources it rests on, so when those change, the events are new versions too.
    """
    touched: set[int] = set()
    # An event recorded in the same transaction was fetched after it, as it now is.
    recorded = {change.id for change in changes if change.resource == "event" and change.entry}
    for change in changes:
        if change.resource == "article" and Changed.TEXT in change.aspects:
            article = Article.objects.filter(pk=change.id).first()
            if article is not None:
                with transaction.atomic():
                    article_refresh_suggestions(article=article)
                evidence_follow(article=article)
        if Changed.IDENTITY not in change.aspects:
            continue
        if change.resource == "article" and change.public:
            touched |= set(Event.objects.filter(articles=change.id).values_list("pk", flat=True))
        elif change.resource == "source":
            touched |= set(
                Event.objects.filter(Q(event_sources__source=change.id)).values_list(
                    "pk", flat=True
                )
            )
    if touched - recorded:
        events_touch(event_ids=touched - recorded)
