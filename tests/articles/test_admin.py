"""The articles admin: pages load in a bounded number of queries, saves work, mistakes are form errors."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, ArticleStatus, Outlet, OutletAlias, Source
from articles.services import article_sync_references
from bench.forms import form_fields
from tests import factories
from tests.commits import committed

pytestmark = pytest.mark.django_db


def form_data(response) -> dict:
    """The POST data of the admin page in ``response``, with every inline's management form."""
    assert response.status_code == 200
    data = form_fields(response.text)
    assert "csrfmiddlewaretoken" in data, "no POST form on the page"
    return data


def refused(response) -> str:
    """The page an editor sees when the admin refuses a form: status 200, not a redirect."""
    assert response.status_code == 200, "the form was accepted"
    return response.text


# Changelists and change forms load in a number of queries that does not grow with rows.


def _article_with_many_parts():
    publication = factories.publication(short_name="EDM")
    article = factories.article(
        publication=publication, authors=[factories.author() for _ in range(3)]
    )
    factories.classify(article, topics=[factories.topic() for _ in range(3)])
    factories.classify(article, regions=[factories.region() for _ in range(3)])
    for n in range(20):
        factories.summary_point(article, f"Point {n}.", position=n)
        factories.citation(article, position=n)
    for n in range(1, 6):
        factories.note(article, n)
        factories.cross_reference(
            article, position=100 + n, target_article=factories.article(publication=publication)
        )
    for _ in range(10):
        factories.attach(factories.event(), article)
    return article


def test_article_changelist_queries_are_bounded(editor_client, django_assert_max_num_queries):
    for _ in range(20):
        article = factories.article(authors=[factories.author()])
        factories.classify(article, topics=[factories.topic()])
    with django_assert_max_num_queries(12):
        response = editor_client.get("/admin/articles/article/")
    assert response.status_code == 200
    assert article.title in response.text


def test_article_change_form_queries_are_bounded(editor_client, django_assert_max_num_queries):
    article = _article_with_many_parts()
    # Fixed costs: workflow actions, revisions, presence, working copy, preview links; the
    # article's lock, and the savepoint of the admin's transaction inside the lock's; the
    # collapsed inlines' headings (how many citations, citations not understood and
    # cross-references: one query; the empty list of citations not understood costs none).
    with django_assert_max_num_queries(29):
        response = editor_client.get(f"/admin/articles/article/{article.pk}/change/")
    assert response.status_code == 200
    html = response.text
    assert "Point 19." in html
    assert "Events attached" in html


def test_article_change_form_costs_the_same_with_one_or_many_parts(editor_client):
    def queries(article):
        with CaptureQueriesContext(connection) as captured:
            editor_client.get(f"/admin/articles/article/{article.pk}/change/")
        return len(captured)

    few = factories.article(authors=[factories.author()])
    factories.summary_point(few)
    factories.citation(few)
    factories.cross_reference(few, target_article=factories.article())
    factories.attach(factories.event(), few)
    factories.classify(few, topics=[factories.topic()])
    factories.classify(few, regions=[factories.region()])
    factories.note(few)
    queries(few)  # warm the content type cache
    assert queries(_article_with_many_parts()) == queries(few)


def test_source_and_outlet_pages_queries_are_bounded(editor_client, django_assert_max_num_queries):
    outlet = factories.outlet(country=factories.region())
    for _ in range(20):
        factories.outlet_alias(outlet)
    source = factories.source(outlet=outlet)
    for _ in range(20):
        factories.citation(factories.article(), source=source)
        factories.source(outlet=factories.outlet())
    pages = [
        "/admin/articles/source/",
        f"/admin/articles/source/{source.pk}/change/",
        "/admin/articles/outlet/",
        f"/admin/articles/outlet/{outlet.pk}/change/",
    ]
    for page in pages:
        with django_assert_max_num_queries(8):
            response = editor_client.get(page)
        assert response.status_code == 200, page


def test_catalogue_changelists_load(editor_client):
    factories.publication()
    factories.author()
    factories.topic()
    factories.region()
    for model in ("publication", "author", "topic", "region"):
        assert editor_client.get(f"/admin/articles/{model}/").status_code == 200
        assert editor_client.get(f"/admin/articles/{model}/add/").status_code == 200


def test_article_search_and_filters(editor_client):
    wanted = factories.article(title="Iran and Belarus Boost Their Partnership")
    factories.article(title="Something else")
    response = editor_client.get("/admin/articles/article/", {"q": "Belarus"})
    assert wanted.title in response.text
    assert "Something else" not in response.text
    response = editor_client.get(
        "/admin/articles/article/",
        {"status__exact": ArticleStatus.DRAFT, "publication__id__exact": wanted.publication_id},
    )
    assert response.status_code == 200
    assert wanted.title not in response.text


