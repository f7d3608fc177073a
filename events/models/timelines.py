"""Timelines kept for reading: which public events an actor's timeline, and two actors'
timeline, hold, in date order, how many, and their pages as readers saw them
(``events.services.timelines`` keeps them)."""

import secrets

from django.db import models

from .actors import Actor
from .events import Event


class TimelineEntryQuerySet(models.QuerySet):
    def of(self, first: int, second: int | None = None, *, direct: bool = False):
        """The entries of one actor's timeline (``second`` None) or of two actors', the
        latest first: one walk of the ``timeline_entry_latest`` index (``direct``: of those
        where each took part itself, ``timeline_entry_direct``)."""
        second = first if second is None else second
        first, second = min(first, second), max(first, second)
        entries = self.filter(first_id=first, second_id=second)
        if direct:
            entries = entries.filter(direct=True)
        return entries.order_by("-starts_on", "-ends_on", "-event_id")


class TimelineEntry(models.Model):
    """A public event on a timeline: the timeline of ``first`` and ``second`` (by id,
    ``first`` the lower), the events both are involved in; ``first == second`` is one
    actor's own timeline. An event of three actors is on six timelines. The dates are the
    event's, copied so that a timeline is read in order from its index, however long it is.

    An actor is involved by ``Participation.objects.involving``'s rule: taking part, or
    through someone who acted on its behalf (Pezeshkian for Iran puts the event on Iran's
    timeline and on Iran's with Belarus when Lukashenka acted for Belarus). ``direct`` says
    that each of the two took part itself: the timelines of direct participants only."""

    # first, and actor below, lead the indexes of their constraints: no index of their own.
    first = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="+", db_index=False)
    second = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="+")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="timeline_entries")
    starts_on = models.DateField()
    ends_on = models.DateField()
    direct = models.BooleanField(default=True)

    objects = TimelineEntryQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "timeline entries"
        constraints = [
            models.UniqueConstraint(
                fields=["first", "second", "event"], name="timeline_entry_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(first__lte=models.F("second")), name="timeline_entry_ordered"
            ),
        ]
        indexes = [
            models.Index(
                fields=["first", "second", "-starts_on", "-ends_on", "-event"],
                name="timeline_entry_latest",
            ),
            models.Index(
                fields=["first", "second", "-starts_on", "-ends_on", "-event"],
                condition=models.Q(direct=True),
                name="timeline_entry_direct",
            ),
        ]

    def __str__(self):
        return f"{self.first_id}/{self.second_id}: {self.event_id}"


class TimelineCountQuerySet(models.QuerySet):
    def events(self, actor: int, partner: int | None = None, *, direct: bool = False) -> int:
        """How many public events ``actor``'s timeline holds (with ``partner``: both's;
        ``direct``: of those where each took part itself)."""
        partner = actor if partner is None else partner
        found = self.filter(actor_id=actor, partner_id=partner).values_list(
            "direct_events" if direct else "events", flat=True
        )
        return found.first() or 0

    def partners(self, actor: int, shown: int):
        """The ``shown`` actors ``actor`` shares most public events with, most first."""
        return (
            self.filter(actor_id=actor)
            .exclude(partner_id=actor)
            .order_by("-events", "partner_id")[:shown]
        )


def new_stamp() -> int:
    return secrets.randbits(62)


class TimelineCount(models.Model):
    """How many public events a timeline holds: ``actor``'s own (``partner`` the same actor)
    or ``actor``'s with ``partner`` (kept both ways, so that an actor's partners are one
    walk of an index); ``direct_events`` of them those where each took part itself (the
    entries' ``direct``)."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="+", db_index=False)
    partner = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="+")
    events = models.PositiveIntegerField()
    direct_events = models.PositiveIntegerField(default=0)
    # Drawn anew whenever any event of the timeline changes: a stored page is shown only
    # while it carries the stamp it was rendered under (``TimelinePage``).
    stamp = models.BigIntegerField(default=new_stamp)

    objects = TimelineCountQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["actor", "partner"], name="timeline_count_unique")
        ]
        indexes = [models.Index(fields=["actor", "-events"], name="timeline_count_most")]

    def __str__(self):
        return f"{self.actor_id}/{self.partner_id}: {self.events}"


class TimelinePage(models.Model):
    """A page of a timeline (its chart and list) as it was rendered for readers: for the
    timeline of ``actor`` with ``partner`` (the same actor: its own), in that order (the
    two-actor page names them in the order asked for), of direct participants only or not,
    under the timeline's ``stamp`` and the templates of ``rendered_with``; shown again while
    both are current."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="+", db_index=False)
    partner = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="+")
    direct = models.BooleanField(default=False)
    number = models.PositiveIntegerField()
    stamp = models.BigIntegerField()
    rendered_with = models.CharField(max_length=32)
    html = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["actor", "partner", "direct", "number"], name="timeline_page_unique"
            )
        ]

    def __str__(self):
        return f"{self.actor_id}/{self.partner_id} page {self.number}"


class StoredPage(models.Model):
    """A timeline's public page whole (an actor's, two actors', a place's: the site's frame,
    the timeline, the articles), as readers got it, by its address and the page numbers it
    shows (``path``, normalised by ``events.services.pages``). Shown again while the site's
    ``generation`` (moved on by every change readers may see) and the templates of
    ``rendered_with`` are those it was rendered under, until ``stale_at`` (an article due by
    the clock alone)."""

    path = models.CharField(max_length=400, unique=True)
    generation = models.PositiveBigIntegerField()
    rendered_with = models.CharField(max_length=32)
    stale_at = models.DateTimeField(null=True, blank=True)
    html = models.TextField()

    def __str__(self):
        return self.path
