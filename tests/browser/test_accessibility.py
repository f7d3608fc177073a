"""Every kind of public page, on the demo content, checked by axe-core in chromium: no
violation rated serious or critical. The pages with a timeline chart are checked again at a
phone's width, where the chart's text must render at 12 px or more, no label, tick or mark
may be cut off by the chart's edges, and no mark may be narrower than 6 px."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import CHROMIUM_MISSING

pytestmark = [CHROMIUM_MISSING, pytest.mark.django_db(transaction=True)]

BLOCKING = {"serious", "critical"}
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}

# Each text and mark of each chart on the page: its rendered font size (computed size times
# the SVG's scale on screen) and whether its box lies inside the chart's.
CHART_GEOMETRY = """
() => [...document.querySelectorAll(".timeline-chart svg")].flatMap((svg) => {
  const chart = svg.getBoundingClientRect();
  const inside = (box) => box.left >= chart.left - 0.5 && box.right <= chart.right + 0.5
    && box.top >= chart.top - 0.5 && box.bottom <= chart.bottom + 0.5;
  return [...svg.querySelectorAll("text, .event-mark > circle, .event-mark > rect")].map((el) => ({
    what: el.tagName === "text" ? el.textContent : el.parentNode.querySelector("title").textContent,
    text: el.tagName === "text",
    px: parseFloat(getComputedStyle(el).fontSize) * el.getScreenCTM().a,
    inside: inside(el.getBoundingClientRect()),
    wide: el.getBoundingClientRect().width,
    box: [el.getBoundingClientRect(), chart].map((b) => [b.left, b.top, b.right, b.bottom].map(Math.round).join(",")).join(" in "),
  }));
})
"""


def public_pages() -> dict[str, str]:
    """A page of each kind readers can reach, with content where the kind has any."""
    from articles.models import Article, Source
    from events.models import Event

    article = (
        Article.objects.public()
        .filter(events__isnull=False, volume__isnull=False, issue_number__isnull=False)
        .exclude(authors=None)
        .exclude(topics=None)
        .exclude(regions=None)
        .latest_first()
        .first()
    )
    assert article is not None, "the demo has an article with events, issue, authors and subjects"
    publication = article.publication.get_absolute_url()
    day = article.get_absolute_url().rstrip("/").rsplit("/", 1)[0] + "/"
    month = day.rstrip("/").rsplit("/", 1)[0] + "/"
    year = month.rstrip("/").rsplit("/", 1)[0] + "/"
    place = Event.objects.public().exclude(place=None).first().place
    return {
        "home": "/",
        "article": article.get_absolute_url(),
        "day": day,
        "month": month,
        "year": year,
        "volume": f"{publication}volume/{article.volume}/",
        "issue": f"{publication}volume/{article.volume}/issue/{article.issue_number}/",
        "publication": publication,
        "corrections": "/corrections/",
        "author": article.authors.first().get_absolute_url(),
        "topic": article.topics.first().get_absolute_url(),
        "region": article.regions.first().get_absolute_url(),
        "source": Source.objects.filter(citations__article=article).first().get_absolute_url(),
        "event": article.events.public().first().get_absolute_url(),
        "actor": "/actors/iran/",
        "place": place.get_absolute_url(),
        "dyad": "/timeline/iran/belarus/",
        "dyad form": "/timeline/",
        "search": "/search/?q=Minsk",
        "search, nothing found": "/search/?q=zzzqqqxxyy",
        "not found": "/no-such-page/here/",
        "API docs": "/api/v1/docs/",
        "API reference": "/api/v1/redoc/",
    }


CHART_PAGES = ("article", "actor", "place", "dyad")


def blocking_violations(page) -> list[str]:
    """axe-core's serious and critical findings on the page, one line per element."""
    found = Axe().run(page).response["violations"]
    return [
        f"{violation['id']} ({violation['impact']}) {', '.join(map(str, node['target']))}: "
        f"{violation['help']}"
        for violation in found
        if violation["impact"] in BLOCKING
        for node in violation["nodes"]
    ]


def visit(context, url: str, *, expect: int = 200):
    page = context.new_page()
    response = page.goto(url, wait_until="networkidle")
    assert response.status == expect, url
    if "/api/v1/" in url:  # the docs' scripts have drawn the API's title
        page.wait_for_selector("text=Monitor subscriber API", timeout=20000)
    return page


def test_no_public_page_has_a_serious_or_critical_violation(browser, site):
    pages = public_pages()
    context = browser.new_context(viewport=DESKTOP)
    found = {}
    for name, path in pages.items():
        page = visit(context, site + path, expect=404 if name == "not found" else 200)
        if name in CHART_PAGES:  # the chart is there to be checked
            assert page.locator(".timeline-chart svg .event-mark").count() > 0, name
        found[name] = blocking_violations(page)
        page.close()
    context.close()
    failing = {name: lines for name, lines in found.items() if lines}
    assert not failing, "\n".join(
        f"{name} ({pages[name]}):\n  " + "\n  ".join(lines) for name, lines in failing.items()
    )


def test_charts_on_a_phone_are_readable_unclipped_and_reached_by_keyboard(browser, site):
    pages = public_pages()
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True)
    for name in CHART_PAGES:
        page = visit(context, site + pages[name])
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], name
        drawn = page.evaluate(CHART_GEOMETRY)
        texts = [item for item in drawn if item["text"]]
        assert texts and len(drawn) > len(texts), name
        small = [(item["what"], round(item["px"], 1)) for item in texts if item["px"] < 12]
        clipped = [f"{item['what']} ({item['box']})" for item in drawn if not item["inside"]]
        hairlines = [item["what"] for item in drawn if not item["text"] and item["wide"] < 6]
        assert (small, clipped, hairlines) == ([], [], []), name
        assert blocking_violations(page) == [], name

        # Each mark is a link, named by its event, that the keyboard reaches; the list beside
        # the chart links the same events.
        marks = page.locator(".timeline-chart svg a.event-mark")
        assert page.locator(".timeline-chart svg[role=img]").count() == 0
        assert marks.count() == page.locator("ol.timeline li a").count() > 0, name
        first = marks.first
        first.focus()
        assert page.evaluate("document.activeElement.classList.contains('event-mark')"), name
        name_of = first.locator("title").text_content()
        assert (
            ": " in name_of
            and name_of.split(": ", 1)[1] in page.locator("ol.timeline").inner_text()
        ), name
        page.close()
    context.close()
