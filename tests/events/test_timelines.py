"""Timelines kept through the event write path (``events.services.timelines``) and read as
rows (``events.timelines``)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.services.home import home_lists_stale
from articles.services.pages import rendering_version
from events.models import Event, Participation, TimelineCount, TimelineEntry, TimelinePage
from events.services import actor_saved, event_save, timelines_rebuild
from events.timelines import timeline_rows
from monitor.core.caching import site_changed
from tests import factories
from tests.commits import committed


def entries():
    return set(TimelineEntry.objects.values_list("first", "second", "event"))


def counts():
    return set(TimelineCount.objects.values_list("actor", "partner", "events"))


def save(event, write=None):
    with committed():
        event_save(event=event, write=write)


def test_a_published_event_is_on_each_actors_timeline_and_each_pairs(db):
    iran, belarus, china = factories.actor(), factories.actor(), factories.actor()
    event = factories.event(actors=[(iran, "host"), (belarus, "visitor"), (china, "mediator")])
    a, b, c = sorted((iran.pk, belarus.pk, china.pk))
    assert entries() == {
        (a, a, event.pk), (b, b, event.pk), (c, c, event.pk),
        (a, b, event.pk), (a, c, event.pk), (b, c, event.pk),
    }  # fmt: skip
    assert TimelineCount.objects.events(iran.pk) == 1
    assert TimelineCount.objects.events(belarus.pk, iran.pk) == 1
    assert TimelineCount.objects.events(iran.pk, belarus.pk) == 1


def test_drafts_are_on_no_timeline_and_a_withdrawn_event_leaves_them(db):
    iran, belarus = factories.actor(), factories.actor()
    factories.event(actors=[(iran, "host"), (belarus, "visitor")], status=Event.Status.DRAFT)
    assert entries() == set() and counts() == set()
    event = factories.event(actors=[(iran, "host"), (belarus, "visitor")])
    assert len(entries()) == 3
    event.status = Event.Status.WITHDRAWN
    save(event)
    assert entries() == set() and counts() == set()


def test_timelines_follow_participants_and_dates(db):
    iran, belarus, china = factories.actor(), factories.actor(), factories.actor()
    event = factories.event(actors=[(iran, "host"), (belarus, "visitor")])
    save(event, write=lambda: Participation.objects.filter(event=event, actor=belarus).delete())
    assert entries() == {(iran.pk, iran.pk, event.pk)}
    assert TimelineCount.objects.events(belarus.pk) == 0
    save(event, write=lambda: Participation.objects.create(event=event, actor=china, position=1))
    assert TimelineCount.objects.events(iran.pk, china.pk) == 1
    event.start_year = 2001
    save(event)
    assert set(TimelineEntry.objects.values_list("starts_on__year", flat=True)) == {2001}


def test_an_actor_twice_in_an_event_counts_it_once(db):
    iran = factories.actor()
    factories.event(actors=[(iran, "host"), (iran, "signatory")])
    assert entries() == {(iran.pk, iran.pk, TimelineEntry.objects.get().event_id)}
    assert TimelineCount.objects.events(iran.pk) == 1


def test_an_actor_is_on_the_timelines_of_the_events_someone_took_part_in_on_its_behalf(db):
    """Pezeshkian for Iran meets Lukashenka for Belarus: the meeting is on Iran's timeline
    and on Iran's with Belarus, marked as not of direct participants."""
    iran, belarus = factories.actor(name="Iran"), factories.actor(name="Belarus")
    pezeshkian, lukashenka = factories.actor(kind="person"), factories.actor(kind="person")
    summit = factories.event(actors=[(pezeshkian, "visitor", iran), (lukashenka, "host", belarus)])
    talks = factories.event(actors=[(iran, "participant"), (belarus, "participant")])
    direct = set(TimelineEntry.objects.filter(direct=True).values_list("first", "second", "event"))
    pair = (min(iran.pk, belarus.pk), max(iran.pk, belarus.pk))
    assert {(*pair, summit.pk), (*pair, talks.pk)} <= entries()
    assert (*pair, summit.pk) not in direct and (*pair, talks.pk) in direct
    assert (iran.pk, iran.pk, summit.pk) in entries() - direct
    assert (pezeshkian.pk, pezeshkian.pk, summit.pk) in direct
    assert TimelineCount.objects.events(iran.pk, belarus.pk) == 2
    assert TimelineCount.objects.events(belarus.pk, iran.pk, direct=True) == 1
    assert list(TimelineEntry.objects.of(belarus.pk, iran.pk, direct=True).values_list(
        "event", flat=True
    )) == [talks.pk]  # fmt: skip
    # One who acted for a country and also took part itself is in it directly.
    both = factories.event(actors=[(iran, "host"), (pezeshkian, "visitor", iran)])
    assert TimelineEntry.objects.get(first=iran.pk, second=iran.pk, event=both).direct


