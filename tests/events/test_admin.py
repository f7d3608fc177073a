"""The events admin: pages load in a bounded number of queries, saves work, mistakes are form errors."""

import pytest

from articles.models import Article, Change
from events.models import (
    ActorAlias,
    Event,
    EventFamily,
    EventSource,
    EventType,
    Participation,
)
from events.services import event_save
from tests import factories
from tests.articles.test_admin import form_data
from tests.commits import committed

pytestmark = pytest.mark.django_db


def _event_with_many_parts():
    """An event of ten actors (each on another's behalf), ten sources, ten quantities and
    ten articles, the parts written in one save, as the admin's form writes them."""
    articles = [factories.article() for _ in range(10)]
    sources = [factories.source() for _ in range(10)]
    event = factories.event(
        actors=[(factories.actor(), "participant", factories.actor()) for _ in range(10)],
        place=factories.place(country=factories.region()),
    )

    def write():
        for source in sources:
            EventSource.objects.create(event=event, source=source, quote="They met.")
            event.quantities.create(value=12, unit="cooperation documents")
        event.articles.add(*articles)

    with committed():
        event_save(event=event, write=write)
    return event


def _event_post(client, url, **fields):
    """Post the event form at ``url`` as the page has it, with ``fields`` changed."""
    data = form_data(client.get(url)) | fields
    return client.post(url, data)


# Changelists and change forms load in a number of queries that does not grow with rows.


def test_event_changelist_queries_are_bounded(editor_client, django_assert_max_num_queries):
    for _ in range(12):  # more rows than the queries allowed: one query a row would show
        _event_with_many_parts()
    with django_assert_max_num_queries(11):
        response = editor_client.get("/admin/events/event/")
    assert response.status_code == 200
    assert "Diplomacy › Meeting" in response.text


def test_event_change_form_queries_are_bounded(editor_client, django_assert_max_num_queries):
    event = _event_with_many_parts()
    with django_assert_max_num_queries(14):
        response = editor_client.get(f"/admin/events/event/{event.pk}/change/")
    assert response.status_code == 200
    assert str(event.uuid) in response.text


def test_actor_place_and_codebook_pages_queries_are_bounded(
    editor_client, django_assert_max_num_queries
):
    actor = factories.actor(country=factories.region())
    for _ in range(20):
        factories.actor_alias(actor)
        factories.actor(country=factories.region())
        factories.place(country=factories.region())
    family = EventFamily.objects.get(slug="diplomacy")
    pages = [
        "/admin/events/actor/",
        f"/admin/events/actor/{actor.pk}/change/",
        "/admin/events/place/",
        "/admin/events/eventfamily/",
        f"/admin/events/eventfamily/{family.pk}/change/",
    ]
    for page in pages:
        with django_assert_max_num_queries(7):
            response = editor_client.get(page)
        assert response.status_code == 200, page


def test_event_search_and_filters(editor_client):
    wanted = factories.event(
        title="Pezeshkian visits Minsk", actors=[(factories.actor(name="Iran"), "visitor")]
    )
    factories.event(title="Something else")
    response = editor_client.get("/admin/events/event/", {"q": "iran"})
    assert wanted.title in response.text
    assert "Something else" not in response.text
    family = EventFamily.objects.get(slug="diplomacy")
    response = editor_client.get(
        "/admin/events/event/",
        {"event_type__family__id__exact": family.pk, "status__exact": "draft"},
    )
    assert response.status_code == 200
    assert wanted.title not in response.text


