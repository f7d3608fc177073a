"""Writing the search index: one document per public article, event and actor.

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
from events.models import Actor, Event

from .models import SearchDocument

Kind = SearchDocument.Kind


def _keys(slugs) -> str:
    """Slugs between spaces, so that ``contains=" slug "`` matches one whole slug."""
    unique = sorted({slug for slug in slugs if slug})
    return f" {' '.join(unique)} " if unique else ""


def _write(kind: str, object_id: int, **values) -> SearchDocument:
    document, _ = SearchDocument.objects.update_or_create(
        kind=kind, object_id=object_id, defaults=values
    )
    if connection.vendor == "postgresql":
        vector = SearchVector("title", weight="A", config="english") + SearchVector(
            "body", weight="B", config="english"
        )
        SearchDocument.objects.filter(pk=document.pk).update(search_vector=vector)
    elif connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts WHERE rowid = %s", [document.pk])
            cursor.execute(
                "INSERT INTO search_fts (rowid, title, body) VALUES (%s, %s, %s)",
                [document.pk, document.title, document.body],
            )
    return document


def search_remove(*, kind: str, object_id: int) -> None:
    """Take one object out of the index (it stopped being public, or was deleted)."""
    ids = list(
        SearchDocument.objects.filter(kind=kind, object_id=object_id).values_list("pk", flat=True)
    )
    if not ids:
        return
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", [[pk] for pk in ids])
    SearchDocument.objects.filter(pk__in=ids).delete()


@transaction.atomic
def search_index_article(article: Article) -> SearchDocument | None:
    """Index a published, corrected or scheduled article (search hides it until it is due)."""
    if article.status not in PUBLIC_STATES or not article.published_at:
        search_remove(kind=Kind.ARTICLE, object_id=article.pk)
        return None
    article = Article.objects.for_display().get(pk=article.pk)
    parts = [
        article.dek,
        *(point.text for point in article.summary_points.all()),
        strip_tags(article.body_html),
        *(strip_tags(note.text_html) for note in article.notes.all()),
    ]
    published = article.public_date()
    return _write(
        Kind.ARTICLE,
        article.pk,
        title=article.title,
        body="\n".join(part for part in parts if part),
        url=article.get_absolute_url(),
        date=published,
        date_label=f"{published:%B} {published.day}, {published.year}",
        publications=_keys([article.publication.slug]),
        authors=_keys(person.slug for person in article.byline()),
        topics=_keys(topic.slug for topic in article.topics.all()),
        regions=_keys(region.slug for region in article.regions.all()),
    )


@transaction.atomic
def search_index_event(event: Event) -> SearchDocument | None:
    """Index a published event; any other status takes it out of the index."""
    if event.status != Event.Status.PUBLISHED:
        search_remove(kind=Kind.EVENT, object_id=event.pk)
        return None
    event = (
        Event.objects.for_timeline()
        .select_related("place__country")
        .prefetch_related("participations__actor__country")
        .get(pk=event.pk)
    )
    people = [
        f"{p.actor.name}{f', {p.office}' if p.office else ''}" for p in event.participations.all()
    ]
    countries = [p.actor.country.slug for p in event.participations.all() if p.actor.country]
    if event.place and event.place.country:
        countries.append(event.place.country.slug)
    parts = [event.summary, event.date_text, event.event_type.name, *people]
    if event.place:
        parts.append(str(event.place))
    return _write(
        Kind.EVENT,
        event.pk,
        title=event.title,
        body="\n".join(part for part in parts if part),
        url=event.get_absolute_url(),
        date=event.starts_on,
        date_label=event.date_display(),
        regions=_keys(countries),
    )


@transaction.atomic
def search_index_actor(actor: Actor) -> SearchDocument:
    """Index an actor: name, other names, what it is and its country."""
    actor = Actor.objects.select_related("country").prefetch_related("aliases").get(pk=actor.pk)
    parts = [
        actor.description,
        actor.get_kind_display(),
        *(alias.name for alias in actor.aliases.all()),
        actor.country.name if actor.country else "",
    ]
    return _write(
        Kind.ACTOR,
        actor.pk,
        title=actor.name,
        body="\n".join(part for part in parts if part),
        url=actor.get_absolute_url(),
        regions=_keys([actor.country.slug] if actor.country else []),
    )


@dataclass
class ReindexReport:
    articles: int = 0
    events: int = 0
    actors: int = 0
    removed: int = 0

    def summary(self) -> str:
        return (
            f"Search index: {self.articles} articles, {self.events} events, "
            f"{self.actors} actors indexed; {self.removed} stale documents removed."
        )


@transaction.atomic
def search_reindex(*, progress: bool = False) -> ReindexReport:
    """Rebuild the whole index: every public article, event and actor; nothing else."""
    report = ReindexReport()
    articles = list(Article.objects.filter(status__in=PUBLIC_STATES, published_at__isnull=False))
    events = list(Event.objects.public())
    actors = list(Actor.objects.all())
    wanted = {
        Kind.ARTICLE: {a.pk for a in articles},
        Kind.EVENT: {e.pk for e in events},
        Kind.ACTOR: {a.pk for a in actors},
    }
    stale = [
        (kind, object_id)
        for kind, object_id in SearchDocument.objects.values_list("kind", "object_id")
        if object_id not in wanted[kind]
    ]
    for kind, object_id in stale:
        search_remove(kind=kind, object_id=object_id)
    report.removed = len(stale)
    total = len(articles) + len(events) + len(actors)
    with tqdm(total=total, desc="Search index", unit="doc", disable=not progress) as bar:
        for article in articles:
            search_index_article(article)
            report.articles += 1
            bar.update()
        for event in events:
            search_index_event(event)
            report.events += 1
            bar.update()
        for actor in actors:
            search_index_actor(actor)
            report.actors += 1
            bar.update()
    return report
