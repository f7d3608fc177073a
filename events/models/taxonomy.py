"""The event codebook: families of event types, each type mapped to PLOVER and ACLED."""

from django.db import models


class PloverCategory(models.TextChoices):
    """The sixteen event categories of PLOVER, the successor of CAMEO."""

    AGREE = "AGREE", "Agree"
    ACCUSE = "ACCUSE", "Accuse"
    ASSAULT = "ASSAULT", "Assault"
    AID = "AID", "Aid"
    COERCE = "COERCE", "Coerce"
    CONCEDE = "CONCEDE", "Concede"
    CONSULT = "CONSULT", "Consult"
    COOPERATE = "COOPERATE", "Cooperate"
    MOBILIZE = "MOBILIZE", "Mobilize"
    PROTEST = "PROTEST", "Protest"
    REJECT = "REJECT", "Reject"
    REQUEST = "REQUEST", "Request"
    RETREAT = "RETREAT", "Retreat"
    SANCTION = "SANCTION", "Sanction"
    SUPPORT = "SUPPORT", "Support"
    THREATEN = "THREATEN", "Threaten"


class EventFamily(models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.CharField(max_length=300, blank=True)
    colour = models.CharField(max_length=7, default="#555555", help_text="Used on timelines.")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "event families"

    def __str__(self):
        return self.name


class EventType(models.Model):
    family = models.ForeignKey(EventFamily, on_delete=models.PROTECT, related_name="types")
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.CharField(max_length=300, blank=True)
    plover = models.CharField(
        "PLOVER category",
        max_length=10,
        choices=PloverCategory.choices,
        blank=True,
        help_text="Empty where PLOVER has no category for the type (elections, appointments).",
    )
    plover_mode = models.CharField("PLOVER mode", max_length=40, blank=True)
    acled_event_type = models.CharField("ACLED event type", max_length=60, blank=True)
    acled_sub_event_type = models.CharField("ACLED sub-event type", max_length=80, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["family__position", "position", "name"]

    def __str__(self):
        return f"{self.family.name} › {self.name}"
