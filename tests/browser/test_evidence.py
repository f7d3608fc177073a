"""Evidence in a real browser: the event page's paragraph link lands on the article with the
paragraph targeted and in view, marked as supporting the event."""

import pytest

from tests.browser.conftest import CHROMIUM_MISSING, codebook_seeded

pytestmark = [CHROMIUM_MISSING, pytest.mark.django_db(transaction=True)]


def test_the_event_pages_paragraph_link_lands_on_the_paragraph(browser, live_server):
    from articles.rendering import article_paragraphs
    from events.models import EventEvidence
    from events.services import event_save
    from tests import factories

    codebook_seeded()
    filler = "\n\n".join(f"Background paragraph number {n}, of no consequence." for n in range(40))
    body = f"{filler}\n\nIran and Belarus signed a roadmap in Minsk.\n\nThe end."
    article = factories.article(body=body)
    paragraph = next(p for p in article_paragraphs(body) if "roadmap" in p.text)
    event = factories.event(title="Roadmap signed")
    event_save(
        event=event,
        write=lambda: (
            event.articles.add(article),
            EventEvidence.objects.create(
                event=event, article=article, anchor=paragraph.anchor, excerpt=paragraph.text
            ),
        ),
    )

    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(live_server.url + event.get_absolute_url())
    page.locator("ul.evidence a").first.click()
    page.wait_for_url(f"**{article.get_absolute_url()}#{paragraph.anchor}")
    target = page.locator(":target")
    assert target.get_attribute("id") == paragraph.anchor
    assert "roadmap" in target.inner_text()
    assert target.get_attribute("class") == "supports"
    assert target.is_visible()
    top = page.evaluate(
        "(id) => document.getElementById(id).getBoundingClientRect().top", paragraph.anchor
    )
    assert 0 <= top < 800  # scrolled to it: in view
    assert page.evaluate("window.scrollY") > 0
    # Its mark links back to the event.
    target.get_by_role("link", name="Roadmap signed").click()
    assert page.locator("h1").inner_text() == "Roadmap signed"
    page.close()
