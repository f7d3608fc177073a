"""Public URLs of events, actors, places and two actors' shared timeline."""

from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("events/<uuid:uuid>/", views.event_detail, name="event"),
    path("actors/<slug:slug>/", views.actor_detail, name="actor"),
    path("places/<slug:slug>/", views.place_detail, name="place"),
    path("timeline/", views.relationship_form, name="relationship_form"),
    path("timeline/<slug:first>/<slug:second>/", views.relationship, name="relationship"),
]
