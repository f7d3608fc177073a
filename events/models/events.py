"""Events: what happened, when (at the precision known), where, who took part, on what sources."""

import datetime as dt
import uuid
from collections import defaultdict

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce
from django.urls import reverse

from articles.dates import (
    DateReading,
    date_label,
    edtf_interval,
    written_reading,
)
from articles.models import Article, Source
from articles.models.fuzzy import (
    PRECISION_CHOICES,
    fuzzy_date_constraints,
    fuzzy_date_errors,
    fuzzy_date_from,
)

from .actors import Actor, Affiliation, Place
from .taxonomy import EventType

# How many merges of merges an old address is followed through.
MERGE_CHAIN_LIMIT = 20


class EventQuerySet(models.QuerySet):
    def public(self):
        """Published events: what readers and subscribers may see."""
        return self.filter(status=Event.Status.PUBLISHED)

    def chronological(self):
        return self.order_by("starts_on", "ends_on", "id")

    def survivor_of(self, uuid) -> "Event | None":
        """The published event a merged event (``uuid``) lives on in, following merges of
        merges (its old addresses redirect there); None if ``uuid`` was not merged, or the
        chain ends in an event readers do not see or comes back on itself."""
        columns = ("pk", "uuid", "status", "merged_into_id")
        event = self.filter(uuid=uuid, status=Event.Status.MERGED).only(*columns).first()
        seen = set()
        while event is not None and event.status == Event.Status.MERGED:
            if event.pk in seen or len(seen) >= MERGE_CHAIN_LIMIT:
                return None
            seen.add(event.pk)
            event = Event.objects.filter(pk=event.merged_into_id).only(*columns).first()
        return event if event is not None and event.is_public() else None

    def overlapping(self, first_day, last_day):
        """Events whose covered range shares at least one day with first_day..last_day."""
        return self.filter(starts_on__lte=last_day, ends_on__gte=first_day)

    def within(self, first_day, last_day):
        """Events whose whole covered range lies inside first_day..last_day."""
        return self.filter(starts_on__gte=first_day, ends_on__lte=last_day)

    def involving(self, actor):
        """Events the actor takes part in (a subquery, so no join multiplies the rows)."""
        return self.filter(pk__in=Participation.objects.filter(actor=actor).values("event_id"))

    def for_timeline(self):
        """What a timeline row shows: type and family, place, participants, in a fixed number of queries."""
        return self.select_related("event_type__family", "place").prefetch_related(
            models.Prefetch(
                "participations", queryset=Participation.objects.select_related("actor")
            )
        )


