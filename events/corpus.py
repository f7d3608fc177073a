"""A realistic archive to measure Monitor at size: ``manage.py generate_corpus``.

Several publications over twenty years of daily issues; authors, outlets and actors drawn
with Zipf-like frequencies (a few cited everywhere, most rarely); bodies of seed length in
the house style, with about twenty citations and twenty cross-references to earlier issues
each, parsed by the same parser a save uses; events with fuzzy dates of every precision,
participants, sources and a few articles each. Everything is bulk-inserted in batches, with
the derived data a save would produce (citations, sources, resolved cross-references,
rendered bodies, subjects, the search index), so that pages and the API read what they
would read in a real archive. Deterministic for a given ``seed``.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import itertools
import random
import time
import uuid
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection, transaction
from django.utils.text import slugify
from tqdm import tqdm

from articles.citations import extract_references
from articles.dates import FuzzyDate, Precision, edtf_interval
from articles.models import (
    Article,
    ArticleAuthor,
    ArticlePage,
    ArticleStatus,
    ArticleSubject,
    Author,
    Citation,
    CrossReference,
    Note,
    Outlet,
    Publication,
    Region,
    Source,
    SummaryPoint,
    Topic,
)
from articles.names import name_key
from articles.rendering import Link, render_article_body, render_markdown
from articles.services.counts import catalog_counts_refresh_all
from articles.services.home import home_lists_stale
from articles.services.pages import article_pages_render, related_lists_render
from articles.services.related import related_rebuild
from articles.services.subjects import WEIGHTS, classification_keys, subjects_listed_refresh
from monitor.core.caching import site_changed

from .models import Actor, Event, EventSource, EventType, Participation, Place
from .services.representations import representations_rebuild
from .services.saving import event_subject_keys
from .services.timelines import timelines_rebuild

FIRST_YEAR, YEARS = 2006, 20
BATCH = 500
PUBLICATIONS = [
    ("Eurasia Daily Monitor", "EDM", "edm"),
    ("China Brief", "CB", "china-brief"),
    ("Terrorism Monitor", "TM", "terrorism-monitor"),
    ("North Caucasus Weekly", "NCW", "north-caucasus-weekly"),
]
COUNTRIES = [
    ("Armenia", "AM"), ("Azerbaijan", "AZ"), ("Belarus", "BY"), ("China", "CN"),
    ("Georgia", "GE"), ("Iran", "IR"), ("Kazakhstan", "KZ"), ("Kyrgyzstan", "KG"),
    ("Moldova", "MD"), ("Mongolia", "MN"), ("Russia", "RU"), ("Tajikistan", "TJ"),
    ("Turkey", "TR"), ("Turkmenistan", "TM"), ("Ukraine", "UA"), ("Uzbekistan", "UZ"),
    ("Afghanistan", "AF"), ("Pakistan", "PK"), ("India", "IN"), ("Israel", "IL"),
    ("Syria", "SY"), ("Iraq", "IQ"), ("Poland", "PL"), ("Lithuania", "LT"),
    ("Latvia", "LV"), ("Estonia", "EE"), ("Finland", "FI"), ("Germany", "DE"),
    ("France", "FR"), ("United States", "US"), ("United Kingdom", "GB"), ("Japan", "JP"),
]  # fmt: skip
TOPICS = [
    "Energy", "Security", "Trade", "Diplomacy", "Military", "Sanctions", "Elections",
    "Transport corridors", "Nuclear programs", "Terrorism", "Migration", "Media",
    "Human rights", "Economy", "Technology", "Religion", "Borders", "Alliances",
]  # fmt: skip
SYLLABLES = ["ka", "ra", "to", "mi", "sha", "bel", "an", "dro", "vo", "tur", "zen", "el",
             "ma", "ko", "ri", "sta", "nov", "lin", "gor", "az", "ber", "sa", "ti", "ul"]  # fmt: skip
OUTLET_KINDS = ["Times", "News", "Agency", "Daily", "Herald", "Post", "Review", "Press",
                "Telegraph", "Monitor", "Observer", "Tribune", "Gazette", "Courier"]  # fmt: skip
WORDS = [
    "the", "government", "minister", "visit", "talks", "agreement", "cooperation", "border",
    "security", "trade", "energy", "pipeline", "sanctions", "parliament", "president",
    "delegation", "summit", "officials", "reported", "military", "exercises", "negotiations",
    "corridor", "investment", "region", "strategic", "partnership", "announced", "according",
    "analysts", "pressure", "relations", "economic", "political", "bilateral", "framework",
    "statement", "sides", "signed", "memorandum", "development", "infrastructure", "supply",
    "exports", "imports", "conflict", "ceasefire", "forces", "deployment", "capital",
    "meeting", "commission", "observers", "crisis", "reforms",
]  # fmt: skip
MONTHS = list(calendar.month_name)[1:]
ROLES = [r.value for r in Participation.Role]


@dataclass
class CorpusReport:
    rows: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    seconds: dict[str, tuple[float, float]] = field(default_factory=dict)  # phase -> wall, CPU

    def add(self, model, count: int) -> None:
        self.rows[model._meta.verbose_name_plural] += count

    def summary(self) -> str:
        parts = ", ".join(f"{n:,} {name}" for name, n in self.rows.items())
        phases = ", ".join(
            f"{name} {wall:.1f} ({cpu:.1f})" for name, (wall, cpu) in self.seconds.items()
        )
        wall, cpu = (sum(values) for values in zip(*self.seconds.values(), strict=True))
        return (
            f"Corpus: {parts}.\nSeconds, wall (this process's CPU): {phases}; "
            f"{wall:.1f} ({cpu:.1f}) in all."
        )


class _Zipf:
    """Draw items with frequency about 1/rank^s: a few very often, most rarely."""

    def __init__(self, items, rng: random.Random, s: float = 1.1):
        self.items, self.rng = list(items), rng
        weights = [1 / (rank**s) for rank in range(1, len(self.items) + 1)]
        total = sum(weights)
        self.cumulative = list(itertools.accumulate(w / total for w in weights))

    def draw(self):
        index = bisect.bisect_left(self.cumulative, self.rng.random())
        return self.items[min(index, len(self.items) - 1)]

    def sample(self, k: int) -> list:
        chosen = []
        while len(chosen) < min(k, len(self.items)):
            item = self.draw()
            if item not in chosen:
                chosen.append(item)
        return chosen


def corpus_generate(*, articles: int, events: int, seed: int = 0, progress: bool = True):
    """Fill an empty database with a corpus of ``articles`` articles and ``events`` events."""
    if Article.objects.exists():
        raise ValueError(
            f"The database already holds {Article.objects.count():,} articles: generate a "
            "corpus into an empty one (manage.py flush, then migrate)."
        )
    return _Generator(articles, events, seed, progress).run()


def rows_insert(objects: list) -> None:
    """Insert new rows of one model whose ids nobody reads back, each value prepared by its
    field as a save prepares it: by COPY on PostgreSQL, by one prepared ``INSERT`` run for
    every row on SQLite (``bulk_create`` builds a statement of every row's placeholders, which
    costs more than the rows)."""
    if not objects:
        return
    model = type(objects[0])
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    table = quote(model._meta.db_table)
    prepare = [(field.attname, field.get_db_prep_save) for field in fields]

    def values(row) -> list:
        return [prep(getattr(row, attname), connection) for attname, prep in prepare]

    if connection.vendor == "postgresql":
        statement = f"COPY {table} ({columns}) FROM STDIN"
        with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
            for row in objects:
                copy.write_row(values(row))
        return
    marks = ", ".join(["%s"] * len(fields))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({columns}) VALUES ({marks})",  # noqa: S608 (names from models)
            [values(row) for row in objects],
        )


def _analyze() -> None:
    """The planner's statistics of the rows just loaded: PostgreSQL plans the reads of the
    phases after (timelines, related articles, stored pages) on them, and with none (tables
    filled inside transactions, before autovacuum looks) rendered a stored page in 1.3 s
    instead of 30 ms at 20,000 articles."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def place_coordinates(seed: int, count: int) -> list[tuple[Decimal | None, Decimal | None]]:
    """Where each of ``count`` places lies: nine in ten between Central Europe and Central
    Asia, the others without coordinates. Drawn apart from the rest of the corpus (whose
    draws they leave as they were), so that GeoJSON exports and ``bbox`` have points."""
    rng = random.Random(f"places-{seed}")  # noqa: S311
    coordinates = []
    for _ in range(count):
        if rng.random() < 0.9:
            latitude, longitude = rng.uniform(35, 60), rng.uniform(15, 80)
            coordinates.append((Decimal(f"{latitude:.5f}"), Decimal(f"{longitude:.5f}")))
        else:
            coordinates.append((None, None))
    return coordinates