def test_a_changed_on_behalf_of_moves_the_event_between_timelines(db):
    iran, belarus = factories.actor(name="Iran"), factories.actor(name="Belarus")
    pezeshkian = factories.actor(kind="person")
    summit = factories.event(actors=[(pezeshkian, "visitor"), (belarus, "host")])
    assert TimelineCount.objects.events(iran.pk, belarus.pk) == 0
    acted_for = Participation.objects.filter(event=summit, actor=pezeshkian)
    save(summit, write=lambda: acted_for.update(on_behalf_of=iran))
    assert TimelineCount.objects.events(iran.pk, belarus.pk) == 1
    assert TimelineCount.objects.events(iran.pk, belarus.pk, direct=True) == 0
    save(summit, write=lambda: acted_for.update(on_behalf_of=None))
    assert TimelineCount.objects.events(iran.pk) == 0
    assert not TimelineEntry.objects.filter(first=iran.pk).exists()
    assert not TimelineEntry.objects.filter(second=iran.pk).exists()


def test_timelines_follow_affiliations_over_the_events_dates(db):
    import datetime as dt

    from events.models import Affiliation

    iran, belarus = factories.actor(name="Iran"), factories.actor(name="Belarus")
    pezeshkian = factories.actor(kind="person")
    Affiliation.objects.create(
        actor=pezeshkian, of_actor=iran, role="President", starts_on=dt.date(2024, 7, 28)
    )
    visit = factories.event(year=2025, actors=[(pezeshkian, "visitor"), (belarus, "host")])
    earlier = factories.event(year=2023, actors=[(pezeshkian, "visitor"), (belarus, "host")])
    shared = TimelineEntry.objects.of(iran.pk, belarus.pk).values_list("event", "direct")
    assert list(shared) == [(visit.pk, False)]
    earlier.start_year = 2025
    save(earlier)  # its new date is within the presidency: on the timeline now
    assert TimelineCount.objects.events(iran.pk, belarus.pk) == 2
    kept = set(TimelineEntry.objects.values_list("first", "second", "event", "direct"))
    timelines_rebuild()
    assert set(TimelineEntry.objects.values_list("first", "second", "event", "direct")) == kept


def test_partners_are_those_sharing_most_events(db):
    iran, belarus, china, cuba = (factories.actor() for _ in range(4))
    for _ in range(3):
        factories.event(actors=[(iran, "host"), (belarus, "visitor")])
    factories.event(actors=[(iran, "host"), (china, "visitor")])
    factories.event(actors=[(iran, "host"), (cuba, "visitor")], status=Event.Status.DRAFT)
    partners = TimelineCount.objects.partners(iran.pk, 12).values_list("partner", "events")
    assert list(partners) == [(belarus.pk, 3), (china.pk, 1)]


def test_a_rebuild_makes_what_the_write_path_keeps(db):
    iran, belarus = factories.actor(), factories.actor()
    factories.event(actors=[(iran, "host"), (belarus, "visitor")])
    factories.event(actors=[(iran, "host")])
    factories.event(actors=[(belarus, "host")], status=Event.Status.DRAFT)
    factories.event(actors=[(factories.actor(), "visitor", iran), (belarus, "host")])
    kept = (
        set(TimelineEntry.objects.values_list("first", "second", "event", "direct")),
        set(TimelineCount.objects.values_list("actor", "partner", "events", "direct_events")),
    )
    TimelineEntry.objects.all().delete()
    assert timelines_rebuild() == 4 + 6
    assert kept == (
        set(TimelineEntry.objects.values_list("first", "second", "event", "direct")),
        set(TimelineCount.objects.values_list("actor", "partner", "events", "direct_events")),
    )


def test_the_latest_first_from_the_index(db):
    iran = factories.actor()
    old = factories.event(year=2010, actors=[(iran, "host")])
    new = factories.event(year=2020, actors=[(iran, "host")])
    assert list(TimelineEntry.objects.of(iran.pk).values_list("event", flat=True)) == [
        new.pk,
        old.pk,
    ]


def test_rows_read_what_a_timeline_shows(db, django_assert_num_queries):
    minsk = factories.place(name="Minsk")
    iran, belarus = factories.actor(name="Iran"), factories.actor(name="Belarus")
    event = factories.event(
        title="Roadmap", year=2023, month=3, day=None, precision="month", place=minsk,
        actors=[(iran, "signatory"), (belarus, "host")],
    )  # fmt: skip
    with django_assert_num_queries(2):
        (row,) = timeline_rows(Event.objects.filter(pk=event.pk))
    assert (row.title, row.date_label, row.place_name, row.point) == (
        "Roadmap",
        event.date_display(),
        "Minsk",
        False,
    )
    assert row.actor_names == ("Iran", "Belarus") and row.uuid == str(event.uuid)
    lukashenka = factories.actor(name="Alyaksandr Lukashenka")
    visit = factories.event(actors=[(lukashenka, "host", belarus), (iran, "visitor")])
    (row,) = timeline_rows(Event.objects.filter(pk=visit.pk))
    assert row.actor_names == ("Alyaksandr Lukashenka (for Belarus)", "Iran")
    assert row.family == event.event_type.family.name


# Stored pages (``timeline_page_html``): shown while their timeline's stamp and the
# templates are those they were rendered under.