class Event(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"
        WITHDRAWN = "withdrawn", "Withdrawn"
        MERGED = "merged", "Merged into another event"

    class Modality(models.TextChoices):
        OCCURRED = "occurred", "Occurred"
        REPORTED = "reported", "Reported, unconfirmed"
        ANNOUNCED = "announced", "Announced"
        PLANNED = "planned", "Planned"
        POSTPONED = "postponed", "Postponed"
        DENIED = "denied", "Denied"

    uuid = models.UUIDField("public id", default=uuid.uuid4, unique=True, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    start_year = models.PositiveSmallIntegerField("start year")
    start_month = models.PositiveSmallIntegerField("start month", null=True, blank=True)
    start_day = models.PositiveSmallIntegerField("start day", null=True, blank=True)
    start_precision = models.CharField(
        "start precision", max_length=6, choices=PRECISION_CHOICES, default="day"
    )
    end_year = models.PositiveSmallIntegerField("end year", null=True, blank=True)
    end_month = models.PositiveSmallIntegerField("end month", null=True, blank=True)
    end_day = models.PositiveSmallIntegerField("end day", null=True, blank=True)
    end_precision = models.CharField(
        "end precision",
        max_length=6,
        choices=PRECISION_CHOICES,
        blank=True,
        help_text="Leave the end empty for an event on a single date.",
    )
    date_text = models.CharField(
        "date as written",
        max_length=120,
        blank=True,
        help_text='As the text puts it: "in mid-2015".',
    )
    edtf = models.CharField("EDTF", max_length=60, editable=False)
    starts_on = models.DateField("covers from", editable=False, db_index=True)
    ends_on = models.DateField("covers until", editable=False, db_index=True)
    modality = models.CharField(max_length=10, choices=Modality.choices, default=Modality.OCCURRED)
    event_type = models.ForeignKey(EventType, on_delete=models.PROTECT, related_name="events")
    place = models.ForeignKey(
        Place, null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    articles = models.ManyToManyField(Article, related_name="events", blank=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_events"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_on", "ends_on", "id"]
        constraints = [
            *fuzzy_date_constraints("start_", "event"),
            *fuzzy_date_constraints("end_", "event", optional=True),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="event_ends_after_start",
                violation_error_message="The end date is before the start date.",
            ),
            models.CheckConstraint(
                condition=models.Q(status="merged", merged_into__isnull=False)
                | (~models.Q(status="merged") & models.Q(merged_into__isnull=True)),
                name="event_merged_has_target",
                violation_error_message="A merged event names the event it was merged into, and only then.",
            ),
        ]
        indexes = [
            models.Index(fields=["starts_on", "ends_on"], name="event_date_range"),
            # The latest change of a published event (the API's Last-Modified of the lists
            # without timestamps of their own): one step down this index.
            models.Index(fields=["status", "updated_at"], name="event_status_updated"),
        ]

    def __str__(self):
        return f"{self.title} ({self.date_display()})"

    def save(self, *args, **kwargs):
        """Derive the covered range and EDTF from the dates. What a change tells subscribers
        (a new version, a feed entry) is ``events.services.event_save``'s to decide."""
        start, end = self.start_date(), self.end_date()
        if start is None:
            raise ValueError("Event has no valid start date: call full_clean() first.")
        self.starts_on = start.first_day()
        self.ends_on = (end or start).last_day()
        # A date as written with a qualifier ("around 2007", "spring 2023") says more in EDTF.
        written = written_reading(self.date_text, start, end)
        self.edtf = written.edtf if written else edtf_interval(start, end)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "starts_on", "ends_on", "edtf"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("events:event", kwargs={"uuid": self.uuid})

    def autocomplete_label(self) -> str:
        """How pickers name the event: "Roadmap signed (March 2023, draft)"."""
        return f"{self.title} ({self.date_display()}, {self.get_status_display().lower()})"

    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def start_date(self):
        return fuzzy_date_from(self, "start_")

    def end_date(self):
        return fuzzy_date_from(self, "end_")

    def written_date(self) -> DateReading | None:
        """The date as written, read, when it says what the dates say (``written_reading``)."""
        return written_reading(self.date_text, self.start_date(), self.end_date())

    def date_display(self) -> str:
        """The date as readers see it: as written ("mid-2015") when that is the date stored,
        else read from the dates ("May 2015 – August 2015")."""
        return date_label(self.date_text, self.start_date(), self.end_date())

    def clean(self):
        errors = {
            **fuzzy_date_errors(self, "start_"),
            **fuzzy_date_errors(self, "end_", optional=True),
        }
        start, end = self.start_date(), self.end_date()
        if not errors and start and end and end.last_day() < start.first_day():
            errors["end_year"] = (
                f"The end date ({end.display()}) is before the start date ({start.display()})."
            )
        if self.status == self.Status.MERGED and not self.merged_into_id:
            errors["merged_into"] = "Choose the event this one was merged into."
        elif self.merged_into_id and self.status != self.Status.MERGED:
            errors["status"] = "An event merged into another must have the status “Merged”."
        elif self.merged_into_id and self.merged_into_id == self.pk:
            errors["merged_into"] = "An event cannot be merged into itself."
        if errors:
            raise ValidationError(errors)


class ParticipationQuerySet(models.QuerySet):
    def involving(self, actors, *, direct: bool = False, dates=None):
        """The participations through which ``actors`` (ids or instances) take part in an
        event: their own, and, unless ``direct``, those of whoever acted on their behalf
        (Pezeshkian for Iran) or was affiliated with them over the event's dates (an
        ``Affiliation``: President of Iran from 2024). The one rule of who is in an event
        through whom; ``involvement`` reads it for given events.

        ``dates``, the event's first and last day as expressions, spare joining the event
        where the caller has it at hand (a subquery of events: ``OuterRef(OuterRef(…))``)."""
        if direct:
            return self.filter(actor__in=actors)
        first_day, last_day = dates or (
            models.OuterRef("event__starts_on"),
            models.OuterRef("event__ends_on"),
        )
        affiliated = Affiliation.objects.filter(
            actor=models.OuterRef("actor"), of_actor__in=actors
        ).covering(first_day, last_day)
        return self.filter(
            models.Q(actor__in=actors)
            | models.Q(on_behalf_of__in=actors)
            | models.Exists(affiliated)
        )

    def during(self, starts_on, ends_on):
        """The participations in events wholly within ``starts_on``..``ends_on`` (None: still
        held): ``AffiliationQuerySet.covering``'s rule seen from the events' side, for
        expressions of an affiliation's dates."""
        return self.filter(
            event__starts_on__gte=starts_on,
            event__ends_on__lte=Coalesce(ends_on, models.Value(dt.date.max)),
        )

    def involvement(self, event_ids) -> dict[int, dict[int, bool]]:
        """Who is in each of the events by ``involving``'s rule, by event id: each actor
        involved, and whether it took part itself (True) or only through someone acting on
        its behalf or affiliated with it (False). Two queries."""
        rows = list(
            self.filter(event_id__in=event_ids)
            .order_by()
            .values_list("event_id", "actor_id", "on_behalf_of_id", "event__starts_on",
                         "event__ends_on")
        )  # fmt: skip
        standing = defaultdict(list)
        for affiliation in Affiliation.objects.filter(actor__in={row[1] for row in rows}):
            standing[affiliation.actor_id].append(affiliation)
        involved: dict[int, dict[int, bool]] = {}
        for event_id, actor_id, behalf_id, first_day, last_day in rows:
            actors = involved.setdefault(event_id, {})
            actors[actor_id] = True
            if behalf_id is not None:
                actors.setdefault(behalf_id, False)
            for affiliation in standing[actor_id]:
                if affiliation.covers(first_day, last_day):
                    actors.setdefault(affiliation.of_actor_id, False)
        return involved


class Participation(models.Model):
    """An actor's part in an event: "Pezeshkian, President of Iran, visitor"."""

    class Role(models.TextChoices):
        INITIATOR = "initiator", "Initiator"
        HOST = "host", "Host"
        VISITOR = "visitor", "Visitor"
        SIGNATORY = "signatory", "Signatory"
        COUNTERPART = "counterpart", "Counterpart"
        MEDIATOR = "mediator", "Mediator"
        PARTICIPANT = "participant", "Participant"
        TARGET = "target", "Target"
        SUPPLIER = "supplier", "Supplier"
        RECIPIENT = "recipient", "Recipient"
        MEMBER = "member", "Member"
        ORGANISER = "organiser", "Organiser"
        SPEAKER = "speaker", "Speaker"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participations")
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="participations")
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.PARTICIPANT)
    on_behalf_of = models.ForeignKey(
        Actor,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="represented_in",
        help_text="The state or organisation the actor acted for.",
    )
    office = models.CharField(
        "office at the time", max_length=200, blank=True, help_text='"President of Iran".'
    )
    position = models.PositiveSmallIntegerField(default=0)

    objects = ParticipationQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "actor", "role"],
                name="participation_unique_role",
                violation_error_message="This actor already has this role in the event.",
            ),
            models.CheckConstraint(
                condition=~models.Q(on_behalf_of=models.F("actor")),
                name="participation_not_on_own_behalf",
                violation_error_message="An actor cannot act on its own behalf; leave the field empty.",
            ),
        ]

    def __str__(self):
        office = f", {self.office}" if self.office else ""
        return f"{self.actor}{office} ({self.get_role_display().lower()})"

    def clean(self):
        if self.on_behalf_of_id and self.on_behalf_of_id == self.actor_id:
            raise ValidationError(
                {"on_behalf_of": "An actor cannot act on its own behalf; leave this empty."}
            )


