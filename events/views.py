"""Public pages of the events app: an event, an actor's or a place's timeline, two actors'."""

from django.core.paginator import Paginator
from django.core.validators import slug_re
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render

from articles.models import Article
from monitor.core.caching import public_page

from .models import Actor, Event, Participation, Place

PAGE_SIZE = 20
# A timeline shows this many events a page, the latest page first: an actor of twenty
# years of daily analysis has thousands.
TIMELINE_PAGE = 100


def _articles_page(request, articles):
    """A page of ``articles``, the latest first. The order is found on ids alone and only the
    page's articles are read whole: an actor's articles are thousands at archive size, and
    sorting them with their list items costs ten times more."""
    ids = articles.latest_first().values_list("pk", flat=True)
    page = Paginator(ids, PAGE_SIZE).get_page(request.GET.get("page"))
    shown = Article.objects.for_listing().in_bulk(list(page.object_list))
    page.object_list = [shown[pk] for pk in page.object_list if pk in shown]
    return page


def _reporting(events):
    """The public articles that report any of ``events``."""
    reports = Event.articles.through.objects.filter(event__in=events.values("pk"))
    return Article.objects.public().filter(pk__in=reports.values("article_id"))


def _timeline_page(request, events):
    """A page of ``events``: the latest first (``?events=2`` the ones before), each page
    drawn and listed in chronological order."""
    newest_first = events.for_timeline().order_by("-starts_on", "-ends_on", "-id")
    page = Paginator(newest_first, TIMELINE_PAGE).get_page(request.GET.get("events"))
    page.object_list = list(reversed(page.object_list))
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
    events = Event.objects.public().involving(actor)
    partners = (
        Participation.objects.filter(event__in=events.values("pk"))
        .exclude(actor=actor)
        .values("actor_id")
        .annotate(shared=Count("pk"))
        .order_by("-shared")
    )
    return render(
        request,
        "events/entity_detail.html",
        {
            "subject": actor,
            "events": _timeline_page(request, events),
            # The articles about the actor are those whose subjects name it.
            "page": _articles_page(
                request, Article.objects.public().filter(subjects__key=f"actor:{actor.slug}")
            ),
            # The actors it shares most events with.
            "partners": Actor.objects.filter(
                pk__in=[row["actor_id"] for row in partners[:12]]
            ).order_by("name"),
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
            "events": _timeline_page(request, events),
            "page": _articles_page(request, _reporting(events)),
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
    events = Event.objects.public().involving(first).involving(second)
    return render(
        request,
        "events/relationship.html",
        {
            "first": first,
            "second": second,
            "events": _timeline_page(request, events),
            "page": _articles_page(request, _reporting(events)),
        },
    )
