"""The change feed's promise: a mirror that replays it ends equal to the live API.

A hypothesis state machine publishes, edits, corrects, retracts and schedules articles,
creates, edits, merges and withdraws events, and lets scheduled articles come due. After
every step a mirror that started empty follows the feed (fetching each changed item, and
dropping tombstoned ones) and must hold exactly what the live API lists, item for item.
Each example runs in a transaction that is rolled back, on SQLite and on PostgreSQL.
"""

import datetime as dt

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    invariant,
    rule,
    run_state_machine_as_test,
)

from articles.models import Article, ArticleStatus
from articles.services import article_publish_due, article_save, article_transition
from events.models import Event
from events.services import event_save
from tests import factories
from tests.commits import committed
from tests.subscribers.fixtures import client_with, key_for, plan
from tests.subscribers.mirror import Mirror

WORDS = (
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=3, max_size=30)
    .map(str.strip)
    .filter(bool)
)


class Newsroom(RuleBasedStateMachine):
    articles = Bundle("articles")
    events = Bundle("events")

    def __init__(self):
        super().__init__()
        self._atomic = transaction.atomic()
        self._atomic.__enter__()
        # Public material only: embargoed items are listed early but enter the feed when due.
        reader = plan(
            all_publications=True,
            includes_events=True,
            includes_embargoed=False,
            rate="1000000/hour",
        )
        self.api = client_with(key_for(reader)[1])
        self.publication = factories.publication()
        self.publisher = factories.user("Publisher")
        self.mirror = Mirror(self.api)

    def teardown(self):
        try:
            self._compare_with_the_live_api()
        finally:
            transaction.set_rollback(True)
            self._atomic.__exit__(None, None, None)

    # Articles

    @rule(target=articles, title=WORDS)
    def write(self, title):
        article = factories.article(publication=self.publication, published=False, title=title)
        Article.objects.filter(pk=article.pk).update(status=ArticleStatus.APPROVED)
        return article.pk

    @rule(pk=articles)
    def publish(self, pk):
        self._step(pk, "publish")

    @rule(pk=articles, hours=st.integers(1, 48))
    def schedule(self, pk, hours):
        self._step(pk, "schedule", at=timezone.now() + dt.timedelta(hours=hours))

    @rule()
    def time_passes(self):
        past = timezone.now() - dt.timedelta(seconds=1)
        for article in Article.objects.filter(status=ArticleStatus.SCHEDULED):
            Article.objects.filter(pk=article.pk).update(published_at=past)
            with committed():
                article_publish_due(article_id=article.pk)

    @rule(pk=articles, title=WORDS)
    def edit(self, pk, title):
        article = Article.objects.get(pk=pk)
        article.title, article.body = title, f"{title} (Tehran Times, August 20)."
        with committed():
            article_save(article=article, by=self.publisher)

    @rule(pk=articles, note=WORDS)
    def correct(self, pk, note):
        self._step(pk, "correct", comment=note)

    @rule(pk=articles)
    def retract(self, pk):
        self._step(pk, "retract", comment="withdrawn by the editors")

    def _step(self, pk, action, **kwargs):
        article = Article.objects.get(pk=pk)
        try:
            with committed():
                article_transition(article=article, action=action, by=self.publisher, **kwargs)
        except Exception as refusal:  # a refused step changes nothing, which the invariant checks
            assert type(refusal).__name__ == "TransitionRefused", refusal

    # Events

    @rule(target=events, title=WORDS)
    def record_event(self, title):
        return factories.event(title=title).pk

    @rule(pk=events, title=WORDS)
    def edit_event(self, pk, title):
        event = Event.objects.get(pk=pk)
        event.title = title
        with committed():
            event_save(event=event)

    @rule(pk=events, article=articles)
    def attach(self, pk, article):
        event = Event.objects.get(pk=pk)
        with committed():
            event_save(event=event, write=lambda: event.articles.add(article))

    @rule(pk=events, into=events)
    def merge(self, pk, into):
        event, target = Event.objects.get(pk=pk), Event.objects.get(pk=into)
        if (
            pk == into
            or event.status != Event.Status.PUBLISHED
            or target.status != Event.Status.PUBLISHED
        ):
            return
        event.status, event.merged_into = Event.Status.MERGED, target
        with committed():
            event_save(event=event)

    @rule(pk=events)
    def withdraw(self, pk):
        event = Event.objects.get(pk=pk)
        if event.status == Event.Status.PUBLISHED:
            event.status = Event.Status.WITHDRAWN
            with committed():
                event_save(event=event)

    # The promise

    @invariant()
    def the_mirror_follows_the_feed(self):
        # Polling after every step, as a client would; the full comparison ends each run.
        self.mirror.follow()

    def _compare_with_the_live_api(self):
        self.mirror.follow()
        self.mirror.assert_equals_the_live_api()


@pytest.mark.django_db
def test_a_mirror_following_the_feed_equals_the_live_api():
    run_state_machine_as_test(
        Newsroom,
        settings=settings(
            max_examples=10,
            stateful_step_count=30,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
