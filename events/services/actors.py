"""Actors, places and event types as subscribers see them: inside every event that shows them, so
that a change to one is a change of every such event."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q

from articles.models import Change
from articles.services import change_unit, resource_change
from monitor.core.changes import Changed, changes_announce

from ..models import Actor, Event, Place
from .saving import events_touch

# What the API shows of an actor inside an event.
ACTOR_FIELDS = frozenset({"name", "slug", "kind", "country", "wikidata_id"})
# What it shows of a place, and of an event type or family.
PLACE_FIELDS = frozenset(
    {"name", "slug", "country", "latitude", "longitude", "location_precision", "geonames_id"}
)
TYPE_FIELDS = frozenset({"name", "slug"})


@transaction.atomic
@change_unit()
def actor_saved(*, actor: Actor, fields: set[str], created: bool = False) -> int:
    """After an actor's form was saved: a renamed actor keeps its old name as an alias, and
    a change subscribers see is a new version of every published event it takes part in.
    Changed affiliations (``fields`` naming "affiliations") change who is in the events the
    actor takes part in: a new version of each (the API's actor filter finds them anew, the
    timelines follow after the commit). Returns how many events changed."""
    changes_announce([Changed("actor", actor.pk)])
    touched = set()
    if not created and fields & ACTOR_FIELDS:
        resource_change(Change.Resource.ACTOR, actor.slug)
        events = Event.objects.public().filter(
            Q(participations__actor=actor) | Q(participations__on_behalf_of=actor)
        )
        touched |= set(events.values_list("pk", flat=True))
    if "affiliations" in fields:
        events = Event.objects.public().filter(participations__actor=actor)
        touched |= set(events.values_list("pk", flat=True))
    return events_touch(event_ids=touched)


@transaction.atomic
@change_unit()
def place_saved(*, place: Place, fields: set[str], created: bool = False) -> int:
    """After a place's form was saved: a change subscribers see is a new version of every
    published event placed there. Returns how many events changed."""
    changes_announce([Changed("place", place.pk)])
    if created or not fields & PLACE_FIELDS:
        return 0
    return events_touch(
        event_ids=Event.objects.public().filter(place=place).values_list("pk", flat=True)
    )


@transaction.atomic
@change_unit()
def event_types_saved(*, type_ids: set[int]) -> int:
    """After event types (or their family) were renamed: a new version of every published
    event of those types. Returns how many events changed."""
    if not type_ids:
        return 0
    events = Event.objects.public().filter(event_type__in=type_ids)
    return events_touch(event_ids=events.values_list("pk", flat=True))
