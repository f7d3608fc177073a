"""Events as subscribers see them, stored on the write path (``events.services.representations``
keeps them): the parts of each event's API answer, CSV row and GeoJSON feature that depend on
the event alone, ready to be joined with what depends on the request (addresses, the plan's
articles)."""

from django.db import models

from .events import Event


class EventRepresentation(models.Model):
    """The event's own parts, rendered from the event at ``version`` and ``updated_at`` by the
    code of ``rendered_with``: served only while all three are current, so that a change not
    yet followed (its listener not run, or failed) is rendered afresh, never shown stale.

    ``uuid`` and ``updated`` are the event's public id and time of change as the API writes
    them (in ``settings.TIME_ZONE``, part of ``rendered_with``); ``json`` holds the API's fields from ``title`` to ``quantities`` as they appear inside the
    event's object (compact separators); ``properties`` the same without ``place`` as a
    GeoJSON feature's properties have them (spaced), ``geometry`` and ``place`` the feature's
    point and place (empty when the event has no coordinates: no feature); ``csv`` the CSV
    row's cells from ``title`` to ``source_urls``, written and joined."""

    event = models.OneToOneField(
        Event, on_delete=models.CASCADE, primary_key=True, related_name="representation"
    )
    version = models.PositiveIntegerField()
    updated_at = models.DateTimeField()
    rendered_with = models.CharField(max_length=32)
    uuid = models.CharField(max_length=36)
    updated = models.CharField(max_length=40)
    json = models.TextField()
    properties = models.TextField()
    geometry = models.TextField(blank=True)
    place = models.TextField(blank=True)
    csv = models.TextField()

    def __str__(self):
        return f"event {self.event_id} at version {self.version}"