def test_event_autocomplete_from_the_article_page(editor_client):
    factories.event(title="Pezeshkian visits Minsk")
    response = editor_client.get(
        "/admin/autocomplete/",
        {
            "term": "minsk",
            "app_label": "events",
            "model_name": "event_articles",
            "field_name": "event",
        },
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == [
        "Pezeshkian visits Minsk (August 19, 2025, published)"
    ]


# Saving through the admin works end to end.


def test_editor_adds_an_event_with_participants(editor_client):
    visitor, host, iran = (
        factories.actor(kind="person"),
        factories.actor(kind="person"),
        factories.actor(),
    )
    article = factories.article()
    data = form_data(editor_client.get("/admin/events/event/add/"))
    data |= {
        "title": "Pezeshkian visits Minsk",
        "event_type": EventType.objects.get(slug="visit").pk,
        "start_year": "2025",
        "start_month": "8",
        "start_day": "19",
        "start_precision": "day",
        "articles": [article.pk],
        "participations-TOTAL_FORMS": "2",
        "participations-0-actor": visitor.pk,
        "participations-0-role": Participation.Role.VISITOR,
        "participations-0-on_behalf_of": iran.pk,
        "participations-0-office": "President of Iran",
        "participations-0-position": "0",
        "participations-1-actor": host.pk,
        "participations-1-role": Participation.Role.HOST,
        "participations-1-position": "1",
    }
    response = editor_client.post("/admin/events/event/add/", data)
    assert response.status_code == 302, response.context and response.context["errors"]
    event = Event.objects.get(title="Pezeshkian visits Minsk")
    assert event.edtf == "2025-08-19"
    assert [(p.actor, p.role, p.on_behalf_of) for p in event.participations.all()] == [
        (visitor, "visitor", iran),
        (host, "host", None),
    ]
    assert list(event.articles.all()) == [article]


def test_editor_attaches_an_event_from_the_article_page(editor_client):
    article = factories.article()
    event = factories.event()
    url = f"/admin/articles/article/{article.pk}/change/"
    data = form_data(editor_client.get(url))
    data |= {"Event_articles-TOTAL_FORMS": "1", "Event_articles-0-event": event.pk}
    before = (Event.objects.get(pk=event.pk).version, Article.objects.get(pk=article.pk).version)
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    assert list(article.events.all()) == [event]
    # Both answers changed: each is a new version, once, and the feed says so.
    after = (Event.objects.get(pk=event.pk).version, Article.objects.get(pk=article.pk).version)
    assert after == (before[0] + 1, before[1] + 1)
    feed = Change.objects.order_by("-seq").values_list("resource", "action")[:2]
    assert sorted(feed) == [("article", "updated"), ("event", "updated")]
    # Detaching it again is a change too.
    data = form_data(editor_client.get(url)) | {"Event_articles-0-DELETE": "on"}
    assert editor_client.post(url, data).status_code == 302
    assert not article.events.exists()
    assert Event.objects.get(pk=event.pk).version == before[0] + 2


# Mistakes come back as form errors in words an editor understands, and nothing is saved.


def test_end_before_start_is_a_form_error(editor_client):
    event = factories.event(year=2025, month=8, day=19)
    url = f"/admin/events/event/{event.pk}/change/"
    response = _event_post(
        editor_client, url, end_year="2025", end_month="8", end_day="18", end_precision="day"
    )
    assert response.status_code == 200
    assert "The end date (August 18, 2025) is before the start date (August 19, 2025)." in (
        response.text
    )
    event.refresh_from_db()
    assert event.end_year is None


def test_day_precision_without_a_day_is_a_form_error_on_the_day(editor_client):
    data = form_data(editor_client.get("/admin/events/event/add/"))
    data |= {
        "title": "Something in August",
        "event_type": EventType.objects.get(slug="meeting").pk,
        "start_year": "2025",
        "start_month": "8",
        "start_precision": "day",
    }
    response = editor_client.post("/admin/events/event/add/", data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["start_day"] == [
        "A day-precision date needs a day."
    ]
    assert not Event.objects.exists()


def test_acting_on_ones_own_behalf_is_a_form_error(editor_client):
    event = factories.event()
    actor = factories.actor()
    url = f"/admin/events/event/{event.pk}/change/"
    response = _event_post(
        editor_client,
        url,
        **{
            "participations-TOTAL_FORMS": "1",
            "participations-0-actor": actor.pk,
            "participations-0-role": Participation.Role.PARTICIPANT,
            "participations-0-on_behalf_of": actor.pk,
            "participations-0-position": "0",
        },
    )
    assert response.status_code == 200
    assert "An actor cannot act on its own behalf; leave this empty." in response.text
    assert not event.participations.exists()


def test_merged_event_without_target_is_a_form_error(editor_client):
    event = factories.event()
    url = f"/admin/events/event/{event.pk}/change/"
    response = _event_post(editor_client, url, status=Event.Status.MERGED)
    assert response.status_code == 200
    assert "Choose the event this one was merged into." in response.text
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED


def test_actor_alias_of_another_actor_or_listed_twice_is_a_form_error(editor_client):
    factories.actor(name="Alyaksandr Lukashenka")
    actor = factories.actor(name="Viktar Lukashenka")
    factories.actor_alias(actor, "V. Lukashenka")
    url = f"/admin/events/actor/{actor.pk}/change/"
    data = form_data(editor_client.get(url))
    data |= {
        "aliases-TOTAL_FORMS": "3",
        "aliases-1-name": "alyaksandr lukashenka",
        "aliases-2-name": "v lukashenka",
        "aliases-2-kind": "transliteration",
    }
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "This name already belongs to the actor “Alyaksandr Lukashenka”." in response.text
    assert "The actor already has this alias." in response.text
    assert list(ActorAlias.objects.values_list("name", flat=True)) == ["V. Lukashenka"]


def test_an_editor_accepts_a_suggestion_from_its_page(editor_client):
    iran, belarus = factories.actor(name="Iran"), factories.actor(name="Belarus")
    article = factories.article(
        body="In March 2025, Iran and Belarus signed a defence agreement (Iranpress, March 12)."
    )
    suggestion = article.event_suggestions.get()
    url = f"/admin/events/eventsuggestion/{suggestion.pk}/change/"
    page = editor_client.get(url)
    assert "Accept: create a draft event" in page.text
    response = editor_client.post(url, form_data(page) | {"_accept": "Accept"})
    event = Event.objects.get()
    assert (
        response.status_code == 302
        and response["Location"] == f"/admin/events/event/{event.pk}/change/"
    )
    assert (event.status, event.event_type.slug, event.starts_on.isoformat()) == (
        "draft",
        "agreement-signed",
        "2025-03-01",
    )
    assert {p.actor for p in event.participations.all()} == {iran, belarus}
    assert list(event.articles.all()) == [article]


def test_a_suggestion_of_a_recorded_event_is_offered_as_more_evidence_for_it(editor_client):
    iran, belarus = factories.actor(name="Iran"), factories.actor(name="Belarus")
    recorded = factories.event(
        title="Iran and Belarus sign a defence agreement",
        year=2025,
        month=3,
        day=12,
        actors=[(iran, "signatory"), (belarus, "signatory")],
    )
    article = factories.article(
        body="In March 2025, Iran and Belarus signed a defence agreement (Iranpress, March 12)."
    )
    suggestion = article.event_suggestions.get()
    url = f"/admin/events/eventsuggestion/{suggestion.pk}/change/"
    page = editor_client.get(url)
    assert "Add to the existing event: Iran and Belarus sign a defence agreement" in page.text
    assert "rather than recording the event twice" in page.text
    response = editor_client.post(url, form_data(page) | {"_attach": "Add"})
    assert response["Location"] == f"/admin/events/event/{recorded.pk}/change/"
    assert Event.objects.count() == 1
    assert list(recorded.articles.all()) == [article]
    assert [
        s.source.outlet.name for s in recorded.event_sources.select_related("source__outlet")
    ] == ["Iranpress"]
    assert Event.objects.get(pk=recorded.pk).version == 2  # a published event's new evidence


def test_an_editor_dismisses_a_suggestion_and_it_stays_dismissed(editor_client):
    factories.actor(name="Iran")
    article = factories.article(body="On August 19, Iran hosted talks.")
    suggestion = article.event_suggestions.get()
    url = f"/admin/events/eventsuggestion/{suggestion.pk}/change/"
    editor_client.post(url, form_data(editor_client.get(url)) | {"_dismiss": "Dismiss"})
    # Saving the article in the admin re-derives suggestions; the dismissed one stays dismissed.
    article_url = f"/admin/articles/article/{article.pk}/change/"
    assert (
        editor_client.post(article_url, form_data(editor_client.get(article_url))).status_code
        == 302
    )
    assert list(article.event_suggestions.values_list("status", flat=True)) == ["dismissed"]
    assert not Event.objects.exists()


def test_changing_only_participants_is_a_new_version(editor_client):
    event = factories.event(actors=[(factories.actor(), "host")])
    url = f"/admin/events/event/{event.pk}/change/"
    data = form_data(editor_client.get(url)) | {"participations-0-role": "visitor"}
    assert editor_client.post(url, data).status_code == 302
    assert Event.objects.get(pk=event.pk).version == 2
    assert editor_client.post(url, form_data(editor_client.get(url))).status_code == 302
    assert Event.objects.get(pk=event.pk).version == 2


# The date typed as written: it sets the dates, readers see it as written.


def _new_event_data(client, **fields):
    data = form_data(client.get("/admin/events/event/add/"))
    return data | {
        "title": "Pezeshkian visits Minsk",
        "event_type": EventType.objects.get(slug="meeting").pk,
        **fields,
    }


@pytest.mark.parametrize(
    ("written", "starts_on", "ends_on", "edtf"),
    [
        ("August 19, 2025", "2025-08-19", "2025-08-19", "2025-08-19"),
        ("mid-2015", "2015-05-01", "2015-08-31", "2015-38"),
        ("late 2010s", "2017-01-01", "2019-12-31", "2017/2019"),
        ("around 2007", "2006-01-01", "2008-12-31", "2007~"),
        ("July 8–9, 2016", "2016-07-08", "2016-07-09", "2016-07-08/2016-07-09"),
    ],
)
def test_a_date_typed_as_written_sets_the_dates(editor_client, written, starts_on, ends_on, edtf):
    data = _new_event_data(editor_client, date_text=written, status=Event.Status.PUBLISHED)
    response = editor_client.post("/admin/events/event/add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    event = Event.objects.get()
    assert (event.starts_on.isoformat(), event.ends_on.isoformat(), event.edtf) == (
        starts_on,
        ends_on,
        edtf,
    )
    assert event.date_display() == written
    # Through the write path: a published event's creation is in the change feed.
    assert Change.objects.filter(resource="event", action="created").count() == 1


def test_a_date_that_reads_as_none_is_a_form_error_that_keeps_the_text(editor_client):
    data = _new_event_data(editor_client, date_text="sometime in the summer")
    response = editor_client.post("/admin/events/event/add/", data)
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert "“sometime in the summer” is not a date Monitor reads" in form.errors["date_text"][0]
    assert 'value="sometime in the summer"' in response.text
    assert not Event.objects.exists()


def test_a_phrase_beside_precise_dates_is_kept_as_a_note(editor_client):
    data = _new_event_data(
        editor_client,
        date_text="at the Kazan summit",
        start_year="2024",
        start_month="10",
        start_precision="month",
    )
    assert editor_client.post("/admin/events/event/add/", data).status_code == 302
    event = Event.objects.get()
    assert (event.date_text, event.edtf, event.date_display()) == (
        "at the Kazan summit",
        "2024-10",
        "October 2024",
    )


def test_changing_the_dates_under_a_written_date_asks_which_is_right(editor_client):
    data = _new_event_data(editor_client, date_text="spring 2023")
    editor_client.post("/admin/events/event/add/", data)
    event = Event.objects.get()
    url = f"/admin/events/event/{event.pk}/change/"
    response = _event_post(editor_client, url, start_year="2022")
    assert response.status_code == 200
    assert "reads as March 2023 – May 2023, which the dates below no longer say" in response.text
    event.refresh_from_db()
    assert event.start_year == 2023


def test_the_live_reading_says_what_was_understood(editor_client):
    from django.test import Client

    url = "/admin/events/event/read-date/"
    reading = editor_client.get(url, {"text": "early June 2025"}).json()
    assert reading == {
        "understood": "June 1, 2025 – June 10, 2025",
        "first_day": "2025-06-01",
        "last_day": "2025-06-10",
        "edtf": "2025-06-01/2025-06-10",
        "error": "",
    }
    assert "names no year" in editor_client.get(url, {"text": "early June"}).json()["error"]
    assert Client().get(url, {"text": "2007"}).status_code == 302  # to the login page


def test_event_pickers_give_the_date_and_the_state(editor_client):
    factories.event(title="Roadmap signed", year=2023, month=3, day=None, precision="month",
                    status=Event.Status.DRAFT)  # fmt: skip
    response = editor_client.get(
        "/admin/autocomplete/",
        {"term": "roadmap", "app_label": "events", "model_name": "event_articles",
         "field_name": "event"},
    )  # fmt: skip
    assert response.status_code == 200, response.content
    assert [r["text"] for r in response.json()["results"]] == ["Roadmap signed (March 2023, draft)"]


def test_an_affiliation_added_to_an_actor_puts_its_events_on_the_countrys_timelines(
    editor_client, client
):
    from events.models import TimelineCount

    iran, belarus = factories.actor(name="Iran"), factories.actor(name="Belarus")
    pezeshkian = factories.actor(name="Masoud Pezeshkian", kind="person")
    visit = factories.event(
        title="Pezeshkian in Minsk", year=2025, actors=[(pezeshkian, "visitor"), (belarus, "host")]
    )
    dyad = f"/timeline/{iran.slug}/{belarus.slug}/"
    assert client.get(dyad).status_code == 404  # Iran is in no event yet
    url = f"/admin/events/actor/{pezeshkian.pk}/change/"
    data = form_data(editor_client.get(url)) | {
        "affiliations-TOTAL_FORMS": "1",
        "affiliations-0-of_actor": iran.pk,
        "affiliations-0-role": "President of Iran",
        "affiliations-0-starts_on": "2024-07-28",
    }
    with committed():
        response = editor_client.post(url, data)
    assert response.status_code == 302, response.text
    assert TimelineCount.objects.events(iran.pk, belarus.pk) == 1
    visit.refresh_from_db()
    assert visit.version == 2  # who is in it changed: a new version for subscribers
    assert "Pezeshkian in Minsk" in client.get(dyad).text
    assert "Pezeshkian in Minsk" not in client.get(f"{dyad}?direct=1").text
    # An affiliation that ends before it starts is a form error, nothing saved.
    data = form_data(editor_client.get(url)) | {"affiliations-0-ends_on": "2020-01-01"}
    response = editor_client.post(url, data)
    assert response.status_code == 200 and "ends before it starts" in response.text
