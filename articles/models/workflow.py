"""The life of an article: transitions, corrections, revisions, working copies, preview links."""

import hashlib

from django.conf import settings
from django.db import models

from articles.workflow import action_name

from .articles import Article, ArticleStatus


class ArticleTransition(models.Model):
    """One step of an article's workflow: who moved it from which state to which, when, and why."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="transitions")
    action = models.CharField(max_length=12)
    from_state = models.CharField(max_length=12)
    to_state = models.CharField(max_length=12)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Empty when Monitor acted on its own (a scheduled publication).",
    )
    at = models.DateTimeField()
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        get_latest_by = "at"

    def __str__(self):
        return f"{self.from_name} → {self.to_name}"

    @property
    def action_name(self) -> str:
        return action_name(self.action)

    @property
    def from_name(self) -> str:
        return _state_name(self.from_state)

    @property
    def to_name(self) -> str:
        return _state_name(self.to_state)


def _state_name(state: str) -> str:
    try:
        return ArticleStatus(state).label
    except ValueError:
        return state


class Correction(models.Model):
    """A dated public note appended to a published article."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="corrections")
    published_at = models.DateTimeField()
    text = models.TextField()
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["published_at", "id"]

    def __str__(self):
        return f"Correction, {self.published_at:%B %-d}: {self.text}"


class ArticleRevision(models.Model):
    """A snapshot of an article and its parts at one save; never edited, never deleted by users."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    snapshot = models.JSONField()
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField()
    transition = models.ForeignKey(
        ArticleTransition, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-number"]
        get_latest_by = "number"
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="revision_unique_number")
        ]

    def __str__(self):
        return f"Revision {self.number}"


class WorkingCopy(models.Model):
    """What an editor typed and has not saved yet: autosaved, one per user and article."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.CASCADE, related_name="working_copies"
    )
    data = models.JSONField(help_text="The form's fields as the editor left them.")
    base_revision = models.PositiveIntegerField(null=True, blank=True)
    saved_at = models.DateTimeField()

    class Meta:
        verbose_name_plural = "working copies"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "article"], name="working_copy_one_per_article"
            ),
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(article__isnull=True),
                name="working_copy_one_new_article",
            ),
        ]

    def __str__(self):
        return f"Working copy of {self.article or 'a new article'}"


class PreviewLinkQuerySet(models.QuerySet):
    def valid(self, now):
        return self.filter(revoked_at__isnull=True, expires_at__gt=now)


class PreviewLink(models.Model):
    """A read-only link for an outside reviewer; only the token's hash is stored."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="preview_links")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Preview link for {self.article} until {self.expires_at:%Y-%m-%d %H:%M}"

    @staticmethod
    def hash_token(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()