def test_view_on_site_links_public_articles_only(editor_client):
    public, draft = factories.article(), factories.article(published=False)
    response = editor_client.get(f"/admin/articles/article/{public.pk}/change/")
    assert f'href="{public.get_absolute_url()}"' in response.text
    response = editor_client.get(f"/admin/articles/article/{draft.pk}/change/")
    assert "View on site" not in response.text


def test_source_autocomplete_names_outlets(editor_client, django_assert_max_num_queries):
    for n in range(10):
        factories.source(outlet=factories.outlet(name=f"Tehran Times {n}"))
    with django_assert_max_num_queries(6):
        response = editor_client.get(
            "/admin/autocomplete/",
            {
                "term": "tehran",
                "app_label": "articles",
                "model_name": "citation",
                "field_name": "source",
            },
        )
    assert response.status_code == 200
    assert len(response.json()["results"]) == 10
    assert "Tehran Times" in response.json()["results"][0]["text"]


def test_source_pickers_find_a_citation_as_written_and_an_outlets_alias(editor_client):
    president = factories.outlet(name="President of Iran")
    irna = factories.outlet(name="Islamic Republic News Agency")
    factories.outlet_alias(irna, "IRNA")
    cited = factories.source(outlet=president, year=2025, month=8, day=19)
    factories.source(outlet=president, year=2025, month=8, day=20)
    earlier = factories.source(outlet=president, year=2024, month=8, day=19)
    by_alias = factories.source(outlet=irna, year=2025, month=3, day=12)

    def picked(term):
        response = editor_client.get(
            "/admin/autocomplete/",
            {"term": term, "app_label": "events", "model_name": "eventsource",
             "field_name": "source"},
        )  # fmt: skip
        assert response.status_code == 200
        return {int(result["id"]) for result in response.json()["results"]}

    assert picked("President of Iran, August 19") == {cited.pk, earlier.pk}
    assert picked("President of Iran, August 19, 2025") == {cited.pk}
    assert picked("IRNA") == {by_alias.pk}
    assert picked("irna, March 2025") == {by_alias.pk}


# Saving through the admin works end to end.


def test_editor_adds_an_article_with_authors_in_order_points_and_a_note(editor_client, editor):
    publication = factories.publication()
    first, second = factories.author(name="Second Author"), factories.author(name="First Author")
    data = form_data(editor_client.get("/admin/articles/article/add/"))
    data |= {
        "publication": publication.pk,
        "title": "Iran and Belarus Boost Their Partnership",
        "slug": "iran-belarus-partnership",
        "status": ArticleStatus.DRAFT,
        "bylines-TOTAL_FORMS": "2",
        "bylines-0-author": second.pk,
        "bylines-0-position": "0",
        "bylines-1-author": first.pk,
        "bylines-1-position": "1",
        "summary": "• Presidents met in Minsk.\r\n• They signed 12 documents.",
        "notes": "[1] BRICS is a loose grouping.",
    }
    response = editor_client.post("/admin/articles/article/add/", data)
    assert response.status_code == 302, response.context and response.context["errors"]
    article = Article.objects.get(slug="iran-belarus-partnership")
    assert [b.author for b in article.bylines.all()] == [second, first]
    assert [p.text for p in article.summary_points.all()] == [
        "Presidents met in Minsk.",
        "They signed 12 documents.",
    ]
    assert article.notes.get().text == "BRICS is a loose grouping."
    assert article.created_by == editor


def test_editor_picks_the_article_a_cross_reference_points_to(editor_client):
    publication = factories.publication(short_name="EDM")
    article = factories.article(
        publication=publication, body="Earlier (see EDM, February 24, 2016)."
    )
    article_sync_references(article=article)
    target = factories.article(publication=publication)
    url = f"/admin/articles/article/{article.pk}/change/"
    data = form_data(editor_client.get(url)) | {"cross_references-0-target_article": target.pk}
    assert editor_client.post(url, data).status_code == 302
    # Saving re-derives the cross-references from the body; the editor's choice survives.
    crossref = article.cross_references.get()
    assert (crossref.target_article, crossref.chosen_by_editor) == (target, True)
    article.refresh_from_db()
    assert f'href="{target.get_absolute_url()}"' in article.body_html


def test_saving_an_article_derives_its_citations_from_the_body(editor_client):
    article = factories.article(body="They met (Tehran Times, August 20).")
    url = f"/admin/articles/article/{article.pk}/change/"
    data = form_data(editor_client.get(url)) | {"title": "A better title"}
    assert editor_client.post(url, data).status_code == 302
    article.refresh_from_db()
    assert article.title == "A better title"
    assert [c.source.outlet.name for c in article.citations.all()] == ["Tehran Times"]
    data = form_data(editor_client.get(url)) | {"body": "They met (Belta, August 21)."}
    assert editor_client.post(url, data).status_code == 302
    assert [c.source.outlet.name for c in article.citations.all()] == ["Belta"]


