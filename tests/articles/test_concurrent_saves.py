"""Fifty editors saving the same article at the same moment, through the admin forms over HTTP.

Each editor opens the article's form, changes a paragraph of their own, and all of them press
save together, against a live server on PostgreSQL. A save based on an older revision is
refused and merged, never applied over the other's: the editor looks at the merged form and
saves again, as in the admin. In the end every editor's paragraph is in the article. Without
the row lock around the stale-revision check and the save, simultaneous saves all pass the
check and overwrite each other, and this test fails.
"""

import http.client
import threading
import urllib.parse
from http.cookies import SimpleCookie

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from articles.models import Article
from bench.forms import form_fields
from tests import factories

EDITORS = 50
ATTEMPTS = 60

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("reseeded"),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: the live server's threads share one in-memory SQLite "
        "connection (CI runs it on PostgreSQL)",
    ),
]


class Browser:
    """Just enough of a browser: cookies, and forms posted as the page left them."""

    def __init__(self, base_url: str, session: str):
        parts = urllib.parse.urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port
        self.cookies = {settings.SESSION_COOKIE_NAME: session}

    def connect(self) -> http.client.HTTPConnection:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=120)
        connection.connect()
        return connection

    def request(self, method: str, path: str, data: dict | None = None, *, connection=None):
        """``(status, page)``; on a connection opened beforehand, if given."""
        connection = connection or self.connect()
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://{self.host}:{self.port}{path}"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            return response.status, response.read().decode()
        finally:
            connection.close()


def _form(html: str) -> dict:
    data = form_fields(html)
    assert "csrfmiddlewaretoken" in data, html[:500]
    return data


def test_fifty_simultaneous_saves_lose_nothing(live_server):
    paragraphs = [f"Paragraph {n} as first written." for n in range(EDITORS)]
    article = factories.article(title="Everyone edits this", body="\n\n".join(paragraphs))
    editor = factories.user("Editor", username="editors")
    client = Client()
    client.force_login(editor)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    url = f"/admin/articles/article/{article.pk}/change/"
    start = threading.Barrier(EDITORS, timeout=60)
    outcomes, errors = {}, []

    def edit(n: int):
        try:
            browser = Browser(live_server.url, session)
            status, page = browser.request("GET", url)
            assert status == 200, status
            data = _form(page)
            body = data["body"].replace("\r\n", "\n").split("\n\n")
            body[n] = f"Paragraph {n}, rewritten by editor {n}."
            data["body"] = "\n\n".join(body)
            # Connected before the start, so that fifty requests arrive at once without
            # fifty connections queuing at the server's listening socket at once.
            ready = browser.connect()
            start.wait()
            for refusals in range(ATTEMPTS):
                status, page = browser.request("POST", url, data, connection=ready)
                ready = None
                if status == 302:
                    outcomes[n] = refusals
                    return
                assert status == 200, status
                assert "while you were editing it" in page, page[:2000]
                # What the editor sees is the merged form, their paragraph in it: save again.
                data = _form(page)
                assert f"Paragraph {n}, rewritten by editor {n}." in data["body"]
            errors.append(f"editor {n}: still refused after {ATTEMPTS} attempts")
        except Exception as error:  # reported below; the thread's traceback is lost
            errors.append(f"editor {n}: {error!r}")

    threads = [threading.Thread(target=edit, args=(n,)) for n in range(EDITORS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    assert errors == []
    assert len(outcomes) == EDITORS
    body = Article.objects.get(pk=article.pk).body
    lost = [n for n in range(EDITORS) if f"Paragraph {n}, rewritten by editor {n}." not in body]
    assert lost == []
    # Saves based on an older revision were refused and merged, not applied blindly.
    assert sum(1 for refusals in outcomes.values() if refusals) >= EDITORS // 2
    assert "<<<<<<<" not in body
    assert article.revisions.count() == 1 + EDITORS