class EventQuantity(models.Model):
    """A number the text gives: "12 cooperation documents"."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="quantities")
    value = models.DecimalField(max_digits=14, decimal_places=2)
    unit = models.CharField(max_length=120, help_text='What is counted: "cooperation documents".')
    text = models.CharField("as written", max_length=200, blank=True)

    class Meta:
        verbose_name_plural = "event quantities"
        ordering = ["id"]  # as entered: the API and pages list them in a stable order

    def __str__(self):
        return f"{self.value.normalize():f} {self.unit}"


class EventSource(models.Model):
    """A source that supports an event, with the quote that supports it."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="event_sources")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="event_sources")
    quote = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]  # as attached: the API and pages list them in a stable order
        constraints = [
            models.UniqueConstraint(
                fields=["event", "source"],
                name="event_source_unique",
                violation_error_message="This source is already attached to the event.",
            )
        ]

    def __str__(self):
        return str(self.source)


class EventEvidence(models.Model):
    """A paragraph of an article that supports an event: the article, the paragraph's anchor
    in its page (``articles.rendering.article_paragraphs``) and the words that support it,
    kept as they were when recorded, so that evidence whose paragraph was edited away still
    says what it was (``in_article`` false)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="evidence")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="evidence")
    anchor = models.CharField(max_length=20, help_text='The paragraph\'s anchor: "p-3f9a2c".')
    excerpt = models.TextField(help_text="The words that support the event, as recorded.")
    in_article = models.BooleanField(
        "still in the article", default=True, help_text="False once the paragraph was edited away."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "evidence"
        ordering = ["id"]  # as recorded: pages and the API list them in a stable order
        constraints = [
            models.UniqueConstraint(
                fields=["event", "article", "anchor"],
                name="event_evidence_unique",
                violation_error_message="This paragraph is already recorded as evidence.",
            )
        ]

    def __str__(self):
        return f"{self.article} #{self.anchor}"
