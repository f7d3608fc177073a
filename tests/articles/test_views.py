"""The first cut of the public pages: home and article pages show public articles only."""

from articles.models import ArticleStatus
from tests import factories


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
    with django_assert_max_num_queries(8):
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
