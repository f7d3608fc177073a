"""Event, actor, place and relationship pages: timelines drawn and listed, bounded queries."""

import pytest

from articles.services.home import home_lists_stale
from events.services import event_save
from monitor.core.caching import site_changed
from tests import factories
from tests.commits import committed

# An actor's page, two actors' page and a place's page are stored whole
# (``events.services.pages``): one query reads the page when it is current (with the site's
# generation, which it is stored under otherwise). Rendered, whatever the number of their
# events and articles: the actor or actors, aliases, the stored count, the stored page of the
# timeline, the partners, three for the articles (count, page, items), then the next article
# due and the store. The first time a timeline's page is asked for (or after its timeline
# changed) its chart and list are rendered and stored: one query for the page of events,
# one for their participants, one to store it.
TIMELINE_QUERIES = 1
TIMELINE_QUERIES_RENDERED = 1 + 9 + 2
TIMELINE_QUERIES_FIRST = TIMELINE_QUERIES_RENDERED + 3


def test_event_page_shows_the_date_at_its_precision_place_people_sources_articles(client, db):
    minsk = factories.place(name="Minsk")
    iran = factories.actor(name="Iran")
    event = factories.event(
        title="Roadmap signed",
        year=2023,
        month=3,
        day=None,
        precision="month",
        place=minsk,
        actors=[(iran, "signatory")],
    )
    factories.event_source(event, source=factories.source(title="Belta report"))
    article = factories.article(title="What the roadmap means")
    factories.attach(event, article)
    html = client.get(event.get_absolute_url()).text
    assert "March 2023" in html and "March 1, 2023" not in html
    for expected in ("Minsk", "Iran", "signatory", "Belta report", article.title):
        assert expected in html