# Mistakes come back as form errors in words an editor understands, and nothing is saved.


def test_duplicate_slug_in_a_publication_is_a_form_error(editor_client):
    existing = factories.article(slug="iran-belarus")
    data = form_data(editor_client.get("/admin/articles/article/add/"))
    data |= {
        "publication": existing.publication_id,
        "title": "Another title",
        "slug": "iran-belarus",
        "status": ArticleStatus.DRAFT,
    }
    response = editor_client.post("/admin/articles/article/add/", data)
    assert "This publication already has an article with this slug." in refused(response)
    assert Article.objects.count() == 1


def test_status_and_numbers_cannot_be_typed_into_the_form(client):
    article = factories.article(published=False)
    client.force_login(factories.user("Editor"))
    url = f"/admin/articles/article/{article.pk}/change/"
    tampered = {
        "status": ArticleStatus.PUBLISHED,
        "published_at_0": "2025-08-21",
        "published_at_1": "09:00",
        "issue_number": "999",
    }
    response = client.post(url, form_data(client.get(url)) | tampered)
    assert response.status_code == 302
    article.refresh_from_db()
    # Only a publisher plans the date (see the next test); nobody types status or numbers.
    assert (article.status, article.published_at, article.issue_number) == (
        ArticleStatus.DRAFT,
        None,
        None,
    )


def test_a_publisher_plans_the_date_and_yearless_citations_follow_it(client):
    article = factories.article(published=False, body="They met (Tehran Times, August 20).")
    assert article.citations.get().source.date_year == timezone.localdate().year
    client.force_login(factories.user("Publisher"))
    url = f"/admin/articles/article/{article.pk}/change/"
    planned = {"published_at_0": "2025-08-21", "published_at_1": "09:00", "status": "published"}
    with committed():
        assert client.post(url, form_data(client.get(url)) | planned).status_code == 302
    article.refresh_from_db()
    assert article.status == ArticleStatus.DRAFT
    assert timezone.localtime(article.published_at).date() == dt.date(2025, 8, 21)
    # A yearless citation of a draft is read against its planned date.
    assert article.citations.get().source.date_year == 2025
    page = client.get(url).text
    assert 'name="published_at_0" value="2025-08-21"' in page


def test_source_with_day_precision_and_no_day_is_a_form_error(editor_client):
    outlet = factories.outlet()
    data = form_data(editor_client.get("/admin/articles/source/add/"))
    data |= {
        "outlet": outlet.pk,
        "date_year": "2025",
        "date_month": "8",
        "date_day": "",
        "date_precision": "day",
    }
    response = editor_client.post("/admin/articles/source/add/", data)
    assert "A day-precision date needs a day." in refused(response)
    assert response.context["adminform"].form.errors["date_day"] == [
        "A day-precision date needs a day."
    ]
    assert not Source.objects.exists()


def _post_aliases(client, outlet, *names):
    url = f"/admin/articles/outlet/{outlet.pk}/change/"
    data = form_data(client.get(url))
    existing = int(data["aliases-INITIAL_FORMS"])
    data["aliases-TOTAL_FORMS"] = str(existing + len(names))
    for n, name in enumerate(names, start=existing):
        data[f"aliases-{n}-name"] = name
    return client.post(url, data)


def test_alias_of_another_outlet_is_a_form_error(editor_client):
    factories.outlet(name="Radio Free Europe/Radio Liberty")
    outlet = factories.outlet(name="Radio Liberty Weekly")
    response = _post_aliases(editor_client, outlet, "radio free europe radio liberty")
    assert "This name already belongs to the outlet" in refused(response)
    assert not OutletAlias.objects.exists()


def test_alias_listed_twice_is_a_form_error(editor_client):
    outlet = factories.outlet(name="Radio Free Europe/Radio Liberty")
    response = _post_aliases(editor_client, outlet, "RFE/RL", "rfe-rl")
    assert "This alias is listed twice." in refused(response)
    assert not OutletAlias.objects.exists()


def test_alias_the_outlet_already_has_is_a_form_error(editor_client):
    outlet = factories.outlet(name="Radio Free Europe/Radio Liberty")
    factories.outlet_alias(outlet, "RFE/RL")
    response = _post_aliases(editor_client, outlet, "RFE RL")
    assert "The outlet already has this alias." in refused(response)
    assert outlet.aliases.count() == 1


