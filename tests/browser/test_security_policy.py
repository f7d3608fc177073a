"""The Content-Security-Policy in a real browser: every kind of page, public and admin, and the
API docs, load with no violation reported and nothing fetched from another host."""

import shutil
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client

from tests.browser.conftest import CHROMIUM

pytestmark = [
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason=f"{CHROMIUM} is not installed"),
    pytest.mark.django_db(transaction=True),
]

# Registered before any of the page's own code runs.
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
});
"""


def _visit(context, url) -> tuple[list[str], list[str], str]:
    page = context.new_page()
    page.add_init_script(LISTEN)
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    response = page.goto(url, wait_until="networkidle")
    if "/api/v1/" in url:  # the docs' scripts ran: they drew the API's title
        page.wait_for_selector("text=Monitor subscriber API", timeout=20000)
    policy = response.headers.get("content-security-policy", "")
    violations = page.evaluate("window.__violations")
    page.close()
    return violations, requested, policy


def test_no_page_violates_the_policy_or_loads_from_elsewhere(browser, site, django_user_model):
    from articles.models import Article
    from events.models import Actor

    article = Article.objects.public().latest_first().first()
    editor = django_user_model.objects.create_superuser("csp-editor", "c@example.org", None)
    client = Client()
    client.force_login(editor)
    host = urlsplit(site).netloc
    public = [
        "/",
        article.get_absolute_url(),
        "/actors/iran/",
        "/timeline/iran/belarus/",
        "/search/?q=Minsk",
        "/timeline/",
        "/feeds/rss/",
        "/api/v1/docs/",
        "/api/v1/redoc/",
        "/admin/login/",
    ]
    admin = [
        "/admin/",
        "/admin/articles/article/",
        f"/admin/articles/article/{article.pk}/change/",
        "/admin/articles/article/add/",
        f"/admin/events/actor/{Actor.objects.get(slug='iran').pk}/change/",
    ]
    reader = browser.new_context()
    signed_in = browser.new_context()
    signed_in.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": site,
            }
        ]
    )
    seen = {}
    for context, paths in ((reader, public), (signed_in, admin)):
        for path in paths:
            violations, requested, policy = _visit(context, site + path)
            elsewhere = [url for url in requested if urlsplit(url).netloc not in (host, "")]
            seen[path] = (violations, elsewhere, "script-src 'self'" in policy)
    reader.close()
    signed_in.close()
    assert seen == {path: ([], [], True) for path in public + admin}
