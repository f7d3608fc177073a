"""IdList and Ranked: lists of ids as one parameter, on SQLite and PostgreSQL alike."""

import pytest
from django.db import models

from events.models import Actor
from monitor.core.expressions import IdList, Ranked
from tests import factories

pytestmark = pytest.mark.django_db


def test_it_finds_what_pk_in_finds_in_one_parameter():
    actors = [factories.actor() for _ in range(5)]
    wanted = [actors[3].pk, actors[0].pk, actors[3].pk, 10**9]
    found = Actor.objects.filter(pk__in=IdList(wanted))
    assert set(found.values_list("pk", flat=True)) == {actors[0].pk, actors[3].pk}
    assert len(found.query.sql_with_params()[1]) == 1


def test_an_empty_list_finds_nothing():
    factories.actor()
    assert not Actor.objects.filter(pk__in=IdList([])).exists()


def test_more_ids_than_a_query_may_have_parameters():
    actor = factories.actor()
    ids = [actor.pk, *range(10**8, 10**8 + 40_000)]  # SQLite allows 32,766 parameters
    assert list(Actor.objects.filter(pk__in=IdList(ids)).values_list("pk", flat=True)) == [actor.pk]


def test_ranked_orders_rows_by_their_place_in_a_list_in_one_parameter():
    actors = [factories.actor() for _ in range(4)]
    ranking = [actors[2].pk, actors[0].pk, actors[3].pk]
    ranked = Actor.objects.annotate(rank=Ranked(models.F("pk"), ranking)).order_by("-rank", "pk")
    assert list(ranked.values_list("pk", "rank")) == [
        (actors[2].pk, 3), (actors[0].pk, 2), (actors[3].pk, 1), (actors[1].pk, 0),
    ]  # fmt: skip
    assert len(ranked.query.sql_with_params()[1]) <= 2  # the list, and its length
