"""The event side of the subscriber API: visibility, filters, CSV and GeoJSON, 304s, query counts."""

import csv
import io
import json

import pytest

from events.api import FIELDS_JSON_ONLY
from events.models import Event, EventQuantity
from events.services import event_save
from tests import factories
from tests.subscribers.fixtures import client_with, key_for, plan

pytestmark = pytest.mark.django_db

LIST_ENDPOINTS = [
    "/api/v1/events/",
    "/api/v1/actors/",
    "/api/v1/places/",
    "/api/v1/event-types/",
    "/api/v1/codebook/",
]


def body(response) -> bytes:
    assert response.status_code == 200, response.content
    return b"".join(response.streaming_content) if response.streaming else response.content


def ids(response) -> set[str]:
    return {item["id"] for item in json.loads(body(response))["results"]}


@pytest.fixture
def dyad(db):
    iran = factories.actor(name="Iran", slug="iran")
    belarus = factories.actor(name="Belarus", slug="belarus")
    minsk = factories.place(
        name="Minsk", country=factories.region(iso_code="BY"), latitude=53.9, longitude=27.56667
    )
    both = factories.event(
        title="Talks in Minsk",
        actors=[(iran, "visitor"), (belarus, "host")],
        place=minsk,
        year=2023,
        month=None,
        day=None,
        precision="year",
    )
    iran_only = factories.event(title="Iran alone", actors=[(iran, "host")], year=2024)
    return {"iran": iran, "belarus": belarus, "both": both, "iran_only": iran_only}


def test_drafts_withdrawn_and_merged_events_never_appear(api):
    public = factories.event()
    for status in ("draft", "withdrawn"):
        hidden = factories.event(status=status, title=f"The {status} event")
        assert api.get(f"/api/v1/events/{hidden.uuid}/").status_code == 404
    merged = factories.event(status="merged", merged_into=public, title="The merged event")
    assert api.get(f"/api/v1/events/{merged.uuid}/").status_code == 301  # to where it went
    assert ids(api.get("/api/v1/events/")) == {str(public.uuid)}
    for format_ in ("csv", "geojson", "json"):
        assert b"The draft event" not in body(api.get(f"/api/v1/events/?format={format_}"))


def test_events_list_only_public_articles(api):
    event = factories.event()
    public = factories.article()
    factories.attach(event, public, factories.article(published=False))
    data = api.get(f"/api/v1/events/{event.uuid}/").json()
    assert [article["id"] for article in data["articles"]] == [public.pk]


def test_event_detail_shape(api, dyad):
    data = api.get(f"/api/v1/events/{dyad['both'].uuid}/").json()
    assert data["dates"] == {
        "text": "",
        "edtf": "2023",
        "start": {"date": "2023", "precision": "year"},
        "end": None,
        "starts_on": "2023-01-01",
        "ends_on": "2023-12-31",
    }
    assert data["type"]["slug"] == "meeting" and data["family"]["slug"] == "diplomacy"
    assert [(p["actor"]["slug"], p["role"]) for p in data["participants"]] == [
        ("iran", "visitor"),
        ("belarus", "host"),
    ]
    assert data["place"]["country"] == "BY" and data["version"] == 1


def test_dyad_date_mode_and_unknown_parameters(api, dyad):
    both, iran_only = str(dyad["both"].uuid), str(dyad["iran_only"].uuid)
    assert ids(api.get("/api/v1/events/?actor=iran&actor=belarus&actors_all=true")) == {both}
    assert ids(api.get("/api/v1/events/?actor=iran")) == {both, iran_only}
    assert ids(api.get("/api/v1/events/?date_from=2023-06&date_to=2023-06")) == {both}
    assert (
        ids(api.get("/api/v1/events/?date_from=2023-06&date_to=2023-06&date_mode=within")) == set()
    )
    assert ids(api.get("/api/v1/events/?family=diplomacy&country=BY")) == {both}
    assert ids(api.get("/api/v1/events/?bbox=20,50,35,60")) == {both}
    response = api.get("/api/v1/events/?actor=nobody&date_mode=sometimes&when=now")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert set(response.json()["errors"]) == {"actor", "date_mode", "when"}


def test_csv_has_one_flat_row_per_event(api, dyad):
    response = api.get("/api/v1/events/?format=csv&actor=iran&actor=belarus&actors_all=true")
    assert response["Content-Type"].startswith("text/csv") and response.streaming
    rows = list(csv.DictReader(io.StringIO(body(response).decode())))
    assert len(rows) == 1
    row = rows[0]
    assert row["id"] == str(dyad["both"].uuid)
    assert (row["edtf"], row["start_precision"], row["event_family"]) == (
        "2023",
        "year",
        "diplomacy",
    )
    assert (row["actors"], row["roles"]) == ("Iran; Belarus", "visitor; host")
    assert (row["country"], row["latitude"], row["longitude"]) == ("BY", "53.9", "27.56667")
    assert api.get("/api/v1/events/", HTTP_ACCEPT="text/csv")["Content-Type"].startswith("text/csv")


