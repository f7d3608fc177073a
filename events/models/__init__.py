"""The events app's models: actors (and their affiliations), places, the event codebook,
events, timelines and the events' stored representations."""

from .actors import Actor, ActorAlias, Affiliation, Place
from .events import (
    Event,
    EventEvidence,
    EventQuantity,
    EventQuerySet,
    EventSource,
    Participation,
)
from .representations import EventRepresentation
from .suggestions import EventSuggestion
from .taxonomy import EventFamily, EventType, PloverCategory
from .timelines import StoredPage, TimelineCount, TimelineEntry, TimelinePage

__all__ = [
    "Actor",
    "ActorAlias",
    "Affiliation",
    "Event",
    "EventEvidence",
    "EventFamily",
    "EventQuantity",
    "EventQuerySet",
    "EventRepresentation",
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
