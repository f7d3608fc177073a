"""Writing the search index: one document per public article, event, actor and place.

Nothing here runs per request. Each ``search_index_*`` writes (or removes) one document and
its full-text entry, called by the change listener (``listeners.py``) after every committed
change; ``search_reindex`` rebuilds everything, for the ``reindex`` command.
"""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.utils.html import strip_tags
from tqdm import tqdm

from articles.models import PUBLIC_STATES, Article
from events.models import Actor, Event, Place

from .models import SearchDocument, entry_key

Kind = SearchDocument.Kind


def _keys(slugs) -> str:
    """Slugs between spaces, so that ``contains=" slug "`` matches one whole slug."""
    unique = sorted({slug for slug in slugs if slug})
    return f" {' '.join(unique)} " if unique else ""


VECTOR = SearchVector("title", weight="A", config="english") + SearchVector(
    "body", weight="B", config="english"
)


def _write(kind: str, object_id: int, **values) -> SearchDocument:
    """Write one document and its full-text entry, replacing the entry it had (found by its
    stored key, whatever its date was then: SQLite reuses a deleted document's id)."""
    documents = SearchDocument.objects.filter(kind=kind, object_id=object_id)
    previous = list(documents.values_list("entry", flat=True))
    document, _ = SearchDocument.objects.update_or_create(
        kind=kind, object_id=object_id, defaults=values
    )
    document.entry = entry_key(document.date, document.pk)
    SearchDocument.objects.filter(pk=document.pk).update(entry=document.entry)
    _remove_full_text([*previous, document.entry])
    _write_full_text([document.pk])
    return document


def search_remove(*, kind: str, object_id: int) -> None:
    """Take one object out of the index (it stopped being public, or was deleted)."""
    documents = SearchDocument.objects.filter(kind=kind, object_id=object_id)
    entries = list(documents.values_list("entry", flat=True))
    if entries:
        _remove_full_text(entries)
        documents.delete()


def article_document(article: Article) -> dict:
    """What search reads of an article (prefetched as ``for_display()``)."""
    parts = [
        article.dek,
        *(point.text for point in article.summary_points.all()),
        strip_tags(article.body_html),
        *(strip_tags(note.text_html) for note in article.notes.all()),
    ]
    published = article.public_date()
    return {
        "title": article.title,
        "body": "\n".join(part for part in parts if part),
        "url": article.get_absolute_url(),
        "date": published,
        "date_label": f"{published:%B} {published.day}, {published.year}",
        "publications": _keys([article.publication.slug]),
        "authors": _keys(person.slug for person in article.byline()),
        "topics": _keys(topic.slug for topic in article.topics.all()),
        "regions": _keys(region.slug for region in article.regions.all()),
    }


def event_document(event: Event) -> dict:
    """What search reads of an event (prefetched as ``_events()`` does)."""
    people = [
        f"{p.actor.name}{f', {p.office}' if p.office else ''}" for p in event.participations.all()
    ]
    countries = [p.actor.country.slug for p in event.participations.all() if p.actor.country]
    if event.place and event.place.country:
        countries.append(event.place.country.slug)
    parts = [event.summary, event.date_text, event.event_type.name, *people]
    if event.place:
        parts.append(str(event.place))
    return {
        "title": event.title,
        "body": "\n".join(part for part in parts if part),
        "url": event.get_absolute_url(),
        "date": event.starts_on,
        "date_label": event.date_display(),
        "regions": _keys(countries),
    }


def actor_document(actor: Actor) -> dict:
    """What search reads of an actor: name, other names, what it is and its country."""
    parts = [
        actor.description,
        actor.get_kind_display(),
        *(alias.name for alias in actor.aliases.all()),
        actor.country.name if actor.country else "",
    ]
    return {
        "title": actor.name,
        "body": "\n".join(part for part in parts if part),
        "url": actor.get_absolute_url(),
        "regions": _keys([actor.country.slug] if actor.country else []),
    }


def place_document(place: Place) -> dict:
    """What search reads of a place: its name, its country and what kind of place it is."""
    parts = [place.get_location_precision_display(), place.country.name if place.country else ""]
    return {
        "title": str(place),
        "body": "\n".join(part for part in parts if part),
        "url": place.get_absolute_url(),
        "regions": _keys([place.country.slug] if place.country else []),
    }


def _articles():
    return Article.objects.filter(status__in=PUBLIC_STATES, published_at__isnull=False)


def _events():
    return (
        Event.objects.public()
        .for_timeline()
        .select_related("place__country")
        .prefetch_related("participations__actor__country")
    )


