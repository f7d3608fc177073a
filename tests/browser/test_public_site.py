"""The public site in a real browser (Debian's chromium, driven by Playwright) on the demo content.

Screenshots of the article page at phone and desktop width are saved under
``test-artifacts/screenshots/`` for the test report.
"""

import json

import pytest

from tests.browser.conftest import CHROMIUM_MISSING, SCREENSHOTS

ARTICLE_TITLE = "Pezeshkian in Minsk: Twelve Documents and a Bid for Strategic Partnership"

pytestmark = [
    CHROMIUM_MISSING,
    # The live server reads committed data, so these tests commit (and flush afterwards).
    pytest.mark.django_db(transaction=True),
]


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
