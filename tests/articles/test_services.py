"""Deriving an article's citations and cross-references from its body, on save."""

import datetime as dt

import pytest

from articles.models import (
    Article,
    Citation,
    CitationNotUnderstood,
    CrossReference,
    Outlet,
    OutletAlias,
    Source,
)
from articles.services import article_sync_references
from tests import factories

PUBLISHED = dt.datetime(2025, 8, 21, 9, tzinfo=dt.UTC)


@pytest.fixture
def edm(db):
    return factories.publication(name="Eurasia Daily Monitor", short_name="EDM", slug="edm")


def _article(edm, body):
    """An article whose references were never derived: what these tests derive themselves."""
    return Article.objects.create(
        publication=edm, title="An article", slug="an-article", body=body,
        status="published", published_at=PUBLISHED, volume=22,
    )  # fmt: skip


def test_citations_become_sources_of_matched_outlets(edm):
    irna = factories.outlet(name="Islamic Republic News Agency")
    OutletAlias.objects.create(outlet=irna, name="IRNA")
    article = _article(edm, "Ties thawed (IRNA, October 18, 2015; Tehran Times, August 20).")
    result = article_sync_references(article=article)
    assert (result.citations, result.cross_references, result.outlets_created) == (2, 0, 1)
    first, second = article.citations.select_related("source__outlet")
    assert (first.source.outlet, first.source.starts_on, first.text) == (
        irna,
        dt.date(2015, 10, 18),
        "IRNA, October 18, 2015",
    )
    assert second.source.outlet.name == "Tehran Times"
    assert second.source.date_display() == "August 20, 2025"
    assert f'href="{first.source.get_absolute_url()}"' in article.body_html
    assert ">IRNA, October 18, 2015</a>" in article.body_html


def test_re_syncing_is_idempotent_and_keeps_an_editors_url(edm):
    article = _article(edm, "They met (Tehran Times, August 20).")
    article_sync_references(article=article)
    source = Source.objects.get()
    source.url = "https://www.tehrantimes.com/news/1"
    source.save()
    article_sync_references(article=article)
    assert (Source.objects.count(), Outlet.objects.count(), Citation.objects.count()) == (1, 1, 1)
    article.refresh_from_db()
    assert 'href="https://www.tehrantimes.com/news/1"' in article.body_html


def test_cross_references_resolve_to_the_one_article_of_that_day(edm):
    target = factories.article(
        publication=edm, published_at=dt.datetime(2024, 2, 22, 9, tzinfo=dt.UTC)
    )
    article = _article(edm, "Pressure grew (see EDM, February 22, 2024, March 18).")
    result = article_sync_references(article=article)
    assert (result.cross_references, result.unresolved) == (2, 1)
    resolved, missing = article.cross_references.order_by("target_year", "target_month")
    assert resolved.target_article == target
    assert missing.target_article is None and missing.candidates == 0
    assert f'href="{target.get_absolute_url()}"' in article.body_html
    assert 'href="/edm/2025/03/18/"' in article.body_html
    assert list(CrossReference.objects.unresolved()) == [missing]


def test_several_articles_that_day_link_to_the_day_archive_for_the_editor_to_choose(edm):
    day = dt.datetime(2024, 2, 22, 9, tzinfo=dt.UTC)
    one = factories.article(publication=edm, published_at=day)
    factories.article(publication=edm, published_at=day + dt.timedelta(hours=2))
    article = _article(edm, "See the analysis (see EDM, February 22, 2024).")
    article_sync_references(article=article)
    xref = article.cross_references.get()
    assert (xref.target_article, xref.candidates, xref.is_ambiguous()) == (None, 2, True)
    assert 'href="/edm/2024/02/22/"' in article.body_html
    # The editor chooses; re-parsing keeps the choice.
    xref.target_article, xref.chosen_by_editor = one, True
    xref.save()
    article_sync_references(article=article)
    kept = article.cross_references.get()
    assert (kept.target_article, kept.chosen_by_editor) == (one, True)
    assert f'href="{one.get_absolute_url()}"' in article.body_html


