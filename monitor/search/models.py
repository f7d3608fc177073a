"""The search index: one document per public article, event and actor, kept up to date on save."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchDocument(models.Model):
    """What search reads about one article, event or actor, flattened for matching and filtering.

    Filter keys are slugs between spaces (" edm ", " ada-merrow kasper-linde "), so that a
    filter is one ``contains`` on either database. On PostgreSQL ``search_vector`` holds the
    weighted text and a GIN index covers it; on SQLite the ``search_fts`` FTS5 table holds
    the same text under the document's id. Both are written by ``monitor.search.services``.
    """

    class Kind(models.TextChoices):
        ARTICLE = "article", "Article"
        EVENT = "event", "Event"
        ACTOR = "actor", "Actor"

    kind = models.CharField(max_length=8, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=400)
    date = models.DateField(null=True, blank=True)
    date_label = models.CharField(max_length=80, blank=True)
    publications = models.CharField(max_length=200, blank=True)
    authors = models.TextField(blank=True)
    topics = models.TextField(blank=True)
    regions = models.TextField(blank=True)
    # Only PostgreSQL fills it; SQLite keeps the column and searches its FTS5 table.
    search_vector = SearchVectorField(null=True, editable=False)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_document_unique")
        ]
        indexes = [models.Index(fields=["kind", "date"], name="search_document_kind_date")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"
