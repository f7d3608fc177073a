"""EventFilterSet: fuzzy date ranges, codebook, participants, places and links."""

import pytest
from django.http import QueryDict

from events.filters import EventFilterSet
from events.models import Event, EventType
from tests import factories

pytestmark = pytest.mark.django_db


def as_query(params) -> QueryDict:
    query = QueryDict(mutable=True)
    for name, value in params.items():
        query.setlist(name, [str(v) for v in value] if isinstance(value, list) else [str(value)])
    return query


def filtered(params):
    filterset = EventFilterSet(as_query(params), queryset=Event.objects.public())
    assert filterset.is_valid(), filterset.errors
    return set(filterset.qs)


def test_year_overlaps_a_month_but_is_not_within_it():
    year = factories.event(year=2023, month=None, day=None, precision="year")
    june = factories.event(year=2023, month=6, day=10)
    factories.event(year=2022, month=1, day=1)
    assert filtered({"date_from": "2023-06", "date_to": "2023-06"}) == {year, june}
    assert filtered({"date_from": "2023-06", "date_to": "2023-06", "date_mode": "within"}) == {june}
    assert filtered({"date_from": "2023"}) == {year, june}
    assert filtered({"date_to": "2022"}) == {Event.objects.get(start_year=2022)}


def test_reversed_or_malformed_dates_are_errors():
    filterset = EventFilterSet(
        as_query({"date_from": "2024", "date_to": "2023", "date_mode": "sometimes"}),
        queryset=Event.objects.all(),
    )
    assert not filterset.is_valid()
    assert set(filterset.errors) == {"date_to", "date_mode"}
    assert not EventFilterSet(
        as_query({"date_from": "June"}), queryset=Event.objects.all()
    ).is_valid()


def test_type_and_family():
    meeting = factories.event()
    call = factories.event(event_type=EventType.objects.get(slug="phone-call"))
    assert filtered({"type": "meeting"}) == {meeting}
    assert filtered({"family": "diplomacy"}) == {meeting, call}
    assert filtered({"family": "violence"}) == set()


def test_any_actor_all_actors_and_roles():
    iran, belarus, russia = factories.actor(), factories.actor(), factories.actor()
    dyad = factories.event(actors=[(iran, "visitor"), (belarus, "host")])
    iran_only = factories.event(actors=[(iran, "host")])
    factories.event(actors=[(russia, "host")])
    assert filtered({"actor": [iran.slug, belarus.slug]}) == {dyad, iran_only}
    assert filtered({"actor": [iran.slug, belarus.slug], "actors_all": "true"}) == {dyad}
    assert filtered({"actor": iran.slug, "role": "visitor"}) == {dyad}
    assert (
        filtered({"actor": [iran.slug, belarus.slug], "actors_all": "true", "role": "host"})
        == set()
    )


def test_an_actor_is_in_the_events_of_those_who_acted_on_its_behalf():
    from events.models import Participation

    iran, belarus = factories.actor(name="Iran"), factories.actor(name="Belarus")
    pezeshkian = factories.actor(name="Masoud Pezeshkian", kind="person")
    lukashenka = factories.actor(name="Alyaksandr Lukashenka", kind="person")
    summit = factories.event(actors=[(pezeshkian, "visitor"), (lukashenka, "host")])
    Participation.objects.filter(event=summit, actor=pezeshkian).update(on_behalf_of=iran)
    Participation.objects.filter(event=summit, actor=lukashenka).update(on_behalf_of=belarus)
    talks = factories.event(actors=[(iran, "participant"), (belarus, "participant")])
    dyad = {"actor": [iran.slug, belarus.slug], "actors_all": "true"}
    assert filtered(dyad) == {summit, talks}
    assert filtered(dyad | {"direct": "true"}) == {talks}
    assert filtered({"actor": iran.slug, "role": "visitor"}) == {summit}
    assert filtered({"actor": iran.slug, "role": "visitor", "direct": "true"}) == set()


def test_country_place_and_bounding_box():
    belarus = factories.region(iso_code="BY")
    minsk = factories.place(country=belarus, latitude=53.9, longitude=27.56667)
    tehran = factories.place(latitude=35.7, longitude=51.4)
    in_minsk = factories.event(place=minsk)
    in_tehran = factories.event(place=tehran)
    factories.event()
    assert filtered({"country": "by"}) == {in_minsk}
    assert filtered({"place": minsk.slug}) == {in_minsk}
    assert filtered({"bbox": "20,50,35,60"}) == {in_minsk}
    assert filtered({"bbox": "20,30,60,60"}) == {in_minsk, in_tehran}
    assert not EventFilterSet(as_query({"bbox": "1,2,3"}), queryset=Event.objects.all()).is_valid()
    assert not EventFilterSet(
        as_query({"bbox": "30,0,20,10"}), queryset=Event.objects.all()
    ).is_valid()


def test_article_source_and_updated_since():
    article = factories.article()
    source = factories.source()
    linked = factories.event()
    factories.attach(linked, article)
    factories.event_source(linked, source=source)
    factories.event()
    assert filtered({"article": article.pk}) == {linked}
    assert filtered({"source": source.pk}) == {linked}
    assert filtered({"updated_since": "2999-01-01T00:00:00Z"}) == set()


def test_drafts_never_appear():
    actor = factories.actor()
    factories.event(actors=[(actor, "host")], status="draft")
    # An actor only a draft names is unknown to the filter, like one that does not exist.
    filterset = EventFilterSet(as_query({"actor": actor.slug}), queryset=Event.objects.public())
    assert not filterset.is_valid() and set(filterset.errors) == {"actor"}


def test_an_actor_is_in_the_events_of_those_affiliated_with_it_at_the_time():
    import datetime as dt

    from events.models import Affiliation

    iran, belarus = factories.actor(name="Iran"), factories.actor(name="Belarus")
    pezeshkian = factories.actor(name="Masoud Pezeshkian", kind="person")
    lukashenka = factories.actor(name="Alyaksandr Lukashenka", kind="person")
    Affiliation.objects.create(
        actor=pezeshkian, of_actor=iran, role="President", starts_on=dt.date(2024, 7, 28)
    )
    Affiliation.objects.create(
        actor=lukashenka, of_actor=belarus, role="President", starts_on=dt.date(1994, 7, 20)
    )
    visit = factories.event(year=2025, actors=[(pezeshkian, "visitor"), (lukashenka, "host")])
    factories.event(year=2023, actors=[(pezeshkian, "visitor"), (lukashenka, "host")])  # before
    dyad = {"actor": [iran.slug, belarus.slug], "actors_all": "true"}
    assert filtered(dyad) == {visit}
    assert filtered(dyad | {"direct": "true"}) == set()
    assert filtered({"actor": iran.slug}) == {visit}
