"""Writing an article in a real browser: the body beside its rendered preview, Ctrl+S to save
and go on, and a prompt before leaving with unsaved changes.

Screenshots of the form are saved under ``test-artifacts/screenshots/``.
"""

import pytest

from articles.models import Article
from tests import factories
from tests.browser.conftest import CHROMIUM, SCREENSHOTS, signed_in

pytestmark = [
    pytest.mark.skipif(
        not __import__("shutil").which(CHROMIUM),
        reason=f"{CHROMIUM} is not installed (apt-get install chromium; .ci/run installs it)",
    ),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def writer(browser, live_server, django_user_model):
    editor = django_user_model.objects.create_superuser("writer", "w@example.org", None)
    # The site's own content security policy applies.
    context = signed_in(browser, live_server.url, editor, viewport={"width": 1440, "height": 1000})
    yield context, live_server.url
    context.close()


def test_the_preview_follows_the_text_and_ctrl_s_saves(writer):
    context, base = writer
    article = factories.article(title="Minsk and Tehran", body="The first paragraph.")
    page = context.new_page()
    page.goto(f"{base}/admin/articles/article/{article.pk}/change/")
    preview = page.locator(".live-preview-body")
    preview.get_by_text("The first paragraph.").wait_for(timeout=15000)

    page.fill(
        "#id_body",
        "The first paragraph.\n\nThe two presidents met in Minsk (Tehran Times, August 20).",
    )
    preview.get_by_text("The two presidents met in Minsk").wait_for(timeout=15000)
    # The citation is linked as readers will see it: to its source's page.
    link = preview.locator("a", has_text="Tehran Times, August 20")
    link.wait_for(timeout=15000)
    assert "/sources/" in link.get_attribute("href")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("label[for=id_body]").evaluate("label => label.scrollIntoView()")
    page.screenshot(path=SCREENSHOTS / "article-form.png")

    page.keyboard.press("Control+s")
    page.locator(".messagelist .success").wait_for(timeout=15000)
    assert page.url.endswith(f"/admin/articles/article/{article.pk}/change/")
    _settle(page)
    saved = Article.objects.get(pk=article.pk)
    assert "The two presidents met in Minsk" in saved.body
    # The previews kept nothing: the article's revisions are its creation and this save.
    assert saved.revisions.count() == 2


def _settle(page):
    """Wait for the page's own preview request to be answered, then close it: a request still
    in flight when the test ends would hold the database the test must empty."""
    page.locator(".live-preview-body p").first.wait_for(timeout=15000)
    page.locator(".live-preview-status:text-is('')").wait_for(state="attached", timeout=15000)
    page.close()


def test_leaving_with_unsaved_changes_asks_first(writer):
    context, base = writer
    article = factories.article(title="Unsaved")
    page = context.new_page()
    page.goto(f"{base}/admin/articles/article/{article.pk}/change/")
    page.locator(".live-preview-body p").first.wait_for(timeout=15000)
    page.fill("#id_title", "Typed, not saved")
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    page.close(run_before_unload=True)
    page.wait_for_timeout(500)
    assert asked == ["beforeunload"]
    _settle(page)
    assert Article.objects.get(pk=article.pk).title == "Unsaved"


def _roles():
    """The newsroom's groups, as their migration makes them (a flush between transactional
    tests empties them)."""
    import importlib

    from django.contrib.auth.models import Group, Permission

    roles = importlib.import_module("events.migrations.0006_editorial_roles").ROLES
    for name, names in roles.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in (permission.split(".") for permission in names)
        )


def test_a_contributor_finds_a_returned_draft_and_its_note_first(browser, live_server):
    from articles.services import article_transition

    _roles()
    contributor = factories.user("Contributor", first_name="Cleo", last_name="Writer")
    reviewer = factories.user("Editor", first_name="Rita", last_name="Reviewer")
    draft = factories.article(published=False, created_by=contributor, title="Minsk, again")
    factories.article(published=False, created_by=contributor, title="Notes on the SCO")
    article_transition(article=draft, action="submit", by=contributor)
    article_transition(
        article=draft, action="return", by=reviewer, comment="Cite the Belta report of May 3."
    )
    context = signed_in(browser, live_server.url, contributor)
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/")
    returned = page.locator(".dashboard-returned li").first
    assert "Minsk, again" in returned.inner_text()
    assert "Cite the Belta report of May 3." in returned.inner_text()
    assert "Rita Reviewer" in returned.inner_text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "dashboard.png")

    returned.get_by_role("link", name="Minsk, again").click()
    note = page.get_by_role("alert").filter(has_text="Returned to the writer")
    assert "Cite the Belta report of May 3." in note.inner_text()
    _settle(page)
    context.close()
