"""What articles cite: outlets, the sources they published, citations and cross-references."""

import calendar
import re

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from articles.dates import display_interval
from articles.names import name_key

from .articles import Article
from .catalog import Publication, Region
from .fuzzy import PRECISION_CHOICES, fuzzy_date_constraints, fuzzy_date_errors, fuzzy_date_from
from .naming import Alias, KnownByName, NamedQuerySet


class Outlet(KnownByName):
    """A publisher that articles cite: a newspaper, a news agency, a government site…"""

    class Kind(models.TextChoices):
        NEWS_AGENCY = "news_agency", "News agency"
        NEWSPAPER = "newspaper", "Newspaper"
        BROADCASTER = "broadcaster", "Broadcaster"
        MAGAZINE = "magazine", "Magazine"
        ONLINE = "online", "Online news"
        GOVERNMENT = "government", "Government"
        INTERNATIONAL = "international", "International organisation"
        THINK_TANK = "think_tank", "Think tank"
        SOCIAL_MEDIA = "social_media", "Social media"
        PUBLICATION = "publication", "Monitor publication"
        OTHER = "other", "Other"

    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    home_url = models.URLField("home page", blank=True)
    country = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.SET_NULL, related_name="outlets"
    )

    objects = NamedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        if errors := self.name_errors():
            raise ValidationError(errors)


class OutletAlias(Alias):
    """Another way an outlet is written: "RFE/RL" for "Radio Free Europe/Radio Liberty"."""

    owner_field = "outlet"
    outlet = models.ForeignKey(Outlet, on_delete=models.CASCADE, related_name="aliases")

    class Meta(Alias.Meta):
        verbose_name_plural = "outlet aliases"


_MONTH_NUMBERS = {
    **{name.lower(): n for n, name in enumerate(calendar.month_name) if name},
    **{name.lower(): n for n, name in enumerate(calendar.month_abbr) if name},
    "sept": 9,
}
_MONTH_NAMES = "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True))
# "Outlet, August 19", "Outlet, August 19, 2025", "Outlet, March 2023", "Outlet, 2007".
_CITED_AS = re.compile(
    rf"^(?P<outlet>.+?),\s*(?:(?P<month>{_MONTH_NAMES})\.?(?:\s+(?P<day>\d{{1,2}}))?"
    rf"(?:,?\s+(?P<year>\d{{4}}))?|(?P<only_year>\d{{4}}))\s*$",
    re.IGNORECASE,
)


class SourceQuerySet(models.QuerySet):
    def cited_as(self, text: str):
        """The sources a citation as written names: "President of Iran, August 19" (of any
        year when none is written), "Kommersant, March 2023"; the outlet by its name or an
        alias. None when ``text`` reads as no citation."""
        found = _CITED_AS.match(" ".join(text.split()))
        if not found:
            return None
        key = name_key(found["outlet"])
        outlets = Outlet.objects.filter(models.Q(key=key) | models.Q(aliases__key=key))
        sources = self.filter(outlet__in=outlets.values("pk"))
        year = found["year"] or found["only_year"]
        if year:
            sources = sources.filter(date_year=int(year))
        if found["month"]:
            sources = sources.filter(date_month=_MONTH_NUMBERS[found["month"].lower()])
        if found["day"]:
            sources = sources.filter(date_day=int(found["day"]))
        return sources


class Source(models.Model):
    """One item an outlet published and articles cite: a report of a given day, month or year."""

    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="sources")
    date_year = models.PositiveSmallIntegerField("year")
    date_month = models.PositiveSmallIntegerField("month", null=True, blank=True)
    date_day = models.PositiveSmallIntegerField("day", null=True, blank=True)
    date_precision = models.CharField(
        "date precision", max_length=6, choices=PRECISION_CHOICES, default="day"
    )
    starts_on = models.DateField(editable=False, db_index=True)
    ends_on = models.DateField(editable=False)
    title = models.CharField(max_length=400, blank=True)
    url = models.URLField("URL", max_length=1000, blank=True)
    language = models.CharField(
        max_length=8,
        blank=True,
        help_text="ISO 639-1 code of the source's language, such as en or ru.",
    )

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "outlet__name"]
        constraints = [
            *fuzzy_date_constraints("date_", "source"),
            models.UniqueConstraint(
                fields=["outlet", "date_precision", "starts_on", "title"],
                name="source_unique_outlet_date_title",
                violation_error_message="This outlet already has a source with this date and title.",
            ),
        ]

    def __str__(self):
        date = self.fuzzy_date()
        label = f"{self.outlet}, {date.display() if date else '?'}"
        return f"{label}: {self.title}" if self.title else label

    def save(self, *args, **kwargs):
        date = self.fuzzy_date()
        if date is None:
            raise ValueError(f"Source {self.pk} has no valid date: call full_clean() first.")
        self.starts_on, self.ends_on = date.first_day(), date.last_day()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:source", kwargs={"pk": self.pk})

    def fuzzy_date(self):
        return fuzzy_date_from(self, "date_")

    def date_display(self) -> str:
        date = self.fuzzy_date()
        return display_interval(date, None) if date else ""

    def clean(self):
        errors = fuzzy_date_errors(self, "date_")
        if errors:
            raise ValidationError(errors)

    def link(self) -> str:
        """Where a reader following the citation goes: the source itself, else Monitor's page."""
        return self.url or self.get_absolute_url()


