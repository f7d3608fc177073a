"""The subscriber API, version 1: each app's viewsets, the schema and its documentation pages.

Every answer goes through ``conditional_page``: an ETag (a hash of the body, unless the
view set one) and a 304 for a matching If-None-Match or If-Modified-Since.
"""

from django.urls import path, re_path
from django.views.decorators.http import conditional_page
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework.routers import DefaultRouter

from articles import api as articles_api
from events import api as events_api
from monitor.api_docs import redoc_script
from monitor.subscribers.changes import ChangeFeedView
from monitor.subscribers.problems import not_found
from monitor.subscribers.search import SearchableArticleViewSet
from monitor.subscribers.webhooks.api import EndpointViewSet

app_name = "api"

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
# Articles with full-text search: the search index lives outside the articles app.
router.register("articles", SearchableArticleViewSet, basename="article")
router.register("publications", articles_api.PublicationViewSet, basename="publication")
router.register("issues", articles_api.IssueViewSet, basename="issue")
router.register("authors", articles_api.AuthorViewSet, basename="author")
router.register("topics", articles_api.TopicViewSet, basename="topic")
router.register("regions", articles_api.RegionViewSet, basename="region")
router.register("outlets", articles_api.OutletViewSet, basename="outlet")
router.register("sources", articles_api.SourceViewSet, basename="source")
router.register("events", events_api.EventViewSet, basename="event")
router.register("actors", events_api.ActorViewSet, basename="actor")
router.register("places", events_api.PlaceViewSet, basename="place")
router.register("event-types", events_api.EventTypeViewSet, basename="event-type")
# A subscriber's own webhook endpoints: the one place that also takes POST and DELETE.
router.register("webhooks", EndpointViewSet, basename="webhook")

public = {"authentication_classes": [], "permission_classes": [], "throttle_classes": []}

for url in router.urls:
    url.callback = conditional_page(url.callback)

urlpatterns = [
    *router.urls,
    path(
        "codebook/",
        conditional_page(events_api.CodebookView.as_view()),
        name="codebook",
    ),
    path("changes/", conditional_page(ChangeFeedView.as_view()), name="changes"),
    path("schema/", SpectacularAPIView.as_view(**public), name="schema"),
    # Its script is a file of its own (?script), not inline: the site's CSP allows no inline script.
    path(
        "docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema", **public), name="docs"
    ),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema", **public), name="redoc"),
    path("redoc/redoc.js", redoc_script, name="redoc-script"),
    re_path(r"^.*/$", not_found),
]
