"""Monitor's URL map: the admin, the public site and (later) the API."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from articles.sitemaps import ArchiveSitemap, ArticleSitemap
from events.sitemaps import ActorSitemap, EventSitemap, PlaceSitemap
from monitor.core.caching import public_page
from monitor.views import robots_txt

handler400 = "monitor.core.errors.bad_request"
handler500 = "monitor.core.errors.server_error"

SITEMAPS = {
    "articles": ArticleSitemap,
    "archives": ArchiveSitemap,
    "actors": ActorSitemap,
    "places": PlaceSitemap,
    "events": EventSitemap,
}

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("monitor.api_urls")),
    path(
        "robots.txt",
        robots_txt,
    ),
    path(
        "sitemap.xml",
        public_page(sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap",
    ),
    path("", include("monitor.search.urls")),
    path("", include("events.urls")),
    path("", include("articles.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
