"""The article side of the subscriber API: visibility, shapes, formats, caching, query counts."""

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
from django.utils import timezone
from django.utils.http import http_date

from articles.models import Article, Change, Correction
from articles.services import article_transition
from monitor.search.services import search_index_article
from tests import factories
from tests.subscribers.fixtures import client_with, key_for, plan

pytestmark = pytest.mark.django_db

NINJS_SCHEMA = json.loads(
    (Path(__file__).parent.parent / "data" / "ninjs-schema_3.1.json").read_text()
)
LIST_ENDPOINTS = [
    "/api/v1/articles/",
    "/api/v1/issues/",
    "/api/v1/publications/",
    "/api/v1/authors/",
    "/api/v1/topics/",
    "/api/v1/regions/",
    "/api/v1/outlets/",
    "/api/v1/sources/",
]


def results(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return response.json()["results"]


@pytest.fixture
def hidden_articles(db):
    """A draft, a retracted and a scheduled-for-later article, each with its own author and source."""
    now = timezone.now()
    later = now + dt.timedelta(days=2)
    hidden = {
        "draft": factories.article(published=False),
        "retracted": factories.article(status="retracted", published_at=now - dt.timedelta(days=1)),
        "scheduled": factories.article(status="scheduled", published_at=later),
    }
    for article in hidden.values():
        author = factories.author(name=f"Author of the {article.status} article")
        article.bylines.create(author=author)
        factories.citation(article, source=factories.source(title=f"cited by {article.status}"))
    return hidden


def test_only_public_articles_appear_on_any_endpoint_or_through_any_filter(hidden_articles):
    api = client_with(key_for(plan(all_publications=True, includes_events=True))[1])
    public = factories.article(title="The public one")
    hidden_ids = {article.pk for article in hidden_articles.values()}
    assert [item["id"] for item in results(api.get("/api/v1/articles/"))] == [public.pk]
    for name, article in hidden_articles.items():
        expected = 410 if name == "retracted" else 404
        assert api.get(f"/api/v1/articles/{article.pk}/").status_code == expected
        assert results(api.get(f"/api/v1/articles/?publication={article.publication.slug}")) == []
        assert results(api.get(f"/api/v1/issues/?publication={article.publication.slug}")) == []
    for url in LIST_ENDPOINTS:
        body = api.get(url).content.decode()
        assert "Author of the" not in body and "cited by" not in body, url
    for ordering in ("published", "-published"):
        ids = {item["id"] for item in results(api.get(f"/api/v1/articles/?ordering={ordering}"))}
        assert not ids & hidden_ids
    for format_ in ("ninjs", "json"):
        assert api.get(f"/api/v1/articles/?format={format_}").content.count(b"The public one") == 1


def test_embargoed_articles_only_for_plans_that_include_them(hidden_articles):
    scheduled = hidden_articles["scheduled"]
    embargo_plan = plan(all_publications=True, includes_embargoed=True)
    embargo = client_with(key_for(embargo_plan)[1])
    item = api_item = embargo.get(f"/api/v1/articles/{scheduled.pk}/").json()
    assert item["status"] == "embargoed"
    assert api_item["embargoed_until"] == scheduled.published_at.isoformat().replace("+00:00", "Z")
    ids = {article["id"] for article in results(embargo.get("/api/v1/articles/"))}
    assert ids == {scheduled.pk}
    ninjs = embargo.get(f"/api/v1/articles/{scheduled.pk}/?format=ninjs").json()
    assert "embargoedUntil" in ninjs
    plain = client_with(key_for(plan(all_publications=True))[1])
    assert plain.get(f"/api/v1/articles/{scheduled.pk}/").status_code == 404


def test_article_detail_has_sources_cross_references_events_and_a_version(api):
    target = factories.article(title="Earlier analysis")
    draft_target = factories.article(published=False)
    article = factories.article(authors=[factories.author(name="Ada Merrow")])
    factories.summary_point(article, "First point.")
    factories.note(article, 1, "A *note*.")
    outlet = factories.outlet(name="Tehran Times")
    factories.citation(article, source=factories.source(outlet=outlet, url="https://example.org/a"))
    factories.cross_reference(article, target_article=target, position=1)
    factories.cross_reference(article, target_article=draft_target, position=2)
    event = factories.event(title="Talks in Minsk")
    factories.attach(event, article)
    factories.attach(factories.event(title="Draft talks", status="draft"), article)
    Correction.objects.create(article=article, published_at=timezone.now(), text="Date fixed.")
    data = api.get(f"/api/v1/articles/{article.pk}/").json()
    assert data["authors"] == [{"slug": article.byline()[0].slug, "name": "Ada Merrow"}]
    assert data["summary"] == ["First point."]
    assert data["notes"][0]["html"].strip() == "<p>A <em>note</em>.</p>"
    assert data["body_markdown"] == article.body and data["body_html"].startswith('<p id="p-')
    assert data["citations"][0]["source"]["outlet"]["name"] == "Tehran Times"
    assert data["citations"][0]["source"]["url"] == "https://example.org/a"
    targets = [reference["target"] for reference in data["cross_references"]]
    assert targets[0]["title"] == "Earlier analysis" and targets[1] is None
    assert [item["title"] for item in data["events"]] == ["Talks in Minsk"]
    assert data["url"].endswith(article.get_absolute_url())
    article.refresh_from_db()  # attaching a published event is a new version of the article
    assert data["version"] == article.version
    assert [correction["text"] for correction in data["corrections"]] == ["Date fixed."]


def test_a_retracted_article_answers_410_with_the_change_feeds_tombstone(api):
    publisher = factories.user("Publisher")
    article = factories.article(published=False)
    Article.objects.filter(pk=article.pk).update(status="approved")
    article_transition(article=article, action="publish", by=publisher)
    article_transition(article=article, action="retract", by=publisher, comment="Fabricated.")
    feed = api.get("/api/v1/changes/").json()["changes"]
    entry = next(e for e in feed if e["id"] == str(article.pk) and e["tombstone"])
    del entry["cursor"]
    for suffix in ("", "?format=ninjs"):
        response = api.get(f"/api/v1/articles/{article.pk}/{suffix}")
        assert response.status_code == 410, response.content
        assert response.json() == entry
    assert entry["tombstone"] == {"reason": "Fabricated.", "replaced_by": None}
    assert entry["type"] == "article.retracted" and entry["url"] is None
    # The lists leave it out as before; a plan that does not read its publication gets 404.
    assert article.pk not in [item["id"] for item in results(api.get("/api/v1/articles/"))]
    other = client_with(key_for(plan(all_publications=False))[1])
    assert other.get(f"/api/v1/articles/{article.pk}/").status_code == 404
    # Once the feed has pruned the entry, the tombstone is rebuilt from the article.
    Change.objects.all().delete()
    article.refresh_from_db()
    rebuilt = api.get(f"/api/v1/articles/{article.pk}/")
    assert rebuilt.status_code == 410
    assert rebuilt.json()["tombstone"] == {"reason": "retracted", "replaced_by": None}
    assert rebuilt.json()["version"] == article.version


def test_sources_list_the_public_articles_and_events_that_cite_them(api):
    source = factories.source(title="Shared source")
    public = factories.article()
    factories.citation(public, source=source)
    factories.citation(factories.article(published=False), source=source)
    event = factories.event()
    factories.event_source(event, source=source)
    factories.event_source(factories.event(status="draft"), source=source)
    (item,) = results(api.get("/api/v1/sources/"))
    assert [article["id"] for article in item["articles"]] == [public.pk]
    assert [found["id"] for found in item["events"]] == [str(event.uuid)]


def test_filters_through_the_api_and_unknown_or_invalid_parameters(api):
    writer = factories.author()
    mine = factories.article(authors=[writer])
    factories.article()
    assert [item["id"] for item in results(api.get(f"/api/v1/articles/?author={writer.slug}"))] == [
        mine.pk
    ]
    response = api.get("/api/v1/articles/?author=nobody&published_from=soon&colour=red")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert set(response.json()["errors"]) == {"author", "published_from", "colour"}
    assert api.get("/api/v1/articles/?page_size=101").status_code == 400
    assert api.get("/api/v1/articles/?cursor=garbage").status_code == 400


def test_cursor_pages_are_stable_and_can_count(api):
    articles = [factories.article() for _ in range(3)]
    first = api.get("/api/v1/articles/?page_size=2&count=true").json()
    assert first["count"] == 3 and len(first["results"]) == 2
    factories.article()  # a new article arrives between pages
    second = api.get(first["next"]).json()
    seen = [item["id"] for item in first["results"] + second["results"]]
    assert seen == [article.pk for article in reversed(articles)]


def test_only_cursors_the_api_issued_are_accepted(api):
    import base64
    from urllib.parse import parse_qs, urlsplit

    for _ in range(3):
        factories.article()
    issued = parse_qs(urlsplit(api.get("/api/v1/articles/?page_size=1").json()["next"]).query)
    cursor = issued["cursor"][0]
    assert api.get(f"/api/v1/articles/?page_size=1&cursor={cursor}").status_code == 200
    value, _, signature = cursor.rpartition(":")
    forged = base64.b64encode(b"p=1").decode()  # decodable, but not a date: a database error once
    for bad in (forged, f"{forged}:{signature}", cursor[:-2], value):
        response = api.get("/api/v1/articles/", {"cursor": bad})
        assert response.status_code == 400, bad
        assert response.json()["errors"] == {"cursor": ["Invalid cursor."]}


def test_a_single_valued_parameter_given_twice_is_refused(api):
    writer, other = factories.author(), factories.author()
    factories.article(authors=[writer])
    factories.article(authors=[other])
    for query in ("page_size=5&page_size=7", "published_from=2020-01-01&published_from=2021-01-01"):
        response = api.get(f"/api/v1/articles/?{query}")
        assert response.status_code == 400, query
        (name,) = response.json()["errors"]
        assert query.startswith(name)
    repeated = api.get(f"/api/v1/articles/?author={writer.slug}&author={other.slug}")
    assert repeated.status_code == 200 and len(repeated.json()["results"]) == 2


def test_a_format_the_endpoint_does_not_serve_is_406(api):
    response = api.get("/api/v1/articles/?format=csv")
    assert response.status_code == 406
    assert response["Content-Type"] == "application/problem+json"
    assert "csv" in response.json()["detail"]


def test_fields_trims_the_response(api):
    factories.article()
    (item,) = results(api.get("/api/v1/articles/?fields=id,title"))
    assert set(item) == {"id", "title"}
    response = api.get("/api/v1/articles/?fields=id,colour")
    assert response.status_code == 400 and "fields" in response.json()["errors"]


def test_ninjs_validates_against_the_iptc_schema(api):
    article = factories.article(authors=[factories.author()], dek="A dek.")
    factories.summary_point(article)
    factories.citation(article, source=factories.source(url="https://example.org/s"))
    factories.cross_reference(article, target_article=factories.article())
    factories.attach(factories.event(), article)
    Correction.objects.create(article=article, published_at=timezone.now(), text="Fixed.")
    factories.classify(article, topics=[factories.topic()])
    factories.classify(article, regions=[factories.region()])
    detail = api.get(f"/api/v1/articles/{article.pk}/?format=ninjs")
    assert detail["Content-Type"] == "application/ninjs+json"
    jsonschema.validate(detail.json(), NINJS_SCHEMA, format_checker=jsonschema.FormatChecker())
    listed = api.get("/api/v1/articles/", HTTP_ACCEPT="application/ninjs+json").json()
    for item in listed["results"]:
        jsonschema.validate(item, NINJS_SCHEMA, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("url", ["/api/v1/articles/", "/api/v1/topics/", "/api/v1/articles/{pk}/"])
def test_etag_and_last_modified_answer_304(api, url):
    article = factories.article()
    factories.topic()
    url = url.format(pk=article.pk)
    response = api.get(url)
    assert response.status_code == 200
    etag, last_modified = response["ETag"], response["Last-Modified"]
    assert api.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert api.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    Article.objects.filter(pk=article.pk).update(title="Changed", updated_at=timezone.now())
    if "topics" not in url:
        assert api.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200
    earlier = http_date((timezone.now() - dt.timedelta(days=30)).timestamp())
    assert api.get(url, HTTP_IF_MODIFIED_SINCE=earlier).status_code == 200


def _rich_article(publication):
    article = factories.article(
        publication=publication, authors=[factories.author(), factories.author()]
    )
    factories.classify(article, topics=[factories.topic()])
    factories.classify(article, regions=[factories.region()])
    factories.summary_point(article)
    factories.note(article)
    Correction.objects.create(article=article, published_at=timezone.now(), text="Fixed.")
    source = factories.source()
    factories.citation(article, source=source)
    factories.cross_reference(article, target_article=factories.article(publication=publication))
    event = factories.event()
    factories.attach(event, article)
    factories.event_source(event, source=source)
    return article


@pytest.mark.parametrize("url", [*LIST_ENDPOINTS, "/api/v1/articles/?format=ninjs"])
def test_list_queries_do_not_grow_with_page_size(api, url, django_assert_max_num_queries):
    publication = factories.publication()
    for _ in range(4):
        _rich_article(publication)
    separator = "&" if "?" in url else "?"
    api.get("/api/v1/topics/")  # the key's first request of the day creates its usage row
    counts = []
    for size in (1, 100):
        with django_assert_max_num_queries(20) as captured:
            assert api.get(f"{url}{separator}page_size={size}").status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1], counts


def test_detail_queries_are_bounded(api, django_assert_max_num_queries):
    article = _rich_article(factories.publication())
    api.get("/api/v1/topics/")
    with django_assert_max_num_queries(20):
        assert api.get(f"/api/v1/articles/{article.pk}/").status_code == 200


def test_full_text_search_ranks_by_relevance_and_keeps_the_rules(api):
    weak = factories.article(title="Trade notes", body="Belarus once mentioned.")
    strong = factories.article(title="Belarus and Belarus", body="Belarus, Belarus and Belarus.")
    factories.article(title="Nothing here", body="Other matters.")
    draft = factories.article(title="Belarus draft", body="Belarus.", published=False)
    for article in Article.objects.filter(pk__in=[weak.pk, strong.pk, draft.pk]):
        search_index_article(article)
    found = [item["id"] for item in results(api.get("/api/v1/articles/?q=belarus"))]
    assert set(found) == {weak.pk, strong.pk}
    assert found[0] == strong.pk
    by_date = [
        item["id"] for item in results(api.get("/api/v1/articles/?q=belarus&ordering=-published"))
    ]
    assert set(by_date) == {weak.pk, strong.pk}
    response = api.get("/api/v1/articles/?ordering=-relevance")
    assert response.status_code == 400 and "ordering" in response.json()["errors"]


@pytest.mark.parametrize(
    ("url", "most"), [("/api/v1/articles/", 9), ("/api/v1/articles/?format=ninjs", 14)]
)
def test_article_list_queries_are_few_and_fixed(api, url, most, django_assert_max_num_queries):
    """Three of them are the key's lookup and usage; then the page, the articles' rows and
    one query per part they show, for the whole page (``articles.representations``)."""
    publication = factories.publication()
    for _ in range(3):
        _rich_article(publication)
    separator = "&" if "?" in url else "?"
    api.get("/api/v1/topics/")  # the key's first request of the day creates its usage row
    counts = []
    for size in (1, 100):
        with django_assert_max_num_queries(most) as captured:
            assert len(results(api.get(f"{url}{separator}page_size={size}"))) == min(size, 6)
        counts.append(len(captured))
    assert counts[0] == counts[1], counts


def test_article_detail_queries_do_not_grow_with_its_references(api, django_assert_max_num_queries):
    few, many = _rich_article(factories.publication()), _rich_article(factories.publication())
    for position in range(1, 31):
        factories.citation(many, source=factories.source(), position=position)
        target = factories.article(publication=many.publication)
        factories.cross_reference(many, target_article=target, position=100 + position)
    factories.attach(factories.event(), many)
    api.get("/api/v1/topics/")
    counts = []
    for article in (few, many):
        for url in (
            f"/api/v1/articles/{article.pk}/",
            f"/api/v1/articles/{article.pk}/?format=ninjs",
        ):
            with django_assert_max_num_queries(14) as captured:
                assert api.get(url).status_code == 200
            counts.append(len(captured))
    assert len(set(counts)) == 1, counts
    data = api.get(f"/api/v1/articles/{many.pk}/").json()
    assert len(data["citations"]) == 31 and len(data["cross_references"]) == 31


def test_article_list_and_detail_run_these_queries_exactly(api, django_assert_num_queries):
    """List: the key, its usage count, the page, the rows, authors, topics, regions, summary
    points. Detail: the key, its usage count, the article of the URL, the rows, the same four
    parts, notes, corrections, citations, cross-references and events. Every one but the
    list's page runs a prepared statement (``monitor.core.prepared``)."""
    publication = factories.publication()
    article = _rich_article(publication)
    _rich_article(publication)
    api.get("/api/v1/topics/")  # the key's first request of the day creates its usage row
    with django_assert_num_queries(8):
        assert len(results(api.get("/api/v1/articles/"))) == 4  # with their targets
    with django_assert_num_queries(13):
        assert api.get(f"/api/v1/articles/{article.pk}/").status_code == 200
    with django_assert_num_queries(13):
        assert api.get(f"/api/v1/articles/{article.pk}/?format=ninjs").status_code == 200
