"""The newsroom in the admin: roles and transitions, stale saves, revisions, previews, autosave."""

import datetime as dt
import re

import pytest
from django.test import Client
from django.utils import timezone

from articles.models import Article, ArticleStatus, PreviewLink, WorkingCopy
from tests import factories
from tests.articles.test_admin import form_data


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def newsroom(db):
    users = {role: factories.user(role) for role in ("Contributor", "Editor", "Publisher")}
    return {role: (user, _client(user)) for role, user in users.items()}


def _step(client, article, action, **extra):
    return client.post(
        f"/admin/articles/article/{article.pk}/transition/",
        {"action": action, **extra},
        follow=True,
    )


def _status(article):
    return Article.objects.get(pk=article.pk).status


def test_each_role_through_the_workflow_in_the_admin(newsroom):
    contributor, c = newsroom["Contributor"]
    _, e = newsroom["Editor"]
    _, p = newsroom["Publisher"]
    publication = factories.publication()
    add = form_data(c.get("/admin/articles/article/add/"))
    add |= {"title": "Minsk and Tehran", "slug": "minsk-and-tehran", "publication": publication.pk,
            "body": "On August 19 they met."}  # fmt: skip
    assert c.post("/admin/articles/article/add/", add).status_code == 302
    article = Article.objects.get(slug="minsk-and-tehran")
    assert (article.created_by, article.status) == (contributor, ArticleStatus.DRAFT)

    page = c.get(f"/admin/articles/article/{article.pk}/change/").text
    assert 'value="submit"' in page and 'value="publish"' not in page
    assert (
        "is not possible" in _step(c, article, "approve").text
        or "permission" in _step(c, article, "approve").text
    )
    assert _status(article) == ArticleStatus.DRAFT
    _step(c, article, "submit")
    assert _status(article) == ArticleStatus.IN_REVIEW
    assert "You do not have permission to “approve”" in _step(c, article, "approve").text
    assert "needs a note saying why" in _step(e, article, "return").text
    _step(e, article, "return", comment="Add a source for the second paragraph.")
    assert _status(article) == ArticleStatus.DRAFT
    _step(c, article, "submit")
    _step(e, article, "approve")
    assert "You do not have permission to “publish now”" in _step(e, article, "publish").text
    assert _status(article) == ArticleStatus.APPROVED
    _step(p, article, "publish")
    assert _status(article) == ArticleStatus.PUBLISHED
    _step(p, article, "correct", comment="An earlier version misstated the date of the visit.")
    assert _status(article) == ArticleStatus.CORRECTED
    timeline = e.get(f"/admin/articles/article/{article.pk}/change/").text
    assert "Add a source for the second paragraph." in timeline
    _step(p, article, "retract", comment="The main source was fabricated.")
    assert _status(article) == ArticleStatus.RETRACTED
    assert [t.to_state for t in Article.objects.get(pk=article.pk).transitions.order_by("at", "pk")] == [
        "in_review", "draft", "in_review", "approved", "published", "corrected", "retracted",
    ]  # fmt: skip


def test_a_contributor_cannot_publish_through_any_admin_path(newsroom):
    contributor, c = newsroom["Contributor"]
    article = factories.article(published=False, created_by=contributor)
    Article.objects.filter(pk=article.pk).update(status=ArticleStatus.APPROVED)
    # The bulk action…
    c.post(
        "/admin/articles/article/", {"action": "publish_selected", "_selected_action": [article.pk]}
    )
    # …the transition view…
    _step(c, article, "publish")
    # …and typing a status into the change form (not editable for an approved article anyway).
    c.post(f"/admin/articles/article/{article.pk}/change/", {"status": "published"})
    assert _status(article) == ArticleStatus.APPROVED
    assert not Article.objects.public().exists()


def test_a_contributor_edits_only_their_own_drafts(newsroom):
    contributor, c = newsroom["Contributor"]
    mine = factories.article(published=False, created_by=contributor, title="Mine")
    theirs = factories.article(published=False, created_by=newsroom["Editor"][0], title="Theirs")
    data = form_data(c.get(f"/admin/articles/article/{mine.pk}/change/")) | {
        "title": "Mine, edited"
    }
    assert c.post(f"/admin/articles/article/{mine.pk}/change/", data).status_code == 302
    assert Article.objects.get(pk=mine.pk).title == "Mine, edited"
    assert c.post(f"/admin/articles/article/{theirs.pk}/change/", data).status_code == 403
    assert Article.objects.get(pk=theirs.pk).title == "Theirs"


