"""The publications, people and subjects articles belong to: Publication, Author, Topic, Region."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from articles.rendering import render_markdown


class Publication(models.Model):
    """One title Monitor publishes: a daily monitor, a weekly brief, a terrorism monitor."""

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(
        max_length=40,
        unique=True,
        help_text='How cross-references name it: "EDM" in "(see EDM, February 24, 2016)".',
    )
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(blank=True)
    image = models.ImageField(
        upload_to="publications/",
        blank=True,
        help_text="Shown when an article of the publication is shared and has no lead image.",
    )
    first_year = models.PositiveSmallIntegerField(
        help_text="The year of volume 1; volume N covers year first_year + N - 1."
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:publication", kwargs={"publication": self.slug})

    def volume_for(self, day: dt.date) -> int:
        """The volume that covers ``day``."""
        return day.year - self.first_year + 1

    def year_of_volume(self, volume: int) -> int:
        return self.first_year + volume - 1

    def clean(self):
        if self.first_year and not 1900 <= self.first_year <= 2100:
            raise ValidationError({"first_year": "Give the four-digit year of volume 1."})


class AuthorQuerySet(models.QuerySet):
    def bylined_in(self, articles):
        """Authors of any of ``articles``: who readers of those articles may know of.

        Read from the articles to their bylines (``IN``), not author by author (``EXISTS``):
        on SQLite each author's check read its articles' rows, whose state and date sit
        after the body (38 ms against 1.4 ms for 300 authors and 2,000 articles)."""
        from .articles import ArticleAuthor

        bylines = ArticleAuthor.objects.filter(article__in=articles.values("pk"))
        return self.filter(pk__in=bylines.values("author_id"))

    def public(self):
        """Authors of a public article. An author known only from drafts is not shown,
        linked, listed or accepted as a filter anywhere readers or subscribers look."""
        from .articles import Article

        return self.bylined_in(Article.objects.public())


class Author(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    bio = models.TextField("short biography", blank=True, help_text="Markdown.")
    bio_html = models.TextField(editable=False, blank=True)
    photo = models.ImageField(upload_to="authors/", blank=True)
    public_articles = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text="Public articles in their byline, kept after every change (articles.services.counts).",
    )

    objects = AuthorQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.bio_html = render_markdown(self.bio)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:author", kwargs={"slug": self.slug})


class Topic(models.Model):
    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    public_articles = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text="Public articles with it, kept after every change (articles.services.counts).",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:topic", kwargs={"slug": self.slug})


class Region(models.Model):
    """A country (with its ISO 3166-1 alpha-2 code) or a wider region such as the South Caucasus."""

    class Kind(models.TextChoices):
        COUNTRY = "country", "Country"
        REGION = "region", "Wider region"

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.COUNTRY)
    iso_code = models.CharField(
        "ISO 3166 code",
        max_length=2,
        blank=True,
        help_text="Two letters (ISO 3166-1 alpha-2), for countries.",
    )
    public_articles = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text="Public articles with it, kept after every change (articles.services.counts).",
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["iso_code"],
                condition=~models.Q(iso_code=""),
                name="region_unique_iso_code",
                violation_error_message="Another region already has this ISO code.",
            ),
            models.CheckConstraint(
                condition=models.Q(kind="region") | ~models.Q(iso_code=""),
                name="region_country_has_iso_code",
                violation_error_message="A country needs its ISO 3166 code.",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:region", kwargs={"slug": self.slug})

    def clean(self):
        self.iso_code = (self.iso_code or "").strip().upper()
        if self.iso_code and not (len(self.iso_code) == 2 and self.iso_code.isalpha()):
            raise ValidationError({"iso_code": "An ISO 3166-1 code is two letters, such as BY."})
