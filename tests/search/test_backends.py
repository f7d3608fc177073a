"""Search: ranked, highlighted, filtered, public only; on SQLite (FTS5) and PostgreSQL alike."""

import datetime as dt

import pytest
from django.db import connection
from django.utils import timezone

from articles.models import ArticleStatus
from events.models import ActorAlias
from monitor.search.backends import search, with_snippets
from monitor.search.filters import SearchDocumentFilterSet
from monitor.search.models import SearchDocument
from monitor.search.services import (
    search_index_actor,
    search_index_article,
    search_index_event,
    search_index_place,
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


def test_a_quoted_phrase_finds_the_words_together_only(db):
    together = factories.article(title="One", body="Talks on border security resumed.")
    apart = factories.article(title="Two", body="Security talks near the border.")
    search_reindex()
    assert {h.document.object_id for h in _search("border security")} == {together.pk, apart.pk}
    assert [h.document.object_id for h in _search('"border security"')] == [together.pk]
    assert [h.document.object_id for h in _search("“security talks”")] == [apart.pk]


def _bm25_order(match: str, entries: set[int]) -> list[int]:
    """``entries`` in the order FTS5's bm25 of ``match`` over the whole index puts them
    (the newest first where equal), read straight from SQLite."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid, bm25(search_fts, 10.0, 1.0) FROM search_fts WHERE search_fts MATCH %s",
            [match],
        )
        scores = {entry: score for entry, score in cursor.fetchall() if entry in entries}
    assert scores.keys() == entries
    return sorted(entries, key=lambda entry: (scores[entry], -entry))


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite FTS5's ranking of phrases")
@pytest.mark.parametrize("walk", [5000, 2])
def test_a_phrase_is_ranked_by_its_words_or_when_they_are_many_by_itself(db, monkeypatch, walk):
    from monitor.search import backends, queries

    monkeypatch.setattr(backends, "PHRASE_SCORING_WALK", walk)
    now = timezone.now()
    bodies = [
        "Border security. Border security talks, border security again, security at the border.",
        "Border security was discussed once.",
        "Security, security, security and border security; the border, the border.",
        "The border and security: no phrase here.",
        "Border security in passing, among many other words of a long and winding text.",
    ]
    for days, body in enumerate(bodies):
        factories.article(
            title=f"Article {days}", body=body, published_at=now - dt.timedelta(days=days)
        )
    search_reindex()
    clauses = queries.parse('"border security"')
    hits = search(clauses, SearchDocument.objects.all())
    entries = {hit.document.entry for hit in hits}
    assert len(entries) == 4  # the phrase's matches only
    # Within reach, by the words' bm25 over the whole index; past it, by the phrase's own.
    ranked_by = queries.fts5_words(clauses) if walk > len(bodies) else queries.fts5(clauses)
    assert [hit.document.entry for hit in hits] == _bm25_order(ranked_by, entries)
    assert _bm25_order(queries.fts5_words(clauses), entries) != _bm25_order(
        queries.fts5(clauses), entries
    )


def test_another_name_of_an_actor_finds_what_the_archive_calls_it(db):
    person = factories.actor(name="Alyaksandr Lukashenka", kind="person")
    ActorAlias.objects.create(actor=person, name="Lukashenko")
    factories.event(actors=[(person, "host")])
    article = factories.article(body="Lukashenka received the delegation in Minsk.")
    search_reindex()
    found = _search("lukashenko")
    assert article.pk in [h.document.object_id for h in found if h.document.kind == "article"]
    (hit,) = [
        h for h in found if h.document.object_id == article.pk and h.document.kind == "article"
    ]
    assert "<mark>Lukashenka</mark>" in hit.snippet


def test_a_common_word_ranks_its_newest_matches(db, settings, monkeypatch):
    from monitor.search import backends

    monkeypatch.setattr(backends, "CANDIDATES", 3)
    now = timezone.now()
    articles = [
        factories.article(body="Drones.", published_at=now - dt.timedelta(days=days))
        for days in (50, 40, 30, 20, 10)
    ]
    search_reindex()
    found = {h.document.object_id for h in _search("drones")}
    assert found == {article.pk for article in articles[-3:]}


def test_a_reindexed_document_leaves_no_stale_entry_behind(db):
    """The full-text entry follows the document whatever its date was: an article moved to
    another day, then removed, is found neither under its old key nor its new one."""
    article = factories.article(body="Icebreakers on the Northern Sea Route.")
    search_index_article(article)
    article.published_at = timezone.now() - dt.timedelta(days=900)
    article.save()
    search_index_article(article)
    assert [h.document.object_id for h in _search("icebreakers")] == [article.pk]
    article.status = ArticleStatus.DRAFT
    article.save()
    search_index_article(article)
    assert _search("icebreakers") == []
    assert _full_text_entries() == SearchDocument.objects.count()
    again = factories.article(body="Tankers only.")
    search_index_article(again)
    assert _search("icebreakers") == [] and _full_text_entries() == SearchDocument.objects.count()


def _full_text_entries() -> int:
    from django.db import connection

    if connection.vendor != "sqlite":
        return SearchDocument.objects.exclude(search_vector=None).count()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_fts")
        return cursor.fetchone()[0]


def test_search_page_says_what_it_searched_for_instead_and_counts_by_kind(client, db):
    person = factories.actor(name="Masoud Pezeshkian", kind="person")
    factories.event(title="Pezeshkian visits Minsk", actors=[(person, "visitor")])
    factories.article(body="Pezeshkian arrived in Minsk on August 19.")
    search_reindex()
    response = client.get("/search/", {"q": "Pezeshkain"})
    assert response.status_code == 200
    assert "Nothing was found for “Pezeshkain”" in response.text
    assert (
        "Did you mean <strong>“Pezeshkian”</strong>?" in response.text
        or "Did you mean <strong>“pezeshkian”</strong>?" in response.text
    )
    assert response.text.count("<mark>") >= 2
    facets = response.text.split('class="facets"')[1].split("</nav>")[0]
    assert 'Articles <span class="count">1</span>' in facets
    assert 'Events <span class="count">1</span>' in facets
    assert "kind=event" in facets
    narrowed = client.get("/search/", {"q": "pezeshkian", "kind": "event"})
    assert "1 result for" in narrowed.text and 'aria-current="true"' in narrowed.text


def test_places_are_found_once_a_published_event_happened_there(db):
    place = factories.place(name="Sochi", country=factories.region(name="Russia"))
    search_index_place(place)
    assert _search("sochi") == []  # no published event yet: unknown outside the newsroom
    factories.event(title="Talks", place=place)
    search_reindex()
    found = [h for h in _search("sochi") if h.document.kind == "place"]
    assert [h.document.title for h in found] == ["Sochi, Russia"]
    assert found[0].document.url == place.get_absolute_url()


def test_renaming_a_place_in_its_service_reindexes_it(db, django_capture_on_commit_callbacks):
    from events.services import place_saved

    place = factories.place(name="Sochi")
    factories.event(title="Talks", place=place)
    place.name = "Adler"
    place.save()
    with django_capture_on_commit_callbacks(execute=True):
        place_saved(place=place, fields={"name"})
    assert [h.document.title for h in _search("adler") if h.document.kind == "place"] == ["Adler"]


def test_the_last_word_is_a_prefix_only_while_the_index_lacks_it(db):
    from monitor.search.backends import read_query

    article = factories.article(body="Shahed drones over Kyiv.")
    search_index_article(article)
    assert read_query("shahed drones")[-1].prefix is False  # a word of the index
    assert read_query("shahed dro")[-1].prefix is True  # still being typed
    assert [h.document.object_id for h in _search("shahed dro")] == [article.pk]
    assert [h.document.object_id for h in _search("drone")] == [article.pk]  # its stem


def test_a_search_tried_again_as_the_index_spells_it_costs_a_bounded_few_queries(
    client, db, django_assert_max_num_queries
):
    person = factories.actor(name="Masoud Pezeshkian", kind="person")  # PostgreSQL's names
    factories.event(title="Visit", actors=[(person, "visitor")])
    for n in range(5):
        factories.article(body=f"Pezeshkian arrived in Minsk, visit {n}.")
    search_reindex()
    # Each unknown word: whether the index holds it, its neighbours in the vocabulary and
    # how a document writes the best; then the search again, as spelt.
    with django_assert_max_num_queries(16):
        response = client.get("/search/", {"q": "Pezeshkain Minsk"})
    assert "Showing results for" in response.text
    assert "5 results" in response.text
