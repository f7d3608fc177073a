"""The first cut of the public pages: home and article pages show public articles only."""

import datetime as dt
import json

import pytest
from django.utils import timezone

from articles.models import ArticleStatus
from tests import factories

# The article with its stored page, which holds the rest of the page and its related
# articles, rendered when they changed (articles.services.pages).
ARTICLE_PAGE_QUERIES = 1


def test_home_lists_public_articles_and_links_them(client, db):
    shown = factories.article(title="Iran and Belarus Boost Their Partnership")
    hidden = factories.article(title="A draft nobody may see", published=False)
    response = client.get("/")
    assert response.status_code == 200
    html = response.text
    assert shown.title in html
    assert shown.get_absolute_url() in html
    assert hidden.title not in html


def test_article_page_shows_its_parts(client, db):
    person = factories.author(name="Jane Analyst")
    article = factories.article(authors=[person], body="On August 19, **they met** [1].")
    factories.summary_point(article, "Presidents met in Minsk.")
    factories.note(article, 1, "BRICS is a loose grouping.")
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    html = response.text
    for expected in (
        article.title,
        "Jane Analyst",
        "Presidents met in Minsk.",
        "<strong>they met</strong>",
        "BRICS is a loose grouping.",
        f"Volume {article.volume}",
        f"Issue {article.issue_number}",
    ):
        assert expected in html


def test_drafts_and_future_articles_are_not_found(client, db):
    draft = factories.article(published=False)
    draft.status = ArticleStatus.DRAFT
    assert client.get(f"/{draft.publication.slug}/2025/08/20/{draft.slug}/").status_code == 404


def test_article_page_queries_are_bounded(client, db, django_assert_max_num_queries):
    authors = [factories.author() for _ in range(5)]
    article = factories.article(authors=authors)
    for i in range(10):
        factories.summary_point(article, f"Point {i}", i)
        factories.note(article, i + 1, f"Note {i}")
    with django_assert_max_num_queries(ARTICLE_PAGE_QUERIES):
        assert client.get(article.get_absolute_url()).status_code == 200


def test_editor_text_is_escaped(client, db):
    article = factories.article(
        title="<script>alert(1)</script>", body="<img src=x onerror=alert(1)>"
    )
    html = client.get(article.get_absolute_url()).text
    assert "<script>alert(1)</script>" not in html
    assert "<img src=x" not in html


def test_bylines_keep_the_editors_order(client, db):
    zed, anna = factories.author(name="Zed Writer"), factories.author(name="Anna Analyst")
    article = factories.article(authors=[zed, anna])
    for url in ("/", article.get_absolute_url()):
        html = client.get(url).text
        assert html.index("Zed Writer") < html.index("Anna Analyst")


def _full_article(n, **kwargs):
    """An article with n authors, citations, events, summary points and notes."""
    publication = kwargs.pop("publication", None) or factories.publication()
    article = factories.article(
        publication=publication, authors=[factories.author() for _ in range(n)], **kwargs
    )
    topic = factories.topic()
    factories.classify(article, topics=[topic])
    for i in range(n):
        factories.summary_point(article, f"Point {i}", i)
        factories.note(article, i + 1, f"Note {i}")
        factories.citation(article, source=factories.source(url=f"https://example.org/{i}"))
        event = factories.event(actors=[(factories.actor(), "host")])
        factories.attach(event, article)
    return article


@pytest.mark.parametrize("n", [1, 8])
def test_article_page_queries_do_not_grow_with_its_parts(
    client, db, django_assert_max_num_queries, n
):
    article = _full_article(n)
    for _ in range(n):
        related = factories.article(authors=[factories.author()])
        factories.classify(related, topics=[*article.topics.all()])
    with django_assert_max_num_queries(ARTICLE_PAGE_QUERIES):
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert response.text.count('class="event-mark"') == n


def test_article_page_shows_sources_by_outlet_events_and_related(client, db):
    tass = factories.outlet(name="TASS")
    article = factories.article()
    factories.citation(article, source=factories.source(outlet=tass, title="Minsk talks"))
    factories.citation(article, source=factories.source(outlet=tass, day=21, title="Day two"))
    event = factories.event(
        title="Presidents meet in Minsk", year=2023, month=3, precision="month", day=None
    )
    factories.attach(event, article)
    draft_event = factories.event(title="Unconfirmed draft event", status="draft")
    factories.attach(draft_event, article)
    related = factories.article(title="Earlier analysis of Minsk")
    factories.attach(event, related)
    html = client.get(article.get_absolute_url()).text
    sources = html[html.index("Sources cited") :]
    assert sources.count("<dt>TASS</dt>") == 1
    assert "Minsk talks" in sources and "Day two" in sources
    assert "Presidents meet in Minsk" in html
    assert "March 2023" in html and "March 1, 2023" not in html
    assert "Unconfirmed draft event" not in html
    assert "Earlier analysis of Minsk" in html[html.index("Related articles") :]


