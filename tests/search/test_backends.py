"""Search: ranked, highlighted, filtered, public only; on SQLite (FTS5) and PostgreSQL alike."""

import datetime as dt

from django.utils import timezone

from articles.models import ArticleStatus
from monitor.search.backends import search, with_snippets
from monitor.search.filters import SearchDocumentFilterSet
from monitor.search.models import SearchDocument
from monitor.search.services import (
    search_index_actor,
    search_index_article,
    search_index_event,
    search_reindex,
)
from tests import factories


def _search(text, **filters):
    """Ranked hits, with the snippets a results page would show them with."""
    documents = SearchDocumentFilterSet(filters, queryset=SearchDocument.objects.all()).qs
    return with_snippets(search(text, documents), text)


def test_title_matches_rank_above_body_matches_and_snippets_are_highlighted(db):
    in_body = factories.article(title="A quiet week", body="Talk of drones in passing.")
    in_title = factories.article(title="Shahed drones in Belarus", body="Drones, drones.")
    factories.article(title="Unrelated", body="Nothing to see.")
    for article in (in_body, in_title):
        search_index_article(article)
    hits = _search("drones")
    assert [hit.document.object_id for hit in hits] == [in_title.pk, in_body.pk]
    assert "<mark>" in hits[1].snippet and "drones" in hits[1].snippet.lower()


def test_snippets_escape_the_text(db):
    article = factories.article(body="Drones &lt;script&gt; here")
    search_index_article(article)
    (hit,) = _search("drones")
    assert "<script>" not in hit.snippet


def test_searches_articles_actors_and_events(db):
    actor = factories.actor(name="Pezeshkian", description="President of Iran")
    event = factories.event(title="Pezeshkian visits Minsk", actors=[(actor, "visitor")])
    article = factories.article(body="Pezeshkian arrived on August 19.")
    search_reindex()
    kinds = {hit.document.kind for hit in _search("pezeshkian")}
    assert kinds == {"article", "event", "actor"}
    assert [h.document.object_id for h in _search("pezeshkian", kind="event")] == [event.pk]
    assert article.pk in [h.document.object_id for h in _search("pezesh", kind="article")]


def test_filters_by_publication_author_topic_region_and_date(db):
    person, topic, region = factories.author(), factories.topic(), factories.region()
    publication = factories.publication()
    wanted = factories.article(publication=publication, authors=[person], body="Minsk talks")
    factories.classify(wanted, topics=[topic])
    factories.classify(wanted, regions=[region])
    old = factories.article(
        body="Minsk talks", published_at=timezone.now() - dt.timedelta(days=400)
    )
    search_reindex()
    for filters in (
        {"publication": publication.slug},
        {"author": person.slug},
        {"topic": topic.slug},
        {"region": region.slug},
        {"date_from": str(timezone.localdate() - dt.timedelta(days=30))},
    ):
        assert [h.document.object_id for h in _search("minsk", **filters)] == [wanted.pk]
    assert [h.document.object_id for h in _search("minsk", date_to="2000-01-01")] == []
    assert {h.document.object_id for h in _search("minsk")} == {wanted.pk, old.pk}


def test_only_public_articles_and_events_are_found(db):
    article = factories.article(body="Minsk talks")
    event = factories.event(title="Minsk talks")
    search_reindex()
    article.status = ArticleStatus.RETRACTED
    article.save()  # not re-indexed: the query itself hides what is no longer public
    event.status = "withdrawn"
    event.save()
    assert _search("minsk") == []
    search_index_event(event)
    search_index_article(article)
    assert not SearchDocument.objects.exclude(kind="actor").exists()


def test_reindex_removes_stale_documents_and_reports(db):
    actor = factories.actor(name="Lukashenka")
    factories.event(actors=[(actor, "host")])  # readers know actors from public events
    search_index_actor(actor)
    SearchDocument.objects.create(kind="article", object_id=999999, title="gone", url="/x/")
    report = search_reindex()
    assert report.removed == 1
    assert "1 stale documents removed" in report.summary()
    assert [h.document.title for h in _search("lukashenka") if h.document.kind == "actor"] == [
        "Lukashenka"
    ]


def test_search_page_renders_results_and_filters(client, db, django_assert_max_num_queries):
    topic = factories.topic(name="Energy")
    for _ in range(5):
        article = factories.article(body="Oil and drones", authors=[factories.author()])
        factories.classify(article, topics=[topic])
    search_reindex()
    with django_assert_max_num_queries(10):
        response = client.get("/search/", {"q": "drones", "topic": topic.slug})
    assert response.status_code == 200
    assert response.text.count("<mark>") >= 5
    assert "5 results" in response.text


def test_reindex_command(db, capsys):
    from django.core.management import call_command

    factories.article()
    call_command("reindex", verbosity=0)
    assert "Search index: 1 articles" in capsys.readouterr().out
