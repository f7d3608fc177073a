"""Timeline pages stored whole (``events.services.pages``): read in one query while current,
and after every change readers would see, the page shows it."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from freezegun import freeze_time

from articles.models import ArticleStatus
from articles.services import article_transition
from events.models import StoredPage
from events.services import actor_saved, event_save
from events.services.pages import page_request
from monitor.core.caching import site_changed
from tests import factories
from tests.articles.test_admin import form_data
from tests.commits import committed

pytestmark = pytest.mark.django_db


def get(client, path):
    """The page as a reader gets it, past the page cache (which the tests' changes move on
    too): what is stored whole, or rendered."""
    site_changed()
    response = client.get(path)
    assert response.status_code == 200
    return response.text


def stored():
    return set(StoredPage.objects.values_list("path", flat=True))


@pytest.fixture
def talks(db):
    """Iran and Belarus, the event they share, and an article about it."""
    iran, belarus = factories.actor(name="Iran"), factories.actor(name="Belarus")
    event = factories.event(title="Talks in Minsk", actors=[(iran, "host"), (belarus, "visitor")])
    factories.attach(event, factories.article(title="What the talks mean"))
    return SimpleNamespace(iran=iran, belarus=belarus, event=event)


def test_a_page_is_stored_once_and_then_read_in_one_query(client, talks):
    iran, belarus = talks.iran, talks.belarus
    place = factories.place(name="Minsk")
    factories.event(title="In Minsk", place=place, actors=[(iran, "host")])
    paths = [iran.get_absolute_url(), f"/timeline/{iran.slug}/{belarus.slug}/",
             f"/timeline/{belarus.slug}/{iran.slug}/", place.get_absolute_url()]  # fmt: skip
    rendered = {path: get(client, path) for path in paths}
    assert stored() == {f"{path}?events=1&page=1" for path in paths}
    for path in paths:
        site_changed()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).text == rendered[path]  # byte for byte
        assert len(queries) == 1
    # The same page asked for by its numbers is the one stored.
    assert get(client, f"{iran.get_absolute_url()}?events=1&page=1") == rendered[paths[0]]


def test_only_pages_asked_for_by_the_numbers_they_show_are_stored(client, talks, monkeypatch):
    monkeypatch.setattr("events.views.PAGE_SIZE", 1)
    factories.attach(talks.event, factories.article(title="A second article"))
    url = talks.iran.get_absolute_url()
    second = get(client, f"{url}?page=2")
    for other in ("?page=02", "?page=3", "?page=x", "?page=2&events=0", "?events=2&page=2"):
        assert get(client, f"{url}{other}")  # rendered as before (the last page, the first)
    assert get(client, f"{url}?page=99") == second
    assert stored() == {f"{url}?events=1&page=2"}


def test_an_event_change_shows(client, talks):
    event = talks.event
    iran, url = talks.iran, talks.iran.get_absolute_url()
    assert "Talks in Minsk" in get(client, url)
    event.title = "Talks in Brest"
    with committed():
        event_save(event=event)
    page = get(client, url)
    assert "Talks in Brest" in page and "Talks in Minsk" not in page
    with committed():
        factories.event(title="A new meeting", actors=[(iran, "host")])
    assert "A new meeting" in get(client, url)


def test_an_article_published_or_retracted_shows(client, talks):
    event, url = talks.event, talks.iran.get_absolute_url()
    draft = factories.article(title="Not yet out", published=False)
    factories.attach(event, draft)
    assert "Not yet out" not in get(client, url)
    publisher = factories.user("Publisher")
    with committed():
        for action in ("submit", "approve", "publish"):
            article_transition(article=draft, action=action, by=publisher)
    assert "Not yet out" in get(client, url)
    with committed():
        article_transition(article=draft, action="retract", by=publisher, comment="Wrong.")
    assert "Not yet out" not in get(client, url)
    article = event.articles.get(title="What the talks mean")
    factories.resave(article, title="What the talks meant")
    page = get(client, url)
    assert "What the talks meant" in page and "What the talks mean<" not in page


def test_an_article_due_by_the_clock_shows_at_its_time(client, talks):
    at = timezone.now() + dt.timedelta(hours=1)
    scheduled = factories.article(
        title="Out at its time", status=ArticleStatus.SCHEDULED, published_at=at
    )
    factories.attach(talks.event, scheduled)
    url = talks.iran.get_absolute_url()
    assert "Out at its time" not in get(client, url)
    assert StoredPage.objects.get().stale_at == at
    with freeze_time(at + dt.timedelta(seconds=1)):  # no worker has run: nothing was written
        assert "Out at its time" in get(client, url)


def test_a_renamed_actor_shows_on_its_partners_pages(client, talks):
    iran, belarus = talks.iran, talks.belarus
    paths = [iran.get_absolute_url(), f"/timeline/{iran.slug}/{belarus.slug}/"]
    for path in paths:
        assert "Belarus" in get(client, path)
    belarus.name = "Republic of Belarus"
    with committed():
        belarus.save()
        actor_saved(actor=belarus, fields={"name"})
    for path in paths:
        assert "Republic of Belarus" in get(client, path)


def test_an_actor_edited_in_the_admin_shows(client, editor_client, talks):
    iran, url = talks.iran, talks.iran.get_absolute_url()
    assert "An Islamic republic" not in get(client, url)
    change = f"/admin/events/actor/{iran.pk}/change/"
    data = form_data(editor_client.get(change)) | {"description": "An Islamic republic"}
    with committed():
        assert editor_client.post(change, data).status_code == 302
    assert "An Islamic republic" in get(client, url)


def test_a_place_page_follows_its_events(client, db):
    minsk = factories.place(name="Minsk")
    event = factories.event(title="Talks", place=minsk)
    assert "Talks" in get(client, minsk.get_absolute_url())
    event.place = factories.place(name="Brest")
    with committed():
        event_save(event=event)
    assert "Talks" not in get(client, minsk.get_absolute_url())


def test_a_page_rendered_before_a_change_and_stored_after_it_is_never_shown(rf, client, talks):
    """A reader who read the material before a change and stored the page after it."""
    url = talks.iran.get_absolute_url()
    request = page_request(rf.get(url))
    before = client.get(url)  # rendered from the material before the change
    StoredPage.objects.all().delete()
    event = talks.event
    event.title = "Talks in Brest"
    with committed():
        event_save(event=event)
    request.keep(before, events=1, articles=1)  # stored under the generation read before
    assert StoredPage.objects.count() == 1
    page = get(client, url)
    assert "Talks in Brest" in page and "Talks in Minsk" not in page


def test_pages_rendered_with_other_templates_are_rendered_again(client, talks):
    url = talks.iran.get_absolute_url()
    get(client, url)
    StoredPage.objects.update(html="<p>old templates</p>", rendered_with="before-a-deploy")
    page = get(client, url)
    assert "Talks in Minsk" in page and "old templates" not in page


def test_a_place_renamed_in_the_admin_shows_on_its_page(client, editor_client, db):
    minsk = factories.place(name="Minsk")
    factories.event(title="Talks", place=minsk)
    assert "Minsk" in get(client, minsk.get_absolute_url())
    change = f"/admin/events/place/{minsk.pk}/change/"
    data = form_data(editor_client.get(change)) | {"name": "Mensk"}
    with committed():
        assert editor_client.post(change, data).status_code == 302
    page = get(client, minsk.get_absolute_url())
    assert "Mensk" in page and "Minsk" not in page
