"""The analyst's day in a real browser (issue 13): the seed's dates typed as written reach
the event page and the actor's timeline as written; a suggestion about an event already
recorded is added to it rather than recorded twice, and its paragraph is linked."""

import datetime as dt

import pytest

from tests.browser.conftest import CHROMIUM_MISSING, codebook_seeded, signed_in

pytestmark = [CHROMIUM_MISSING, pytest.mark.django_db(transaction=True)]

# The seed's own wording: "In mid-2015, ...", "in 2007", "In March 2025".
SEED_DATES = [("mid-2015", "2015-38"), ("2007", "2007"), ("March 2025", "2025-03")]


def test_the_seeds_dates_typed_as_written_reach_the_event_and_the_timeline(
    browser, live_server, django_user_model
):
    from events.models import Event, EventType
    from tests import factories

    codebook_seeded()
    belarus = factories.actor(name="Belarus", slug="belarus")
    factories.event(title="Earlier meeting", actors=[(belarus, "host")])  # Belarus is public
    analyst = django_user_model.objects.create_superuser("analyst", "a@example.org", None)
    context = signed_in(browser, live_server.url, analyst)
    page = context.new_page()
    meeting = str(EventType.objects.get(slug="meeting").pk)
    for written, _ in SEED_DATES:
        page.goto(f"{live_server.url}/admin/events/event/add/")
        page.fill("#id_date_text", written)
        page.locator("output.date-reading").filter(has_text="Understood").wait_for(timeout=10000)
        page.fill("#id_title", f"Talks, {written}")
        page.select_option("#id_event_type", meeting)
        page.select_option("#id_status", Event.Status.PUBLISHED)
        # The actor picker is an autocomplete over a <select>: choose Belarus in it.
        page.evaluate(
            """([pk, name]) => {
                const select = document.querySelector('#id_participations-0-actor');
                select.append(new Option(name, pk, true, true));
                select.dispatchEvent(new Event('change', {bubbles: true}));
            }""",
            [str(belarus.pk), belarus.name],
        )
        page.select_option("#id_participations-0-role", "host")
        page.click("input[name=_save]")
        page.wait_for_url(f"{live_server.url}/admin/events/event/")

    for written, edtf in SEED_DATES:
        event = Event.objects.get(title=f"Talks, {written}")
        assert event.participations.get().actor == belarus
        page.goto(live_server.url + event.get_absolute_url())
        time = page.locator("time").first
        assert (time.inner_text(), time.get_attribute("datetime")) == (written, edtf)
    # The actor's timeline lists each as written, the latest first.
    page.goto(live_server.url + belarus.get_absolute_url())
    listed = page.locator("ol.timeline time").all_inner_texts()
    assert [text for text in listed if text in dict(SEED_DATES)] == [
        "2007",
        "mid-2015",
        "March 2025",
    ]
    context.close()


def test_a_suggestion_about_a_recorded_event_is_added_to_it_with_its_paragraph(
    browser, live_server, django_user_model
):
    from articles.rendering import article_paragraphs
    from events.models import Event
    from events.services import article_refresh_suggestions
    from tests import factories

    codebook_seeded()
    pezeshkian = factories.actor(name="Masoud Pezeshkian", kind="person")
    lukashenka = factories.actor(name="Alyaksandr Lukashenka", kind="person")
    factories.actor_alias(lukashenka, name="Lukashenko")
    visit = factories.event(
        title="Pezeshkian visits Minsk, meets Lukashenka",
        actors=[(pezeshkian, "visitor"), (lukashenka, "host")],
    )
    sentence = "On August 19, Masoud Pezeshkian met Lukashenko in Minsk."
    article = factories.article(
        body=f"The summer was busy.\n\n{sentence} Talks lasted a day.\n\nMore to come.",
        published_at=dt.datetime(2025, 8, 21, 9, tzinfo=dt.UTC),
    )
    article_refresh_suggestions(article=article)
    suggestion = article.event_suggestions.get()
    editor = django_user_model.objects.create_superuser("editor", "e@example.org", None)
    context = signed_in(browser, live_server.url, editor)
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/events/eventsuggestion/{suggestion.pk}/change/")
    # The suggestion says the event is already recorded and offers to add to it.
    assert (
        "Pezeshkian visits Minsk, meets Lukashenka"
        in page.locator(".field-matching_event").inner_text()
    )
    page.get_by_role("button", name="Add to the existing event: Pezeshkian visits Minsk").click()
    page.wait_for_url(f"{live_server.url}/admin/events/event/{visit.pk}/change/")
    assert "Added to" in page.locator(".messagelist").inner_text()
    assert Event.objects.count() == 1  # not recorded twice
    assert list(visit.articles.all()) == [article]
    # Readers follow the event's supporting paragraph to the article.
    anchor = next(p.anchor for p in article_paragraphs(article.body) if "Pezeshkian" in p.text)
    page.goto(live_server.url + visit.get_absolute_url())
    page.locator(f'a[href="{article.get_absolute_url()}#{anchor}"]').first.click()
    page.wait_for_url(f"**#{anchor}")
    assert "Pezeshkian met Lukashenko" in page.locator(":target").inner_text()
    context.close()
