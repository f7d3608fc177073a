"""Public pages: cached, answered with 304 on a matching ETag, fresh after any public change."""

from django.core.cache import cache

from articles.services import article_save, article_transition
from events.services import event_save
from monitor.core.caching import GENERATION_KEY, changes_committed
from monitor.core.changes import Changed
from tests import factories
from tests.commits import committed


def test_pages_carry_etag_and_last_modified_and_answer_304(client, db):
    article = factories.article()
    url = article.get_absolute_url()
    first = client.get(url)
    assert first.has_header("ETag") and first.has_header("Last-Modified")
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    since = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304


def test_a_conditional_request_reveals_no_address_that_has_no_page(client, db):
    published = factories.article(slug="public-piece")
    url = published.get_absolute_url()
    etag = client.get(url)["ETag"]
    hidden = url.replace("public-piece", "unpublished-piece")
    factories.article(published=False, slug="unpublished-piece", publication=published.publication)
    for headers in (
        {"HTTP_IF_NONE_MATCH": etag},
        {"HTTP_IF_NONE_MATCH": "*"},
        {"HTTP_IF_MODIFIED_SINCE": "Fri, 31 Dec 2100 23:59:59 GMT"},
    ):
        assert client.get(hidden, **headers).status_code == 404, headers
        assert client.get("/no-such-publication/", **headers).status_code == 404, headers
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_a_cached_page_costs_no_query(client, db, django_assert_num_queries):
    article = factories.article()
    client.get(article.get_absolute_url())
    with django_assert_num_queries(0):
        assert client.get(article.get_absolute_url()).status_code == 200


def test_a_public_change_refreshes_every_page_that_shows_it(client, db):
    person, topic = factories.author(), factories.topic()
    article = factories.article(title="Before", authors=[person])
    factories.classify(article, topics=[topic])
    related = factories.article(title="Another article")
    factories.classify(related, topics=[topic])
    urls = [
        article.get_absolute_url(),
        "/",
        article.publication.get_absolute_url(),
        person.get_absolute_url(),
        topic.get_absolute_url(),
        related.get_absolute_url(),  # lists it among related articles
        "/feeds/rss/",
    ]
    etags = {url: client.get(url)["ETag"] for url in urls}
    factories.resave(article, title="After")
    for url in urls:
        response = client.get(url, HTTP_IF_NONE_MATCH=etags[url])
        assert response.status_code == 200, url
        assert "After" in response.text, url


def test_editing_a_draft_leaves_public_pages_cached(client, db):
    article = factories.article()
    draft = factories.article(published=False)
    etag = client.get(article.get_absolute_url())["ETag"]
    factories.resave(draft, title="Still a draft")
    assert client.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_retracting_takes_effect_at_once(client, db):
    article = factories.article()
    publisher = factories.user("Publisher")
    assert client.get(article.get_absolute_url()).status_code == 200
    with committed():
        article_transition(article=article, action="retract", by=publisher, comment="Wrong.")
    assert client.get(article.get_absolute_url()).status_code == 410


def test_changing_an_event_refreshes_its_article_and_actor_pages(client, db):
    iran = factories.actor(name="Iran")
    event = factories.event(title="Old title", actors=[(iran, "host")])
    article = factories.article()
    with committed():
        event_save(event=event, write=lambda: event.articles.add(article))
    for url in (article.get_absolute_url(), iran.get_absolute_url(), event.get_absolute_url()):
        assert "Old title" in client.get(url).text
    event.title = "New title"
    with committed():
        event_save(event=event)
    for url in (article.get_absolute_url(), iran.get_absolute_url(), event.get_absolute_url()):
        assert "New title" in client.get(url).text, url


def test_the_generation_moves_only_after_the_commit(client, db):
    article = factories.article(title="Before")
    etag = client.get(article.get_absolute_url())["ETag"]
    generation = cache.get(GENERATION_KEY)
    with committed():
        article.title = "After"
        article_save(article=article, by=None)
        # Not yet committed: a request now would cache what it reads under the old generation,
        # which the commit then retires.
        assert cache.get(GENERATION_KEY) == generation
    assert cache.get(GENERATION_KEY) != generation
    assert client.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_only_public_changes_move_the_generation(db):
    cache.set(GENERATION_KEY, 1)
    changes_committed([Changed("article", 1, public=False)])
    assert cache.get(GENERATION_KEY) == 1
    changes_committed([Changed("article", 1, public=False), Changed("event", 2)])
    assert cache.get(GENERATION_KEY) != 1


def test_a_lost_generation_is_a_new_one(client, db):
    article = factories.article()
    etag = client.get(article.get_absolute_url())["ETag"]
    cache.delete(GENERATION_KEY)  # evicted, or a fresh cache
    assert client.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_a_page_kept_in_process_memory_is_a_fresh_response_each_time(client, db):
    article = factories.article()
    first = client.get(article.get_absolute_url())
    first.set_cookie("someone", "else's")  # what middleware may add to one reader's answer
    again = client.get(article.get_absolute_url())
    assert again is not first and "someone" not in again.cookies
    assert again.content == first.content and again["ETag"] == first["ETag"]


def test_a_scheduled_article_coming_due_moves_the_pages_on_without_the_worker(client, db):
    import datetime as dt
    import time

    from django.utils import timezone

    from articles.models import Article, ArticleStatus

    factories.article(title="Already out")
    due = factories.article(title="Due in a moment", published=False)
    Article.objects.filter(pk=due.pk).update(status=ArticleStatus.APPROVED)
    at = timezone.now() + dt.timedelta(seconds=1)
    with committed():
        article_transition(
            article=Article.objects.get(pk=due.pk), action="schedule",
            by=factories.user("Publisher"), at=at,
        )  # fmt: skip
    before = client.get("/")
    assert "Already out" in before.text and "Due in a moment" not in before.text
    assert client.get("/", HTTP_IF_NONE_MATCH=before["ETag"]).status_code == 304
    time.sleep(max(0.0, (at - timezone.now()).total_seconds()) + 0.1)
    # No worker has run: the clock alone made it public, and the cached page is not served.
    after = client.get("/", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200 and "Due in a moment" in after.text


def test_an_article_published_with_a_time_to_come_moves_the_pages_on_at_its_time(client, db):
    """Not only scheduled articles become public by the clock: one saved as published with a
    later time (an import, an edited date) does too, and cached pages follow at that time."""
    import datetime as dt
    import time

    from django.utils import timezone

    factories.article(title="Already out")
    at = timezone.now() + dt.timedelta(seconds=1)
    factories.article(title="Out in a moment", published_at=at)
    before = client.get("/")
    assert "Already out" in before.text and "Out in a moment" not in before.text
    assert client.get("/", HTTP_IF_NONE_MATCH=before["ETag"]).status_code == 304
    time.sleep(max(0.0, (at - timezone.now()).total_seconds()) + 0.1)
    after = client.get("/", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200 and "Out in a moment" in after.text
