"""Writes of the events app, one function per unit of work."""

from .actors import actor_saved, event_types_saved, place_saved
from .evidence import evidence_follow
from .saving import (
    EventSaved,
    event_delete,
    event_feed_action,
    event_link,
    event_save,
    event_snapshot,
    events_touch,
)
from .suggestions import (
    article_refresh_suggestions,
    suggestion_accept,
    suggestion_attach,
    suggestion_dismiss,
    suggestion_match,
)
from .timelines import timelines_rebuild, timelines_refresh

__all__ = [
    "EventSaved",
    "actor_saved",
    "article_refresh_suggestions",
    "event_delete",
    "event_feed_action",
    "event_link",
    "event_save",
    "event_snapshot",
    "event_types_saved",
    "events_touch",
    "evidence_follow",
    "place_saved",
    "suggestion_accept",
    "suggestion_attach",
    "suggestion_dismiss",
    "suggestion_match",
    "timelines_rebuild",
    "timelines_refresh",
]
