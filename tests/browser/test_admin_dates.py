"""An analyst types an event's date as written in a real browser: the reading shows beside it
as it is typed, and once saved, readers see the date as written on the event's page."""

import pytest

from events.models import Event, EventType
from tests.browser.conftest import CHROMIUM, codebook_seeded, signed_in

pytestmark = [
    pytest.mark.skipif(
        not __import__("shutil").which(CHROMIUM),
        reason=f"{CHROMIUM} is not installed (apt-get install chromium; .ci/run installs it)",
    ),
    pytest.mark.django_db(transaction=True),
]


def test_a_date_typed_as_written_is_read_as_it_is_typed_and_shown_as_written(
    browser,
    live_server,
    django_user_model,
):
    codebook_seeded()
    editor = django_user_model.objects.create_superuser("analyst", "analyst@example.org", None)
    # The site's own content security policy applies: the script and its requests are its own.
    context = signed_in(browser, live_server.url, editor)
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/events/event/add/")
    reading = page.locator("output.date-reading")

    page.fill("#id_date_text", "early June")
    reading.filter(has_text="names no year").wait_for(timeout=10000)
    page.fill("#id_date_text", "mid-2015")
    reading.filter(has_text="Understood: May 2015 – August 2015 (EDTF 2015-38)").wait_for(
        timeout=10000
    )

    page.fill("#id_title", "Talks resume in Vienna")
    page.select_option("#id_event_type", str(EventType.objects.get(slug="meeting").pk))
    page.select_option("#id_status", Event.Status.PUBLISHED)
    page.click("input[name=_save]")
    page.wait_for_url(f"{live_server.url}/admin/events/event/")

    event = Event.objects.get(title="Talks resume in Vienna")
    assert (event.starts_on.isoformat(), event.ends_on.isoformat()) == ("2015-05-01", "2015-08-31")
    page.goto(live_server.url + event.get_absolute_url())
    assert page.locator("time").first.inner_text() == "mid-2015"
    assert page.locator("time").first.get_attribute("datetime") == "2015-38"
    context.close()
