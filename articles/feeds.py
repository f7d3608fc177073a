"""RSS and Atom feeds of the latest public articles: the whole site, or one publication,
author, topic or region.

An item's description is the article's executive summary (its subtitle when it has none).
A correction shows in its item (its date and text first, and the item's update time); a
retracted article stays in the feed as a retraction, titled so, with the retraction's
note, so that readers whose feed reader kept the item see that it was withdrawn.
"""

from django.contrib.syndication.views import Feed
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html, format_html_join

from .models import Article, ArticleStatus, ArticleTransition, Author, Publication, Region, Topic

ITEMS = 20


def feed_items(articles):
    """The latest ``ITEMS`` of ``articles`` that readers see or saw (public, or retracted),
    with what their items show: summary points, corrections, a retraction's note."""
    retraction = ArticleTransition.objects.filter(
        article=models.OuterRef("pk"), action="retract"
    ).order_by("-at", "-id")
    return (
        articles.public_or_retracted()
        .for_listing()
        .prefetch_related("summary_points", "corrections")
        .annotate(
            retraction_note=models.Subquery(retraction.values("comment")[:1]),
            retracted_at=models.Subquery(retraction.values("at")[:1]),
        )
        .latest_first()[:ITEMS]
    )


# What a feed can follow: the model, and the relation from an article to it.
KINDS = {
    "publication": (Publication, "publication"),
    "author": (Author, "authors"),
    "topic": (Topic, "topics"),
    "region": (Region, "regions"),
}


class LatestArticlesFeed(Feed):
    title = "Monitor: latest analysis"
    description = "The latest articles of every Monitor publication."

    def link(self):
        return reverse("articles:home")

    def items(self):
        return feed_items(Article.objects.all())

    def item_title(self, item):
        return f"Retracted: {item.title}" if item.status == ArticleStatus.RETRACTED else item.title

    def item_description(self, item):
        if item.status == ArticleStatus.RETRACTED:
            return format_html(
                "<p>This article was retracted on {}: {}</p>",
                _day(item.retracted_at or item.updated_at),
                item.retraction_note or "",
            )
        corrections = format_html_join(
            "",
            "<p>Correction, {}: {}</p>",
            ((_day(c.published_at), c.text) for c in sorted(
                item.corrections.all(), key=lambda c: c.published_at, reverse=True
            )),
        )  # fmt: skip
        points = item.summary_points.all()
        summary = (
            format_html(
                "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((p.text,) for p in points))
            )
            if points
            else format_html("<p>{}</p>", item.dek)
            if item.dek
            else ""
        )
        return format_html("{}{}", corrections, summary)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return max(item.published_at, item.updated_at)

    def item_author_name(self, item):
        return ", ".join(person.name for person in item.byline()) or None


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description


class ArticlesFeed(LatestArticlesFeed):
    """The latest articles of one publication, author, topic or region."""

    def get_object(self, request, kind, slug):
        if kind not in KINDS:
            raise Http404("No such feed.")
        model, relation = KINDS[kind]
        shown = model.objects.public() if model is Author else model.objects.all()
        return relation, get_object_or_404(shown, slug=slug)

    def title(self, obj):
        return f"Monitor: {obj[1]}"

    def description(self, obj):
        return f"The latest Monitor articles: {obj[1]}."

    def link(self, obj):
        return obj[1].get_absolute_url()

    def items(self, obj):
        relation, target = obj
        return feed_items(Article.objects.filter(**{relation: target}))


class ArticlesAtomFeed(ArticlesFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)


def _day(moment) -> str:
    day = timezone.localdate(moment)
    return f"{day:%B} {day.day}, {day.year}"
