"""Articles and the parts an article is made of: authors in order, summary points, notes."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from articles.limits import (
    BODY_MAX_CHARACTERS,
    NOTE_MAX_CHARACTERS,
    SUMMARY_POINT_MAX_CHARACTERS,
    too_long,
)
from articles.rendering import render_article_body, render_markdown

from .catalog import Author, Publication, Region, Topic


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    APPROVED = "approved", "Approved"
    SCHEDULED = "scheduled", "Scheduled"
    PUBLISHED = "published", "Published"
    CORRECTED = "corrected", "Corrected"
    RETRACTED = "retracted", "Retracted"


# A scheduled article is public once its time has come: no job has to flip it.
PUBLIC_STATES = (ArticleStatus.SCHEDULED, ArticleStatus.PUBLISHED, ArticleStatus.CORRECTED)


def _public(now) -> models.Q:
    return models.Q(status__in=PUBLIC_STATES, published_at__lte=now or timezone.now())


class ArticleQuerySet(models.QuerySet):
    def public(self, now=None):
        """Published, corrected or scheduled, and already due: what readers, feeds and the API see."""
        return self.filter(_public(now))

    def next_public_at(self, now=None):
        """When the next article becomes public by the clock alone (None if none will): a
        scheduled article, or one published with a time still to come."""
        now = now or timezone.now()
        return (
            self.filter(status__in=PUBLIC_STATES, published_at__gt=now)
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )

    def public_or_retracted(self, now=None):
        """What has an address readers may ask for: public articles, and retracted ones (whose
        address answers that they were retracted)."""
        return self.filter(_public(now) | models.Q(status=ArticleStatus.RETRACTED))

    def public_or_embargoed(self, now=None):
        """What is public, plus scheduled or published articles whose time has not come yet:
        what subscribers whose plan includes embargoed material may see."""
        now = now or timezone.now()
        embargoed = self.filter(
            status__in=(ArticleStatus.SCHEDULED, ArticleStatus.PUBLISHED), published_at__gt=now
        )
        return self.public(now) | embargoed

    def returned(self):
        """Drafts sent back to their writer: their latest workflow step is a return. Each
        carries the note (``return_note``), when (``returned_at``) and by whom
        (``returned_by_id``)."""
        from .workflow import ArticleTransition

        latest = ArticleTransition.objects.filter(article=models.OuterRef("pk")).order_by(
            "-at", "-id"
        )
        return (
            self.filter(status=ArticleStatus.DRAFT)
            .annotate(
                last_action=models.Subquery(latest.values("action")[:1]),
                return_note=models.Subquery(latest.values("comment")[:1]),
                returned_at=models.Subquery(latest.values("at")[:1]),
                returned_by_id=models.Subquery(latest.values("by")[:1]),
            )
            .filter(last_action="return")
        )

    def for_listing(self):
        """What a list of articles shows (title, dek, date, publication, byline), in three
        queries, with the list item stored with its page; the body, which lists never show,
        is not read."""
        return (
            self.select_related("publication", "page")
            .defer("body", "body_html", "page__meta_html", "page__main_html")
            .prefetch_related("bylines__author")
        )

    def for_display(self):
        """Everything an article page renders, in a fixed number of queries."""
        return self.select_related("publication").prefetch_related(
            "bylines__author", "topics", "regions", "summary_points", "notes", "corrections"
        )

    def latest_first(self):
        return self.order_by("-published_at", "-id")

    def listed(self):
        """A list's rows, the latest first: ``(id, item HTML, rendered with)`` as stored with
        each article's page (``articles.services.pages.listed_items`` joins them). No model
        instance is made and nothing else of the article is read."""
        return self.latest_first().values_list("pk", "page__item_html", "page__rendered_with")

    def latest_ids_by_publication(self, per_publication: int) -> list[int]:
        """The ids of the latest ``per_publication`` articles of each publication: one short
        walk of the public-latest index per publication (there are a handful)."""
        ids = []
        for publication_id in Publication.objects.values_list("pk", flat=True):
            latest = self.filter(publication_id=publication_id).latest_first()
            ids += latest.values_list("pk", flat=True)[:per_publication]
        return ids

    def on_days(self, days):
        """Articles published on any of ``days`` (local time), as ranges the date index
        serves (a date function around the column would not)."""
        ranges = models.Q(pk__in=[])
        for day in days:
            start = timezone.make_aware(dt.datetime.combine(day, dt.time()))
            ranges |= models.Q(
                published_at__gte=start, published_at__lt=start + dt.timedelta(days=1)
            )
        return self.filter(ranges)

    def published_within(self, first: dt.date, last: dt.date):
        """Articles published from ``first`` to ``last``, both days included (local time): one
        range the date index serves, where a year, month and day lookup would compute the
        month and the day of every article of the year."""
        start = timezone.make_aware(dt.datetime.combine(first, dt.time()))
        end = timezone.make_aware(dt.datetime.combine(last, dt.time.max))
        # In UTC, as stored: a day at the ends of the calendar that UTC cannot hold (year 1
        # east of Greenwich) raises OverflowError here, not when the query runs.
        return self.filter(published_at__range=(start.astimezone(dt.UTC), end.astimezone(dt.UTC)))

    def related_to(self, article, *, limit: int):
        """The ``limit`` articles of this queryset most related to ``article``, best first:
        read from the lists the write path keeps (``articles.services.related``)."""
        return (
            self.filter(relations_in__article=article)
            .annotate(relatedness=models.F("relations_in__score"))
            .order_by("-relatedness", "-published_at", "-id")[:limit]
        )


class Article(models.Model):
    publication = models.ForeignKey(Publication, on_delete=models.PROTECT, related_name="articles")
    title = models.CharField(max_length=300)
    slug = models.SlugField(
        max_length=120, help_text="Part of the article's URL; unique in its publication."
    )
    dek = models.CharField("subtitle (dek)", max_length=400, blank=True)
    body = models.TextField(
        blank=True,
        validators=[
            MaxLengthValidator(
                BODY_MAX_CHARACTERS, too_long("An article's text", BODY_MAX_CHARACTERS)
            )
        ],
        help_text=f"Markdown, with citations in the house style; at most {BODY_MAX_CHARACTERS:,} "
        "characters.",
    )
    body_html = models.TextField(editable=False, blank=True)
    image = models.ImageField("lead image", upload_to="articles/%Y/", blank=True)
    image_alt = models.CharField("image description (alt text)", max_length=300, blank=True)
    image_credit = models.CharField(
        max_length=300, blank=True, help_text='Who the image comes from: "President of Belarus".'
    )
    authors = models.ManyToManyField(
        Author, through="ArticleAuthor", related_name="articles", blank=True
    )
    topics = models.ManyToManyField(Topic, related_name="articles", blank=True)
    regions = models.ManyToManyField(Region, related_name="articles", blank=True)
    status = models.CharField(
        max_length=12, choices=ArticleStatus.choices, default=ArticleStatus.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    volume = models.PositiveSmallIntegerField(null=True, blank=True)
    issue_number = models.PositiveIntegerField("issue", null=True, blank=True)
    version = models.PositiveIntegerField(
        default=0, editable=False, help_text="Grows with every change readers and subscribers see."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "slug"],
                name="article_unique_slug_per_publication",
                violation_error_message="This publication already has an article with this slug.",
            ),
            models.UniqueConstraint(
                fields=["publication", "volume", "issue_number"],
                name="article_unique_issue_per_volume",
                violation_error_message="This volume already has an article with this issue number.",
            ),
            models.CheckConstraint(
                condition=~models.Q(status__in=PUBLIC_STATES)
                | models.Q(published_at__isnull=False),
                name="article_public_has_date",
                violation_error_message="A published or scheduled article needs a publication date.",
            ),
            models.CheckConstraint(
                condition=models.Q(issue_number__isnull=True) | models.Q(volume__isnull=False),
                name="article_issue_has_volume",
                violation_error_message="An issue number needs a volume.",
            ),
        ]
        indexes = [
            # What is public by state and date, and (covered, no row read) of which
            # publication and when last changed: the API's Last-Modified of lists without
            # timestamps of their own is read from this index alone.
            models.Index(
                fields=["status", "published_at", "publication", "updated_at"],
                name="article_public_updated",
            ),
            # What every public list walks, newest first, and stops after a page.
            models.Index(
                fields=["-published_at", "-id"],
                condition=models.Q(status__in=PUBLIC_STATES),
                name="article_public_latest",
            ),
        ]
        permissions = [
            ("submit_article", "Can submit an article for review"),
            ("review_article", "Can return or approve an article in review"),
            ("publish_article", "Can schedule, publish, correct and retract articles"),
            ("edit_any_article", "Can edit any article, not only own drafts"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # With its paragraph anchors; its links follow (``article_sync_references``).
        self.body_html = render_article_body(self.body)
        if "update_fields" in kwargs and kwargs["update_fields"] is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "body_html"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        day = self.public_date()
        if day is None:
            return ""
        return reverse(
            "articles:detail",
            kwargs={
                "publication": self.publication.slug,
                "year": day.year,
                "month": f"{day.month:02d}",
                "day": f"{day.day:02d}",
                "slug": self.slug,
            },
        )

    def clean(self):
        errors = {}
        if self.status in PUBLIC_STATES and not self.published_at:
            errors["published_at"] = "A published or scheduled article needs a publication date."
        if self.issue_number and not self.volume:
            errors["volume"] = "An issue number needs a volume."
        if self.volume and self.published_at and self.publication_id:
            expected = self.publication.volume_for(timezone.localdate(self.published_at))
            if self.volume != expected:
                errors["volume"] = (
                    f"Volume {self.volume} does not cover {self.published_at:%Y}; "
                    f"articles published then belong to volume {expected}."
                )
        if errors:
            raise ValidationError(errors)

    def autocomplete_label(self) -> str:
        """How pickers name the article: "Title (published, August 20, 2025)"."""
        day = self.public_date()
        when = f", {day:%B} {day.day}, {day.year}" if day else ""
        return f"{self.title} ({self.get_status_display().lower()}{when})"

    def byline(self) -> list[Author]:
        """The authors in the order the byline gives them (prefetch ``bylines__author``)."""
        return [byline.author for byline in self.bylines.all()]

    def is_public(self, now=None) -> bool:
        now = now or timezone.now()
        return (
            self.status in PUBLIC_STATES
            and self.published_at is not None
            and self.published_at <= now
        )

    def public_date(self):
        return timezone.localdate(self.published_at) if self.published_at else None


class ArticleAuthor(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="bylines")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = "byline"
        constraints = [
            models.UniqueConstraint(
                fields=["article", "author"],
                name="byline_unique_author",
                violation_error_message="This author is already on the byline.",
            )
        ]

    def __str__(self):
        return str(self.author)


class SummaryPoint(models.Model):
    """One bullet point of the executive summary."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="summary_points")
    position = models.PositiveSmallIntegerField(default=0)
    text = models.TextField(
        validators=[
            MaxLengthValidator(
                SUMMARY_POINT_MAX_CHARACTERS,
                too_long("A summary point", SUMMARY_POINT_MAX_CHARACTERS),
            )
        ],
        help_text=f"At most {SUMMARY_POINT_MAX_CHARACTERS:,} characters.",
    )

    class Meta:
        ordering = ["position", "id"]

    def __str__(self):
        return self.text[:80]


