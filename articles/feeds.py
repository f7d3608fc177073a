"""RSS and Atom feeds of the latest public articles: the whole site, or one publication,
author, topic or region."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from .models import Article, Author, Publication, Region, Topic

ITEMS = 20

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
        return Article.objects.public().for_listing().latest_first()[:ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.dek

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
        articles = Article.objects.public().filter(**{relation: target})
        return articles.for_listing().latest_first()[:ITEMS]


class ArticlesAtomFeed(ArticlesFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)