def test_article_page_carries_structured_data_and_link_previews(client, db, settings):
    settings.MONITOR_SITE_URL = "https://monitor.example.org"
    person = factories.author(name="Jane Analyst")
    article = factories.article(authors=[person], title="Iran </script> and Belarus")
    factories.summary_point(article, "Presidents met in Minsk.")
    factories.citation(article, source=factories.source(url="https://tass.example/1"))
    html = client.get(article.get_absolute_url()).text
    canonical = "https://monitor.example.org" + article.get_absolute_url()
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert '<meta name="description" content="Presidents met in Minsk.">' in html
    assert 'property="og:title"' in html and 'name="twitter:card"' in html
    start = html.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    data = json.loads(html[start : html.index("</script>", start)])
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == article.title
    assert data["author"][0]["name"] == "Jane Analyst"
    assert data["publisher"]["name"] == article.publication.name
    assert data["citation"][0]["url"] == "https://tass.example/1"
    assert data["datePublished"].startswith(str(article.public_date()))
    # With no image of its own nor of its publication, the site's.
    site_image = "https://monitor.example.org/static/monitor/og-image.png"
    assert f'<meta property="og:image" content="{site_image}">' in html
    assert data["image"] == [site_image]


def test_a_shared_article_shows_its_publications_image_when_it_has_none(
    client, db, settings, tmp_path
):
    from django.core.files.base import ContentFile

    settings.MONITOR_SITE_URL = "https://monitor.example.org"
    settings.MEDIA_ROOT = tmp_path
    publication = factories.publication()
    publication.image.save("edm.png", ContentFile(_png()), save=True)
    article = factories.article(publication=publication)
    html = client.get(article.get_absolute_url()).text
    expected = "https://monitor.example.org" + publication.image.url
    assert f'<meta property="og:image" content="{expected}">' in html
    assert f'<meta name="twitter:image" content="{expected}">' in html


def _png() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), (0, 0, 0)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_retracted_article_answers_410_with_a_notice(client, db):
    article = factories.article(title="A withdrawn analysis")
    url = article.get_absolute_url()
    article.status = ArticleStatus.RETRACTED
    article.save()
    response = client.get(url)
    assert response.status_code == 410
    assert "has been retracted" in response.text
    assert article.title not in client.get("/").text


def test_scheduled_articles_are_hidden_until_due(client, db):
    when = timezone.now() + dt.timedelta(days=2)
    article = factories.article(status=ArticleStatus.SCHEDULED, published_at=when)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_home_shows_latest_issue_publications_topics_and_regions(client, db):
    topic, region = factories.topic(name="Energy"), factories.region(name="Belarus")
    article = factories.article(title="Latest day article")
    factories.classify(article, topics=[topic])
    factories.classify(article, regions=[region])
    other = factories.article(
        title="A week-old article", published_at=timezone.now() - dt.timedelta(days=7)
    )
    html = client.get("/").text
    lead = html[html.index("Latest issue") : html.index(other.publication.name)]
    assert article.title in lead and other.title not in lead
    assert other.title in html
    assert topic.get_absolute_url() in html and region.get_absolute_url() in html


@pytest.mark.parametrize("n", [2, 12])
def test_listing_pages_are_bounded_and_paginated(client, db, django_assert_max_num_queries, n):
    publication = factories.publication()
    person, topic, region = factories.author(), factories.topic(), factories.region()
    when = timezone.now() - dt.timedelta(days=1)
    for _ in range(n):
        article = factories.article(
            publication=publication, authors=[person, factories.author()], published_at=when
        )
        factories.classify(article, topics=[topic])
        factories.classify(article, regions=[region])
    day = timezone.localdate(when)
    urls = [
        "/",
        publication.get_absolute_url(),
        f"/{publication.slug}/{day:%Y}/",
        f"/{publication.slug}/{day:%Y/%m}/",
        f"/{publication.slug}/{day:%Y/%m/%d}/",
        f"/{publication.slug}/volume/{publication.volume_for(day)}/",
        person.get_absolute_url(),
        topic.get_absolute_url(),
        region.get_absolute_url(),
    ]
    for url in urls:
        with django_assert_max_num_queries(9):
            response = client.get(url)
        assert response.status_code == 200, url
        assert response.text.count("<h3>") >= min(n, 5)


def test_archive_pages_paginate(client, db):
    publication = factories.publication()
    for _ in range(25):
        factories.article(publication=publication)
    first = client.get(publication.get_absolute_url()).text
    second = client.get(publication.get_absolute_url() + "?page=2").text
    assert "Page 1 of 2" in first and 'rel="next"' in first
    assert second.count("<h3>") == 5


def test_volume_and_issue_pages(client, db):
    publication = factories.publication()
    article = factories.article(publication=publication)
    other = factories.article(publication=publication)
    url = f"/{publication.slug}/volume/{article.volume}/issue/{article.issue_number}/"
    html = client.get(url).text
    assert article.title in html and other.title not in html
