"""Events: fuzzy dates stored as the range they cover, validation, versions, range queries."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from events.models import Event, EventType, Participation
from tests import factories


def test_event_stores_the_range_it_covers_and_its_edtf(db):
    year = factories.event(year=2007, month=None, day=None, precision="year")
    month = factories.event(year=2023, month=3, day=None, precision="month")
    span = factories.event(
        year=2025, month=8, day=19, end_year=2025, end_month=8, end_day=20, end_precision="day"
    )
    assert (year.starts_on, year.ends_on, year.edtf) == (
        dt.date(2007, 1, 1),
        dt.date(2007, 12, 31),
        "2007",
    )
    assert (month.starts_on, month.ends_on, month.edtf) == (
        dt.date(2023, 3, 1),
        dt.date(2023, 3, 31),
        "2023-03",
    )
    assert span.edtf == "2025-08-19/2025-08-20"
    assert month.date_display() == "March 2023"


def test_fuzzy_dates_sort_and_filter_without_invented_midpoints(db):
    in_2023 = factories.event(year=2023, month=None, day=None, precision="year")
    june_2023 = factories.event(year=2023, month=6, day=None, precision="month")
    day = factories.event(year=2023, month=6, day=15)
    june = (dt.date(2023, 6, 1), dt.date(2023, 6, 30))
    assert set(Event.objects.overlapping(*june)) == {in_2023, june_2023, day}
    assert set(Event.objects.within(*june)) == {june_2023, day}
    assert list(Event.objects.chronological()) == [in_2023, june_2023, day]


def _event(**kwargs):
    defaults = {
        "title": "Visit",
        "event_type": EventType.objects.get(slug="visit"),
        "start_year": 2025,
        "start_month": 8,
        "start_day": 19,
        "start_precision": "day",
    }
    return Event(**{**defaults, **kwargs})


def test_an_end_before_the_start_is_refused_in_words(db):
    event = _event(end_year=2025, end_month=8, end_day=1, end_precision="day")
    with pytest.raises(ValidationError) as caught:
        event.full_clean()
    assert caught.value.message_dict["end_year"] == [
        "The end date (August 1, 2025) is before the start date (August 19, 2025)."
    ]


def test_a_day_precision_without_a_day_is_refused(db):
    with pytest.raises(ValidationError) as caught:
        _event(start_day=None).full_clean()
    assert caught.value.message_dict == {"start_day": ["A day-precision date needs a day."]}


def test_the_database_refuses_what_clean_would(db):
    event = factories.event()
    for change in (
        {"start_day": None},
        {"start_precision": "decade"},
        {"ends_on": dt.date(2000, 1, 1)},
        {"status": "merged"},
        {"end_precision": "day"},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            Event.objects.filter(pk=event.pk).update(**change)


def test_merged_event_names_its_target(db):
    target = factories.event()
    event = factories.event()
    event.status = Event.Status.MERGED
    with pytest.raises(ValidationError, match="Choose the event this one was merged into"):
        event.full_clean()
    event.merged_into = target
    event.full_clean()
    event.save()
    assert list(target.merged_events.all()) == [event]


def test_participation_roles_and_office(db):
    iran, belarus = factories.actor(name="Iran"), factories.actor(name="Belarus")
    person = factories.actor(name="Masoud Pezeshkian", kind="person")
    event = factories.event(actors=[(belarus, "host")])
    participation = Participation.objects.create(
        event=event, actor=person, role="visitor", on_behalf_of=iran, office="President of Iran"
    )
    assert str(participation) == "Masoud Pezeshkian, President of Iran (visitor)"
    assert set(Event.objects.involving(iran)) == set()
    assert set(Event.objects.involving(person)) == {event}
    with pytest.raises(ValidationError):
        Participation(event=event, actor=iran, on_behalf_of=iran).full_clean()


def test_the_codebook_is_seeded_and_maps_to_plover(db):
    visit = EventType.objects.select_related("family").get(slug="visit")
    assert (visit.family.slug, visit.plover) == ("diplomacy", "CONSULT")
    signed = EventType.objects.get(slug="agreement-signed")
    assert (signed.plover, signed.acled_event_type, signed.acled_sub_event_type) == (
        "AGREE",
        "Strategic developments",
        "Agreement",
    )
    assert EventType.objects.count() >= 20


def test_an_affiliation_covers_the_events_wholly_within_its_dates(db):
    from events.models import Actor, Affiliation

    iran, person = factories.actor(name="Iran"), factories.actor(kind="person")
    office = Affiliation.objects.create(
        actor=person, of_actor=iran, role="President of Iran", starts_on=dt.date(2024, 7, 28)
    )
    assert office.covers(dt.date(2025, 8, 19), dt.date(2025, 8, 19))
    assert not office.covers(dt.date(2024, 1, 1), dt.date(2024, 12, 31))  # the year 2024
    office.ends_on = dt.date(2025, 1, 1)
    assert not office.covers(dt.date(2025, 8, 19), dt.date(2025, 8, 19))
    covered = Affiliation.objects.covering(dt.date(2024, 9, 1), dt.date(2024, 9, 30))
    assert list(covered) == [office]
    # Iran is known to readers as soon as an event involves it through its president.
    assert not Actor.objects.public().filter(pk=iran.pk).exists()
    factories.event(year=2024, month=9, day=1, actors=[(person, "visitor")])
    assert Actor.objects.public().filter(pk=iran.pk).exists()
    assert Actor.objects.with_timeline().filter(pk=iran.pk).exists()


def test_an_affiliation_with_itself_or_ending_before_it_starts_is_refused(db):
    from events.models import Affiliation

    iran = factories.actor(name="Iran")
    affiliation = Affiliation(
        actor=iran, of_actor=iran, role="x", starts_on=dt.date(2020, 1, 1),
        ends_on=dt.date(2019, 1, 1),
    )  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        affiliation.full_clean()
    assert set(refused.value.message_dict) == {"of_actor", "ends_on"}
    with pytest.raises(IntegrityError), transaction.atomic():
        affiliation.save()
