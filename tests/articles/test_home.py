"""The home page's lists, stored as one fragment (articles/services/home.py)."""

import datetime as dt

import pytest
from django.utils import timezone

from articles.models import Article, ArticlePage, ArticleStatus, HomeLists
from articles.services import article_publish_due, article_transition
from articles.services.home import home_lists, home_lists_render
from tests import factories
from tests.articles.test_admin import form_data
from tests.commits import committed

pytestmark = pytest.mark.django_db

# The stored lists, when nothing changed since they were rendered.
HOME_QUERIES = 1
# Rendering them: the stored row, the latest day, its articles, the publications, one walk
# per publication, the topics, the regions, the next time an article comes due, the store.
HOME_RENDER_QUERIES = 8


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    """Every request reaches the view, as with the page cache off (``BENCH_CACHE=none``)."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def _section(html, publication):
    start = html.index(f'id="publication-{publication.slug}"')
    return html[start : html.index("</section>", start)]


@pytest.mark.parametrize("n", [1, 15])
def test_the_home_page_reads_its_stored_lists_in_one_query(client, django_assert_num_queries, n):
    publications = [factories.publication() for _ in range(3)]
    topic, region = factories.topic(), factories.region()
    for i in range(n):
        article = factories.article(
            publication=publications[i % 3], authors=[factories.author(), factories.author()]
        )
        factories.classify(article, topics=[topic], regions=[region])
    factories.resave(article, title="Changed last")
    client.get("/")  # the first request after a change renders and stores them
    with django_assert_num_queries(HOME_QUERIES):
        response = client.get("/")
    assert response.status_code == 200
    assert response.text.count("<h3>") == 2 * n  # the latest day, and by publication
    assert "Changed last" in response.text


@pytest.mark.parametrize("n", [1, 15])
def test_rendering_the_lists_takes_the_same_queries_for_few_and_many_articles(
    client, django_assert_max_num_queries, n
):
    publications = [factories.publication() for _ in range(2)]
    for i in range(n):
        factories.article(publication=publications[i % 2], authors=[factories.author()])
    for _ in range(2):  # the row made, then the lists stored in it
        HomeLists.objects.update(current=False)
        with django_assert_max_num_queries(HOME_RENDER_QUERIES + len(publications)):
            assert client.get("/").status_code == 200
    assert HomeLists.objects.get().current


def test_each_publication_lists_its_latest_items_as_html(client):
    publication = factories.publication()
    articles = [
        factories.article(
            publication=publication, published_at=timezone.now() - dt.timedelta(days=i + 1)
        )
        for i in range(14)
    ]
    section = _section(client.get("/").text, publication)
    assert '<ul class="article-list"><li>' in section and "['" not in section
    shown = [a for a in articles if a.get_absolute_url() in section]
    assert shown == articles[:12]
    assert section.index(articles[0].title) < section.index(articles[11].title)


def test_the_stored_lists_are_what_a_fresh_render_makes(client):
    topic = factories.topic(name="Energy")
    for i in range(3):
        article = factories.article(published_at=timezone.now() - dt.timedelta(days=i))
        factories.classify(article, topics=[topic])
    client.get("/")
    stored = HomeLists.objects.get()
    assert stored.current and stored.html == home_lists_render()
    assert stored.html in client.get("/").text


def test_a_change_readers_see_renders_the_lists_again(client, editor_client):
    author = factories.author(name="Jane Analyst")
    article = factories.article(title="First version", authors=[author])
    assert "First version" in client.get("/").text
    factories.resave(article, title="Second version")
    assert "Second version" in client.get("/").text
    url = f"/admin/articles/author/{author.pk}/change/"
    with committed():
        editor_client.post(url, form_data(editor_client.get(url)) | {"name": "J. Analyst"})
    html = client.get("/").text
    assert "J. Analyst" in html and "Jane Analyst" not in html
    with committed():
        article_transition(
            article=article, action="retract", by=factories.user("Publisher"), comment="Wrong."
        )
    assert "Second version" not in client.get("/").text


def test_a_new_publication_and_the_subjects_counts_follow(client):
    client.get("/")
    topic = factories.topic(name="Energy")
    article = factories.article(title="In a new publication")
    factories.classify(article, topics=[topic])
    html = client.get("/").text
    assert "In a new publication" in html and article.publication.name in html
    assert topic.get_absolute_url() in html and "(1)" in html


def test_a_scheduled_article_shows_at_its_time_before_the_worker_runs(client):
    now = timezone.now()
    at = now + dt.timedelta(hours=1)
    factories.article(title="Already out", published_at=now - dt.timedelta(days=1))
    with committed():
        scheduled = factories.article(
            title="Out at its time", status=ArticleStatus.SCHEDULED, published_at=at
        )
    assert "Out at its time" not in home_lists(now)
    assert HomeLists.objects.get().current and HomeLists.objects.get().stale_at == at
    later = at + dt.timedelta(seconds=1)
    assert "Out at its time" in home_lists(later)  # no worker has run
    assert home_lists(later) == home_lists_render(later)
    assert Article.objects.get(pk=scheduled.pk).status == ArticleStatus.SCHEDULED
    with committed():
        article_publish_due(article_id=scheduled.pk, now=later)
    assert not HomeLists.objects.get().current


def test_a_draft_scheduled_after_the_lists_were_stored_moves_their_time(client):
    factories.article(title="Already out")
    draft = factories.article(title="Scheduled later", published=False)
    now = timezone.now()
    home_lists(now)
    at = now + dt.timedelta(minutes=30)
    factories.resave(draft, status=ArticleStatus.SCHEDULED, published_at=at)
    home_lists(now)
    assert HomeLists.objects.get().stale_at == at
    assert "Scheduled later" in home_lists(at + dt.timedelta(seconds=1))


def test_a_rendering_begun_before_a_change_is_not_stored(client):
    article = factories.article(title="Before the change")
    client.get("/")
    HomeLists.objects.update(current=False)
    stored = HomeLists.objects.get()
    html = home_lists_render()
    factories.resave(article, title="After the change")  # the listener moves the generation
    updated = HomeLists.objects.filter(pk=stored.pk, generation=stored.generation).update(
        html=html, current=True
    )
    assert updated == 0  # what home_lists() does with a rendering made meanwhile
    assert "After the change" in client.get("/").text


def test_lists_rendered_with_other_templates_or_items_are_rendered_again(client):
    article = factories.article(title="Current title")
    client.get("/")
    HomeLists.objects.update(html="<p>Rendered by an older deploy.</p>", rendered_with="older")
    assert "Current title" in client.get("/").text
    ArticlePage.objects.filter(article=article).update(rendered_with="older")
    HomeLists.objects.update(current=False)
    assert "Current title" in client.get("/").text
