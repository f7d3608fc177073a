"""Public pages of the events app: an event, an actor's or a place's timeline, two actors'."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render

from articles.models import Article
from monitor.core.caching import public_page

from .models import Actor, Event, Place

PAGE_SIZE = 20


def _articles_page(request, events):
    articles = Article.objects.public().filter(events__in=events.values("pk")).distinct()
    page = Paginator(articles.for_listing().latest_first(), PAGE_SIZE)
    return page.get_page(request.GET.get("page"))


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
        Actor.objects.select_related("country").prefetch_related("aliases"), slug=slug
    )
    events = Event.objects.public().involving(actor)
    return render(
        request,
        "events/entity_detail.html",
        {
            "subject": actor,
            "events": events.for_timeline().chronological(),
            "page": _articles_page(request, events),
            "partners": Actor.objects.filter(participations__event__in=events.values("pk"))
            .exclude(pk=actor.pk)
            .distinct()[:12],
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
            "events": events.for_timeline().chronological(),
            "page": _articles_page(request, events),
        },
    )


def relationship_form(request):
    """Choose two actors; the answer is the canonical relationship URL."""
    first, second = request.GET.get("first", ""), request.GET.get("second", "")
    if first and second:
        return redirect("events:relationship", first=first, second=second)
    actors = Actor.objects.filter(participations__event__status=Event.Status.PUBLISHED).distinct()
    return render(request, "events/relationship_form.html", {"actors": actors})


@public_page
def relationship(request, first, second):
    """The events two actors share, over time: how a relationship grew."""
    first = get_object_or_404(Actor, slug=first)
    second = get_object_or_404(Actor, slug=second)
    events = Event.objects.public().involving(first).involving(second)
    return render(
        request,
        "events/relationship.html",
        {
            "first": first,
            "second": second,
            "events": events.for_timeline().chronological(),
            "page": _articles_page(request, events),
        },
    )
