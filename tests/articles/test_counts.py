"""Topics' and regions' counts of public articles, kept on their rows after every change."""

import pytest

from articles.models import Region, Topic
from articles.services import article_transition
from tests import factories
from tests.articles.test_admin import form_data
from tests.commits import committed

pytestmark = pytest.mark.django_db


def _counts():
    return (
        dict(Topic.objects.values_list("name", "public_articles")),
        dict(Region.objects.values_list("name", "public_articles")),
    )


def test_counts_follow_publication_classification_and_retraction(client):
    energy, trade = factories.topic(name="Energy"), factories.topic(name="Trade")
    iran = factories.region(name="Iran", iso_code="IR")
    first = factories.classify(factories.article(), topics=[energy], regions=[iran])
    factories.classify(factories.article(), topics=[energy, trade])
    draft = factories.classify(factories.article(published=False), topics=[trade], regions=[iran])
    assert _counts() == ({"Energy": 2, "Trade": 1}, {"Iran": 1})
    # The home page shows what the rows hold, in order.
    home = client.get("/").text
    assert home.index('Energy</a> <span class="meta">(2)') < home.index("Trade</a>")
    # An editor takes a topic away and adds one, in the admin.
    editor = factories.user("Editor")
    client.force_login(editor)
    url = f"/admin/articles/article/{first.pk}/change/"
    data = form_data(client.get(url)) | {"topics": [str(trade.pk)]}
    with committed():
        assert client.post(url, data).status_code == 302
    assert _counts() == ({"Energy": 1, "Trade": 2}, {"Iran": 1})
    # The draft published through the workflow counts; a retraction stops counting.
    publisher = factories.user("Publisher")
    with committed():
        for action in ("submit", "approve", "publish"):
            article_transition(article=draft, action=action, by=publisher)
    assert _counts() == ({"Energy": 1, "Trade": 3}, {"Iran": 2})
    with committed():
        article_transition(article=first, action="retract", by=publisher, comment="Wrong.")
    assert _counts() == ({"Energy": 1, "Trade": 2}, {"Iran": 1})


def test_a_topic_only_drafts_have_is_not_shown(client):
    secret = factories.topic(name="Secret plans")
    factories.classify(factories.article(published=False), topics=[secret])
    assert _counts()[0] == {"Secret plans": 0}
    assert "Secret plans" not in client.get("/").text


def test_authors_counts_follow_publication_bylines_and_retraction(client):
    from articles.models import Author
    from articles.services import article_save

    ada, kasper = factories.author(name="Ada"), factories.author(name="Kasper")
    first = factories.article(authors=[ada])
    draft = factories.article(authors=[kasper], published=False)

    def counts():
        return dict(Author.objects.values_list("name", "public_articles"))

    assert counts() == {"Ada": 1, "Kasper": 0}
    # The search page offers the authors readers may know: Kasper has only a draft.
    options = client.get("/search/").text.split('name="author"')[1].split("</select>")[0]
    assert "Ada" in options and "Kasper" not in options
    # The byline changes on a save: both authors are counted again.
    with committed():
        article_save(article=first, by=None, authors=[kasper])
    assert counts() == {"Ada": 0, "Kasper": 1}
    publisher = factories.user("Publisher")
    with committed():
        for action in ("submit", "approve", "publish"):
            article_transition(article=draft, action=action, by=publisher)
    assert counts() == {"Ada": 0, "Kasper": 2}
    with committed():
        article_transition(article=first, action="retract", by=publisher, comment="Wrong.")
    assert counts() == {"Ada": 0, "Kasper": 1}