def test_draft_events_are_not_found(client, db):
    event = factories.event(status="draft")
    assert client.get(event.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("n", [1, 10])
def test_actor_page_draws_a_timeline_and_lists_articles(
    client, db, django_assert_max_num_queries, n
):
    iran = factories.actor(name="Iran", description="Islamic Republic of Iran")
    factories.actor_alias(iran, "Persia")
    for i in range(n):
        event = factories.event(
            title=f"Event {i}", actors=[(iran, "host"), (factories.actor(), "visitor")]
        )
        factories.attach(event, factories.article(authors=[factories.author()]))
    factories.event(title="Hidden draft", actors=[(iran, "host")], status="draft")
    with django_assert_max_num_queries(TIMELINE_QUERIES_FIRST):
        response = client.get(iran.get_absolute_url())
    html = response.text
    assert html.count('class="event-mark"') == n
    # Links inside a group, never inside an image (axe: nested-interactive).
    assert "<svg" in html and 'role="group"' in html and 'role="img"' not in html
    assert "Persia" in html and "Hidden draft" not in html
    assert html.count("<h3>") == n


def test_a_long_timeline_comes_in_pages_the_latest_first(client, db, monkeypatch):
    monkeypatch.setattr("events.services.timelines.TIMELINE_PAGE", 3)
    iran = factories.actor(name="Iran")
    for year in range(2010, 2017):
        factories.event(title=f"Event of {year}", year=year, actors=[(iran, "host")])
    latest = client.get(iran.get_absolute_url()).text
    assert latest.count('class="event-mark"') == 3
    shown = [year for year in range(2010, 2017) if f"Event of {year}" in latest]
    assert shown == [2014, 2015, 2016]
    assert latest.index("Event of 2014") < latest.index("Event of 2016")  # in time order
    assert "The latest 1–3 of 7 events" in latest and '?events=2" rel="next"' in latest
    earliest = client.get(f"{iran.get_absolute_url()}?events=3").text
    assert "Event of 2010" in earliest and "Event of 2011" not in earliest


@pytest.mark.parametrize("n", [2, 12])
def test_timeline_queries_do_not_grow_with_events_or_pages(
    client, db, django_assert_max_num_queries, monkeypatch, n
):
    monkeypatch.setattr("events.services.timelines.TIMELINE_PAGE", 5)
    iran, belarus = factories.actor(name="Iran"), factories.actor(name="Belarus")
    for i in range(n):
        event = factories.event(
            title=f"Shared {i}", year=2000 + i, actors=[(iran, "host"), (belarus, "visitor")]
        )
        factories.attach(event, factories.article())
    dyad = f"/timeline/{iran.slug}/{belarus.slug}/"
    # The second page holds the rest (with two events there is none: the last is shown).
    shown = {iran.get_absolute_url(): min(5, n), f"{iran.get_absolute_url()}?events=2":
             min(5, n - 5) if n > 5 else n, dyad: min(5, n)}  # fmt: skip
    for path, marks in shown.items():
        with django_assert_max_num_queries(TIMELINE_QUERIES_FIRST):
            html = client.get(path).text
        assert html.count('class="event-mark"') == marks
        site_changed()  # past the page cache, the stored page is read
        # (An address past the last page shows the last page, rendered each time as before.)
        past_the_end = path.endswith("?events=2") and n <= 5
        with django_assert_max_num_queries(
            TIMELINE_QUERIES_RENDERED if past_the_end else TIMELINE_QUERIES
        ):
            assert client.get(path).text == html
        home_lists_stale()  # what else readers see changed: rendered, its timeline stored
        site_changed()
        with django_assert_max_num_queries(TIMELINE_QUERIES_RENDERED):
            assert client.get(path).text == html
    assert (f"The latest 1–5 of {n} events" in client.get(dyad).text) == (n > 5)
    assert f"/timeline/{iran.slug}/{belarus.slug}/" in client.get(iran.get_absolute_url()).text


def test_timelines_show_no_draft_or_withdrawn_event_nor_actors_only_they_name(client, db):
    iran, belarus = factories.actor(name="Iran"), factories.actor(name="Belarus")
    secret = factories.actor(name="Secret partner")
    meeting = factories.event(title="Public meeting", actors=[(iran, "host"), (belarus, "visitor")])
    factories.event(
        title="Draft talks", actors=[(iran, "host"), (secret, "visitor")], status="draft"
    )
    withdrawn = factories.event(title="Withdrawn talks", actors=[(iran, "host"), (belarus, "host")])
    factories.attach(meeting, factories.article(title="On the meeting"))
    factories.attach(withdrawn, factories.article(title="On the talks"))
    factories.attach(meeting, factories.article(title="Unpublished piece", published=False))
    withdrawn.status = "withdrawn"
    with committed():
        event_save(event=withdrawn)
    html = client.get(iran.get_absolute_url()).text
    assert "Public meeting" in html
    for hidden in ("Draft talks", "Withdrawn talks", "Secret partner"):
        assert hidden not in html
    dyad = client.get(f"/timeline/{iran.slug}/{belarus.slug}/").text
    assert "Public meeting" in dyad and "On the meeting" in dyad
    for hidden in ("Withdrawn talks", "On the talks", "Unpublished piece"):
        assert hidden not in dyad
    assert client.get(f"/timeline/{iran.slug}/{secret.slug}/").status_code == 404


def test_relationship_page_shows_only_shared_events(client, db):
    iran, belarus = factories.actor(name="Iran"), factories.actor(name="Belarus")
    shared = factories.event(title="Minsk summit", actors=[(iran, "visitor"), (belarus, "host")])
    factories.event(title="Iran alone", actors=[(iran, "host")])
    html = client.get(f"/timeline/{iran.slug}/{belarus.slug}/").text
    assert shared.title in html and "Iran alone" not in html
    form = client.get("/timeline/", {"first": iran.slug, "second": belarus.slug})
    assert form.status_code == 302
    assert form.url == f"/timeline/{iran.slug}/{belarus.slug}/"


def test_the_timeline_form_refuses_actors_it_does_not_offer(client, db):
    iran, belarus = factories.actor(slug="iran"), factories.actor(slug="belarus")
    factories.event(actors=[(iran, "host"), (belarus, "visitor")])
    hidden = factories.actor(slug="hidden")
    factories.event(status="draft", actors=[(hidden, "host")])
    chosen = client.get("/timeline/", {"first": "iran", "second": "belarus"})
    assert chosen.status_code == 302 and chosen["Location"] == "/timeline/iran/belarus/"
    for first, second in (("iran", "<script>"), ("iran", "hidden"), ("\x00", "iran"), ("iran", "")):
        response = client.get("/timeline/", {"first": first, "second": second})
        assert response.status_code == 400, (first, second)
        assert "not known" in response.text and "<script>" not in response.text


def test_place_page(client, db):
    minsk = factories.place(name="Minsk")
    factories.event(title="Summit in Minsk", place=minsk)
    assert "Summit in Minsk" in client.get(minsk.get_absolute_url()).text


def test_a_date_written_with_a_qualifier_is_shown_as_written_and_drawn_as_its_range(client, db):
    iran = factories.actor(name="Iran")
    event = factories.event(
        title="Talks resume",
        year=2015,
        month=5,
        day=None,
        precision="month",
        end_year=2015,
        end_month=8,
        end_precision="month",
        date_text="in mid-2015",
        actors=[(iran, "participant")],
    )
    assert event.edtf == "2015-38"
    page = client.get(event.get_absolute_url()).text
    assert '<time datetime="2015-38">mid-2015</time>' in page
    timeline = client.get(iran.get_absolute_url()).text
    assert "mid-2015" in timeline and "May 2015 – August 2015" not in timeline
    assert 'datetime="2015-38"' in timeline


def test_timelines_without_public_events_say_so(client, db):
    """A place whose events are all withdrawn or drafts, and two actors who share none, have
    an empty timeline (it was an error: no chart to draw)."""
    minsk = factories.place(name="Minsk")
    factories.event(title="A draft", place=minsk, status="draft")
    iran, belarus = factories.actor(name="Iran"), factories.actor(name="Belarus")
    factories.event(actors=[(iran, "host")])
    factories.event(actors=[(belarus, "host")])
    for path in (minsk.get_absolute_url(), f"/timeline/{iran.slug}/{belarus.slug}/"):
        response = client.get(path)
        assert response.status_code == 200 and "No public events yet." in response.text


def test_a_merged_events_page_redirects_to_the_survivor_through_a_chain(client, db):
    first, second, survivor = factories.event(), factories.event(), factories.event()
    for merged, into in ((first, second), (second, survivor)):
        merged.status, merged.merged_into = "merged", into
        event_save(event=merged)
    for merged in (first, second):
        response = client.get(merged.get_absolute_url())
        assert response.status_code == 301
        assert response["Location"] == survivor.get_absolute_url()
    assert client.get(survivor.get_absolute_url()).status_code == 200
    draft = factories.event(status="draft")
    assert client.get(draft.get_absolute_url()).status_code == 404


def presidents_meet(n: int = 1):
    """Iran and Belarus: ``n`` meetings of their presidents, each acting for their country,
    with an article each, and one meeting of the two states themselves."""
    iran, belarus = factories.actor(name="Iran"), factories.actor(name="Belarus")
    pezeshkian = factories.actor(name="Masoud Pezeshkian", kind="person")
    lukashenka = factories.actor(name="Alyaksandr Lukashenka", kind="person")
    summits = []
    for i in range(n):
        summit = factories.event(
            title=f"Presidents meet {i}",
            year=2000 + i,
            actors=[(pezeshkian, "visitor", iran), (lukashenka, "host", belarus)],
        )
        factories.attach(summit, factories.article(title=f"On the presidents {i}"))
        summits.append(summit)
    talks = factories.event(
        title="States talk", year=2030, actors=[(iran, "host"), (belarus, "visitor")]
    )
    factories.attach(talks, factories.article(title="On the states"))
    return iran, belarus, summits, talks


def test_two_actors_page_counts_those_acting_on_their_behalf_unless_direct_is_chosen(client, db):
    iran, belarus, _, _ = presidents_meet()
    dyad = f"/timeline/{iran.slug}/{belarus.slug}/"
    html = client.get(dyad).text
    assert "Presidents meet 0" in html and "States talk" in html
    assert "On the presidents 0" in html and "On the states" in html
    assert "including events where someone acted on behalf of Iran or Belarus" in html
    assert "Masoud Pezeshkian (for Iran)" in html
    assert f'href="{dyad}?direct=1"' in html
    direct = client.get(f"{dyad}?direct=1").text
    assert "States talk" in direct and "On the states" in direct
    assert "Presidents meet 0" not in direct and "On the presidents 0" not in direct
    assert "direct participants only" in direct and f'href="{dyad}"' in direct
    # Each is stored under its own address and shown again as it was.
    site_changed()
    assert client.get(dyad).text == html and client.get(f"{dyad}?direct=1").text == direct
    # Iran's own page holds the meeting its president had on its behalf, with the same choice.
    assert "Presidents meet 0" in client.get(iran.get_absolute_url()).text
    assert "Presidents meet 0" not in client.get(f"{iran.get_absolute_url()}?direct=1").text


def test_a_changed_on_behalf_of_changes_the_two_actors_page(client, db):
    iran, belarus, (summit,), _ = presidents_meet()
    dyad = f"/timeline/{iran.slug}/{belarus.slug}/"
    assert "Presidents meet 0" in client.get(dyad).text
    acted_for = summit.participations.filter(on_behalf_of=iran)
    with committed():
        event_save(event=summit, write=lambda: acted_for.update(on_behalf_of=None))
    html = client.get(dyad).text
    assert "Presidents meet 0" not in html and "On the presidents 0" not in html
    assert "States talk" in html


@pytest.mark.parametrize("n", [2, 12])
@pytest.mark.parametrize("choice", ["", "?direct=1"])
def test_two_actors_page_queries_do_not_grow_with_events_through_others(
    client, db, django_assert_max_num_queries, monkeypatch, n, choice
):
    monkeypatch.setattr("events.services.timelines.TIMELINE_PAGE", 5)
    iran, belarus, _, _ = presidents_meet(n)
    dyad = f"/timeline/{iran.slug}/{belarus.slug}/{choice}"
    with django_assert_max_num_queries(TIMELINE_QUERIES_FIRST):
        html = client.get(dyad).text
    assert html.count('class="event-mark"') == (1 if choice else min(5, n + 1))
    site_changed()
    with django_assert_max_num_queries(TIMELINE_QUERIES):
        assert client.get(dyad).text == html
    home_lists_stale()
    site_changed()
    with django_assert_max_num_queries(TIMELINE_QUERIES_RENDERED):
        assert client.get(dyad).text == html
    if not choice and n > 5:
        assert f"The latest 1–5 of {n + 1} events" in html and 'href="?events=2"' in html


def test_the_pages_of_a_direct_timeline_keep_the_choice(client, db, monkeypatch):
    monkeypatch.setattr("events.services.timelines.TIMELINE_PAGE", 5)
    iran, belarus = factories.actor(name="Iran"), factories.actor(name="Belarus")
    for i in range(7):
        factories.event(
            title=f"Talks {i}", year=2000 + i, actors=[(iran, "host"), (belarus, "host")]
        )
    html = client.get(f"/timeline/{iran.slug}/{belarus.slug}/?direct=1").text
    assert 'href="?direct=1&amp;events=2"' in html
    earlier = client.get(f"/timeline/{iran.slug}/{belarus.slug}/?direct=1&events=2").text
    assert "Talks 0" in earlier and 'href="?direct=1&amp;events=1"' in earlier
