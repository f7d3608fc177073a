"""The change feed's log: every change to public material, in the order it was committed.

Subscribers replay it to stay in step (see monitor/subscribers). The sequence number comes
from the database: appending takes the lock on the single ``ChangeSequence`` row and holds
it to the end of the transaction, so sequence numbers are handed out in commit order and a
reader never sees number N+1 before N is committed.
"""

from django.db import models


class ChangeSequence(models.Model):
    """The one counter row: the last sequence number given, and the last one pruned."""

    last = models.PositiveBigIntegerField(default=0)
    pruned_through = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return f"change sequence at {self.last}"


class ChangeQuerySet(models.QuerySet):
    def after(self, seq: int):
        return self.filter(seq__gt=seq).order_by("seq")

    def tombstone_of(self, resource: str, resource_id) -> "Change | None":
        """The latest entry for a resource if it says the resource is gone (None if the
        latest says otherwise, or none is kept)."""
        latest = self.filter(resource=resource, resource_id=str(resource_id)).order_by("-seq")
        entry = latest.first()
        return entry if entry is not None and entry.tombstone else None


class Change(models.Model):
    class Resource(models.TextChoices):
        ARTICLE = "article", "Article"
        EVENT = "event", "Event"
        SOURCE = "source", "Source"
        OUTLET = "outlet", "Outlet"
        ACTOR = "actor", "Actor"

    class Action(models.TextChoices):
        PUBLISHED = "published", "Published"
        UPDATED = "updated", "Updated"
        CORRECTED = "corrected", "Corrected"
        RETRACTED = "retracted", "Retracted"
        CREATED = "created", "Created"
        MERGED = "merged", "Merged"
        WITHDRAWN = "withdrawn", "Withdrawn"

    seq = models.PositiveBigIntegerField("sequence number", unique=True)
    resource = models.CharField(max_length=10, choices=Resource.choices)
    resource_id = models.CharField(max_length=64, help_text="The id the API uses for the resource.")
    publication_id = models.PositiveBigIntegerField(
        null=True,
        blank=True,
        help_text="For an article: its publication, for plans that read some.",
    )
    action = models.CharField(max_length=10, choices=Action.choices)
    version = models.PositiveIntegerField()
    at = models.DateTimeField()
    tombstone = models.BooleanField(default=False, help_text="The resource is gone from the API.")
    reason = models.CharField(max_length=300, blank=True)
    replaced_by = models.CharField(
        max_length=64, blank=True, help_text="For a merged event: the event it was merged into."
    )

    objects = ChangeQuerySet.as_manager()

    class Meta:
        ordering = ["seq"]
        indexes = [models.Index(fields=["resource", "resource_id"], name="change_resource")]

    def __str__(self):
        return f"#{self.seq} {self.resource} {self.resource_id} {self.action}"

    @classmethod
    def retraction(cls, article) -> "Change":
        """An article's retraction as the feed recorded it; rebuilt (unsaved, without a
        reason) once the feed has pruned it."""
        return cls.objects.tombstone_of(cls.Resource.ARTICLE, article.pk) or cls(
            resource=cls.Resource.ARTICLE,
            resource_id=str(article.pk),
            action=cls.Action.RETRACTED,
            version=article.version,
            at=article.updated_at,
            tombstone=True,
        )