def stored_pages():
    return set(TimelinePage.objects.values_list("actor", "partner", "number"))


def test_a_timeline_page_is_stored_and_shown_again(client, db):
    iran, belarus = factories.actor(name="Iran"), factories.actor(name="Belarus")
    factories.event(title="Talks in Minsk", actors=[(iran, "host"), (belarus, "visitor")])
    first = client.get(iran.get_absolute_url()).text
    assert "Talks in Minsk" in first
    assert stored_pages() == {(iran.pk, iran.pk, 1)}
    TimelinePage.objects.update(html="<p>as stored</p>")
    home_lists_stale()  # past the page stored whole (events.services.pages)
    site_changed()  # and the page cache: what is stored for the timeline shows
    assert "<p>as stored</p>" in client.get(iran.get_absolute_url()).text
    # Two actors' pages are stored in the order asked for: the heading names them so.
    client.get(f"/timeline/{belarus.slug}/{iran.slug}/")
    assert (belarus.pk, iran.pk, 1) in stored_pages()


def test_an_event_change_takes_away_the_pages_of_every_timeline_it_is_on(client, db):
    iran, belarus = factories.actor(name="Iran"), factories.actor(name="Belarus")
    event = factories.event(title="Talks in Minsk", actors=[(iran, "host"), (belarus, "visitor")])
    for path in (iran.get_absolute_url(), belarus.get_absolute_url(),
                 f"/timeline/{iran.slug}/{belarus.slug}/"):  # fmt: skip
        client.get(path)
    assert len(stored_pages()) == 3
    event.title = "Talks in Brest"  # neither its dates nor its actors: no entry changes
    save(event)
    assert stored_pages() == set()
    page = client.get(f"/timeline/{iran.slug}/{belarus.slug}/").text
    assert "Talks in Brest" in page and "Talks in Minsk" not in page


def test_a_page_stored_under_an_old_stamp_is_never_shown(client, db):
    """A reader who read the rows before a change and stored them after it."""
    iran = factories.actor(name="Iran")
    event = factories.event(title="Before", actors=[(iran, "host")])
    old = TimelineCount.objects.get(actor=iran, partner=iran).stamp
    event.title = "After"
    save(event)
    TimelinePage.objects.create(
        actor=iran, partner=iran, number=1, stamp=old, rendered_with=rendering_version(),
        html="<p>Before</p>",
    )  # fmt: skip
    page = client.get(iran.get_absolute_url()).text
    assert "After" in page and "<p>Before</p>" not in page
    assert TimelinePage.objects.get().stamp == TimelineCount.objects.get().stamp != old


def test_pages_rendered_with_other_templates_are_rendered_again(client, db):
    iran = factories.actor(name="Iran")
    factories.event(title="Talks", actors=[(iran, "host")])
    client.get(iran.get_absolute_url())
    TimelinePage.objects.update(html="<p>old templates</p>", rendered_with="before-a-deploy")
    site_changed()
    page = client.get(iran.get_absolute_url()).text
    assert "Talks" in page and "old templates" not in page


def test_a_renamed_actor_is_renamed_on_its_partners_stored_pages(client, db):
    iran, belarus = factories.actor(name="Iran"), factories.actor(name="Belarus")
    factories.event(title="Talks", actors=[(iran, "host"), (belarus, "visitor")])
    assert "Belarus" in client.get(iran.get_absolute_url()).text
    belarus.name = "Republic of Belarus"
    with committed():
        belarus.save()
        actor_saved(actor=belarus, fields={"name"})
    assert "Republic of Belarus" in client.get(iran.get_absolute_url()).text


def test_a_stored_page_spares_the_timelines_queries(client, db):
    iran, belarus = factories.actor(name="Iran"), factories.actor(name="Belarus")
    factories.event(title="Talks", actors=[(iran, "host"), (belarus, "visitor")])
    with CaptureQueriesContext(connection) as rendered:
        client.get(iran.get_absolute_url())
    site_changed()
    with CaptureQueriesContext(connection) as stored:
        client.get(iran.get_absolute_url())
    # The rows of the page and its participants' names are not read; nothing is written.
    assert len(stored) <= len(rendered) - 3


def test_an_actor_on_hundreds_of_timelines_renamed_is_renamed_on_their_pages(client, db):
    """One event of 32 actors is on 528 timelines: restamped in one statement, they were an
    expression too deep for SQLite, and the refresh failed (the pages kept the old name)."""
    actors = [factories.actor(name=f"Delegation {n}") for n in range(32)]
    factories.event(title="Summit", actors=[(actor, "participant") for actor in actors])
    renamed, partner = actors[0], actors[-1]
    assert "Delegation 0" in client.get(partner.get_absolute_url()).text
    renamed.name = "Renamed delegation"
    with committed():
        renamed.save()
        actor_saved(actor=renamed, fields={"name"})
    site_changed()
    assert "Renamed delegation" in client.get(partner.get_absolute_url()).text
    pair = f"/timeline/{partner.slug}/{renamed.slug}/"
    assert "Renamed delegation" in client.get(pair).text
