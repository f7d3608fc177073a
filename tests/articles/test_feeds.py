"""RSS and Atom feeds; sitemap.xml and robots.txt."""

import pytest

from tests import factories
from tests.commits import committed


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


@pytest.mark.parametrize("flavour", ["rss", "atom"])
def test_an_item_describes_the_article_by_its_summary(client, db, flavour):
    article = factories.article(title="Minsk and Tehran", dek="A subtitle")
    factories.summary_point(article, "Pezeshkian visited Minsk.", position=0)
    factories.summary_point(article, "Twelve documents were signed.", position=1)
    factories.resave(article)
    feed = client.get(f"/feeds/{flavour}/").text
    assert "Pezeshkian visited Minsk." in feed and "Twelve documents were signed." in feed
    assert "&lt;li&gt;" in feed  # the points as a list, escaped in the XML
    plain = factories.article(title="No summary", dek="Only a subtitle")
    assert "Only a subtitle" in client.get(f"/feeds/{flavour}/").text
    assert plain.title in client.get(f"/feeds/{flavour}/").text


@pytest.mark.parametrize("flavour", ["rss", "atom"])
def test_a_correction_and_a_retraction_change_their_items_visibly(client, db, flavour):
    import re

    from articles.models import Article
    from articles.services import article_transition

    publisher = factories.user("Publisher")
    corrected = factories.article(title="Corrected piece")
    retracted = factories.article(title="Withdrawn piece")
    before = client.get("/feeds/atom/").text
    updated_before = re.search(
        r"<title>Corrected piece</title>.*?<updated>(.*?)</updated>", before, re.S
    ).group(1)
    with committed():  # what follows the commit: the cached feeds are stale
        article_transition(
            article=Article.objects.get(pk=corrected.pk), action="correct", by=publisher,
            comment="An earlier version gave the wrong date.",
        )  # fmt: skip
        article_transition(
            article=Article.objects.get(pk=retracted.pk), action="retract", by=publisher,
            comment="The source was fabricated.",
        )  # fmt: skip
    feed = client.get(f"/feeds/{flavour}/").text
    assert "Correction, " in feed and "An earlier version gave the wrong date." in feed
    assert "Retracted: Withdrawn piece" in feed and "The source was fabricated." in feed
    if flavour == "atom":
        updated_after = re.search(
            r"<title>Corrected piece</title>.*?<updated>(.*?)</updated>", feed, re.S
        ).group(1)
        assert updated_after > updated_before