def test_csv_cells_that_begin_like_formulas_are_not_run_by_spreadsheets(api):
    actor = factories.actor(name="@SUM(1+1)", slug="at-sum")
    lima = factories.place(name="Lima", latitude=-12.05, longitude=-77.04)
    factories.event(
        title='=HYPERLINK("http://evil.example","Click")', actors=[(actor, "host")], place=lima
    )
    rows = list(csv.DictReader(io.StringIO(body(api.get("/api/v1/events/?format=csv")).decode())))
    assert [(row["title"], row["actors"]) for row in rows] == [
        ('\'=HYPERLINK("http://evil.example","Click")', "'@SUM(1+1)")
    ]
    assert (rows[0]["latitude"], rows[0]["longitude"]) == ("-12.05", "-77.04")  # numbers stay


@pytest.mark.parametrize("export", ["csv", "geojson"])
def test_exports_refuse_to_be_trimmed_before_they_start(api, dyad, export):
    """Their columns are fixed: ``fields`` is refused with a message, not half a stream."""
    for path in ("/api/v1/events/", f"/api/v1/events/{dyad['both'].uuid}/"):
        response = api.get(f"{path}?format={export}&fields=id,title")
        assert response.status_code == 400 and not response.streaming
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["errors"] == {"fields": [FIELDS_JSON_ONLY]}
    trimmed = api.get("/api/v1/events/?fields=id,title").json()["results"]
    assert trimmed and all(set(event) == {"id", "title"} for event in trimmed)


def test_geojson_has_the_events_with_coordinates(api, dyad):
    event = dyad["both"]
    event_save(
        event=event,
        write=lambda: EventQuantity.objects.create(event=event, value="12", unit="documents"),
    )
    response = api.get("/api/v1/events/?format=geojson")
    assert response["Content-Type"] == "application/geo+json"
    collection = json.loads(body(response))
    assert collection["type"] == "FeatureCollection"
    (feature,) = collection["features"]
    assert feature["id"] == str(dyad["both"].uuid)
    assert feature["geometry"] == {"type": "Point", "coordinates": [27.56667, 53.9]}
    assert feature["properties"]["quantities"][0]["value"] == 12


@pytest.mark.parametrize(
    "url", ["/api/v1/events/", "/api/v1/events/?format=csv", "/api/v1/codebook/"]
)
def test_etag_and_last_modified_answer_304(api, dyad, url):
    response = api.get(url)
    body(response)
    etag, last_modified = response["ETag"], response["Last-Modified"]
    assert api.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert api.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    event = Event.objects.get(pk=dyad["both"].pk)
    event.title = "Talks in Minsk, revised"
    event.save()
    if "codebook" not in url:
        assert api.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_codebook_is_versioned(api):
    data = api.get("/api/v1/codebook/").json()
    assert len(data["version"]) == 12
    assert any(family["slug"] == "diplomacy" for family in data["families"])


def test_plans_without_events_do_not_see_them_nested_in_articles():
    event = factories.event()
    article = factories.article()
    factories.attach(event, article)
    articles_only = client_with(key_for(plan(all_publications=True))[1])
    assert articles_only.get(f"/api/v1/articles/{article.pk}/").json()["events"] == []


@pytest.mark.parametrize(
    "url", [*LIST_ENDPOINTS, "/api/v1/events/?format=csv", "/api/v1/events/?format=geojson"]
)
def test_list_queries_do_not_grow_with_page_size(api, url, django_assert_max_num_queries):
    for _ in range(4):
        event = factories.event(
            actors=[(factories.actor(), "host"), (factories.actor(), "visitor")],
            place=factories.place(latitude=1, longitude=2),
        )
        factories.event_source(event)
        factories.attach(event, factories.article())
    api.get("/api/v1/topics/")  # the key's first request of the day creates its usage row
    separator = "&" if "?" in url else "?"
    counts = []
    for size in (1, 100):
        paged = f"{url}{separator}page_size={size}" if "format" not in url else url
        with django_assert_max_num_queries(15) as captured:
            body(api.get(paged))
        counts.append(len(captured))
    assert counts[0] == counts[1], counts


