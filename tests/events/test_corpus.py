"""generate_corpus: an archive at any size, with the derived data a save would produce."""

import pytest
from django.core.management import CommandError, call_command
from django.template.loader import render_to_string

from articles.models import (
    Article,
    ArticlePage,
    ArticleSubject,
    Citation,
    CrossReference,
    RelatedArticle,
    Source,
)
from articles.services import article_sync_references
from articles.services.pages import (
    article_page_context,
    article_pages_render,
    item_render,
    related_entries,
)
from articles.services.related import KEPT, related_ranking, related_rankings
from articles.services.subjects import classification_keys
from events.corpus import place_coordinates
from events.models import Event, Place
from events.services.saving import event_subject_keys
from monitor.search.models import SearchDocument
from monitor.search.services import search_index_article, search_reindex

pytestmark = pytest.mark.django_db

INDEXED = ("kind", "object_id", "title", "body", "url", "date", "publications", "regions")


def _generate(capsys, articles=40, events=60, seed=7):
    call_command("generate_corpus", "--articles", articles, "--events", events, "--seed", seed)
    return capsys.readouterr()


def test_a_corpus_is_what_saves_would_have_made(capsys):
    out = _generate(capsys).out
    assert "Corpus: 4 publications" in out and "40 articles" in out and "60 events" in out
    assert Article.objects.public().count() == 40
    assert Citation.objects.count() > 40 * 5 and CrossReference.objects.exclude(target_article=None)
    assert Place.objects.exclude(latitude=None).count() > 300  # of 400: GeoJSON has points
    # Re-deriving an article as a save does changes nothing it holds.
    for article in Article.objects.order_by("?")[:5]:
        before = (
            article.body_html,
            sorted(article.citations.values_list("source_id", "position", "text")),
            sorted(article.cross_references.values_list("target_article_id", "position")),
        )
        sources = Source.objects.count()
        article_sync_references(article=article)
        article.refresh_from_db()
        after = (
            article.body_html,
            sorted(article.citations.values_list("source_id", "position", "text")),
            sorted(article.cross_references.values_list("target_article_id", "position")),
        )
        assert after == before and Source.objects.count() == sources
    # The subjects and the search index are those the write path and reindex keep.
    keys = event_subject_keys(Article.objects.values_list("pk", flat=True))
    for article_id, found in keys.items():
        held = set(
            ArticleSubject.objects.filter(
                article_id=article_id, key__regex=r"^(event|actor):"
            ).values_list("key", flat=True)
        )
        assert held == found
    indexed = sorted(SearchDocument.objects.values_list(*INDEXED))
    search_reindex()
    assert sorted(SearchDocument.objects.values_list(*INDEXED)) == indexed
    assert Event.objects.filter(start_precision="decade").exists() or Event.objects.count() < 100


PAGE = ("meta_html", "main_html", "item_html", "related_html", "rendered_with")


def test_what_a_corpus_derives_in_bulk_is_what_the_write_path_derives_one_by_one(capsys):
    _generate(capsys, articles=60, events=150, seed=5)
    articles = list(Article.objects.public().for_display().order_by("pk"))
    pages = {row[0]: row[1:] for row in ArticlePage.objects.values_list("article_id", *PAGE)}
    related = {
        article.pk: list(
            RelatedArticle.objects.filter(article=article)
            .order_by("-score", "-related__published_at", "-related")
            .values_list("related_id", "score")
        )
        for article in articles
    }
    assert len(pages) == 60 and sum(map(len, related.values())) > 60 * 5
    assert dict(related_rankings(limit=KEPT)) == related
    documents = {
        row[1]: row for row in SearchDocument.objects.filter(kind="article").values_list(*INDEXED)
    }
    for article in articles:
        # The related list, as a save ranks it.
        assert related[article.pk] == related_ranking(article.pk, limit=KEPT)
        # The stored page, as rendered from the article alone.
        context = article_page_context(article)
        assert pages[article.pk] == (
            render_to_string("articles/_article_meta.html", context),
            render_to_string("articles/_article_main.html", context),
            item_render(article),
            "".join(related_entries([article.pk])[article.pk]),
            pages[article.pk][-1],
        )
        # Its subjects, as the write path keeps them.
        held = set(ArticleSubject.objects.filter(article=article).values_list("key", flat=True))
        keys = classification_keys([article.pk])[article.pk]
        assert held == keys | event_subject_keys([article.pk])[article.pk]
        # Its search document, as the index listener writes it.
        document = search_index_article(article)
        assert documents[article.pk] == tuple(getattr(document, name) for name in INDEXED)
    # And the pages again as the write path stores them, one article at a time.
    for article in articles[:10]:
        article_pages_render([article.pk])
        assert ArticlePage.objects.values_list(*PAGE).get(article=article) == pages[article.pk]


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("reseeded")
def test_the_same_seed_makes_the_same_corpus(capsys):
    # Committed, so that the flush between the two runs is a real one (on PostgreSQL a flush
    # inside the test's transaction meets the deferred foreign-key checks still pending).
    _generate(capsys, seed=3)
    first = list(Article.objects.order_by("pk").values_list("title", "published_at"))
    call_command("flush", "--no-input", verbosity=0)
    from tests.seeds import reseed

    reseed()
    _generate(capsys, seed=3)
    assert list(Article.objects.order_by("pk").values_list("title", "published_at")) == first


def test_places_lie_where_they_are_drawn_apart_from_the_rest_of_the_corpus():
    drawn = place_coordinates(1, 50)
    assert drawn == place_coordinates(1, 50) and drawn != place_coordinates(2, 50)
    placed = [pair for pair in drawn if pair[0] is not None]
    assert 35 <= len(placed) < 50 and all(None not in pair for pair in drawn if pair[0])
    assert all(35 <= lat <= 60 and 15 <= lon <= 80 for lat, lon in placed)


def test_a_database_with_articles_is_refused_in_one_line(capsys):
    _generate(capsys, articles=4, events=0)
    with pytest.raises(CommandError, match=r"^The database already holds 4 articles: .*flush"):
        call_command("generate_corpus", "--articles", "4", "--events", "0")