def test_two_editors_saving_the_same_article_lose_nothing(newsroom):
    _, first = newsroom["Editor"]
    second = _client(factories.user("Editor", username="second"))
    article = factories.article(title="Original title", body="Original body.")
    url = f"/admin/articles/article/{article.pk}/change/"
    mine, theirs = form_data(first.get(url)), form_data(second.get(url))
    assert first.post(url, mine | {"title": "Title by the first editor"}).status_code == 302
    response = second.post(url, theirs | {"body": "Body typed by the second editor."})
    assert response.status_code == 200
    page = response.text
    assert "while you were editing it" in page
    assert "Title by the first editor" in page  # what the other person changed
    assert "Body typed by the second editor." in page  # nothing typed is lost
    assert Article.objects.get(pk=article.pk).title == "Title by the first editor"
    # Having read the other's change, saving again keeps both.
    again = form_data(response) | {"title": "Title by the first editor"}
    assert second.post(url, again).status_code == 302
    article.refresh_from_db()
    assert (article.title, article.body) == (
        "Title by the first editor",
        "Body typed by the second editor.",
    )


def test_revisions_diff_and_revert(newsroom):
    _, e = newsroom["Editor"]
    article = factories.article(title="First", body="One.")
    url = f"/admin/articles/article/{article.pk}/change/"
    e.post(url, form_data(e.get(url)))
    e.post(url, form_data(e.get(url)) | {"title": "Second", "body": "One.\n\nTwo."})
    history = e.get(f"/admin/articles/article/{article.pk}/revisions/?a=1&b=2").text
    assert "<del>First</del><ins>Second</ins>" in history
    assert '<p class="revision-paragraph added"><ins>Two.</ins></p>' in history
    e.post(f"/admin/articles/article/{article.pk}/revisions/1/revert/")
    article.refresh_from_db()
    assert (article.title, article.body) == ("First", "One.")
    assert list(article.revisions.values_list("number", flat=True)) == [3, 2, 1]
    assert article.revisions.first().note == "Reverted to revision 1"


def test_preview_shows_a_draft_or_a_revision_as_readers_would(newsroom):
    _, e = newsroom["Editor"]
    article = factories.article(published=False, title="Draft title", body="Draft *body*.")
    url = f"/admin/articles/article/{article.pk}/change/"
    e.post(url, form_data(e.get(url)))
    e.post(url, form_data(e.get(url)) | {"title": "Newer title"})
    page = e.get(f"/admin/articles/article/{article.pk}/preview/")
    assert page.status_code == 200 and page["X-Robots-Tag"] == "noindex, nofollow"
    assert "Preview: not published" in page.text and "Newer title" in page.text
    assert "Draft <em>body</em>." in page.text
    old = e.get(f"/admin/articles/article/{article.pk}/preview/?revision=1").text
    assert "Draft title" in old and "Preview of revision 1" in old
    assert Article.objects.get(pk=article.pk).title == "Newer title"  # the preview changed nothing


