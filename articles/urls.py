"""Public URLs of articles, publications, authors, topics, regions and sources."""

from django.urls import path

import monitor.core.converters  # noqa: F401 (registers <number:...>)
from monitor.core.caching import public_page

from . import feeds, views

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("corrections/", views.corrections, name="corrections"),
    path("preview/<str:token>/", views.shared_preview, name="shared_preview"),
    path("feeds/rss/", public_page(feeds.LatestArticlesFeed()), name="feed_rss"),
    path("feeds/atom/", public_page(feeds.LatestArticlesAtomFeed()), name="feed_atom"),
    path(
        "feeds/<str:kind>/<slug:slug>/rss/", public_page(feeds.ArticlesFeed()), name="feed_kind_rss"
    ),
    path(
        "feeds/<str:kind>/<slug:slug>/atom/",
        public_page(feeds.ArticlesAtomFeed()),
        name="feed_kind_atom",
    ),
    path("sources/<number:pk>/", views.source_detail, name="source"),
    path("authors/<slug:slug>/", views.author_detail, name="author"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic"),
    path("regions/<slug:slug>/", views.region_detail, name="region"),
    path("<slug:publication>/", views.publication_detail, name="publication"),
    path("<slug:publication>/volume/<number:volume>/", views.volume, name="volume"),
    path(
        "<slug:publication>/volume/<number:volume>/issue/<number:issue>/",
        views.volume,
        name="issue",
    ),
    path("<slug:publication>/<number:year>/", views.archive, name="archive_year"),
    path("<slug:publication>/<number:year>/<str:month>/", views.archive, name="archive_month"),
    path(
        "<slug:publication>/<number:year>/<str:month>/<str:day>/", views.archive, name="archive_day"
    ),
    path(
        "<slug:publication>/<number:year>/<str:month>/<str:day>/<slug:slug>/",
        views.article_detail,
        name="detail",
    ),
]
