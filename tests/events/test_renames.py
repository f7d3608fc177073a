"""Renaming an actor or changing a source in the admin is a change subscribers are told about."""

import pytest

from articles.models import Article, Change, Outlet
from tests import factories
from tests.articles.test_admin import form_data
from tests.commits import committed


def _feed():
    return list(Change.objects.order_by("seq").values_list("resource", "resource_id", "action"))


@pytest.mark.django_db
def test_renaming_an_actor_updates_its_published_events(editor_client):
    iran = factories.actor(name="Iran", slug="iran")
    event = factories.event(actors=[(iran, "host")])
    draft = factories.event(actors=[(iran, "host")], status="draft")
    before = Change.objects.count()
    url = f"/admin/events/actor/{iran.pk}/change/"
    assert (
        editor_client.post(
            url, form_data(editor_client.get(url)) | {"name": "Islamic Republic of Iran"}
        ).status_code
        == 302
    )
    assert _feed()[before:] == [("actor", "iran", "updated"), ("event", str(event.uuid), "updated")]
    event.refresh_from_db()
    draft.refresh_from_db()
    assert (event.version, draft.version) == (2, 1)
    assert list(iran.aliases.values_list("name", flat=True)) == ["Iran"]
    # Saving again without a change tells nobody anything.
    editor_client.post(url, form_data(editor_client.get(url)))
    assert Change.objects.count() == before + 2


@pytest.mark.django_db
def test_a_source_url_added_later_reaches_articles_and_events(editor_client):
    article = factories.article(body="They met (Tehran Times, August 20).")
    source = article.citations.get().source
    event = factories.event()
    factories.event_source(event, source=source, quote="They met.")
    before = Change.objects.count()
    url = f"/admin/articles/source/{source.pk}/change/"
    data = form_data(editor_client.get(url)) | {"url": "https://www.tehrantimes.com/news/1"}
    with committed():  # the events that rest on the source follow after the commit
        assert editor_client.post(url, data).status_code == 302
    assert _feed()[before:] == [
        ("source", str(source.pk), "updated"),
        ("article", str(article.pk), "updated"),
        ("event", str(event.uuid), "updated"),
    ]
    assert (
        'href="https://www.tehrantimes.com/news/1"' in Article.objects.get(pk=article.pk).body_html
    )


@pytest.mark.django_db
def test_renaming_an_outlet_updates_the_articles_citing_it(editor_client):
    article = factories.article(body="They met (Belta, August 20).")
    outlet = article.citations.get().source.outlet
    before = Change.objects.count()
    url = f"/admin/articles/outlet/{outlet.pk}/change/"
    data = form_data(editor_client.get(url)) | {"name": "BelTA news agency"}
    assert editor_client.post(url, data).status_code == 302
    assert [entry[0] for entry in _feed()[before:]] == ["outlet", "source", "article"]
    # The old name stays an alias: the article still cites the same outlet and source.
    outlet.refresh_from_db()
    assert list(outlet.aliases.values_list("name", flat=True)) == ["Belta"]
    assert Article.objects.get(pk=article.pk).citations.get().source.outlet == outlet
    assert Outlet.objects.count() == 1
