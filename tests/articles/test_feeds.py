"""RSS and Atom feeds; sitemap.xml and robots.txt."""

import pytest

from tests import factories


@pytest.mark.parametrize("flavour", ["rss", "atom"])
def test_site_and_per_subject_feeds(client, db, flavour):
    person, topic, region = factories.author(), factories.topic(), factories.region()
    article = factories.article(title="In every feed", authors=[person])
    factories.classify(article, topics=[topic])
    factories.classify(article, regions=[region])
    elsewhere = factories.article(title="Only in the site feed")
    draft = factories.article(title="Draft", published=False)
    site = client.get(f"/feeds/{flavour}/").text
    assert article.title in site and elsewhere.title in site and draft.title not in site
    for kind, slug in (
        ("publication", article.publication.slug),
        ("author", person.slug),
        ("topic", topic.slug),
        ("region", region.slug),
    ):
        response = client.get(f"/feeds/{kind}/{slug}/{flavour}/")
        assert response.status_code == 200
        assert article.title in response.text and elsewhere.title not in response.text
    assert client.get(f"/feeds/nonsense/{slug}/{flavour}/").status_code == 404


def test_sitemap_lists_articles_with_lastmod_archives_and_entities(client, db):
    article = factories.article()
    draft = factories.article(published=False)
    actor = factories.actor()
    factories.event(actors=[(actor, "host")])
    xml = client.get("/sitemap.xml").text
    assert article.get_absolute_url() in xml and draft.slug not in xml
    assert "<lastmod>" in xml
    assert f"/{article.publication.slug}/{article.public_date():%Y}/" in xml
    assert actor.get_absolute_url() in xml


def test_robots_txt_points_at_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: " in response.text and "/sitemap.xml" in response.text