def test_see_also_of_an_outlet_is_a_citation_not_a_cross_reference(edm):
    article = _article(edm, "Compare (see Kremlin.ru, May 21).")
    article_sync_references(article=article)
    citation = article.citations.get()
    assert citation.see and citation.source.outlet.name == "Kremlin.ru"
    assert not article.cross_references.exists()


def test_note_markers_link_to_their_notes(edm):
    article = _article(edm, "BRICS partners (President of Iran, August 20). [1]")
    factories.note(article, 1, "BRICS is a loose grouping.")
    article_sync_references(article=article)
    assert '<sup class="note-ref" id="note-ref-1"><a href="#note-1"' in article.body_html


def test_editor_text_in_citations_is_escaped(edm):
    article = _article(
        edm, 'Odd (<script>x</script> News, August 20) and (Evil "Outlet", August 20).'
    )
    article_sync_references(article=article)
    assert "<script>" not in article.body_html


def test_a_titled_source_of_that_outlet_and_date_is_reused(edm):
    titled = factories.source(
        outlet=factories.outlet(name="Tehran Times"),
        year=2025,
        month=8,
        day=20,
        title="Presidents meet",
    )
    article = _article(edm, "They met (Tehran Times, August 20).")
    article_sync_references(article=article)
    article_sync_references(article=article)
    assert list(Source.objects.all()) == [titled]
    assert article.citations.get().source == titled


def test_an_outlet_written_as_a_domain_is_its_outlet_without_www_and_top_level_domain(edm):
    kommersant = factories.outlet(name="Kommersant")
    kremlin = factories.outlet(name="Kremlin.ru")
    article = _article(
        edm,
        "They agreed (kommersant.ru, April 11; www.kremlin.ru, May 5; www.example-news.by, May 6).",
    )
    result = article_sync_references(article=article)
    assert (result.citations, result.outlets_created) == (3, 1)
    outlets = [c.source.outlet for c in article.citations.select_related("source__outlet")]
    assert outlets[:2] == [kommersant, kremlin]
    assert (outlets[2].name, outlets[2].key) == ("example-news.by", "example news by")
    # Written later without its "www.", it is the same outlet.
    article.body = "Again (example-news.by, May 7)."
    article_sync_references(article=article)
    assert article.citations.get().source.outlet == outlets[2]


def test_an_alias_of_the_domain_wins_over_the_name_without_its_top_level_domain(edm):
    factories.outlet(name="Kremlin")
    site = factories.outlet(name="President of Russia")
    OutletAlias.objects.create(outlet=site, name="kremlin.ru")
    article = _article(edm, "It said (www.kremlin.ru, May 5).")
    article_sync_references(article=article)
    assert article.citations.get().source.outlet == site


def test_items_not_understood_are_kept_for_the_editor_and_replaced_on_each_save(edm):
    article = _article(
        edm,
        "First (Interfax, Vedomosti, March 2; see Part Two of this series).\n\n"
        "Then (@handle_one; @handle_two, March 3) and (Meduza, March 1, accessed March 5).",
    )
    result = article_sync_references(article=article)
    assert (result.citations, result.not_understood) == (5, 1)
    [unread] = CitationNotUnderstood.objects.filter(article=article)
    assert (unread.text, unread.paragraph) == ("see Part Two of this series", 0)
    assert unread.group == "(Interfax, Vedomosti, March 2; see Part Two of this series)"
    assert article.body[unread.position :].startswith(unread.text)
    article.refresh_from_db()
    for name in ("Interfax", "Vedomosti", "@handle_one", "@handle_two, March 3", "Meduza, March 1"):
        assert f">{name}</a>" in article.body_html
    article.body = "First (Interfax, March 2)."
    article.save()
    assert article_sync_references(article=article).not_understood == 0
    assert not CitationNotUnderstood.objects.filter(article=article).exists()