class Citation(models.Model):
    """One occurrence of a source in an article's body, as written: "(Tehran Times, August 20)"."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="citations")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="citations")
    paragraph = models.PositiveIntegerField(help_text="Index of the paragraph in the body, from 0.")
    position = models.PositiveIntegerField(
        help_text="Character offset of the citation in the body."
    )
    text = models.CharField("as written", max_length=500)
    see = models.BooleanField("see-also", default=False)

    class Meta:
        ordering = ["article", "position", "id"]

    def __str__(self):
        return self.text


class CitationNotUnderstood(models.Model):
    """An item of a citation group the parser could not read, shown to editors on the
    article's citation list: "see Part Two of this series" in "(Interfax-Ukraine, March 3;
    see Part Two of this series)". Derived from the body like citations, never typed."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="citations_not_understood"
    )
    paragraph = models.PositiveIntegerField(help_text="Index of the paragraph in the body, from 0.")
    position = models.PositiveIntegerField(help_text="Character offset of the item in the body.")
    text = models.CharField("as written", max_length=500)
    group = models.CharField("in", max_length=1000, help_text="The whole parenthetical.")

    class Meta:
        ordering = ["article", "position", "id"]
        verbose_name = "citation not understood"
        verbose_name_plural = "citations not understood"

    def __str__(self):
        return self.text


class CrossReferenceQuerySet(models.QuerySet):
    def unresolved(self):
        """Cross-references with no target article yet: none found, or several to choose from."""
        return self.filter(target_article__isnull=True)


class CrossReference(models.Model):
    """One "(see EDM, February 24, 2016)": a pointer to an earlier article of a publication."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="cross_references")
    target_publication = models.ForeignKey(Publication, on_delete=models.PROTECT, related_name="+")
    target_year = models.PositiveSmallIntegerField("year")
    target_month = models.PositiveSmallIntegerField("month", null=True, blank=True)
    target_day = models.PositiveSmallIntegerField("day", null=True, blank=True)
    target_precision = models.CharField(
        "date precision", max_length=6, choices=PRECISION_CHOICES, default="day"
    )
    target_article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="cited_by"
    )
    chosen_by_editor = models.BooleanField(
        default=False, help_text="The target was chosen by hand; re-parsing the body keeps it."
    )
    candidates = models.PositiveSmallIntegerField(
        default=0, editable=False, help_text="Public articles of the publication on that date."
    )
    paragraph = models.PositiveIntegerField()
    position = models.PositiveIntegerField()
    text = models.CharField("as written", max_length=500)

    objects = CrossReferenceQuerySet.as_manager()

    class Meta:
        ordering = ["article", "position", "id"]
        constraints = fuzzy_date_constraints("target_", "crossref")

    def __str__(self):
        date = self.target_date()
        return f"see {self.target_publication.short_name}, {date.display() if date else '?'}"

    def target_date(self):
        return fuzzy_date_from(self, "target_")

    def is_ambiguous(self) -> bool:
        return self.target_article_id is None and self.candidates > 1

    def public_target(self) -> Article | None:
        """The target, while readers may see it: a draft or scheduled target stays unnamed."""
        target = self.target_article if self.target_article_id else None
        return target if target is not None and target.is_public() else None

    def link_title(self) -> str:
        """What the link says on hover: the target's title, else which archive it opens."""
        if target := self.public_target():
            return target.title
        date = self.target_date()
        return f"{self.target_publication.name}, {date.display() if date else ''}: archive"

    def link(self) -> str:
        """The target article, else the publication's archive for the day (or month, or year)."""
        if target := self.public_target():
            return target.get_absolute_url()
        kwargs = {"publication": self.target_publication.slug, "year": self.target_year}
        if self.target_month:
            kwargs["month"] = f"{self.target_month:02d}"
        if self.target_day:
            kwargs["day"] = f"{self.target_day:02d}"
        name = {1: "archive_year", 2: "archive_month", 3: "archive_day"}[len(kwargs) - 1]
        return reverse(f"articles:{name}", kwargs=kwargs)

    def clean(self):
        errors = fuzzy_date_errors(self, "target_")
        if errors:
            raise ValidationError(errors)


class UnresolvedCrossReference(CrossReference):
    """The admin's worklist of cross-references that point at no article yet."""

    class Meta:
        proxy = True
        verbose_name = "unresolved cross-reference"
