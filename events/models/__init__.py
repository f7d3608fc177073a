"""The events app's models: actors, places, the event codebook, events and timelines."""

from .actors import Actor, ActorAlias, Place
from .events import Event, EventQuantity, EventQuerySet, EventSource, Participation
from .suggestions import EventSuggestion
from .taxonomy import EventFamily, EventType, PloverCategory
from .timelines import StoredPage, TimelineCount, TimelineEntry, TimelinePage

__all__ = [
    "Actor",
    "ActorAlias",
    "Event",
    "EventFamily",
    "EventQuantity",
    "EventQuerySet",
    "EventSource",
    "EventSuggestion",
    "EventType",
    "Participation",
    "Place",
    "PloverCategory",
    "StoredPage",
    "TimelineCount",
    "TimelineEntry",
    "TimelinePage",
]
