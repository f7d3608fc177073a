"""The search index: one document per public article, event, actor and place, kept up to date on save."""

import datetime as dt

from django.contrib.postgres.search import SearchVectorField
from django.db import models

# Documents without a date (actors) sort above every dated one, so that they are always
# among the candidates a search ranks (see ``entry_key``).
DATELESS = dt.date.max.toordinal() + 1


def entry_key(date: dt.date | None, pk: int) -> int:
    """A document's place in the index, newest first when sorted descending: its day, then
    its id. Search ranks the newest matches of a query (``backends.CANDIDATES``) rather than
    scoring every match, so this order is what makes a common word cheap at archive size.
    On SQLite it is also the document's key in the FTS5 table. Ids must stay below 2**32."""
    return ((date.toordinal() if date else DATELESS) << 32) | pk


class SearchDocument(models.Model):
    """What search reads about one article, event, actor or place, flattened for matching and
    filtering.

    Filter keys are slugs between spaces (" edm ", " ada-merrow kasper-linde "), so that a
    filter is one ``contains`` on either database. On PostgreSQL ``search_vector`` holds the
    weighted text and a GIN index covers it; on SQLite the ``search_fts`` FTS5 table holds
    the same text under the document's ``entry`` (``entry_key``). Both are written by
    ``monitor.search.services``.
    """

    class Kind(models.TextChoices):
        ARTICLE = "article", "Article"
        EVENT = "event", "Event"
        ACTOR = "actor", "Actor"
        PLACE = "place", "Place"

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
    # ``entry_key(date, pk)``, written with the document; 0 only until then.
    entry = models.BigIntegerField(default=0, editable=False)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_document_unique")
        ]
        indexes = [
            models.Index(fields=["kind", "date"], name="search_document_kind_date"),
            models.Index(fields=["entry"], name="search_document_entry"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"
