"""The service that writes the demo content: one transaction; each row created, updated or left alone."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db import models, transaction
from tqdm import tqdm

from articles.dates import FuzzyDate
from articles.models import (
    Article,
    ArticleAuthor,
    Author,
    Note,
    Outlet,
    OutletAlias,
    Publication,
    Region,
    Source,
    SummaryPoint,
    Topic,
)
from articles.services import article_save, change_unit, sources_changed
from events.models import (
    Actor,
    ActorAlias,
    Event,
    EventQuantity,
    EventSource,
    EventType,
    Participation,
    Place,
)
from events.services import event_save
from monitor.core.changes import Changed, changes_announce

from . import catalog
from .articles import ARTICLES, DemoArticle
from .timeline import EVENTS, SOURCES, DemoEvent

PUBLISHED_AT = dt.time(9, 0, tzinfo=dt.UTC)

CREATED, UPDATED, UNCHANGED, REMOVED = "created", "updated", "unchanged", "removed"
# Catalogue rows shown on public pages (and actors, in search): a change is announced.
ANNOUNCED = (Publication, Topic, Region, Author, Outlet, Actor, Place)


@dataclass
class LoadReport:
    """What a load did, row by row: counts per outcome, and per model and outcome."""

    rows: Counter = field(default_factory=Counter)
    processed: int = 0  # articles whose citations and cross-references were re-derived

    def record(self, model: type[models.Model], outcome: str, count: int = 1) -> None:
        self.rows[model._meta.label, outcome] += count

    def total(self, outcome: str) -> int:
        return sum(n for (_, kind), n in self.rows.items() if kind == outcome)

    def summary(self) -> str:
        articles = sum(1 for article in ARTICLES if article.published)
        events = sum(1 for event in EVENTS if event.status == "published")
        return (
            f"Demo content: {self.total(CREATED)} rows created, {self.total(UPDATED)} updated, "
            f"{self.total(REMOVED)} removed, {self.total(UNCHANGED)} unchanged, "
            f"{self.processed} articles processed "
            f"({articles} published articles, {events} published events)."
        )


@transaction.atomic
@change_unit()
def demo_content_load(*, progress: bool = False) -> LoadReport:
    """Create the demo content, or bring it up to date; rows that are already right are not saved.

    Rows are found by their natural keys (slugs, an event's UUID), so a second run changes
    nothing: no row is saved, no ``updated_at`` moves and no event's version grows. Articles
    and events are written through ``article_save`` and ``event_save``, as an editor's save
    would be, so citations, cross-references, revisions, the change feed, search and event
    suggestions follow; catalogue rows that changed are announced like an admin save.
    """
    total = sum(
        len(items)
        for items in (
            catalog.PUBLICATIONS,
            catalog.TOPICS,
            catalog.REGIONS,
            catalog.AUTHORS,
            catalog.OUTLETS,
            catalog.ACTORS,
            catalog.PLACES,
            ARTICLES,
            SOURCES,
            EVENTS,
        )
    )
    with tqdm(total=total, desc="Demo content", unit="item", disable=not progress) as bar:
        loader = _Loader(bar)
        loader.load()
    return loader.report


class _Loader:
    def __init__(self, bar):
        self.bar = bar
        self.report = LoadReport()
        self.by_slug: dict[type[models.Model], dict[str, models.Model]] = {}

    def load(self) -> None:
        for model, rows in (
            (Publication, catalog.PUBLICATIONS),
            (Topic, catalog.TOPICS),
            (Region, catalog.REGIONS),
            (Author, catalog.AUTHORS),
        ):
            for row in rows:
                self.put_by_slug(model, row)
        for row in catalog.OUTLETS:
            outlet = self.put_by_slug(Outlet, row, country=self.region(row["country"]))
            self.put_aliases(OutletAlias, outlet, {name: {} for name in row.get("aliases", ())})
        for row in catalog.ACTORS:
            actor = self.put_by_slug(Actor, row, country=self.region(row.get("country")))
            aliases = {name: {"kind": kind} for name, kind in row.get("aliases", ())}
            self.put_aliases(ActorAlias, actor, aliases)
        for row in catalog.PLACES:
            self.put_by_slug(Place, row, country=self.region(row["country"]))
        # Sources first, so that the articles citing them link to them with their titles.
        self.sources = {key: self.put_source(source) for key, source in SOURCES.items()}
        self.articles = {}
        for data in ARTICLES:
            self.articles[f"{data.publication}/{data.slug}"] = self.put_article(data)
        for event in EVENTS:
            self.put_event(event)

    # Rows in general

    def put(self, model, lookup: dict, *, record: bool = True, **values):
        """The row matching ``lookup``, created or updated to hold ``values``; saved only if needed.

        Returns ``(row, outcome)``. New and changed rows pass ``full_clean()`` before saving.
        """
        row = model.objects.filter(**lookup).first() or model(**lookup)
        outcome = _apply(row, values)
        if outcome != UNCHANGED and model in ANNOUNCED:
            changes_announce([Changed(model._meta.model_name, row.pk)])
        if record:
            self.report.record(model, outcome)
        return row, outcome

    def put_by_slug(self, model, row: dict, **references):
        values = {k: v for k, v in row.items() if k not in ("slug", "aliases")} | references
        obj, _ = self.put(model, {"slug": row["slug"]}, **values)
        self.by_slug.setdefault(model, {})[row["slug"]] = obj
        self.bar.update()
        return obj

    def put_aliases(self, model, owner, aliases: dict[str, dict]) -> None:
        owner_field = "outlet" if model is OutletAlias else "actor"
        for name, values in aliases.items():
            self.put(model, {owner_field: owner, "name": name}, **values)
        self.prune(model.objects.filter(**{owner_field: owner}).exclude(name__in=aliases))

    def prune(self, queryset) -> bool:
        """Delete rows the demo no longer holds (only rows hanging from demo rows)."""
        count = queryset.count()
        if count:
            queryset.delete()
            self.report.record(queryset.model, REMOVED, count)
        return bool(count)

    def sync_m2m(self, manager, wanted) -> bool:
        if set(manager.values_list("pk", flat=True)) == {obj.pk for obj in wanted}:
            return False
        manager.set(wanted)
        return True

    def region(self, slug):
        return self.by_slug[Region][slug] if slug else None

    def slugs(self, model, slugs):
        return [self.by_slug[model][slug] for slug in slugs]

    # Articles

    def put_article(self, data: DemoArticle) -> Article:
        """The article and its parts, through ``article_save``: unchanged, nothing is recorded."""
        publication = self.by_slug[Publication][data.publication]
        published_at, volume = None, None
        if data.published:
            day = dt.date.fromisoformat(data.published)
            published_at = dt.datetime.combine(day, PUBLISHED_AT)
            volume = publication.volume_for(day)
        lookup = {"publication": publication, "slug": data.slug}
        article = Article.objects.filter(**lookup).first() or Article(**lookup)
        values = {
            "title": data.title,
            "dek": data.dek,
            "body": data.body,
            "image_credit": data.image_credit,
            "status": data.status,
            "published_at": published_at,
            "volume": volume,
            "issue_number": data.issue,
        }

        def write():
            self.report.record(Article, _apply(article, values))
            authors = self.slugs(Author, data.authors)
            for position, author in enumerate(authors):
                self.put(ArticleAuthor, {"article": article, "author": author}, position=position)
            self.prune(article.bylines.exclude(author__in=authors))
            for position, text in enumerate(data.summary):
                self.put(SummaryPoint, {"article": article, "position": position}, text=text)
            self.prune(article.summary_points.filter(position__gte=len(data.summary)))
            for number, text in enumerate(data.notes, start=1):
                self.put(Note, {"article": article, "number": number}, text=text)
            self.prune(article.notes.filter(number__gt=len(data.notes)))
            self.sync_m2m(article.topics, self.slugs(Topic, data.topics))
            self.sync_m2m(article.regions, self.slugs(Region, data.regions))

        saved = article_save(article=article, by=None, write=write, note="Demo content")
        self.report.processed += saved.revision is not None
        self.bar.update()
        return article

    # Sources and events

    def put_source(self, data) -> Source:
        """The source, found by outlet, date and title; failing that, an untitled source of
        the same outlet and date (created by a citation), which it then completes."""
        item = {"outlet": self.by_slug[Outlet][data.outlet], **_date_fields("date_", data.date)}
        same_item = Source.objects.filter(**item)
        found = same_item.filter(title=data.title).first() or same_item.filter(title="").first()
        source, outcome = self.put(
            Source,
            {"pk": found.pk} if found else item,
            title=data.title,
            url=data.url,
            language=data.language,
        )
        if outcome == UPDATED:  # the articles citing it link to it anew, as after the admin
            sources_changed(sources=[source], fields={"title", "url", "language"})
        self.bar.update()
        return source

    def put_event(self, data: DemoEvent) -> Event:
        """The event and its parts, through ``event_save``: what changed is a new version."""
        values = {
            "title": data.title,
            "summary": data.summary,
            "date_text": data.date_text,
            "modality": data.modality,
            "status": data.status,
            "event_type": EventType.objects.get(slug=data.event_type),
            "place": self.by_slug[Place][data.place],
            **_date_fields("start_", data.start),
            **_date_fields("end_", data.end),
        }
        event = Event.objects.filter(uuid=data.uuid).first() or Event(uuid=data.uuid)

        def write():
            outcome = _apply(event, values)
            actors = self.by_slug[Actor]
            kept = []
            for position, party in enumerate(data.parties):
                participation, _ = self.put(
                    Participation,
                    {"event": event, "actor": actors[party.actor], "role": party.role},
                    on_behalf_of=actors[party.on_behalf_of] if party.on_behalf_of else None,
                    office=party.office,
                    position=position,
                )
                kept.append(participation.pk)
            self.prune(event.participations.exclude(pk__in=kept))
            sources = [self.sources[key] for key, _ in data.sources]
            for (_, quote), source in zip(data.sources, sources, strict=True):
                self.put(EventSource, {"event": event, "source": source}, quote=quote)
            self.prune(event.event_sources.exclude(source__in=sources))
            units = [unit for _, unit, _ in data.quantities]
            for value, unit, text in data.quantities:
                self.put(EventQuantity, {"event": event, "unit": unit}, value=value, text=text)
            self.prune(event.quantities.exclude(unit__in=units))
            self.sync_m2m(event.articles, [self.articles[key] for key in data.articles])
            outcomes.append(outcome)

        outcomes = []
        saved = event_save(event=event, write=write)
        # A change to who took part or what supports the event is a change of the event.
        self.report.record(
            Event, UPDATED if outcomes[0] == UNCHANGED and saved.changed else outcomes[0]
        )
        self.bar.update()
        return event


def _date_fields(prefix: str, iso: str | None) -> dict:
    """The year, month, day and precision columns under ``prefix`` for "2023", "2023-03"…"""
    date = FuzzyDate.parse_iso(iso) if iso else None
    return {
        f"{prefix}year": date.year if date else None,
        f"{prefix}month": date.month if date else None,
        f"{prefix}day": date.day if date else None,
        f"{prefix}precision": date.precision.value if date else "",
    }


def _apply(row: models.Model, values: dict) -> str:
    """Give ``row`` the ``values``, saving it (after ``full_clean()``) only if that changes
    anything; the outcome says which."""
    outcome = UPDATED if _differs(row, values) else UNCHANGED
    if row.pk is None:
        outcome = CREATED
    for name, value in values.items():
        setattr(row, name, value)
    if outcome != UNCHANGED:
        row.full_clean()
        row.save()
    return outcome


def _differs(row: models.Model, values: dict) -> bool:
    """Whether saving ``values`` would change ``row``: foreign keys compare by primary key."""
    for name, value in values.items():
        field = row._meta.get_field(name)
        if field.many_to_one:
            current, wanted = getattr(row, field.attname), value.pk if value is not None else None
        else:
            current, wanted = getattr(row, name), field.to_python(value)
        if current != wanted:
            return True
    return False
