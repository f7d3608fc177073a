"""Plain factory functions for the test suite: each makes a valid, saved object."""

import datetime as dt
import itertools

from django.utils import timezone

from articles.models import (
    Article,
    ArticleAuthor,
    ArticleStatus,
    Author,
    Citation,
    CrossReference,
    Note,
    Outlet,
    OutletAlias,
    Publication,
    Region,
    Source,
    SummaryPoint,
    Topic,
)
from articles.services import article_save
from articles.services.pages import article_page_render
from events.models import Actor, ActorAlias, Event, EventSource, EventType, Participation, Place
from events.services import event_save
from tests.commits import committed

_counter = itertools.count(1)


def _n() -> int:
    return next(_counter)


def publication(**kwargs) -> Publication:
    n = _n()
    defaults = {
        "name": f"Daily Monitor {n}",
        "short_name": f"DM{n}",
        "slug": f"daily-monitor-{n}",
        "first_year": 2004,
    }
    return Publication.objects.create(**{**defaults, **kwargs})


def author(**kwargs) -> Author:
    n = _n()
    return Author.objects.create(**{"name": f"Author {n}", "slug": f"author-{n}", **kwargs})


def topic(**kwargs) -> Topic:
    n = _n()
    return Topic.objects.create(**{"name": f"Topic {n}", "slug": f"topic-{n}", **kwargs})


def region(**kwargs) -> Region:
    n = _n()
    defaults = {
        "name": f"Country {n}",
        "slug": f"country-{n}",
        "iso_code": f"{chr(65 + n % 26)}{chr(65 + n // 26 % 26)}",
    }
    return Region.objects.create(**{**defaults, **kwargs})


def article(*, publication=None, authors=(), published=True, **kwargs) -> Article:
    """An article; published (public, a day ago) unless ``published=False`` or a status is given."""
    n = _n()
    publication = publication or globals()["publication"]()
    defaults = {
        "title": f"Article {n}",
        "slug": f"article-{n}",
        "body": f"Paragraph one of article {n}.\n\nParagraph two.",
    }
    if published:
        when = kwargs.pop("published_at", timezone.now() - dt.timedelta(days=1))
        defaults |= {
            "status": ArticleStatus.PUBLISHED,
            "published_at": when,
            "volume": publication.volume_for(timezone.localdate(when)),
            "issue_number": n,
        }
    obj = Article(publication=publication, **{**defaults, **kwargs})

    def write():
        obj.save()
        for position, person in enumerate(authors):
            ArticleAuthor.objects.create(article=obj, author=person, position=position)

    # Through the service, as any real article is: revision 1, a feed entry when public, and
    # what follows the commit (search, suggestions, the page cache).
    with committed():
        article_save(article=obj, by=None, write=write)
    return obj


def attach(event, *articles) -> Event:
    """Attach articles to an event, as the event admin does (``event_save``)."""
    with committed():
        event_save(event=event, write=lambda: event.articles.add(*articles))
    return event


def classify(article, *, topics=(), regions=()) -> Article:
    """Add topics and regions to an article, as the article admin does (``article_save``)."""

    def write():
        article.save()
        article.topics.add(*topics)
        article.regions.add(*regions)

    with committed():
        article_save(article=article, by=None, write=write)
    return article


def resave(article, **changes) -> Article:
    """Change the article's fields and save it as an editor would, through ``article_save``."""
    for name, value in changes.items():
        setattr(article, name, value)
    with committed():
        article_save(article=article, by=None)
    return article


def _as_saved(article, row):
    """A part made directly for a test: the article's stored page shows it, as after a save."""
    article_page_render(article.pk)
    return row


def summary_point(article, text="A point.", position=0) -> SummaryPoint:
    point = SummaryPoint.objects.create(article=article, text=text, position=position)
    return _as_saved(article, point)


def note(article, number=1, text="A note.") -> Note:
    return _as_saved(article, Note.objects.create(article=article, number=number, text=text))


def outlet(**kwargs) -> Outlet:
    n = _n()
    return Outlet.objects.create(**{"name": f"Outlet {n}", "slug": f"outlet-{n}", **kwargs})


def source(*, outlet=None, year=2025, month=8, day=20, precision="day", **kwargs) -> Source:
    return Source.objects.create(
        outlet=outlet or globals()["outlet"](),
        date_year=year,
        date_month=month,
        date_day=day,
        date_precision=precision,
        **kwargs,
    )


def actor(**kwargs) -> Actor:
    n = _n()
    return Actor.objects.create(
        **{"name": f"Actor {n}", "slug": f"actor-{n}", "kind": "state", **kwargs}
    )


def place(**kwargs) -> Place:
    n = _n()
    return Place.objects.create(**{"name": f"Place {n}", "slug": f"place-{n}", **kwargs})


def event(*, actors=(), year=2025, month=8, day=19, precision="day", **kwargs) -> Event:
    defaults = {
        "title": f"Event {_n()}",
        "start_year": year,
        "start_month": month,
        "start_day": day,
        "start_precision": precision,
        "event_type": EventType.objects.get(slug="meeting"),
        "status": Event.Status.PUBLISHED,
    }
    obj = Event(**{**defaults, **kwargs})

    def write():
        obj.save()
        for position, (person, role, *behalf) in enumerate(actors):
            Participation.objects.create(
                event=obj, actor=person, role=role, position=position,
                on_behalf_of=behalf[0] if behalf else None,
            )  # fmt: skip

    with committed():
        event_save(event=obj, write=write)
    return obj


def citation(article, *, source=None, position=0, **kwargs) -> Citation:
    source = source or globals()["source"]()
    defaults = {"paragraph": 0, "text": f"({source.outlet}, {source.date_display()})"}
    row = Citation.objects.create(
        article=article, source=source, position=position, **{**defaults, **kwargs}
    )
    return _as_saved(article, row)


def cross_reference(article, *, target_publication=None, position=0, **kwargs) -> CrossReference:
    defaults = {
        "target_publication": target_publication or article.publication,
        "target_year": 2016,
        "target_month": 2,
        "target_day": 24,
        "paragraph": 0,
        "text": "(see EDM, February 24, 2016)",
    }
    row = CrossReference.objects.create(
        article=article, position=position, **{**defaults, **kwargs}
    )
    return _as_saved(article, row)


def outlet_alias(outlet, name=None) -> OutletAlias:
    return OutletAlias.objects.create(outlet=outlet, name=name or f"Alias {_n()}")


def actor_alias(actor, name=None, **kwargs) -> ActorAlias:
    return ActorAlias.objects.create(actor=actor, name=name or f"Alias {_n()}", **kwargs)


def event_source(event, *, source=None, quote="") -> EventSource:
    """A source supporting the event, through its write path (a new version if published)."""
    source = source or globals()["source"]()
    made = []

    def write():
        made.append(EventSource.objects.create(event=event, source=source, quote=quote))

    with committed():
        event_save(event=event, write=write)
    return made[0]


def user(role: str | None = None, **kwargs):
    """A staff user in one of the newsroom's groups ("Contributor", "Editor", "Publisher")."""
    from django.contrib.auth.models import Group, User

    n = _n()
    # No password: tests log in with force_login, and hashing one costs a second per user.
    person = User.objects.create_user(
        username=kwargs.pop("username", f"user{n}"), is_staff=True, **kwargs
    )
    if role:
        person.groups.add(Group.objects.get(name=role))
    return person