class Note(models.Model):
    """A numbered note, referenced as [n] in the body."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="notes")
    number = models.PositiveSmallIntegerField()
    text = models.TextField(
        validators=[
            MaxLengthValidator(NOTE_MAX_CHARACTERS, too_long("A note", NOTE_MAX_CHARACTERS))
        ],
        help_text=f"Markdown; at most {NOTE_MAX_CHARACTERS:,} characters.",
    )
    text_html = models.TextField(editable=False, blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "number"],
                name="note_unique_number",
                violation_error_message="This article already has a note with this number.",
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=1),
                name="note_number_positive",
                violation_error_message="Notes are numbered from 1.",
            ),
        ]

    def __str__(self):
        return f"[{self.number}] {self.text[:60]}"

    def save(self, *args, **kwargs):
        self.text_html = render_markdown(self.text)
        super().save(*args, **kwargs)


class ArticlePage(models.Model):
    """An article's page as readers see it, rendered when the article (or what it shows)
    changes, so that a request renders only the site's frame around it; the related articles
    it shows are kept with it as their lists and items change. ``rendered_with`` names the templates and settings it was
    rendered with; a page rendered with others is rendered again (see
    ``articles.services.pages``)."""

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="page"
    )
    meta_html = models.TextField()
    main_html = models.TextField()
    item_html = models.TextField(default="", help_text="How lists of articles show it.")
    related_html = models.TextField(default="", help_text="The related articles it shows.")
    rendered_with = models.CharField(max_length=64)

    def __str__(self):
        return f"Page of {self.article_id}"