def test_share_links_expire_and_can_be_revoked(newsroom, client):
    _, e = newsroom["Editor"]
    article = factories.article(published=False, title="For the reviewer")
    response = e.post(f"/admin/articles/article/{article.pk}/preview-links/", follow=True)
    link = re.search(r"(/preview/[^\s<]+/)", response.text).group(1)
    shared = client.get(link)
    assert shared.status_code == 200 and "For the reviewer" in shared.text
    assert shared["X-Robots-Tag"] == "noindex, nofollow"
    assert client.get(link.replace("/preview/", "/preview/x")).status_code == 404
    preview = PreviewLink.objects.get()
    PreviewLink.objects.filter(pk=preview.pk).update(
        expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    assert client.get(link).status_code == 404
    PreviewLink.objects.filter(pk=preview.pk).update(
        expires_at=timezone.now() + dt.timedelta(days=1)
    )
    # A contributor who may not edit the article cannot revoke the editor's link.
    _, c = newsroom["Contributor"]
    refused = c.post(f"/admin/articles/article/{article.pk}/preview-links/{preview.pk}/revoke/")
    assert refused.status_code in (403, 404) and client.get(link).status_code == 200
    e.post(f"/admin/articles/article/{article.pk}/preview-links/{preview.pk}/revoke/")
    assert client.get(link).status_code == 404


def test_autosave_keeps_a_working_copy_until_the_article_is_saved(newsroom):
    editor, e = newsroom["Editor"]
    article = factories.article(title="Saved title")
    url = f"/admin/articles/article/{article.pk}/change/"
    data = form_data(e.get(url)) | {"title": "Typed but not saved"}
    answer = e.post(f"/admin/articles/article/{article.pk}/autosave/", data).json()
    assert answer["saved"] is True and answer["stale"] is False
    copy = WorkingCopy.objects.get(user=editor, article=article)
    assert copy.data["title"] == ["Typed but not saved"]
    assert Article.objects.get(pk=article.pk).title == "Saved title"  # not in the history
    assert article.revisions.count() == 1  # the one it was created with
    page = e.get(url).text
    assert "Typed but not saved" in page and 'id="autosave-offer"' in page
    e.post(url, data)
    assert not WorkingCopy.objects.exists()


def test_autosave_for_a_new_article_and_refusals(newsroom):
    contributor, c = newsroom["Contributor"]
    assert c.post("/admin/articles/article/autosave/", {"title": "A new idea"}).json()["saved"]
    assert WorkingCopy.objects.get(user=contributor, article=None).data["title"] == ["A new idea"]
    theirs = factories.article(published=False, created_by=newsroom["Editor"][0])
    refused = c.post(f"/admin/articles/article/{theirs.pk}/autosave/", {"title": "x"})
    assert refused.status_code == 403


def test_who_else_has_the_article_open(newsroom):
    _, first = newsroom["Editor"]
    second_user = factories.user("Editor", username="second", first_name="Sam", last_name="Second")
    article = factories.article()
    url = f"/admin/articles/article/{article.pk}/change/"
    _client(second_user).get(url)
    assert "Also open now: Sam Second" in first.get(url).text


def test_the_dashboard_shows_what_needs_the_user(newsroom):
    editor, e = newsroom["Editor"]
    factories.article(published=False, created_by=editor, title="My unfinished draft")
    waiting = factories.article(published=False, title="Waiting for review")
    Article.objects.filter(pk=waiting.pk).update(status=ArticleStatus.IN_REVIEW)
    factories.article(
        published=False, title="Tomorrow's piece", status=ArticleStatus.SCHEDULED,
        published_at=timezone.now() + dt.timedelta(days=1),
    )  # fmt: skip
    factories.article(title="Out yesterday")
    page = e.get("/admin/").text
    for text in ("What needs you", "My unfinished draft", "Waiting for review", "Tomorrow&#x27;s piece",
                 "Out yesterday", "Unresolved cross-references in my articles: 0",
                 "in all articles: 0", "Pending event suggestions in my articles: 0"):  # fmt: skip
        assert text in page


def test_a_writer_sees_a_returned_draft_first_with_the_reviewers_note(newsroom):
    contributor, c = newsroom["Contributor"]
    editor, e = newsroom["Editor"]
    editor.first_name, editor.last_name = "Rita", "Reviewer"
    editor.save()
    returned = factories.article(published=False, created_by=contributor, title="Needs sources")
    factories.article(published=False, created_by=contributor, title="Still writing")
    in_review = factories.article(published=False, created_by=contributor, title="Sent off")
    factories.article(published=False, title="Someone else's draft")
    for article in (returned, in_review):
        _step(c, article, "submit")
    _step(e, returned, "return", comment="Cite the Belta report for the March visit.")

    page = c.get("/admin/").text
    assert page.index("Returned to you") < page.index("My drafts") < page.index("Mine in review")
    returned_part = page[page.index("Returned to you") : page.index("My drafts")]
    assert "Needs sources" in returned_part and "Cite the Belta report" in returned_part
    drafts = page[page.index("My drafts") : page.index("Mine in review")]
    assert "Still writing" in drafts and "Needs sources" not in drafts
    assert "Someone else" not in page
    assert "Sent off" in page[page.index("Mine in review") :]
    assert "Awaiting review" not in page  # a contributor reviews nothing

    form = c.get(f"/admin/articles/article/{returned.pk}/change/").text
    note = form.index("Cite the Belta report")
    assert form.index("Returned to the writer") < note < form.index('name="title"')
    assert "Rita Reviewer" in form
    # Resubmitted, it is no longer returned.
    _step(c, returned, "submit")
    assert "Returned to you" not in c.get("/admin/").text


def test_the_workflows_history_says_each_step_in_words(newsroom):
    contributor, c = newsroom["Contributor"]
    _, e = newsroom["Editor"]
    article = factories.article(published=False, created_by=contributor, title="Steps")
    _step(c, article, "submit")
    _step(e, article, "approve")
    page = e.get(f"/admin/articles/article/{article.pk}/revisions/").text
    assert "Approved (In review → Approved)" in page
    assert "Submitted for review (Draft → In review)" in page
    assert "in_review" not in page


def test_corrections_are_public(newsroom, client):
    _, p = newsroom["Publisher"]
    article = factories.article(title="Corrected piece")
    _step(p, article, "correct", comment="An earlier version misstated the date.")
    listing = client.get("/corrections/").text
    assert "Corrected piece" in listing and "An earlier version misstated the date." in listing
    page = client.get(Article.objects.get(pk=article.pk).get_absolute_url()).text
    assert "Correction," in page and "An earlier version misstated the date." in page
