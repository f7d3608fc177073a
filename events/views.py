"""Public pages of the events app: an event, an actor's or a place's timeline, two actors'."""

from django.core.paginator import Paginator
from django.core.validators import slug_re
from django.shortcuts import get_object_or_404, redirect, render

from articles.models import Article, ArticleSubject
from articles.services.pages import list_items
from monitor.core.caching import public_page

from .models import Actor, Event, Place, TimelineCount, TimelineEntry
from .timelines import timeline_rows

PAGE_SIZE = 20
# A timeline shows this many events a page, the latest page first: an actor of twenty
# years of daily analysis has thousands.
TIMELINE_PAGE = 100
PARTNERS_SHOWN = 12


def _articles_page(request, newest_first):
    """A page of the articles whose ids ``newest_first`` lists, the latest first, as list
    items stored with their pages: no article is loaded as a model. Only public articles
    are shown, whatever the list says."""
    page = Paginator(newest_first, PAGE_SIZE).get_page(request.GET.get("page"))
    ids = list(page.object_list)
    public = set(Article.objects.public().filter(pk__in=ids).values_list("pk", flat=True))
    items = list_items(public)
    page.object_list = [items[pk] for pk in ids if pk in items]
    return page


def _reports(events):
    """The ids of the articles that report any of ``events`` (a subquery)."""
    return Event.articles.through.objects.filter(event__in=events.values("pk")).values("article_id")


def _reporting(events):
    """The public articles that report any of ``events``."""
    return Article.objects.public().filter(pk__in=_reports(events))


class _CountedPaginator(Paginator):
    """Pages of a list whose length is known (stored) rather than counted."""

    def __init__(self, object_list, per_page, *, count: int):
        super().__init__(object_list, per_page)
        self.count = count


def _timeline_page(request, newest_first, *, count: int | None = None):
    """A page of the events whose ids ``newest_first`` lists, the latest first (``?events=2``
    the ones before), each page drawn and listed in chronological order. ``count``, when
    the timeline's length is stored, spares counting it."""
    number = request.GET.get("events")
    if count is None:
        page = Paginator(newest_first, TIMELINE_PAGE).get_page(number)
    else:
        page = _CountedPaginator(newest_first, TIMELINE_PAGE, count=count).get_page(number)
    # The page's ids are a subquery: a timeline is one query, whatever page is asked for.
    shown = Event.objects.public().filter(pk__in=page.object_list).chronological()
    page.object_list = timeline_rows(shown)
    return page


@public_page
def event_detail(request, uuid):
    event = get_object_or_404(
        Event.objects.public()
        .select_related("event_type__family", "place__country")
        .prefetch_related(
            "participations__actor",
            "participations__on_behalf_of",
            "quantities",
            "event_sources__source__outlet",
        ),
        uuid=uuid,
    )
    articles = Article.objects.public().filter(events=event).for_listing().latest_first()
    return render(request, "events/event_detail.html", {"event": event, "articles": articles})


@public_page
def actor_detail(request, slug):
    actor = get_object_or_404(
        Actor.objects.public().select_related("country").prefetch_related("aliases"), slug=slug
    )
    partners = TimelineCount.objects.partners(actor.pk, PARTNERS_SHOWN).values(
        "partner__slug", "partner__name"
    )
    return render(
        request,
        "events/entity_detail.html",
        {
            "subject": actor,
            "events": _timeline_page(
                request,
                TimelineEntry.objects.of(actor.pk).values_list("event_id", flat=True),
                count=TimelineCount.objects.events(actor.pk),
            ),
            # The articles about the actor are those whose subjects name it.
            "page": _articles_page(
                request,
                ArticleSubject.objects.listed(f"actor:{actor.slug}").values_list(
                    "article_id", flat=True
                ),
            ),
            # The actors it shares most events with.
            "partners": sorted(
                ({"slug": row["partner__slug"], "name": row["partner__name"]} for row in partners),
                key=lambda partner: partner["name"],
            ),
        },
    )


@public_page
def place_detail(request, slug):
    place = get_object_or_404(Place.objects.select_related("country"), slug=slug)
    events = place.events.public()
    return render(
        request,
        "events/entity_detail.html",
        {
            "subject": place,
            "events": _timeline_page(
                request,
                events.order_by("-starts_on", "-ends_on", "-id").values_list("pk", flat=True),
            ),
            "page": _articles_page(
                request, _reporting(events).latest_first().values_list("pk", flat=True)
            ),
        },
    )


def relationship_form(request):
    """Choose two actors; the answer is the canonical relationship URL. Only actors the form
    offers (those of published events) are accepted: anything else is answered with the form
    again and a message (400)."""
    first, second = request.GET.get("first", ""), request.GET.get("second", "")
    actors = Actor.objects.public()
    error = ""
    if first or second:
        given = [slug for slug in (first, second) if slug_re.fullmatch(slug)]
        known = set(actors.filter(slug__in=given).values_list("slug", flat=True))
        if first in known and second in known:
            return redirect("events:relationship", first=first, second=second)
        error = "Choose two actors from the lists: one or both of those given is not known."
    return render(
        request,
        "events/relationship_form.html",
        {"actors": actors, "error": error},
        status=400 if error else 200,
    )


@public_page
def relationship(request, first, second):
    """The events two actors share, over time: how a relationship grew."""
    first = get_object_or_404(Actor.objects.public(), slug=first)
    second = get_object_or_404(Actor.objects.public(), slug=second)
    shared = TimelineEntry.objects.of(first.pk, second.pk).values_list("event_id", flat=True)
    return render(
        request,
        "events/relationship.html",
        {
            "first": first,
            "second": second,
            "events": _timeline_page(
                request, shared, count=TimelineCount.objects.events(first.pk, second.pk)
            ),
            # Those reporting a shared event: all are among the first actor's articles
            # (its subjects), which are read in date order from their index.
            "page": _articles_page(
                request,
                ArticleSubject.objects.listed(f"actor:{first.slug}")
                .filter(article_id__in=_reports(Event.objects.public().filter(pk__in=shared)))
                .values_list("article_id", flat=True),
            ),
        },
    )
