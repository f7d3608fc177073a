"""sitemap.xml sections for events and the actors and places that have public events."""

from django.contrib.sitemaps import Sitemap

from .models import Actor, Event, Place


class EventSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.4

    def items(self):
        return Event.objects.public().chronological()

    def lastmod(self, item):
        return item.updated_at


class ActorSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        # Those with a page: involved in a published event, themselves or through others.
        return Actor.objects.with_timeline()


class PlaceSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.4

    def items(self):
        return Place.objects.filter(events__in=Event.objects.public()).distinct()
