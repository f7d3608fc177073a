"""The events app's models: actors, places, the event codebook and events."""

from .actors import Actor, ActorAlias, Place
from .events import Event, EventQuantity, EventQuerySet, EventSource, Participation
from .taxonomy import EventFamily, EventType, PloverCategory

__all__ = [
    "Actor",
    "ActorAlias",
    "Event",
    "EventFamily",
    "EventQuantity",
    "EventQuerySet",
    "EventSource",
    "EventType",
    "Participation",
    "Place",
    "PloverCategory",
]
