"""Event suggestions: dated sentences of an article that name known actors, for an editor to judge."""

from django.conf import settings
from django.db import models

from articles.models import Article, Source
from articles.models.fuzzy import PRECISION_CHOICES, fuzzy_date_constraints, fuzzy_date_from

from .actors import Actor, Place
from .events import Event
from .taxonomy import EventType


class EventSuggestionQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=EventSuggestion.Status.PENDING)


class EventSuggestion(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        ACCEPTED = "accepted", "Accepted"
        DISMISSED = "dismissed", "Dismissed"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="event_suggestions")
    key = models.CharField(
        max_length=32, editable=False, help_text="Identifies the sentence across saves."
    )
    sentence = models.TextField()
    summary = models.TextField(blank=True, help_text="The sentence without its citations.")
    paragraph = models.PositiveIntegerField(default=0)
    position = models.PositiveIntegerField(default=0)
    date_year = models.PositiveSmallIntegerField("year")
    date_month = models.PositiveSmallIntegerField("month", null=True, blank=True)
    date_day = models.PositiveSmallIntegerField("day", null=True, blank=True)
    date_precision = models.CharField("date precision", max_length=6, choices=PRECISION_CHOICES)
    date_text = models.CharField("date as written", max_length=120, blank=True)
    event_type = models.ForeignKey(
        EventType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actors = models.ManyToManyField(Actor, related_name="+", blank=True)
    roles = models.JSONField(
        default=dict, blank=True, help_text="Each actor's role as read from the sentence, by id."
    )
    place = models.ForeignKey(
        Place, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sources = models.ManyToManyField(Source, related_name="+", blank=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    event = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.SET_NULL, related_name="suggestions"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = EventSuggestionQuerySet.as_manager()

    class Meta:
        ordering = ["article", "position"]
        constraints = [
            *fuzzy_date_constraints("date_", "suggestion"),
            models.UniqueConstraint(fields=["article", "key"], name="suggestion_unique_sentence"),
        ]

    def __str__(self):
        return self.sentence[:100]

    def fuzzy_date(self):
        return fuzzy_date_from(self, "date_")
