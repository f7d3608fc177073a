"""Public URLs of articles, publications, authors, topics, regions and sources."""

from django.urls import path

from monitor.caching import SITE, public_page, tag

from . import feeds, views

site_feed = public_page(lambda **_: [SITE])
kind_feed = public_page(lambda kind, slug: [tag(kind, slug)])

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("corrections/", views.corrections, name="corrections"),
    path("preview/<str:token>/", views.shared_preview, name="shared_preview"),
    path("feeds/rss/", site_feed(feeds.LatestArticlesFeed()), name="feed_rss"),
    path("feeds/atom/", site_feed(feeds.LatestArticlesAtomFeed()), name="feed_atom"),
    path(
        "feeds/<str:kind>/<slug:slug>/rss/", kind_feed(feeds.ArticlesFeed()), name="feed_kind_rss"
    ),
    path(
        "feeds/<str:kind>/<slug:slug>/atom/",
        kind_feed(feeds.ArticlesAtomFeed()),
        name="feed_kind_atom",
    ),
    path("sources/<int:pk>/", views.source_detail, name="source"),
    path("authors/<slug:slug>/", views.author_detail, name="author"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic"),
    path("regions/<slug:slug>/", views.region_detail, name="region"),
    path("<slug:publication>/", views.publication_detail, name="publication"),
    path("<slug:publication>/volume/<int:volume>/", views.volume, name="volume"),
    path(
        "<slug:publication>/volume/<int:volume>/issue/<int:issue>/",
        views.volume,
        name="issue",
    ),
    path("<slug:publication>/<int:year>/", views.archive, name="archive_year"),
    path("<slug:publication>/<int:year>/<str:month>/", views.archive, name="archive_month"),
    path("<slug:publication>/<int:year>/<str:month>/<str:day>/", views.archive, name="archive_day"),
    path(
        "<slug:publication>/<int:year>/<str:month>/<str:day>/<slug:slug>/",
        views.article_detail,
        name="detail",
    ),
]
