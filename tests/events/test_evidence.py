"""Evidence (issue 13): the paragraphs of articles that support an event, recorded when a
suggestion is accepted or picked in the admin, linked from the event page, marked on the
article page, given in the API, and kept, marked as gone, when the paragraph is edited away."""

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Change
from articles.rendering import article_paragraphs
from events.models import Event, EventEvidence
from events.services import (
    article_refresh_suggestions,
    event_save,
    suggestion_accept,
    suggestion_attach,
)
from tests import factories
from tests.commits import committed

pytestmark = pytest.mark.django_db

VISIT = "On August 19, Masoud Pezeshkian met Lukashenko in Minsk."
BODY = f"Relations grew over the summer.\n\n{VISIT} The weather was fine.\n\nNothing else happened."


@pytest.fixture
def article(db):
    factories.actor(name="Masoud Pezeshkian", kind="person")
    lukashenka = factories.actor(name="Alyaksandr Lukashenka", kind="person")
    factories.actor_alias(lukashenka, name="Lukashenko")
    return factories.article(body=BODY, published_at=dt.datetime(2025, 8, 21, 9, tzinfo=dt.UTC))


def _accepted(article, editor) -> Event:
    article_refresh_suggestions(article=article)
    with committed():
        event = suggestion_accept(suggestion=article.event_suggestions.get(), by=editor)
    return event


def _publish(event) -> Event:
    event.status = Event.Status.PUBLISHED
    with committed():
        event_save(event=event)
    return event


def _visit_anchor(body=BODY) -> str:
    return next(p.anchor for p in article_paragraphs(body) if VISIT in p.text)


def test_accepting_a_suggestion_records_its_paragraph(article, editor):
    event = _accepted(article, editor)
    evidence = event.evidence.get()
    assert (evidence.article, evidence.anchor, evidence.in_article) == (
        article,
        _visit_anchor(),
        True,
    )
    assert evidence.excerpt.startswith(VISIT[:-1]) and evidence.created_by == editor
    # Its anchor is an id of the article's rendered body.
    article.refresh_from_db()
    assert f'id="{evidence.anchor}"' in article.body_html


def test_adding_a_suggestion_to_an_existing_event_records_its_paragraph_too(article, editor):
    event = _accepted(article, editor)
    second = factories.article(
        body=f"A week of visits.\n\n{VISIT}",
        published_at=dt.datetime(2025, 8, 22, 9, tzinfo=dt.UTC),
    )
    article_refresh_suggestions(article=second)
    with committed():
        suggestion_attach(suggestion=second.event_suggestions.get(), event=event, by=editor)
    assert sorted(event.evidence.values_list("article_id", "anchor")) == sorted(
        [(article.pk, _visit_anchor()), (second.pk, _visit_anchor(second.body))]
    )


def test_the_event_page_links_to_the_paragraph_the_article_page_marks_it(
    client, article, editor, django_assert_max_num_queries
):
    event = _publish(_accepted(article, editor))
    anchor = _visit_anchor()
    page = client.get(event.get_absolute_url()).text
    link = f'href="{article.get_absolute_url()}#{anchor}"'
    assert link in page
    assert "Masoud Pezeshkian met Lukashenko" in page
    # The article's stored page was rendered again when the event was published, marked.
    html = client.get(article.get_absolute_url()).text
    assert f'id="{anchor}" class="supports"' in html
    assert f'href="{event.get_absolute_url()}" aria-label="This paragraph supports the event:' in (
        html
    )
    assert html.count('class="supports"') == 1
    # More evidence, more articles: the event page reads them in the same number of queries.
    cache.clear()  # the page as a first reader gets it, rendered
    with CaptureQueriesContext(connection) as first:
        client.get(event.get_absolute_url())
    for _ in range(3):
        other = factories.article(body=f"Intro.\n\n{VISIT}")
        with committed():
            event_save(
                event=event,
                write=lambda other=other: (
                    event.articles.add(other),
                    EventEvidence.objects.create(
                        event=event, article=other, anchor=_visit_anchor(other.body), excerpt=VISIT
                    ),
                ),
            )
    cache.clear()
    with django_assert_max_num_queries(len(first)):
        page = client.get(event.get_absolute_url()).text
    assert len(re.findall(r'href="/[^"]*#p-[0-9a-f]{6}"', page)) == 4


def test_a_draft_events_evidence_is_not_marked(client, article, editor):
    _accepted(article, editor)
    assert 'class="supports"' not in client.get(article.get_absolute_url()).text