def _actors():
    return Actor.objects.select_related("country").prefetch_related("aliases")


def _places():
    return Place.objects.select_related("country")


@transaction.atomic
def search_index_article(article: Article) -> SearchDocument | None:
    """Index a published, corrected or scheduled article (search hides it until it is due)."""
    found = _articles().for_display().filter(pk=article.pk).first()
    if found is None:
        search_remove(kind=Kind.ARTICLE, object_id=article.pk)
        return None
    return _write(Kind.ARTICLE, found.pk, **article_document(found))


@transaction.atomic
def search_index_event(event: Event) -> SearchDocument | None:
    """Index a published event; any other status takes it out of the index."""
    found = _events().filter(pk=event.pk).first()
    if found is None:
        search_remove(kind=Kind.EVENT, object_id=event.pk)
        return None
    return _write(Kind.EVENT, found.pk, **event_document(found))


@transaction.atomic
def search_index_actor(actor: Actor) -> SearchDocument:
    """Index an actor."""
    found = _actors().get(pk=actor.pk)
    return _write(Kind.ACTOR, found.pk, **actor_document(found))


@transaction.atomic
def search_index_place(place: Place) -> SearchDocument:
    """Index a place (search shows it once a published event happened there)."""
    found = _places().get(pk=place.pk)
    return _write(Kind.PLACE, found.pk, **place_document(found))


@dataclass
class ReindexReport:
    articles: int = 0
    events: int = 0
    actors: int = 0
    places: int = 0
    removed: int = 0

    def summary(self) -> str:
        return (
            f"Search index: {self.articles} articles, {self.events} events, "
            f"{self.actors} actors, {self.places} places indexed; "
            f"{self.removed} stale documents removed."
        )


BATCH = 1000


@transaction.atomic
def search_reindex(*, progress: bool = False) -> ReindexReport:
    """Rebuild the whole index, in one transaction and in batches: every public article,
    event and actor, nothing else. Readers see the old index until it commits."""
    report = ReindexReport(removed=SearchDocument.objects.count())
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts")
    SearchDocument.objects.all().delete()
    sources = [
        (Kind.ARTICLE, _articles().for_display(), article_document, "articles"),
        (Kind.EVENT, _events(), event_document, "events"),
        (Kind.ACTOR, _actors(), actor_document, "actors"),
        (Kind.PLACE, _places(), place_document, "places"),
    ]
    total = sum(queryset.count() for _, queryset, _, _ in sources)
    with tqdm(total=total, desc="Search index", unit="doc", disable=not progress) as bar:
        for kind, queryset, document, counter in sources:
            ids = list(queryset.order_by("pk").values_list("pk", flat=True))
            for start in range(0, len(ids), BATCH):
                rows = queryset.filter(pk__in=ids[start : start + BATCH]).order_by("pk")
                documents = SearchDocument.objects.bulk_create(
                    SearchDocument(kind=kind, object_id=row.pk, **document(row)) for row in rows
                )
                for created in documents:
                    created.entry = entry_key(created.date, created.pk)
                SearchDocument.objects.bulk_update(documents, ["entry"])
                _write_full_text([document.pk for document in documents])
                setattr(report, counter, getattr(report, counter) + len(documents))
                bar.update(len(documents))
    indexed = report.articles + report.events + report.actors + report.places
    report.removed = max(report.removed - indexed, 0)
    return report


def _write_full_text(ids: list[int]) -> None:
    """The full-text entries of the documents ``ids`` (their entries already keyed), in one
    statement."""
    if not ids:
        return
    if connection.vendor == "postgresql":
        SearchDocument.objects.filter(pk__in=ids).update(search_vector=VECTOR)
    elif connection.vendor == "sqlite":
        # Only placeholders are joined into the statement; the ids are passed as parameters.
        placeholders = ", ".join(["%s"] * len(ids))
        statement = (
            "INSERT INTO search_fts (rowid, title, body) SELECT entry, title, body"  # noqa: S608
            f" FROM search_searchdocument WHERE id IN ({placeholders})"
        )
        with connection.cursor() as cursor:
            cursor.execute(statement, ids)


def _remove_full_text(entries: list[int]) -> None:
    """Drop the FTS5 entries under these keys (PostgreSQL keeps its vector in the row)."""
    if connection.vendor == "sqlite" and entries:
        with connection.cursor() as cursor:
            cursor.executemany(
                "DELETE FROM search_fts WHERE rowid = %s", [[e] for e in set(entries)]
            )