class _Generator:
    def __init__(self, articles, events, seed, progress):
        self.n_articles, self.n_events = articles, events
        self.seed = seed
        self.rng = random.Random(seed)  # noqa: S311 (a reproducible corpus, not a secret)
        self.progress = progress
        self.report = CorpusReport()

    def bar(self, total, desc):
        return tqdm(total=total, desc=desc, unit="row", disable=not self.progress, leave=True)

    def phase(self, name, work, *args, **kwargs):
        wall, cpu = time.monotonic(), time.process_time()
        result = work(*args, **kwargs)
        self.report.seconds[name] = (time.monotonic() - wall, time.process_time() - cpu)
        return result

    def run(self) -> CorpusReport:
        from monitor.search.services import search_reindex

        self.phase("catalogue", transaction.atomic(self.catalog))
        self.phase("articles", self.articles)
        self.phase("events", self.events)
        self.phase("statistics", _analyze)
        self.phase("timelines", timelines_rebuild)
        self.phase("event representations", representations_rebuild, progress=self.progress)
        self.phase("subjects", self.subjects)
        self.phase("listed subjects", subjects_listed_refresh)
        self.phase("statistics again", _analyze)
        catalog_counts_refresh_all()  # what the home page shows of topics and regions
        self.phase("related", related_rebuild, progress=self.progress, render=False)
        self.phase("pages", self.pages)
        self.phase("search", search_reindex, progress=self.progress)
        with connection.cursor() as cursor:
            # The planner's statistics, for the indexes to be chosen; on PostgreSQL outside a
            # transaction also the visibility map, without which a count over an index
            # (an actor's articles) reads every row it counts from the table.
            vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
            cursor.execute("VACUUM (ANALYZE)" if vacuum else "ANALYZE")
        site_changed()
        home_lists_stale()
        return self.report

    # The catalogue

    def _name(self, parts: int) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(parts)).capitalize()

    def _unique_names(self, count, make) -> list[str]:
        names, keys = [], set()
        while len(names) < count:
            name = make()
            if name_key(name) not in keys:
                keys.add(name_key(name))
                names.append(name)
        return names

    def catalog(self) -> None:
        self.publications = Publication.objects.bulk_create(
            Publication(name=name, short_name=short, slug=slug, first_year=FIRST_YEAR - 1)
            for name, short, slug in PUBLICATIONS
        )
        self.regions = Region.objects.bulk_create(
            Region(name=name, slug=slugify(name), iso_code=code) for name, code in COUNTRIES
        )
        self.topics = Topic.objects.bulk_create(Topic(name=n, slug=slugify(n)) for n in TOPICS)
        authors = self._unique_names(300, lambda: f"{self._name(2)} {self._name(3)}")
        self.authors = Author.objects.bulk_create(
            Author(name=name, slug=f"{slugify(name)}-{n}") for n, name in enumerate(authors)
        )
        outlets = self._unique_names(
            1500, lambda: f"{self._name(2)} {self.rng.choice(OUTLET_KINDS)}"
        )
        self.outlets = Outlet.objects.bulk_create(
            Outlet(name=name, key=name_key(name), slug=f"{slugify(name)}-{n}")
            for n, name in enumerate(outlets)
        )
        states = [
            Actor(name=region.name, key=name_key(region.name), slug=region.slug, kind="state",
                  country=region)
            for region in self.regions
        ]  # fmt: skip
        people = self._unique_names(3000, lambda: f"{self._name(2)} {self._name(3)}ov")
        persons = [
            Actor(name=name, key=name_key(name), slug=f"{slugify(name)}-{n}", kind="person",
                  country=self.rng.choice(self.regions))
            for n, name in enumerate(people)
            if name_key(name) not in {a.key for a in states}
        ]  # fmt: skip
        self.actors = Actor.objects.bulk_create(states + persons)
        self.places = Place.objects.bulk_create(
            Place(name=f"{self._name(3)}", slug=f"place-{n}", country=self.rng.choice(self.regions),
                  latitude=latitude, longitude=longitude)
            for n, (latitude, longitude) in enumerate(place_coordinates(self.seed, 400))
        )  # fmt: skip
        for model, rows in (
            (Publication, self.publications), (Region, self.regions), (Topic, self.topics),
            (Author, self.authors), (Outlet, self.outlets), (Actor, self.actors),
            (Place, self.places),
        ):  # fmt: skip
            self.report.add(model, len(rows))
        self.outlet_draw = _Zipf(self.outlets, self.rng)
        self.author_draw = _Zipf(self.authors, self.rng)
        self.actor_draw = _Zipf(self.actors, self.rng)
        self.publication_keys = {}
        for publication in self.publications:
            self.publication_keys[name_key(publication.short_name)] = publication
            self.publication_keys[name_key(publication.name)] = publication

    # Articles

    def _schedule(self) -> list[tuple[dt.datetime, Publication]]:
        """Publication times, oldest first: each publication's issues spread over the years."""
        span = YEARS * 365
        times = []
        for index, publication in enumerate(self.publications):
            share = self.n_articles // len(self.publications) + (
                1 if index < self.n_articles % len(self.publications) else 0
            )
            for n in range(share):
                day = dt.date(FIRST_YEAR, 1, 2) + dt.timedelta(days=n * span // max(share, 1))
                times.append(
                    (
                        dt.datetime(day.year, day.month, day.day, 9, index, tzinfo=dt.UTC),
                        publication,
                    )
                )
        return sorted(times, key=lambda item: item[0])

    def _sentence(self, words: int) -> str:
        text = " ".join(self.rng.choice(WORDS) for _ in range(words))
        return text[0].upper() + text[1:]

    def _written(self, day: dt.date, published: dt.date) -> str:
        """A date as the house style writes it: the year left out when it is the article's."""
        text = f"{MONTHS[day.month - 1]} {day.day}"
        return text if day.year == published.year and day <= published else f"{text}, {day.year}"

    def _body(self, published: dt.date, publication: Publication) -> str:
        """About 6,000 characters in eight paragraphs, with citations and cross-references
        to the publication's issues of earlier days."""
        days = self.issue_days[publication.pk]
        earlier = days[: bisect.bisect_left(days, published)]
        paragraphs = []
        for _ in range(8):
            sentences = []
            for _ in range(5):
                sentence = self._sentence(self.rng.randint(12, 22))
                roll = self.rng.random()
                if roll < 0.5:
                    outlet = self.outlet_draw.draw()
                    day = published - dt.timedelta(days=self.rng.randint(0, 60))
                    sentence += f" ({outlet.name}, {self._written(day, published)})"
                elif roll < 0.7 and earlier:
                    days = sorted({self.rng.choice(earlier) for _ in range(self.rng.randint(1, 4))})
                    dates = ", ".join(self._written(d, published) for d in days)
                    sentence += f" (see {publication.short_name}, {dates})"
                sentences.append(sentence + ".")
            paragraphs.append(" ".join(sentences))
        return "\n\n".join(paragraphs)

    def articles(self) -> None:
        schedule = self._schedule()
        self.issue_days = defaultdict(list)  # publication -> days it has issues, so far
        self.by_day = defaultdict(list)  # (publication, day) -> [(pk, url, title)]
        self.sources = {}  # (outlet, precision, first day) -> Source
        self.source_links = {}  # source id -> (link, title) in a body, made once per source
        self.article_days = []  # (day, pk), for events to report
        issues = defaultdict(int)
        with self.bar(len(schedule), "Articles") as bar:
            for start in range(0, len(schedule), BATCH):
                with transaction.atomic():
                    self._article_batch(schedule[start : start + BATCH], issues)
                bar.update(len(schedule[start : start + BATCH]))

    def _article_batch(self, batch, issues) -> None:
        rows, bodies = [], []
        for published_at, publication in batch:
            day = published_at.date()
            volume = publication.volume_for(day)
            issues[publication.pk, volume] += 1
            title = self._sentence(self.rng.randint(5, 9)).title()
            body = self._body(day, publication)
            self.issue_days[publication.pk].append(day)
            references = extract_references(
                body, published=day, publications=list(self.publication_keys)
            )
            rows.append(
                Article(
                    publication=publication, title=title[:300],
                    slug=f"{slugify(title)[:100]}-{len(self.article_days) + len(rows)}",
                    dek=self._sentence(14), body=body, status=ArticleStatus.PUBLISHED,
                    published_at=published_at, volume=volume,
                    issue_number=issues[publication.pk, volume], version=1,
                )
            )  # fmt: skip
            bodies.append(references)
        self._sources_for(bodies)
        articles = Article.objects.bulk_create(rows)
        citations, crossrefs, bylines, points, notes = [], [], [], [], []
        topics, regions = [], []
        for article, references in zip(articles, bodies, strict=True):
            links = []
            for ref in references:
                if ref.is_cross_reference:
                    crossref, target = self._crossref(article, ref)
                    crossrefs.append(crossref)
                    href, title = target[1:] if target else (crossref.link(), crossref.link_title())
                    links.append(Link(ref.link_start, ref.link_end, href, title))
                else:
                    source = self.sources[self._source_key(ref)]
                    citations.append(
                        Citation(article=article, source=source, paragraph=ref.paragraph,
                                 position=ref.start, text=ref.item[:500], see=ref.see)
                    )  # fmt: skip
                    href, title = self._source_link(source)
                    links.append(Link(ref.link_start, ref.link_end, href, title))
            article.body_html = render_article_body(article.body, links=links, notes={1})
            for position, author in enumerate(self.author_draw.sample(self.rng.choice((1, 1, 2)))):
                bylines.append(ArticleAuthor(article=article, author=author, position=position))
            points += [
                SummaryPoint(article=article, position=n, text=self._sentence(20) + ".")
                for n in range(3)
            ]
            note = self._sentence(18) + "."
            notes.append(
                Note(article=article, number=1, text=note, text_html=render_markdown(note))
            )
            topics += [(article.pk, t.pk) for t in self.rng.sample(self.topics, 2)]
            regions += [(article.pk, r.pk) for r in self.rng.sample(self.regions, 2)]
            day = article.published_at.date()
            url = article.get_absolute_url()
            self.by_day[article.publication_id, day].append((article.pk, url, article.title))
            self.article_days.append((day, article.pk))
        Article.objects.bulk_update(articles, ["body_html"])
        for model, objects in ((Citation, citations), (CrossReference, crossrefs),
                               (ArticleAuthor, bylines), (SummaryPoint, points), (Note, notes)):  # fmt: skip
            rows_insert(objects)
            self.report.add(model, len(objects))
        rows_insert([Article.topics.through(article_id=a, topic_id=t) for a, t in topics])
        rows_insert([Article.regions.through(article_id=a, region_id=r) for a, r in regions])
        self.report.add(Article, len(articles))

    def _source_link(self, source: Source) -> tuple[str, str]:
        """A source's link and title in a body, made once per source (most are cited often)."""
        if source.pk not in self.source_links:
            self.source_links[source.pk] = (source.link(), str(source))
        return self.source_links[source.pk]

    def _source_key(self, ref) -> tuple:
        outlet = self.outlet_by_key[name_key(ref.outlet)]
        return (outlet.pk, ref.date.precision.value, ref.date.first_day())

    @property
    def outlet_by_key(self):
        if not hasattr(self, "_outlet_by_key"):
            self._outlet_by_key = {outlet.key: outlet for outlet in self.outlets}
        return self._outlet_by_key

    def _sources_for(self, bodies) -> None:
        new = {}
        for references in bodies:
            for ref in references:
                if ref.is_cross_reference:
                    continue
                key = self._source_key(ref)
                if key not in self.sources and key not in new:
                    new[key] = Source(
                        outlet=self.outlet_by_key[name_key(ref.outlet)],
                        date_year=ref.date.year, date_month=ref.date.month,
                        date_day=ref.date.day, date_precision=ref.date.precision.value,
                        starts_on=ref.date.first_day(), ends_on=ref.date.last_day(),
                    )  # fmt: skip
        created = Source.objects.bulk_create(new.values())
        self.sources.update(zip(new, created, strict=True))
        self.report.add(Source, len(created))

    def _crossref(self, article, ref):
        publication = self.publication_keys[name_key(ref.outlet)]
        date = ref.date
        found = self.by_day.get((publication.pk, date.first_day()), []) if date.day else []
        target = found[0] if len(found) == 1 else None
        return (
            CrossReference(
                article=article, target_publication=publication, target_year=date.year,
                target_month=date.month, target_day=date.day,
                target_precision=date.precision.value, paragraph=ref.paragraph,
                position=ref.start, text=ref.item[:500], candidates=len(found),
                target_article_id=target[0] if target else None,
            ),
            target,
        )  # fmt: skip

    # Events

    def _fuzzy(self) -> tuple[FuzzyDate, FuzzyDate | None]:
        day = dt.date(FIRST_YEAR, 1, 1) + dt.timedelta(days=self.rng.randrange(YEARS * 365))
        roll = self.rng.random()
        if roll < 0.6:
            start = FuzzyDate(day.year, day.month, day.day, Precision.DAY)
            if self.rng.random() < 0.1:
                end_day = day + dt.timedelta(days=self.rng.randint(1, 3))
                return start, FuzzyDate(end_day.year, end_day.month, end_day.day, Precision.DAY)
            return start, None
        if roll < 0.85:
            return FuzzyDate(day.year, day.month, None, Precision.MONTH), None
        if roll < 0.97:
            return FuzzyDate(day.year, None, None, Precision.YEAR), None
        return FuzzyDate(day.year // 10 * 10, None, None, Precision.DECADE), None

    def events(self) -> None:
        types = list(EventType.objects.all())
        source_pool = list(self.sources.values())
        days = [day for day, _ in self.article_days]
        with self.bar(self.n_events, "Events") as bar:
            for start in range(0, self.n_events, BATCH * 4):
                size = min(BATCH * 4, self.n_events - start)
                with transaction.atomic():
                    self._event_batch(size, types, source_pool, days)
                bar.update(size)

    def _event_batch(self, size, types, source_pool, days) -> None:
        rows = []
        for _ in range(size):
            start, end = self._fuzzy()
            published = self.rng.random() < 0.95
            rows.append(
                Event(
                    uuid=uuid.UUID(int=self.rng.getrandbits(128), version=4),
                    title=self._sentence(self.rng.randint(4, 8)),
                    summary=self._sentence(25) + ".",
                    start_year=start.year, start_month=start.month, start_day=start.day,
                    start_precision=start.precision.value,
                    end_year=end.year if end else None, end_month=end.month if end else None,
                    end_day=end.day if end else None,
                    end_precision=end.precision.value if end else "",
                    edtf=edtf_interval(start, end), starts_on=start.first_day(),
                    ends_on=(end or start).last_day(), event_type=self.rng.choice(types),
                    place=self.rng.choice(self.places) if self.rng.random() < 0.7 else None,
                    status=Event.Status.PUBLISHED if published else Event.Status.DRAFT,
                )
            )  # fmt: skip
        events = Event.objects.bulk_create(rows)
        participations, event_sources, links = [], [], []
        for event in events:
            for position, actor in enumerate(self.actor_draw.sample(self.rng.randint(2, 4))):
                participations.append(
                    Participation(event=event, actor=actor, position=position,
                                  role=self.rng.choice(ROLES))
                )  # fmt: skip
            if source_pool:
                for source in {self.rng.choice(source_pool) for _ in range(self.rng.randint(1, 2))}:
                    event_sources.append(EventSource(event=event, source=source))
            if days:
                # Reported by a few articles published after it.
                after = bisect.bisect_left(days, event.starts_on)
                pool = self.article_days[after:] or self.article_days
                for _, article_id in {self.rng.choice(pool) for _ in range(self.rng.randint(1, 3))}:
                    links.append(Event.articles.through(event_id=event.pk, article_id=article_id))
        for model, objects in ((Participation, participations), (EventSource, event_sources)):
            rows_insert(objects)
            self.report.add(model, len(objects))
        rows_insert(links)
        self.report.add(Event, len(events))

    def pages(self) -> None:
        """Every article's stored page, as the write path renders it, then the related
        articles each shows (once every list item is stored)."""
        ids = list(Article.objects.public().order_by("pk").values_list("pk", flat=True))
        with self.bar(len(ids), "Pages") as bar:
            for start in range(0, len(ids), BATCH):
                with transaction.atomic():
                    article_pages_render(ids[start : start + BATCH], related=False)
                bar.update(len(ids[start : start + BATCH]))
        with transaction.atomic():
            related_lists_render(ids)
        self.report.add(ArticlePage, len(ids))

    # What articles are about

    def subjects(self) -> None:
        """Every article's subjects, as the write path would keep them (ArticleSubject)."""
        total = Article.objects.count()
        with self.bar(total, "Subjects") as bar:
            ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
            for start in range(0, len(ids), BATCH * 4):
                chunk = ids[start : start + BATCH * 4]
                with transaction.atomic():
                    rows_insert(list(self._subject_rows(chunk)))
                bar.update(len(chunk))

    def _subject_rows(self, ids) -> Iterator[ArticleSubject]:
        keys = defaultdict(set)
        for article_keys in (classification_keys(ids), event_subject_keys(ids)):
            for article_id, found in article_keys.items():
                keys[article_id] |= found
        count = 0
        for article_id, article_keys in keys.items():
            for key in sorted(article_keys):
                count += 1
                yield ArticleSubject(
                    article_id=article_id, key=key, weight=WEIGHTS[key.split(":")[0]]
                )
        self.report.add(ArticleSubject, count)
