"""Article pages stored when articles change (articles/services/pages.py)."""

import pytest
from django.core.management import call_command

from articles.models import ArticlePage
from articles.services import article_transition
from tests import factories
from tests.articles.test_admin import form_data
from tests.commits import committed

pytestmark = pytest.mark.django_db


def test_a_public_article_has_its_page_stored_and_readers_get_it(client):
    article = factories.article(title="Stored piece", body="It *happened*.")
    stored = ArticlePage.objects.get(article=article)
    assert "Stored piece" in stored.main_html and "<em>happened</em>" in stored.main_html
    ArticlePage.objects.filter(article=article).update(main_html="<p>As stored.</p>")
    assert "As stored." in client.get(article.get_absolute_url()).text


def test_a_draft_has_none_and_a_retracted_article_loses_it():
    draft = factories.article(published=False)
    assert not ArticlePage.objects.filter(article=draft).exists()
    article = factories.article()
    with committed():
        article_transition(
            article=article, action="retract", by=factories.user("Publisher"), comment="Wrong."
        )
    assert not ArticlePage.objects.filter(article=article).exists()


def test_renaming_an_author_renders_their_pages_again(editor_client):
    author = factories.author(name="Jane Analyst")
    article = factories.article(authors=[author])
    url = f"/admin/articles/author/{author.pk}/change/"
    with committed():
        response = editor_client.post(
            url, form_data(editor_client.get(url)) | {"name": "J. Analyst"}
        )
    assert response.status_code == 302
    assert "J. Analyst" in ArticlePage.objects.get(article=article).main_html


def test_a_page_rendered_with_other_templates_is_rendered_again(client):
    article = factories.article(title="Current title")
    ArticlePage.objects.filter(article=article).update(
        main_html="<p>Rendered by an older deploy.</p>", rendered_with="older"
    )
    page = client.get(article.get_absolute_url()).text
    assert "Current title" in page and "older deploy" not in page
    assert ArticlePage.objects.get(article=article).rendered_with != "older"


def test_render_pages_renders_what_a_deploy_left_out_of_date(capsys):
    current, stale, missing = (factories.article(title=t) for t in ("Current", "Stale", "Gone"))
    factories.article(published=False)
    ArticlePage.objects.filter(article=stale).update(rendered_with="an older deploy", main_html="")
    ArticlePage.objects.filter(article=missing).delete()
    call_command("render_pages")
    assert capsys.readouterr().out.strip() == (
        "Rendered 2 of 3 public articles' pages; 1 were current."
    )
    pages = {p.article_id: p for p in ArticlePage.objects.all()}
    assert set(pages) == {current.pk, stale.pk, missing.pk}
    assert "Stale" in pages[stale.pk].main_html
    assert len({p.rendered_with for p in pages.values()}) == 1
    call_command("render_pages")
    assert "Rendered 0 of 3" in capsys.readouterr().out
    call_command("render_pages", "--all")
    assert "Rendered 3 of 3" in capsys.readouterr().out


def _related_section(client, article) -> str:
    page = client.get(article.get_absolute_url()).text
    return page.partition('id="related-heading"')[2].partition("</section>")[0]


def test_the_related_articles_a_page_stores_follow_their_lists_and_items(
    client, django_assert_max_num_queries
):
    from articles.models import Article
    from articles.services import article_save

    topic = factories.topic()
    first = factories.classify(factories.article(title="First piece"), topics=[topic])
    second = factories.classify(factories.article(title="Second piece"), topics=[topic])
    assert "Second piece" in ArticlePage.objects.get(article=first).related_html
    with django_assert_max_num_queries(2):  # the article with its stored page, and nothing else
        assert "Second piece" in _related_section(client, first)

    # A related article renamed: the lists that show it show the new title.
    renamed = Article.objects.get(pk=second.pk)
    renamed.title = "Second piece, renamed"
    with committed():
        article_save(article=renamed, by=None)
    assert "Second piece, renamed" in _related_section(client, first)

    # A third shares more with the first: it enters the first's list, before the second.
    third = factories.classify(factories.article(title="Third piece"), topics=[topic])
    factories.attach(factories.event(actors=[(factories.actor(slug="iran"), "host")]), first)
    factories.attach(Article.objects.get(pk=first.pk).events.get(), third)
    section = _related_section(client, first)
    assert section.index("Third piece") < section.index("Second piece, renamed")

    # Retracted: it leaves the lists that showed it.
    with committed():
        article_transition(
            article=third, action="retract", by=factories.user("Publisher"), comment="Wrong."
        )
    section = _related_section(client, first)
    assert "Third piece" not in section and "Second piece, renamed" in section
