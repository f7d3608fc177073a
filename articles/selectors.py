"""What a request may read of the articles: the one rule the API's views, serializers and
filters share."""

from django.db import models
from django.utils import timezone

from monitor.core.prepared import IdsSlot, Prepared, Slot

from .models import Article, ArticleStatus, Citation, Publication, Source


def readable_articles(request, now=None):
    """The articles the request's plan may read: public ones (and embargoed ones if the plan
    includes them) of the plan's publications."""
    grant = request.auth
    if grant is None:  # the schema generator's request
        return Article.objects.none()
    return readable_under(
        include_embargoed=grant.include_embargoed, publication_ids=grant.publication_ids, now=now
    )


def readable_under(*, include_embargoed: bool, publication_ids, now=None):
    """The articles a plan reads: public ones (and embargoed ones if it includes them) of
    ``publication_ids`` (None: every publication). ``now`` and ``publication_ids`` may be
    a prepared query's slots (``monitor.core.prepared``)."""
    manager = Article.objects
    articles = manager.public_or_embargoed(now) if include_embargoed else manager.public(now)
    if publication_ids is not None:
        articles = articles.filter(publication_id__in=publication_ids)
    return articles


def readable_slotted(include_embargoed: bool, restricted: bool):
    """``readable_under`` for a prepared query (``monitor.core.prepared``): the time and, if
    ``restricted``, the plan's publications are its slots "now" and "publications"."""
    return readable_under(
        include_embargoed=include_embargoed,
        publication_ids=IdsSlot("publications") if restricted else None,
        now=Slot("now", models.DateTimeField()),
    )


def _readable_one(include_embargoed: bool, restricted: bool) -> Prepared:
    return Prepared(
        Article,
        lambda: (
            readable_slotted(include_embargoed, restricted)
            .filter(pk=Slot("pk", models.BigIntegerField()))
            .order_by()
            .values_list(*STAMPS)
        ),
    )


STAMPS = ("id", "published_at", "updated_at")
_READABLE_ONE = {
    (embargoed, restricted): _readable_one(embargoed, restricted)
    for embargoed in (False, True)
    for restricted in (False, True)
}


def readable_article(request, pk: int, now=None) -> Article | None:
    """The article ``pk`` if the request's plan may read it (as ``readable_articles``), with
    only its id and times loaded; a prepared statement (``monitor.core.prepared``): every
    API detail asks it."""
    grant = request.auth
    if grant is None:
        return None
    restricted = grant.publication_ids is not None
    found = _READABLE_ONE[grant.include_embargoed, restricted]
    rows = found.rows(pk=pk, now=now or timezone.now(), publications=grant.publication_ids or ())
    return Article.from_db(found.db(), STAMPS, rows[0]) if rows else None


def retracted_article(request, pk) -> Article | None:
    """The article ``pk`` if it was retracted from a publication the request's plan reads:
    its API address answers 410 Gone (asked only once ``readable_article`` found nothing)."""
    grant = request.auth
    if grant is None:
        return None
    articles = Article.objects.filter(pk=pk, status=ArticleStatus.RETRACTED)
    if grant.publication_ids is not None:
        articles = articles.filter(publication_id__in=grant.publication_ids)
    return articles.only("pk", "version", "updated_at").first()


def readable_by(request):
    """``readable_articles`` for an API request; public articles for anyone else (the site's
    pages, or a filter used without a request)."""
    if request is not None and hasattr(request, "auth"):
        return readable_articles(request)
    return Article.objects.public()


def readable_publications(request):
    """The publications the request's plan covers; every one for the site's pages (or a
    filter used without a request)."""
    publications = Publication.objects.all()
    if request is None or not hasattr(request, "auth"):
        return publications
    grant = request.auth
    if grant is None:  # the schema generator's request
        return publications.none()
    if grant.publication_ids is not None:
        publications = publications.filter(pk__in=grant.publication_ids)
    return publications


def public_events():
    """``Event.objects.public()``, reached through the ``events`` relation: articles never import events."""
    return Article._meta.get_field("events").related_model.objects.public()


def public_event_sources():
    event_sources = Source._meta.get_field("event_sources").related_model
    return event_sources.objects.filter(event__in=public_events())


def public_actors():
    """``Actor.objects.public()``, reached through the events' relations."""
    event = public_events().model
    participation = event._meta.get_field("participations").related_model
    return participation._meta.get_field("actor").related_model.objects.public()


def sources_cited_or_supporting(articles, *, events: bool = True):
    """Sources cited by any of ``articles``, or (``events``) supporting a published event."""
    cited = models.Exists(
        Citation.objects.filter(source=models.OuterRef("pk"), article__in=articles)
    )
    if not events:
        return Source.objects.filter(cited)
    supporting = models.Exists(public_event_sources().filter(source=models.OuterRef("pk")))
    return Source.objects.filter(cited | supporting)


def sources_seen(source_ids):
    """Of these sources, those a reader can see: cited by a public article, or supporting a
    published event."""
    return sources_cited_or_supporting(Article.objects.public()).filter(pk__in=source_ids)
