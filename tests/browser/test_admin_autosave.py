"""Autosave in a real browser: typing is kept as a working copy, and offered back on return.

Runs the admin's own script in Debian's chromium against a live server: the server copy
every few seconds, and the copy kept in the browser when the connection is lost.
"""

import pytest

from articles.models import WorkingCopy
from tests import factories
from tests.browser.conftest import CHROMIUM, signed_in

pytestmark = [
    pytest.mark.skipif(
        not __import__("shutil").which(CHROMIUM),
        reason=f"{CHROMIUM} is not installed (apt-get install chromium; .ci/run installs it)",
    ),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def editor_page(browser, live_server, django_user_model):
    editor = django_user_model.objects.create_superuser("autosaver", "a@example.org", None)
    # Playwright's wait_for_function evaluates its predicate with eval(), which the site's CSP
    # forbids; the policy itself is tested in test_security_policy.py.
    context = signed_in(browser, live_server.url, editor, bypass_csp=True)
    yield context, editor, live_server.url
    context.close()


def _settle(page):
    """Wait until the page's last autosave has reached the server, then close it: a request
    still in flight when the test ends would hold the database the test must empty."""
    page.wait_for_function(
        "document.getElementById('autosave-status').textContent.includes('Unsaved copy kept')",
        timeout=15000,
    )
    page.close()


def test_typing_is_kept_and_offered_back(editor_page):
    context, editor, base = editor_page
    article = factories.article(title="Saved title")
    url = f"{base}/admin/articles/article/{article.pk}/change/"
    page = context.new_page()
    page.goto(url)
    page.fill("#id_title", "Typed but never saved")
    page.wait_for_function(
        "document.getElementById('autosave-status').textContent.includes('Unsaved copy kept')",
        timeout=15000,
    )
    copy = WorkingCopy.objects.get(user=editor, article=article)
    assert copy.data["title"] == ["Typed but never saved"]
    page.close()  # settled: the status says the copy reached the server

    # The tab was closed; the editor comes back later.
    again = context.new_page()
    again.goto(url)
    assert again.input_value("#id_title") == "Saved title"
    assert again.locator("#autosave-offer").is_visible()
    again.click("#autosave-restore")
    assert again.input_value("#id_title") == "Typed but never saved"
    _settle(again)


def test_without_a_connection_the_browser_keeps_the_copy(editor_page):
    context, _, base = editor_page
    article = factories.article(title="Saved title")
    url = f"{base}/admin/articles/article/{article.pk}/change/"
    page = context.new_page()
    page.goto(url)
    context.set_offline(True)
    page.fill("#id_title", "Typed on a train")
    page.wait_for_function(
        "document.getElementById('autosave-status').textContent.includes('kept in this browser')",
        timeout=15000,
    )
    assert not WorkingCopy.objects.exists()
    context.set_offline(False)
    page.close()
    again = context.new_page()
    again.goto(url)
    again.click("#autosave-restore")
    assert again.input_value("#id_title") == "Typed on a train"
    _settle(again)
