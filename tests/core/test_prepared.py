"""Prepared statements: the ORM's own SQL, compiled once per connection, run with new values."""

import datetime as dt

import pytest
from django.db import connections, models
from django.utils import timezone

from articles.models import Article
from monitor.core.prepared import IdsSlot, Prepared, Slot
from monitor.subscribers.models import UsageDay
from tests import factories

pytestmark = pytest.mark.django_db

COLUMNS = ("pk", "title", "published_at", "updated_at", "publication__slug")


def _articles(**filters):
    return Article.objects.filter(**filters).order_by("-published_at", "pk")


ROWS = Prepared(
    Article,
    lambda: _articles(
        pk__in=IdsSlot("ids"), published_at__lte=Slot("now", models.DateTimeField())
    ).values_list(*COLUMNS),
)


def test_rows_are_what_the_queryset_gives_whatever_the_values(django_assert_num_queries):
    articles = [factories.article() for _ in range(4)]
    later = factories.article(published_at=timezone.now() + dt.timedelta(days=1))
    now = timezone.now()
    for ids in ([a.pk for a in articles], [articles[2].pk, later.pk, 10**9], []):
        with django_assert_num_queries(1):
            rows = ROWS.rows(ids=ids, now=now)
        assert rows == list(_articles(pk__in=ids, published_at__lte=now).values_list(*COLUMNS))
    assert ROWS.rows(ids=[later.pk], now=now + dt.timedelta(days=2))[0][0] == later.pk
    assert isinstance(ROWS.rows(ids=[articles[0].pk], now=now)[0][2], dt.datetime)  # converted


def test_it_is_compiled_once_per_connection():
    article = factories.article()
    ROWS.rows(ids=[article.pk], now=timezone.now())
    statement = connections["default"].monitor_prepared[ROWS]
    ROWS.rows(ids=[], now=timezone.now())
    assert connections["default"].monitor_prepared[ROWS] is statement
    assert statement.sql.count("%s") == 2


COUNT = Prepared(
    UsageDay,
    lambda: UsageDay.objects.filter(
        api_key_id=Slot("key", models.IntegerField()), day=Slot("day", models.DateField())
    ),
    update={"requests": models.F("requests") + 1},
)


def test_an_update_changes_the_rows_it_matches_and_says_how_many():
    from tests.subscribers.fixtures import key_for, plan

    key, _ = key_for(plan(all_publications=True))
    today = dt.date(2026, 12, 7)
    UsageDay.objects.create(api_key=key, day=today, requests=4)
    assert COUNT.execute(key=key.pk, day=today) == 1
    assert COUNT.execute(key=key.pk, day=today + dt.timedelta(days=1)) == 0
    assert UsageDay.objects.get(api_key=key, day=today).requests == 5
