"""Public URLs of articles, publications, authors and sources."""

from django.urls import path

from . import views

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("sources/<int:pk>/", views.source_detail, name="source"),
    path("authors/<slug:slug>/", views.author_detail, name="author"),
    path("<slug:publication>/", views.publication_detail, name="publication"),
    path("<slug:publication>/<int:year>/", views.archive, name="archive_year"),
    path("<slug:publication>/<int:year>/<str:month>/", views.archive, name="archive_month"),
    path("<slug:publication>/<int:year>/<str:month>/<str:day>/", views.archive, name="archive_day"),
    path(
        "<slug:publication>/<int:year>/<str:month>/<str:day>/<slug:slug>/",
        views.article_detail,
        name="detail",
    ),
]
