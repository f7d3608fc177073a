"""Public pages of the events app: an event, an actor's or a place's timeline, two actors'."""

from django.core.paginator import Paginator
from django.core.validators import slug_re
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from articles.models import Article, ArticleSubject
from articles.services.pages import list_items
from monitor.core.caching import public_page

from .models import Actor, Event, EventEvidence, Place, TimelineCount, TimelineEntry
from .services.pages import page_request
from .services.timelines import timeline_page, timeline_page_html
from .templatetags.timelines import timeline_render

PAGE_SIZE = 20
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


@public_page
def event_detail(request, uuid):
    event = (
        Event.objects.public()
        .select_related("event_type__family", "place__country")
        .prefetch_related(
            "participations__actor",
            "participations__on_behalf_of",
            "quantities",
            "event_sources__source__outlet",
            Prefetch(
                "evidence",
                queryset=EventEvidence.objects.filter(article__in=Article.objects.public())
                .select_related("article__publication")
                .defer("article__body", "article__body_html"),
                to_attr="public_evidence",
            ),
        )
        .filter(uuid=uuid)
        .first()
    )
    if event is None:
        # A merged event's page moved for good to the event it was merged into.
        survivor = Event.objects.survivor_of(uuid)
        if survivor is None:
            raise Http404("No event at this address.")
        return redirect(survivor, permanent=True)
    articles = Article.objects.public().filter(events=event).for_listing().latest_first()
    return render(request, "events/event_detail.html", {"event": event, "articles": articles})


def _direct(request) -> bool:
    """The reader's choice: direct participants only (``?direct=1``), or also those someone
    acted for (``Participation.objects.involving``'s rule, the default)."""
    return request.GET.get("direct") == "1"


@public_page
def actor_detail(request, slug):
    stored = page_request(request)
    if stored.html is not None:
        return stored.response()
    actor = get_object_or_404(
        Actor.objects.with_timeline().select_related("country").prefetch_related("aliases"),
        slug=slug,
    )
    partners = TimelineCount.objects.partners(actor.pk, PARTNERS_SHOWN).values(
        "partner__slug", "partner__name"
    )
    direct = _direct(request)
    number, timeline = timeline_page_html(
        actor=actor, number=request.GET.get("events"), label=actor.name, direct=direct
    )
    # The articles about the actor are those whose subjects name it.
    page = _articles_page(
        request,
        ArticleSubject.objects.listed(f"actor:{actor.slug}").values_list("article_id", flat=True),
    )
    response = render(
        request,
        "events/entity_detail.html",
        {
            "subject": actor,
            "timeline": timeline,
            "direct": direct,
            "page": page,
            "query_string": "direct=1" if direct else "",
            # The actors it shares most events with.
            "partners": sorted(
                ({"slug": row["partner__slug"], "name": row["partner__name"]} for row in partners),
                key=lambda partner: partner["name"],
            ),
        },
    )
    return stored.keep(response, events=number, articles=page.number)


@public_page
def place_detail(request, slug):
    stored = page_request(request)
    if stored.html is not None:
        return stored.response()
    place = get_object_or_404(Place.objects.select_related("country"), slug=slug)
    events = place.events.public()
    timeline = timeline_page(
        events.order_by("-starts_on", "-ends_on", "-id").values_list("pk", flat=True),
        request.GET.get("events"),
    )
    page = _articles_page(request, _reporting(events).latest_first().values_list("pk", flat=True))
    response = render(
        request,
        "events/entity_detail.html",
        {
            "subject": place,
            "timeline": timeline_render(timeline, label=place.name),
            "page": page,
        },
    )
    return stored.keep(response, events=timeline.number, articles=page.number)


def relationship_form(request):
    """Choose two actors; the answer is the canonical relationship URL. Only actors the form
    offers (those of published events) are accepted: anything else is answered with the form
    again and a message (400)."""
    first, second = request.GET.get("first", ""), request.GET.get("second", "")
    actors = Actor.objects.with_timeline()
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
    stored = page_request(request)
    if stored.html is not None:
        return stored.response()
    actors = Actor.objects.with_timeline().only("pk", "slug", "name")
    first = get_object_or_404(actors, slug=first)
    second = get_object_or_404(actors, slug=second)
    direct = _direct(request)
    number, timeline = timeline_page_html(
        actor=first,
        partner=second,
        number=request.GET.get("events"),
        label=f"{first.name} and {second.name}",
        direct=direct,
    )
    # Those reporting a shared event: the pair's events from its timeline's entries (public
    # by construction), their articles through the link table's index by event, so that
    # the cost follows the pair's events, not the archive's links.
    shared = TimelineEntry.objects.of(first.pk, second.pk, direct=direct).values("event_id")
    reporting = Event.articles.through.objects.filter(event_id__in=shared).values("article_id")
    page = _articles_page(
        request,
        Article.objects.public()
        .filter(pk__in=reporting)
        .latest_first()
        .values_list("pk", flat=True),
    )
    response = render(
        request,
        "events/relationship.html",
        {
            "first": first,
            "second": second,
            "timeline": timeline,
            "direct": direct,
            "page": page,
            "query_string": "direct=1" if direct else "",
        },
    )
    return stored.keep(response, events=number, articles=page.number)