def test_the_api_gives_the_evidence_of_readable_articles(api, article, editor):
    event = _publish(_accepted(article, editor))
    draft = factories.article(published=False, body=f"Draft.\n\n{VISIT}")
    with committed():
        event_save(
            event=event,
            write=lambda: (
                event.articles.add(draft),
                EventEvidence.objects.create(
                    event=event, article=draft, anchor=_visit_anchor(draft.body), excerpt=VISIT
                ),
            ),
        )
    for address in (f"/api/v1/events/{event.uuid}/", "/api/v1/events/"):
        data = api.get(address).json()
        data = data["results"][0] if "results" in data else data
        [evidence] = data["evidence"]
        assert evidence["article"] == article.pk
        assert evidence["anchor"] == _visit_anchor()
        assert evidence["url"].endswith(f"{article.get_absolute_url()}#{_visit_anchor()}")
        assert evidence["url"].startswith("http")
        assert evidence["excerpt"].startswith("On August 19")
        assert evidence["in_article"] is True


def test_evidence_of_a_readable_article_no_longer_reporting_the_event_is_given(
    api, article, editor
):
    event = _publish(_accepted(article, editor))
    with committed():
        event_save(event=event, write=lambda: event.articles.remove(article))
    assert event.evidence.filter(article=article).exists()
    for address in (f"/api/v1/events/{event.uuid}/", "/api/v1/events/"):
        data = api.get(address).json()
        data = data["results"][0] if "results" in data else data
        assert data["articles"] == [] and data["articles_count"] == 0
        [evidence] = data["evidence"]
        assert evidence["article"] == article.pk
        assert evidence["url"].endswith(f"{article.get_absolute_url()}#{_visit_anchor()}")


def test_an_edited_paragraph_is_found_again_a_removed_one_kept_as_gone(
    client, api, article, editor
):
    event = _publish(_accepted(article, editor))
    version = Event.objects.get(pk=event.pk).version
    # Edited around the sentence: found again by its words, under its new anchor.
    edited = BODY.replace("The weather was fine.", "It rained.")
    with committed():
        factories.resave(article, body=edited)
    evidence = event.evidence.get()
    assert (evidence.anchor, evidence.in_article) == (_visit_anchor(edited), True)
    assert _visit_anchor(edited) != _visit_anchor()
    assert Event.objects.get(pk=event.pk).version == version + 1  # through event_save
    html = client.get(article.get_absolute_url()).text
    assert f'id="{_visit_anchor(edited)}" class="supports"' in html
    # Removed: kept with its words, marked as no longer in the article, pointing nowhere.
    with committed():
        factories.resave(article, body="Relations grew over the summer.\n\nNothing else happened.")
    evidence.refresh_from_db()
    assert evidence.in_article is False
    assert evidence.excerpt.startswith("On August 19")
    page = client.get(event.get_absolute_url()).text
    assert "no longer in the article" in page
    assert f"#{evidence.anchor}" not in page
    assert 'class="supports"' not in client.get(article.get_absolute_url()).text
    data = api.get(f"/api/v1/events/{event.uuid}/").json()
    assert data["evidence"][0]["in_article"] is False
    assert "#" not in data["evidence"][0]["url"]
    assert Change.objects.filter(resource="event", resource_id=str(event.uuid)).count() >= 3


def test_the_admin_inline_picks_a_paragraph_of_the_events_articles(editor_client, article):
    from tests.articles.test_admin import form_data

    event = factories.event()
    factories.attach(event, article)
    url = f"/admin/events/event/{event.pk}/change/"
    page = editor_client.get(url)
    anchor = _visit_anchor()
    assert f'value="{article.pk}:{anchor}"' in page.text
    data = form_data(page)
    prefix = "evidence"
    data |= {
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-0-paragraph": f"{article.pk}:{anchor}",
        f"{prefix}-0-event": str(event.pk),
    }
    with committed():
        response = editor_client.post(url, data)
    assert response.status_code == 302, re.findall(r"errorlist[^<]*<li>([^<]*)", response.text)
    evidence = event.evidence.get()
    assert (evidence.anchor, evidence.created_by.username) == (anchor, "editor")
    assert evidence.excerpt.startswith(VISIT[:-1])
    # A paragraph of an article the event does not list is refused, nothing saved.
    data[f"{prefix}-0-paragraph"] = f"{article.pk}:p-000000"
    data[f"{prefix}-INITIAL_FORMS"] = "1"
    data[f"{prefix}-0-id"] = str(evidence.pk)
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert event.evidence.get().anchor == anchor
