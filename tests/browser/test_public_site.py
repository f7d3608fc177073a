"""The public site in a real browser (Debian's chromium, driven by Playwright) on the demo content.

Screenshots of the article page at phone and desktop width are saved under
``test-artifacts/screenshots/`` for the test report.
"""

import importlib
import json
import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
ARTICLE_TITLE = "Pezeshkian in Minsk: Twelve Documents and a Bid for Strategic Partnership"

pytestmark = [
    pytest.mark.skipif(
        not shutil.which(CHROMIUM),
        reason=f"{CHROMIUM} is not installed (apt-get install chromium; .ci/run installs it)",
    ),
    # The live server reads committed data, so these tests commit (and flush afterwards).
    pytest.mark.django_db(transaction=True),
]


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


def test_reader_journey(browser, site):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site + "/")
    assert page.locator("h2#latest-heading").is_visible()

    page.get_by_role("link", name=ARTICLE_TITLE).first.click()
    assert page.locator("h1").inner_text() == ARTICLE_TITLE
    data = json.loads(page.locator('script[type="application/ld+json"]').inner_text())
    assert data["@type"] == "NewsArticle" and data["headline"] == ARTICLE_TITLE
    assert page.locator(".timeline-chart svg a").count() > 0
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "article-desktop.png", full_page=True)

    # A cross-reference: "(see EDM, June 25)" opens the earlier article.
    page.locator(".body a", has_text="EDM, June 25").first.click()
    assert "Minsk Visit on Hold" in page.locator("h1").inner_text()

    # An actor's timeline, then the relationship with Belarus.
    page.goto(site + "/actors/iran/")
    assert page.locator(".timeline-chart svg .event-mark").count() > 5
    page.get_by_role("link", name="Iran and Belarus", exact=True).click()
    assert page.locator("h1").inner_text() == "Iran and Belarus"
    # The events of their presidents and ministers are theirs too (issue 13): 16, of which
    # 5 of the two states themselves, the reader's choice.
    shared = page.locator("ol.timeline li")
    assert shared.count() == 16
    assert shared.filter(has_text="Iran and Belarus agree on strategic cooperation").count() == 1
    assert page.get_by_text("Alyaksandr Lukashenka (for Belarus)").first.is_visible()
    page.get_by_role("link", name="Direct participants only").click()
    assert shared.count() == 5
    assert shared.filter(has_text="strategic cooperation").count() == 0
    page.get_by_role("link", name="Include events where someone acted on behalf").click()
    assert shared.count() == 16
    page.locator(".timeline-chart svg a").first.click()
    assert "/events/" in page.url

    # Search from the header, then filter to articles only.
    page.fill("#site-search-q", "drones")
    page.press("#site-search-q", "Enter")
    assert page.locator(".result-list mark").count() > 0
    page.select_option("#id_kind", "article")
    page.get_by_role("button", name="Apply filters").click()
    kinds = page.locator(".result-list .kind").all_inner_texts()
    assert kinds and {kind.lower() for kind in kinds} == {"article"}
    page.close()


def test_article_page_on_a_phone(browser, site):
    page = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    page.goto(
        site + "/edm/2025/08/21/pezeshkian-in-minsk-twelve-documents-and-a-strategic-partnership/"
    )
    # Nothing wider than the screen: the layout is responsive.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "article-phone.png", full_page=True)
    page.close()
