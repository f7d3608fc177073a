"""Events' stored representations: stored on every write path, never served stale."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Event, EventRepresentation, EventType
from events.services import event_save, event_types_saved, place_saved
from events.services.representations import (
    representation_version,
    representations_rebuild,
    representations_stale,
)
from tests import factories
from tests.commits import committed

pytestmark = pytest.mark.django_db


def _listed(api, query="") -> dict:
    response = api.get(f"/api/v1/events/?page_size=100{query}")
    assert response.status_code == 200, response.content
    return {item["id"]: item for item in response.json()["results"]}


def _exported(api, format_) -> str:
    response = api.get(f"/api/v1/events/?format={format_}")
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode()


def _answers(api, event) -> tuple:
    return (
        _listed(api),
        api.get(f"/api/v1/events/{event.uuid}/").content,
        _exported(api, "csv"),
        _exported(api, "geojson"),
    )


def test_every_save_stores_it_after_the_commit(api):
    place = factories.place(name="Minsk", latitude=53.9, longitude=27.56667)
    event = factories.event(title="Talks", actors=[(factories.actor(), "host")], place=place)
    stored = EventRepresentation.objects.get(event=event)
    assert (stored.version, stored.updated_at) == (event.version, event.updated_at)
    assert stored.rendered_with == representation_version()
    assert '"title":"Talks"' in stored.json and stored.geometry
    event.title = "Talks in Minsk"
    with committed():
        event_save(event=event)
    assert _listed(api)[str(event.uuid)]["title"] == "Talks in Minsk"
    assert '"title":"Talks in Minsk"' in EventRepresentation.objects.get(event=event).json
    assert representations_stale() == []


def test_what_is_served_is_what_the_serializer_writes_stored_or_not(api):
    """The answers joined from stored parts equal those rendered afresh, byte for byte."""
    shared = factories.article()
    for n, place in enumerate([factories.place(latitude=1.5, longitude=-2), None]):
        event = factories.event(
            title=f'"Quoted", =formula; line\u2028{n}',
            actors=[(factories.actor(name=f"Café, Ltd {n}"), "host")],
            place=place,
        )
        factories.event_source(event, quote="They met.")
        factories.attach(event, shared, factories.article(title="Tabs\tand \u2029"))
    stored = _answers(api, event)
    EventRepresentation.objects.all().delete()
    assert _answers(api, event) == stored
    # fields= and indented JSON are the serializer's own: the same items.
    trimmed = api.get("/api/v1/events/?page_size=100&fields=id,title,articles").json()
    assert {item["id"]: item["title"] for item in trimmed["results"]} == {
        uuid: item["title"] for uuid, item in stored[0].items()
    }


def test_a_stored_representation_is_served_only_while_current(api):
    event = factories.event(title="Talks")
    uuid = str(event.uuid)
    marked = EventRepresentation.objects.get(event=event).json.replace("Talks", "Stored")
    EventRepresentation.objects.filter(event=event).update(json=marked)
    assert _listed(api)[uuid]["title"] == "Stored"  # current: joined as stored
    # Rendered with other code, or from an older version of the event: never served.
    EventRepresentation.objects.filter(event=event).update(rendered_with="0" * 32)
    assert _listed(api)[uuid]["title"] == "Talks"
    EventRepresentation.objects.filter(event=event).update(
        rendered_with=representation_version(), version=event.version - 1 or 99
    )
    assert _listed(api)[uuid]["title"] == "Talks"
    # A change whose listener has not run yet (a commit in another process) is shown too.
    event.title = "Talks resumed"
    event_save(event=event)  # inside the test's transaction: no listener runs
    assert _listed(api)[uuid]["title"] == "Talks resumed"
    assert "Talks resumed" in _exported(api, "csv")


def test_renamed_actors_places_and_event_types_show_at_once(api):
    actor = factories.actor(name="Iran")
    place = factories.place(name="Minsk", latitude=53.9, longitude=27.56667)
    event = factories.event(actors=[(actor, "host")], place=place)
    uuid = str(event.uuid)
    place.name = "Minsk City"
    place.save()
    with committed():
        assert place_saved(place=place, fields={"name"}) == 1
    kind = EventType.objects.get(slug="meeting")
    kind.name = "Meeting of officials"
    kind.save()
    with committed():
        assert event_types_saved(type_ids={kind.pk}) == 1
    item = _listed(api)[uuid]
    assert item["place"]["name"] == "Minsk City"
    assert item["type"]["name"] == "Meeting of officials"
    assert item["version"] == 3
    assert representations_stale() == []


def test_renames_in_the_admin_reach_the_events(admin_client, api):
    place = factories.place(name="Minsk", slug="minsk", latitude=53.9, longitude=27.56667)
    event = factories.event(place=place)
    with committed():
        response = admin_client.post(
            f"/admin/events/place/{place.pk}/change/",
            {"name": "Minsk City", "slug": "minsk", "country": "", "latitude": "53.9",
             "longitude": "27.56667", "location_precision": place.location_precision,
             "geonames_id": ""},
        )  # fmt: skip
    assert response.status_code == 302, response.content[:2000]
    assert _listed(api)[str(event.uuid)]["place"]["name"] == "Minsk City"


def test_bulk_loads_store_them_all(everything, capsys):
    call_command("generate_corpus", "--articles", "10", "--events", "30", "--seed", "3")
    capsys.readouterr()
    assert Event.objects.public().exists()
    assert representations_stale() == []
    EventRepresentation.objects.all().delete()
    assert representations_rebuild() == Event.objects.public().count()
    call_command("render_events", "-v", "0")
    assert "0 of" not in capsys.readouterr().out or representations_stale() == []


@pytest.mark.parametrize("url", ["?page_size=1", "?page_size=100", "?format=csv"])
def test_queries_do_not_grow_with_events_stored_or_not(api, url):
    for _ in range(3):
        event = factories.event(place=factories.place(latitude=1, longitude=2))
        factories.attach(event, factories.article())
    counts = []
    for stale in (False, True):
        if stale:
            EventRepresentation.objects.all().delete()
        _read(api.get(f"/api/v1/events/{url}"))  # the key's usage row, the last use
        with CaptureQueriesContext(connection) as captured:
            _read(api.get(f"/api/v1/events/{url}"))
        counts.append(len(captured))
    # Stored: the key (2), the rows with their parts, the links, the evidence, the readable
    # articles; an export also its ETag's aggregate. Not stored: four more for the events'
    # parts, and the rows.
    assert counts == ([7, 12] if "csv" in url else [6, 11]), counts


def _read(response) -> bytes:
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content
