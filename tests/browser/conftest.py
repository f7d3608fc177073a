"""What the browser tests share: Debian's chromium driven by Playwright (one browser per
module), a live server holding the demo content, and signing in."""

import importlib
import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"

CHROMIUM_MISSING = pytest.mark.skipif(
    not shutil.which(CHROMIUM),
    reason=f"{CHROMIUM} is not installed (apt-get install chromium; .ci/run installs it)",
)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls of the test
    # itself (loading the demo) happen before any page is open.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


def signed_in(browser, url: str, user, **options):
    """A browser context in which ``user`` is signed in on the live server at ``url``."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **options})
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": url}])
    return context


def codebook_seeded() -> None:
    """The event codebook as its migration seeds it: a flush after an earlier transactional
    test empties it."""
    from django.apps import apps
    from django.db import connection

    from events.models import EventType

    if not EventType.objects.exists():
        seed = importlib.import_module("events.migrations.0002_seed_event_codebook").seed
        seed(apps, connection.schema_editor())


@pytest.fixture
def site(live_server):
    from events.demo.loader import demo_content_load

    codebook_seeded()
    demo_content_load()
    return live_server.url
