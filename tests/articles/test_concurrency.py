"""Publishers publishing at the same moment, in real concurrent transactions on PostgreSQL."""

import threading
import time

import pytest
from django.db import connection, connections, transaction
from django.utils import timezone

from articles.models import Article, ArticleStatus, Outlet
from articles.services import article_lock, article_save, article_transition
from tests import factories

THREADS = 6

pytestmark = [
    pytest.mark.django_db(transaction=True),
    # The flush after an earlier committing test empties the seeded rows: put them back.
    pytest.mark.usefixtures("reseeded"),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: row locks between concurrent connections (CI runs it there)",
    ),
]


@pytest.mark.parametrize("round_", range(5))
def test_concurrent_publications_get_distinct_consecutive_issue_numbers(round_):
    publication = factories.publication()
    factories.article(publication=publication)  # an issue number already taken
    publisher = factories.user("Publisher")
    waiting = [factories.article(publication=publication, published=False) for _ in range(THREADS)]
    Article.objects.filter(pk__in=[a.pk for a in waiting]).update(status=ArticleStatus.APPROVED)
    start = threading.Barrier(len(waiting))
    errors = []

    def publish(article):
        try:
            start.wait(timeout=10)
            article_transition(article=article, action="publish", by=publisher)
        except Exception as error:  # reported below, with the thread's own traceback lost
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=publish, args=(article,)) for article in waiting]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    numbers = sorted(
        Article.objects.filter(publication=publication).values_list("issue_number", flat=True)
    )
    assert numbers == list(range(numbers[0], numbers[0] + THREADS + 1))
    published = Article.objects.filter(
        pk__in=[a.pk for a in waiting], status=ArticleStatus.PUBLISHED
    )
    assert published.count() == THREADS


def test_an_edit_and_the_publication_it_cross_references_do_not_deadlock():
    # Publishing an article re-renders the articles that cross-reference its day, under
    # their locks; an editor saving one of them at that moment holds its lock, then takes
    # the change feed's. The feed's lock must come after every article's, or each waits
    # for the other.
    publication = factories.publication(short_name="EDM")
    publisher = factories.user("Publisher")
    target = factories.article(publication=publication, published=False)
    Article.objects.filter(pk=target.pk).update(status=ArticleStatus.APPROVED)
    today = timezone.localdate()
    referring = factories.article(
        publication=publication, body=f"Earlier (see EDM, {today:%B} {today.day}, {today.year})."
    )
    assert referring.cross_references.get().target_article is None
    editing = threading.Event()
    errors = []

    def edit():
        try:
            with transaction.atomic():
                article = article_lock(referring.pk)
                editing.set()
                time.sleep(1.5)  # the publication takes what it takes, then waits for us
                article.body += "\n\nA paragraph more."
                article_save(article=article, by=publisher)
        except Exception as error:
            errors.append(repr(error))
        finally:
            connections.close_all()

    def publish():
        try:
            editing.wait(timeout=10)
            article_transition(article=target, action="publish", by=publisher)
        except Exception as error:
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=edit), threading.Thread(target=publish)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    referring.refresh_from_db()
    assert "A paragraph more." in referring.body
    assert referring.cross_references.get().target_article == target


def test_two_saves_citing_the_same_new_outlet_at_once_share_it():
    publisher = factories.user("Publisher")
    first, second = factories.article(), factories.article()
    cited = threading.Event()
    errors = []

    def cite(article, before=None, after=None):
        try:
            with transaction.atomic():
                if before:
                    before.wait(timeout=10)
                article.body = "They met (Soak Daily Courier, August 20)."
                article_save(article=article, by=publisher)
                if after:
                    after.set()
                    time.sleep(1.5)  # the other save inserts the same outlet meanwhile
        except Exception as error:
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=cite, args=(first,), kwargs={"after": cited}),
        threading.Thread(target=cite, args=(second,), kwargs={"before": cited}),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    outlet = Outlet.objects.get(name="Soak Daily Courier")
    for article in (first, second):
        assert [c.source.outlet for c in article.citations.all()] == [outlet]


def test_an_edit_citing_an_article_being_renamed_does_not_deadlock():
    # The edit's cross-reference points at the renamed article (a key check on its row);
    # the rename re-renders the edited article, under its lock. Writers' locks must leave
    # key checks alone, or each waits for the other.
    publication = factories.publication(short_name="EDM")
    publisher = factories.user("Publisher")
    target = factories.article(publication=publication)
    day = timezone.localdate(target.published_at)
    referring = factories.article(
        publication=publication,
        published_at=timezone.now(),
        body=f"Earlier (see EDM, {day:%B} {day.day}, {day.year}).",
    )
    assert referring.cross_references.get().target_article == target
    renaming, editing = threading.Event(), threading.Event()
    errors = []

    def rename():
        try:
            with transaction.atomic():
                article = article_lock(target.pk)
                renaming.set()
                editing.wait(timeout=10)
                time.sleep(1)  # the edit waits on our row meanwhile, under its own lock
                article.title = "Renamed"
                article_save(article=article, by=publisher)
        except Exception as error:
            errors.append(repr(error))
        finally:
            connections.close_all()

    def edit():
        try:
            renaming.wait(timeout=10)
            with transaction.atomic():
                article = article_lock(referring.pk)
                editing.set()
                article.body += "\n\nA paragraph more."
                article_save(article=article, by=publisher)
        except Exception as error:
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=rename), threading.Thread(target=edit)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    referring.refresh_from_db()
    assert "A paragraph more." in referring.body


def test_the_change_form_is_read_under_the_articles_lock():
    # The form's text and the revision it says it is based on are read in separate queries:
    # a save committed between them would be overwritten by the form's next save, its
    # staleness unseen. Read under the lock, no save comes between them.
    from django.test import Client

    from bench.forms import form_fields

    editor = factories.user("Editor", username="reader-of-forms")
    article = factories.article(body="First text.")
    saving = threading.Event()
    errors = []

    def save():
        try:
            with transaction.atomic():
                locked = article_lock(article.pk)
                saving.set()
                time.sleep(1)
                locked.body = "Second text."
                article_save(article=locked, by=editor)
        except Exception as error:
            errors.append(repr(error))
        finally:
            connections.close_all()

    thread = threading.Thread(target=save)
    thread.start()
    saving.wait(timeout=10)
    client = Client()
    client.force_login(editor)
    form = form_fields(client.get(f"/admin/articles/article/{article.pk}/change/").text)
    thread.join(timeout=30)
    assert errors == []
    assert (form["body"], form["base_revision"]) == ("Second text.", "2")
