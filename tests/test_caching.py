"""Public pages: cached, answered with 304 on a matching ETag, invalidated precisely."""

from articles.models import ArticleStatus
from tests import factories


def test_pages_carry_etag_and_last_modified_and_answer_304(client, db):
    article = factories.article()
    url = article.get_absolute_url()
    first = client.get(url)
    assert first.has_header("ETag") and first.has_header("Last-Modified")
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    since = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304


def test_a_cached_page_costs_no_query(client, db, django_assert_num_queries):
    article = factories.article()
    client.get(article.get_absolute_url())
    with django_assert_num_queries(0):
        assert client.get(article.get_absolute_url()).status_code == 200


def test_saving_an_article_refreshes_its_page_its_listings_and_feeds(client, db):
    person, topic = factories.author(), factories.topic()
    article = factories.article(title="Before", authors=[person])
    article.topics.add(topic)
    other = factories.article(title="Another article")
    urls = [
        article.get_absolute_url(),
        "/",
        article.publication.get_absolute_url(),
        person.get_absolute_url(),
        topic.get_absolute_url(),
        "/feeds/rss/",
    ]
    etags = {url: client.get(url)["ETag"] for url in [*urls, other.get_absolute_url()]}
    article.title = "After"
    article.save()
    for url in urls:
        response = client.get(url, HTTP_IF_NONE_MATCH=etags[url])
        assert response.status_code == 200, url
        assert "After" in response.text, url
    # Precise: another article's page is not invalidated.
    unchanged = client.get(
        other.get_absolute_url(), HTTP_IF_NONE_MATCH=etags[other.get_absolute_url()]
    )
    assert unchanged.status_code == 304


def test_retracting_takes_effect_at_once(client, db):
    article = factories.article()
    assert client.get(article.get_absolute_url()).status_code == 200
    article.status = ArticleStatus.RETRACTED
    article.save()
    assert client.get(article.get_absolute_url()).status_code == 410


def test_changing_an_event_refreshes_its_article_and_actor_pages(client, db):
    iran = factories.actor(name="Iran")
    event = factories.event(title="Old title", actors=[(iran, "host")])
    article = factories.article()
    event.articles.add(article)
    for url in (article.get_absolute_url(), iran.get_absolute_url(), event.get_absolute_url()):
        assert "Old title" in client.get(url).text
    event.title = "New title"
    event.save()
    for url in (article.get_absolute_url(), iran.get_absolute_url(), event.get_absolute_url()):
        assert "New title" in client.get(url).text, url


def test_committed_changes_invalidate_again(client, db, django_capture_on_commit_callbacks):
    article = factories.article(title="Before")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        article.title = "After"
        article.save()
    assert callbacks
    assert "After" in client.get(article.get_absolute_url()).text
