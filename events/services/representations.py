"""Events' stored representations (``EventRepresentation``), kept after every change.

``representations_store`` renders again the parts of the events named (after the commit of
any change of theirs: the events listener ``representations_committed``, whichever interface
made it; ``events_touch`` makes a change of an event of what it shows of others: an actor,
a place, a source, an event type renamed). Each is stored with the event's ``version`` and
``updated_at`` as read before its parts, and with the code that rendered it
(``representation_version``): a request uses it only while the three are current, and
renders afresh any other (a change whose listener has not run yet, or failed; a deploy that
changed how events are written), so that a stored part is never served stale.
``representations_rebuild`` stores every missing or out-of-date one (after a bulk load, or
a deploy: ``manage.py render_events``).
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db import models
from rest_framework.settings import api_settings
from tqdm import tqdm

import articles.representations
from monitor.core.expressions import IdList

from .. import fragments, renderers, representations
from ..models import Event, EventRepresentation

STORED_FORMAT = 1  # what a stored representation holds: one stored in another format is stale
BATCH = 500


@cache
def representation_version() -> str:
    """What a stored representation depends on besides the event: the code that writes it."""
    # The time zone and format its time of change is written in, with the code that writes it.
    setting = (
        f"{STORED_FORMAT} {settings.TIME_ZONE} {settings.USE_TZ} {api_settings.DATETIME_FORMAT}"
    )
    digest = hashlib.sha256(setting.encode())
    for module in (fragments, renderers, representations, articles.representations):
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()[:32]


def current_representation() -> models.Case:
    """Whether an event's stored representation may be served: an expression on ``Event``
    (1 or 0; 0 where there is none)."""
    return models.Case(
        models.When(
            models.Q(
                representation__rendered_with=representation_version(),
                representation__version=models.F("version"),
                representation__updated_at=models.F("updated_at"),
            ),
            then=models.Value(1),
        ),
        default=models.Value(0),
        output_field=models.IntegerField(),  # 1 or 0, read without a converter
    )


def representations_store(event_ids: Iterable[int]) -> int:
    """Render and store the representations of those of the events readers see (the others
    have theirs taken away). Returns how many were stored."""
    stored = 0
    for batch in itertools.batched(sorted(set(event_ids)), BATCH):
        # The events' version and time of change first, then their parts: a part read
        # after a later change is stored under the earlier key, and never served.
        public = Event.objects.public().filter(pk__in=IdList(batch)).order_by()
        rows = list(representations.event_rows(public))
        gone = set(batch) - {row[0] for row in rows}
        if gone:
            EventRepresentation.objects.filter(event_id__in=IdList(gone)).delete()
        parts = representations.event_parts(rows)
        version, written = representation_version(), representations.datetimes()
        EventRepresentation.objects.bulk_create(
            [
                EventRepresentation(
                    event_id=row[0], version=row[2], updated_at=row[23], rendered_with=version,
                    uuid=str(row[1]), updated=written(row[23]),
                    **fragments.event_fragments(parts[row[0]]),
                )
                for row in rows
            ],
            update_conflicts=True,
            unique_fields=["event"],
            update_fields=["version", "updated_at", "rendered_with", "uuid", "updated",
                           *FRAGMENTS],
        )  # fmt: skip
        stored += len(rows)
    return stored


FRAGMENTS = ("json", "properties", "geometry", "place", "csv")


def representations_stale() -> list[int]:
    """The public events whose stored representation is missing or out of date."""
    return list(
        Event.objects.public()
        .annotate(current=current_representation())
        .filter(current=0)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def representations_rebuild(*, every: bool = False, progress: bool = False) -> int:
    """Store the representation of every public event whose stored one is missing or out of
    date (``every``: of every public event). Returns how many were stored."""
    ids = (
        list(Event.objects.public().order_by("pk").values_list("pk", flat=True))
        if every
        else representations_stale()
    )
    stored = 0
    with tqdm(total=len(ids), desc="Events", unit="event", disable=not progress) as bar:
        for batch in itertools.batched(ids, 2000):
            stored += representations_store(batch)
            bar.update(len(batch))
    return stored
