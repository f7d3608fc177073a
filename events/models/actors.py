"""Who takes part in events, and where events happen: Actor (with aliases) and Place."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from articles.models import Region
from articles.models.naming import Alias, KnownByName, NamedQuerySet


class ActorQuerySet(NamedQuerySet):
    def public(self):
        """Actors involved in a published event, by ``Participation.objects.involving``'s
        rule (taking part, someone acting on their behalf, or one affiliated with them at
        the time): the ones readers and
        subscribers may know of. An actor entered only for a draft is not shown, listed or
        accepted as a filter."""
        from .events import Event, Participation

        published = Participation.objects.filter(event__status=Event.Status.PUBLISHED)
        # Led by the actor's affiliations (few, by index), each probing its holder's events:
        # led by the participations, PostgreSQL scanned them all for each actor.
        affiliated = Affiliation.objects.filter(of_actor=models.OuterRef("pk")).filter(
            models.Exists(
                published.filter(actor=models.OuterRef("actor")).during(
                    models.OuterRef("starts_on"), models.OuterRef("ends_on")
                )
            )
        )
        return self.filter(
            models.Exists(published.filter(actor=models.OuterRef("pk")))
            | models.Exists(published.filter(on_behalf_of=models.OuterRef("pk")))
            | models.Exists(affiliated)
        )

    def with_timeline(self):
        """``public()`` as the stored timelines know it (an actor is public when its own
        timeline holds an event): one probe of an index, where ``public()`` may scan the
        participations of a frequent actor. The same actors once the timelines followed the
        last change (``events.services.timelines``)."""
        from .timelines import TimelineCount

        return self.filter(
            models.Exists(
                TimelineCount.objects.filter(
                    actor=models.OuterRef("pk"), partner=models.OuterRef("pk")
                )
            )
        )


class PlaceQuerySet(models.QuerySet):
    def public(self):
        """Places where a published event happened: the ones readers may find."""
        from .events import Event

        return self.filter(
            models.Exists(Event.objects.public().filter(place=models.OuterRef("pk")))
        )


class Actor(KnownByName):
    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        STATE = "state", "State"
        ORGANISATION = "organisation", "Organisation"
        GROUP = "group", "Group"

    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=14, choices=Kind.choices)
    country = models.ForeignKey(
        Region,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actors",
        help_text="The country the actor belongs to (for a state, itself).",
    )
    description = models.CharField(max_length=300, blank=True)
    wikidata_id = models.CharField(
        "Wikidata ID", max_length=20, blank=True, help_text="Such as Q184 for Belarus."
    )

    objects = ActorQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["wikidata_id"],
                condition=~models.Q(wikidata_id=""),
                name="actor_unique_wikidata_id",
                violation_error_message="Another actor already has this Wikidata ID.",
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("events:actor", kwargs={"slug": self.slug})

    def clean(self):
        errors = self.name_errors()
        if self.wikidata_id and not (self.wikidata_id[0] == "Q" and self.wikidata_id[1:].isdigit()):
            errors["wikidata_id"] = "A Wikidata ID is Q followed by digits, such as Q184."
        if errors:
            raise ValidationError(errors)


class AffiliationQuerySet(models.QuerySet):
    def covering(self, first_day, last_day):
        """The affiliations held over the whole of ``first_day``..``last_day`` (dates, or
        expressions such as ``OuterRef("event__starts_on")``): begun by its first day and not
        ended before its last. An event known only to the year counts through a presidency
        that began in its June only if the affiliation covers the year: never by guess."""
        return self.filter(
            models.Q(starts_on__lte=first_day)
            & (models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=last_day))
        )


class Affiliation(models.Model):
    """An actor's standing affiliation, with its dates: Pezeshkian, President of Iran, from
    July 28, 2024. An event the actor takes part in within those dates involves ``of_actor``
    too (``Participation.objects.involving``), as if the actor had acted on its behalf."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="affiliations")
    of_actor = models.ForeignKey(
        Actor,
        on_delete=models.PROTECT,
        related_name="affiliated",
        verbose_name="affiliated with",
        help_text="The state, government or organisation the actor stands for.",
    )
    role = models.CharField(max_length=200, help_text='"President of Iran".')
    starts_on = models.DateField("from")
    ends_on = models.DateField("until", null=True, blank=True, help_text="Empty: still held.")

    objects = AffiliationQuerySet.as_manager()

    class Meta:
        ordering = ["starts_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(of_actor=models.F("actor")),
                name="affiliation_not_with_itself",
                violation_error_message="An actor cannot be affiliated with itself.",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="affiliation_ends_after_start",
                violation_error_message="The affiliation ends before it starts.",
            ),
        ]

    def __str__(self):
        until = f"–{self.ends_on}" if self.ends_on else " on"
        return f"{self.actor}, {self.role} ({self.starts_on}{until})"

    def covers(self, first_day, last_day) -> bool:
        """``AffiliationQuerySet.covering`` for one affiliation and dates."""
        return self.starts_on <= first_day and (self.ends_on is None or last_day <= self.ends_on)

    def clean(self):
        errors = {}
        if self.of_actor_id and self.of_actor_id == self.actor_id:
            errors["of_actor"] = "An actor cannot be affiliated with itself."
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = "The affiliation ends before it starts."
        if errors:
            raise ValidationError(errors)


class ActorAlias(Alias):
    """Another name or transliteration: "Lukashenko" for "Alyaksandr Lukashenka"."""

    class Kind(models.TextChoices):
        ALIAS = "alias", "Alias"
        TRANSLITERATION = "transliteration", "Transliteration"
        SHORT = "short", "Short form"

    owner_field = "actor"
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.ALIAS)

    class Meta(Alias.Meta):
        verbose_name_plural = "actor aliases"


class Place(models.Model):
    class Precision(models.TextChoices):
        EXACT = "exact", "Exact location"
        CITY = "city", "City or town"
        REGION = "region", "Province or region"
        COUNTRY = "country", "Country"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    country = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.SET_NULL, related_name="places"
    )
    latitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    location_precision = models.CharField(
        max_length=8, choices=Precision.choices, default=Precision.CITY
    )
    geonames_id = models.PositiveIntegerField("GeoNames ID", null=True, blank=True, unique=True)

    objects = PlaceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True, longitude__isnull=True)
                | models.Q(latitude__range=(-90, 90), longitude__range=(-180, 180)),
                name="place_coordinates_valid",
                violation_error_message="Give both latitude (-90 to 90) and longitude (-180 to 180), or neither.",
            )
        ]

    def __str__(self):
        return f"{self.name}, {self.country}" if self.country_id else self.name

    def get_absolute_url(self):
        return reverse("events:place", kwargs={"slug": self.slug})

    def clean(self):
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError("Give both latitude and longitude, or neither.")
