"""Concurrent publications on PostgreSQL: the feed loses no entry and repeats none."""

import threading

import pytest
from django.db import connection, connections

from articles.models import Article, ArticleStatus, Change
from articles.services import article_transition
from tests import factories
from tests.subscribers.fixtures import client_with, key_for, plan

WRITERS = 6

pytestmark = [
    pytest.mark.django_db(transaction=True),
    # The flush after an earlier committing test empties the seeded rows: put them back.
    pytest.mark.usefixtures("reseeded"),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: concurrent connections and row locks (CI runs it there)",
    ),
]


def test_a_reader_polling_while_publishers_publish_sees_every_entry_once():
    # One publication per writer: numbering locks a publication, and that lock must not be
    # what keeps the feed in order.
    publications = [factories.publication() for _ in range(WRITERS)]
    publishers = [factories.user("Publisher") for _ in range(WRITERS)]
    waiting = [
        factories.article(publication=publications[n % WRITERS], published=False)
        for n in range(WRITERS * 3)
    ]
    Article.objects.filter(pk__in=[a.pk for a in waiting]).update(status=ArticleStatus.APPROVED)
    reader = client_with(key_for(plan(all_publications=True, rate="1000000/hour"))[1])
    start, done = threading.Barrier(WRITERS + 1), threading.Event()
    errors, seen = [], []

    def publish(person, articles):
        try:
            start.wait(timeout=10)
            for article in articles:
                article_transition(article=article, action="publish", by=person)
        except Exception as error:
            errors.append(repr(error))
        finally:
            connections.close_all()

    def follow():
        cursor = None
        try:
            start.wait(timeout=10)
            while True:
                finished = done.is_set()
                page = reader.get("/api/v1/changes/", {"since": cursor} if cursor else {}).json()
                seen.extend(change["id"] for change in page["changes"])
                cursor = page["next"]
                if finished and not page["has_more"]:
                    return
        except Exception as error:
            errors.append(repr(error))
        finally:
            connections.close_all()

    writers = [
        threading.Thread(target=publish, args=(publishers[n], waiting[n::WRITERS]))
        for n in range(WRITERS)
    ]
    follower = threading.Thread(target=follow)
    for thread in [*writers, follower]:
        thread.start()
    for thread in writers:
        thread.join(timeout=60)
    done.set()
    follower.join(timeout=60)
    assert errors == []
    seqs = list(Change.objects.order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(seqs[0], seqs[0] + len(waiting)))  # no gap, no repeat
    assert sorted(seen) == sorted(str(a.pk) for a in waiting)  # every entry read, once
