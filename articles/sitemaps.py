"""sitemap.xml sections for articles and the archives that list them."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from .models import Article, Author, Publication, Region, Topic


class ArticleSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return Article.objects.public().select_related("publication").latest_first()

    def lastmod(self, item):
        return max(item.published_at, item.updated_at)


class ArchiveSitemap(Sitemap):
    """Publications, their yearly archives and volumes; authors, topics and regions."""

    changefreq = "daily"
    priority = 0.5

    def items(self):
        public = Article.objects.public()
        pages = [(p.get_absolute_url(), None) for p in Publication.objects.all()]
        years = (
            public.values("publication__slug", "publication__first_year", "published_at__year")
            .annotate(latest=Max("updated_at"))
            .order_by("publication__slug", "published_at__year")
        )
        for row in years:
            slug, year = row["publication__slug"], row["published_at__year"]
            volume = year - row["publication__first_year"] + 1
            pages.append((reverse("articles:archive_year", args=[slug, year]), row["latest"]))
            pages.append((reverse("articles:volume", args=[slug, volume]), row["latest"]))
        for model in (Author, Topic, Region):
            listed = model.objects.filter(articles__in=public.values("pk")).distinct()
            pages += [(obj.get_absolute_url(), None) for obj in listed]
        return pages

    def location(self, item):
        return item[0]

    def lastmod(self, item):
        return item[1]
