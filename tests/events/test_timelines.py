"""Timelines kept through the event write path (``events.services.timelines``) and read as
rows (``events.timelines``)."""

from events.models import Event, Participation, TimelineCount, TimelineEntry
from events.services import event_save, timelines_rebuild
from events.timelines import timeline_rows
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
    kept = entries(), counts()
    TimelineEntry.objects.all().delete()
    assert timelines_rebuild() == 4
    assert (entries(), counts()) == kept


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
    assert row.family == event.event_type.family.name