@pytest.mark.parametrize("format_", ["csv", "geojson"])
def test_exports_are_the_same_in_batches_of_any_size(
    api, format_, monkeypatch, django_assert_max_num_queries
):
    shared = factories.article()
    for year in (2021, 2019, 2020, 2018, 2022):
        event = factories.event(
            year=year,
            actors=[(factories.actor(), "host")],
            place=factories.place(latitude=year % 90, longitude=2),
        )
        factories.event_source(event)
        factories.attach(event, shared, factories.article())
    api.get("/api/v1/topics/")  # the key's first request of the day creates its usage row
    url = f"/api/v1/events/?format={format_}"
    with django_assert_max_num_queries(15) as captured:
        whole = body(api.get(url))
    one_batch = len(captured)
    monkeypatch.setattr("events.api.EXPORT_CHUNK", 2)
    with django_assert_max_num_queries(15 + 2 * 8) as captured:
        assert body(api.get(url)) == whole  # three batches: 2, 2 and 1 events
    per_batch = (len(captured) - one_batch) / 2
    assert per_batch == int(per_batch) and per_batch <= 8
    if format_ == "csv":
        rows = list(csv.DictReader(io.StringIO(whole.decode())))
        assert [row["start_date"][:4] for row in rows] == ["2018", "2019", "2020", "2021", "2022"]
        assert {row["article_count"] for row in rows} == {"2"}
        assert all(shared.get_absolute_url() in row["article_urls"] for row in rows)


def _merge(event, into):
    event.status, event.merged_into = Event.Status.MERGED, into
    event_save(event=event)


def test_a_merged_events_address_redirects_to_the_survivor_through_a_chain(db):
    api = client_with(key_for(plan(all_publications=True, includes_events=True))[1])
    first, second, survivor = factories.event(), factories.event(), factories.event()
    _merge(first, second)
    _merge(second, survivor)
    target = f"/api/v1/events/{survivor.uuid}/"
    for merged in (first, second):
        response = api.get(f"/api/v1/events/{merged.uuid}/")
        assert response.status_code == 301
        assert response["Location"].endswith(target)
    # The format asked for goes along; the redirect leads to the event.
    moved = api.get(f"/api/v1/events/{first.uuid}/?format=geojson")
    assert moved.status_code == 301 and moved["Location"].endswith(f"{target}?format=geojson")
    followed = api.get(f"/api/v1/events/{first.uuid}/", follow=True)
    assert followed.status_code == 200 and followed.json()["id"] == str(survivor.uuid)
    # A plan without events is not told where it went.
    articles_only = client_with(key_for(plan(all_publications=True))[1])
    assert articles_only.get(f"/api/v1/events/{first.uuid}/").status_code == 403


def test_a_merge_chain_that_ends_out_of_sight_or_loops_is_404(db):
    api = client_with(key_for(plan(all_publications=True, includes_events=True))[1])
    merged, withdrawn = factories.event(), factories.event()
    _merge(merged, withdrawn)
    withdrawn.status = Event.Status.WITHDRAWN
    event_save(event=withdrawn)
    assert api.get(f"/api/v1/events/{merged.uuid}/").status_code == 404
    # Two events merged into each other (no write path makes it, the rows can): no loop.
    one, other = factories.event(), factories.event()
    Event.objects.filter(pk=one.pk).update(status="merged", merged_into=other)
    Event.objects.filter(pk=other.pk).update(status="merged", merged_into=one)
    assert Event.objects.survivor_of(one.uuid) is None
    assert api.get(f"/api/v1/events/{one.uuid}/").status_code == 404
    assert api.get(f"/api/v1/events/{withdrawn.uuid}/").status_code == 404


def test_the_dyad_filter_and_the_exports_carry_whom_each_participant_acted_for(api):
    """Iran and Belarus meet through their presidents: the dyad query finds the meeting (an
    actor someone acted for is known to the filter though it took part in nothing itself),
    ``direct=true`` does not, and the CSV and GeoJSON say whom each acted for."""
    iran = factories.actor(name="Iran", slug="iran")
    belarus = factories.actor(name="Belarus", slug="belarus")
    pezeshkian = factories.actor(name="Masoud Pezeshkian", slug="pezeshkian", kind="person")
    lukashenka = factories.actor(name="Alyaksandr Lukashenka", slug="lukashenka", kind="person")
    minsk = factories.place(name="Minsk", latitude=53.9, longitude=27.56667)
    summit = factories.event(
        title="Presidents meet",
        place=minsk,
        actors=[(pezeshkian, "visitor", iran), (lukashenka, "host", belarus)],
    )
    dyad = "/api/v1/events/?actor=iran&actor=belarus&actors_all=true"
    assert ids(api.get(dyad)) == {str(summit.uuid)}
    assert ids(api.get(f"{dyad}&direct=true")) == set()
    (row,) = csv.DictReader(io.StringIO(body(api.get(f"{dyad}&format=csv")).decode()))
    assert (row["actor_slugs"], row["roles"], row["on_behalf_of"]) == (
        "pezeshkian; lukashenka",
        "visitor; host",
        "iran; belarus",
    )
    (feature,) = json.loads(body(api.get(f"{dyad}&format=geojson")))["features"]
    assert [
        (part["actor"]["slug"], part["on_behalf_of"]["slug"])
        for part in feature["properties"]["participants"]
    ] == [("pezeshkian", "iran"), ("lukashenka", "belarus")]
