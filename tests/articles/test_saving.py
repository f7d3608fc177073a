"""article_save and article_commit: what any change to an article means, whatever made it."""

import datetime as dt

import pytest
from django.utils import timezone

from articles.models import Article, ArticleStatus, Change
from articles.services import article_save, article_transition, cross_reference_choose
from tests import factories

pytestmark = pytest.mark.django_db

TARGET_DAY = dt.datetime(2016, 2, 24, 9, tzinfo=dt.UTC)


@pytest.fixture
def edm():
    return factories.publication(name="Eurasia Daily Monitor", short_name="EDM", slug="edm")


@pytest.fixture
def publisher():
    return factories.user("Publisher")


def _referring(edm):
    return factories.article(
        publication=edm, title="Referring", body="As before (see EDM, February 24, 2016)."
    )


def test_a_save_that_changes_nothing_records_nothing(edm):
    article = factories.article(publication=edm)
    before = Article.objects.get(pk=article.pk)
    saved = article_save(article=Article.objects.get(pk=article.pk), by=None)
    after = Article.objects.get(pk=article.pk)
    assert (saved.revision, saved.change) == (None, None)
    assert (after.version, after.updated_at, after.revisions.count()) == (
        before.version,
        before.updated_at,
        1,
    )


def test_publishing_the_target_resolves_a_cross_reference_made_earlier(edm, publisher):
    referring = _referring(edm)
    assert referring.cross_references.get().target_article is None
    target = factories.article(
        publication=edm, title="The earlier piece", published=False, published_at=TARGET_DAY
    )
    Article.objects.filter(pk=target.pk).update(status=ArticleStatus.APPROVED)
    version = Article.objects.get(pk=referring.pk).version
    article_transition(article=target, action="publish", by=publisher)  # on its planned date
    referring.refresh_from_db()
    target.refresh_from_db()
    assert referring.cross_references.get().target_article == target
    assert f'href="{target.get_absolute_url()}"' in referring.body_html
    assert 'title="The earlier piece"' in referring.body_html
    # Its rendered text changed: a new version, and subscribers are told.
    assert referring.version == version + 1
    assert (
        Change.objects.filter(resource="article", resource_id=str(referring.pk)).last().action
        == "updated"
    )


def test_an_unpublished_target_is_never_named(edm, publisher, client):
    referring = _referring(edm)
    target = factories.article(
        publication=edm, title="Secret working title", published=False, published_at=TARGET_DAY
    )
    reference = referring.cross_references.get()
    reference.target_article = target
    reference.chosen_by_editor = True
    cross_reference_choose(reference=reference, by=publisher)
    referring.refresh_from_db()
    assert "Secret working title" not in referring.body_html
    assert target.slug not in referring.body_html
    assert "/edm/2016/02/24/" in referring.body_html  # the day's archive instead
    assert "Secret working title" not in client.get(referring.get_absolute_url()).text
    # Once it is public, the link names it; retracted, it no longer does.
    Article.objects.filter(pk=target.pk).update(status=ArticleStatus.APPROVED)
    article_transition(article=target, action="publish", by=publisher)
    referring.refresh_from_db()
    assert 'title="Secret working title"' in referring.body_html
    article_transition(article=target, action="retract", by=publisher, comment="Withdrawn.")
    referring.refresh_from_db()
    assert "Secret working title" not in referring.body_html


def test_yearless_citations_are_read_again_when_the_article_is_published(edm, publisher):
    planned = dt.datetime(timezone.now().year + 2, 6, 1, 9, tzinfo=dt.UTC)
    article = factories.article(
        publication=edm, published=False, published_at=planned, body="They met (Belta, March 2)."
    )
    assert article.citations.get().source.date_year == planned.year
    Article.objects.filter(pk=article.pk).update(status=ArticleStatus.APPROVED)
    article_transition(article=article, action="publish", by=publisher)
    article.refresh_from_db()
    assert article.published_at.date() == timezone.localdate()
    assert article.citations.get().source.date_year <= timezone.localdate().year
