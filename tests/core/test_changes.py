"""What follows a committed change: one delivery per transaction, none for a rollback, and a
failing listener stops nothing."""

import pytest
from django.db import transaction

from monitor.core.changes import Changed, changes_announce

pytestmark = pytest.mark.django_db(transaction=True)

heard: list[tuple[Changed, ...]] = []


def listener(changes):
    heard.append(tuple(changes))


def failing(changes):
    raise RuntimeError("a cache that is down")


@pytest.fixture(autouse=True)
def listeners(settings):
    heard.clear()
    settings.MONITOR_CHANGE_LISTENERS = [f"{__name__}.failing", f"{__name__}.listener"]


def test_a_transaction_is_delivered_once_after_its_commit():
    with transaction.atomic():
        changes_announce([Changed("article", 1)])
        with transaction.atomic():
            changes_announce([Changed("event", 2), Changed("article", 1)])
        assert heard == []  # not before the commit
    assert heard == [(Changed("article", 1), Changed("event", 2))]


def test_a_rolled_back_transaction_announces_nothing():
    with pytest.raises(ValueError), transaction.atomic():
        changes_announce([Changed("article", 1)])
        raise ValueError
    assert heard == []
    with transaction.atomic():
        changes_announce([Changed("article", 3)])
    assert heard == [(Changed("article", 3),)]


def test_outside_a_transaction_at_once():
    changes_announce([Changed("actor", 4)])
    assert heard == [(Changed("actor", 4),)]
