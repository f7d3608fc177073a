"""Actors as subscribers see them: a change to one is a change of every event it takes part in."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q

from articles.models import Change
from articles.services import change_unit, resource_change
from monitor.core.changes import Changed, changes_announce

from ..models import Actor, Event
from .saving import events_touch

# What the API shows of an actor inside an event.
ACTOR_FIELDS = frozenset({"name", "slug", "kind", "country", "wikidata_id"})


@transaction.atomic
@change_unit()
def actor_saved(*, actor: Actor, fields: set[str], created: bool = False) -> int:
    """After an actor's form was saved: a renamed actor keeps its old name as an alias, and
    a change subscribers see is a new version of every published event it takes part in.
    Returns how many events changed."""
    changes_announce([Changed("actor", actor.pk)])
    if created or not fields & ACTOR_FIELDS:
        return 0
    resource_change(Change.Resource.ACTOR, actor.slug)
    events = Event.objects.public().filter(
        Q(participations__actor=actor) | Q(participations__on_behalf_of=actor)
    )
    return events_touch(event_ids=events.values_list("pk", flat=True))
