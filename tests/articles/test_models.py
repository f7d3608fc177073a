"""The articles app's models: what they derive on save, validate in clean() and the database refuses."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import Article, ArticleStatus, Outlet, OutletAlias, Source
from articles.rendering import article_paragraphs
from tests import factories


def test_public_means_public_state_and_due(db):
    now = timezone.now()
    published = factories.article()
    scheduled_past = factories.article(
        status=ArticleStatus.SCHEDULED, published_at=now - dt.timedelta(minutes=1)
    )
    factories.article(status=ArticleStatus.SCHEDULED, published_at=now + dt.timedelta(hours=1))
    factories.article(published=False)
    factories.article(status=ArticleStatus.RETRACTED, published_at=now - dt.timedelta(days=2))
    corrected = factories.article(
        status=ArticleStatus.CORRECTED, published_at=now - dt.timedelta(days=2)
    )
    assert set(Article.objects.public(now=now)) == {published, scheduled_past, corrected}
    assert all(a.is_public(now) for a in Article.objects.public(now=now))


def test_body_is_rendered_on_save_not_on_read(db):
    article = factories.article(body="*Hello*")
    anchor = article_paragraphs("*Hello*")[0].anchor
    assert article.body_html == f'<p id="{anchor}"><em>Hello</em></p>\n'
    Article.objects.filter(pk=article.pk).update(body="changed behind its back")
    assert Article.objects.get(pk=article.pk).body_html == article.body_html


def test_url_is_stable_and_readable(db):
    publication = factories.publication(slug="edm")
    article = factories.article(
        publication=publication,
        slug="iran-and-belarus",
        published_at=dt.datetime(2025, 8, 21, 9, tzinfo=dt.UTC),
    )
    assert article.get_absolute_url() == "/edm/2025/08/21/iran-and-belarus/"


def test_slug_is_unique_per_publication(db):
    article = factories.article(slug="same")
    factories.article(slug="same")  # another publication: fine
    duplicate = Article(publication=article.publication, title="Other", slug="same")
    with pytest.raises(ValidationError, match="already has an article with this slug"):
        duplicate.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_volume_must_match_the_publication_year(db):
    publication = factories.publication(first_year=2004)
    article = Article(
        publication=publication,
        title="T",
        slug="t",
        status=ArticleStatus.PUBLISHED,
        published_at=dt.datetime(2025, 8, 21, tzinfo=dt.UTC),
        volume=21,
        issue_number=130,
    )
    with pytest.raises(ValidationError) as caught:
        article.full_clean()
    assert "belong to volume 22" in str(caught.value.message_dict["volume"])


def test_public_article_needs_a_date_in_the_database_too(db):
    article = factories.article(published=False)
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(status=ArticleStatus.PUBLISHED)


def test_source_derives_its_range_and_refuses_misfit_parts(db):
    source = factories.source(year=2023, month=3, day=None, precision="month")
    assert (source.starts_on, source.ends_on) == (dt.date(2023, 3, 1), dt.date(2023, 3, 31))
    assert source.date_display() == "March 2023"
    with pytest.raises(IntegrityError), transaction.atomic():
        Source.objects.filter(pk=source.pk).update(date_precision="day")
    with pytest.raises(IntegrityError), transaction.atomic():
        Source.objects.filter(pk=source.pk).update(date_month=13)


def test_source_clean_names_the_field(db):
    source = Source(outlet=factories.outlet(), date_year=2025, date_month=8, date_precision="day")
    with pytest.raises(ValidationError) as caught:
        source.full_clean()
    assert caught.value.message_dict == {"date_day": ["A day-precision date needs a day."]}


def test_outlets_match_by_name_or_alias_ignoring_case_and_punctuation(db):
    rferl = factories.outlet(name="Radio Free Europe/Radio Liberty")
    OutletAlias.objects.create(outlet=rferl, name="RFE/RL")
    assert list(Outlet.objects.matching("radio free europe radio liberty")) == [rferl]
    assert list(Outlet.objects.matching("rfe-rl")) == [rferl]
    assert not Outlet.objects.matching("Radio Liberty").exists()


def test_an_alias_cannot_belong_to_two_outlets(db):
    factories.outlet(name="Islamic Republic News Agency")
    other = factories.outlet(name="Iranpress")
    alias = OutletAlias(outlet=other, name="islamic republic news agency")
    with pytest.raises(ValidationError, match="already belongs to the outlet"):
        alias.full_clean()


def test_note_numbers_are_unique_per_article(db):
    article = factories.article()
    factories.note(article, 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.note(article, 1)
