"""Public pages of the events app: an event, an actor's timeline, a place's timeline."""

from django.shortcuts import get_object_or_404, render

from articles.models import Article

from .models import Actor, Event, Place


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


def actor_detail(request, slug):
    actor = get_object_or_404(Actor.objects.select_related("country"), slug=slug)
    events = Event.objects.public().involving(actor).for_timeline().chronological()
    return render(request, "events/timeline.html", {"subject": actor, "events": events})


def place_detail(request, slug):
    place = get_object_or_404(Place.objects.select_related("country"), slug=slug)
    events = place.events.public().for_timeline().chronological()
    return render(request, "events/timeline.html", {"subject": place, "events": events})