def test_outlet_named_like_another_is_a_form_error(editor_client):
    factories.outlet(name="Tehran Times")
    data = form_data(editor_client.get("/admin/articles/outlet/add/"))
    data |= {"name": "TEHRAN TIMES", "slug": "tehran-times-2", "kind": Outlet.Kind.NEWSPAPER}
    response = editor_client.post("/admin/articles/outlet/add/", data)
    assert "This name is already used by the outlet" in refused(response)
    assert Outlet.objects.count() == 1


def test_unresolved_cross_references_report_lets_an_editor_choose(
    editor_client, django_assert_max_num_queries
):
    publication = factories.publication(short_name="EDM", slug="edm")
    day = dt.datetime(2024, 2, 22, 9, tzinfo=dt.UTC)
    first = factories.article(publication=publication, published_at=day)
    factories.article(publication=publication, published_at=day + dt.timedelta(hours=1))
    article = factories.article(
        publication=publication, body="(see EDM, February 22, 2024, March 18)"
    )
    article_sync_references(article=article)
    with django_assert_max_num_queries(8):
        listing = editor_client.get("/admin/articles/unresolvedcrossreference/")
    assert listing.status_code == 200
    assert "2: choose one" in listing.text and "none found" in listing.text
    ambiguous = article.cross_references.get(target_month=2)
    url = f"/admin/articles/unresolvedcrossreference/{ambiguous.pk}/change/"
    assert first.get_absolute_url() in editor_client.get(url).text
    response = editor_client.post(
        url, form_data(editor_client.get(url)) | {"target_article": first.pk}
    )
    assert response.status_code == 302
    chosen = article.cross_references.get(target_month=2)
    assert (chosen.target_article, chosen.chosen_by_editor) == (first, True)
    article.refresh_from_db()
    assert f'href="{first.get_absolute_url()}"' in article.body_html
    assert (
        "2: choose one" not in editor_client.get("/admin/articles/unresolvedcrossreference/").text
    )


def test_a_form_opened_before_its_cross_references_were_derived_again_still_saves(editor_client):
    # Every save derives the cross-references afresh (this article's, or one they point at):
    # a form opened before then names rows that are gone.
    publication = factories.publication(short_name="EDM")
    article = factories.article(
        publication=publication, body="Earlier (see EDM, February 24, 2016)."
    )
    article_sync_references(article=article)
    url = f"/admin/articles/article/{article.pk}/change/"
    data = form_data(editor_client.get(url)) | {"title": "Saved from an older form"}
    article_sync_references(article=article)
    assert editor_client.post(url, data).status_code == 302
    article.refresh_from_db()
    assert article.title == "Saved from an older form"
    assert article.cross_references.count() == 1


def test_a_form_opened_before_another_editor_saved_is_merged_not_refused_with_an_error(
    editor_client, client
):
    publication = factories.publication(short_name="EDM")
    article = factories.article(
        publication=publication, body="Earlier (see EDM, February 24, 2016)."
    )
    article_sync_references(article=article)
    url = f"/admin/articles/article/{article.pk}/change/"
    mine = form_data(editor_client.get(url)) | {"title": "My title"}
    client.force_login(factories.user("Editor", username="other"))
    theirs = form_data(client.get(url)) | {"dek": "Their subtitle"}
    assert client.post(url, theirs).status_code == 302
    assert "while you were editing it" in refused(editor_client.post(url, mine))


def test_citation_items_not_understood_are_listed_under_the_citations(editor_client):
    article = factories.article(
        body="Kyiv said so (Interfax-Ukraine, March 3; see Part Two of <b>this</b> series)."
    )
    article_sync_references(article=article)
    response = editor_client.get(f"/admin/articles/article/{article.pk}/change/")
    assert response.status_code == 200
    html = response.text
    assert "Citations: 1, 1 not understood" in html
    assert "Citations not understood: 1" in html
    assert "see Part Two of &lt;b&gt;this&lt;/b&gt; series" in html
    assert "<b>this</b>" not in html


def test_the_list_of_citations_not_understood_is_collapsed_and_costs_no_query_when_empty(
    editor_client,
):
    article = factories.article(body="Kyiv said so (Interfax-Ukraine, March 3).")
    article_sync_references(article=article)
    with CaptureQueriesContext(connection) as captured:
        response = editor_client.get(f"/admin/articles/article/{article.pk}/change/")
    assert "Citations: 1\n" in response.text
    assert "Citations not understood: 0" in response.text
    assert (
        '<fieldset class="module collapse" aria-labelledby="citations_not_understood-heading">'
        in response.text
    )
    assert not any("citationnotunderstood" in q["sql"] and "COUNT" not in q["sql"].upper()
                   for q in captured.captured_queries)  # fmt: skip
