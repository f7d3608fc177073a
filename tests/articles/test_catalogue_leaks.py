"""What drafts name stays in the newsroom: an author known only from drafts, and a source or
outlet only drafts cite, are unknown to readers and subscribers alike (404 pages and feeds,
400 filters, absent from filter lists), as if they did not exist."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def drafts_only():
    hidden = factories.author(name="Hidden Writer", slug="hidden-writer")
    draft = factories.article(published=False, authors=[hidden])
    outlet = factories.outlet(name="Secret Outlet", slug="secret-outlet")
    source = factories.source(outlet=outlet)
    factories.citation(draft, source=source)
    shown = factories.author(name="Shown Writer", slug="shown-writer")
    factories.citation(factories.article(authors=[shown]))
    return {"author": hidden, "source": source, "outlet": outlet}


def test_pages_and_feeds_do_not_show_them(client, drafts_only):
    assert client.get("/authors/hidden-writer/").status_code == 404
    assert client.get("/authors/shown-writer/").status_code == 200
    assert client.get("/feeds/author/hidden-writer/rss/").status_code == 404
    assert client.get(f"/sources/{drafts_only['source'].pk}/").status_code == 404
    search = client.get("/search/", {"q": "anything"}).text
    assert "Shown Writer" in search and "Hidden Writer" not in search


def test_api_filters_refuse_them_as_unknown(api, drafts_only):
    for query in ("author=hidden-writer", "outlet=secret-outlet", "author=no-such-writer"):
        response = api.get(f"/api/v1/articles/?{query}")
        assert response.status_code == 400, query
        assert response["Content-Type"] == "application/problem+json"
    assert api.get("/api/v1/articles/?author=shown-writer").status_code == 200


def test_renaming_what_only_drafts_cite_is_not_announced(drafts_only):
    from articles.models import Change
    from articles.services import sources_changed
    from tests.commits import committed

    outlet = drafts_only["outlet"]
    outlet.name = "Secret Outlet, renamed"
    outlet.save()
    with committed():
        sources_changed(sources=list(outlet.sources.all()), fields={"name"}, outlet=outlet)
    assert not Change.objects.filter(resource__in=["outlet", "source"]).exists()

    factories.citation(factories.article(), source=drafts_only["source"])  # now readers see it
    with committed():
        sources_changed(sources=list(outlet.sources.all()), fields={"name"}, outlet=outlet)
    assert set(Change.objects.values_list("resource", "resource_id")) >= {
        ("outlet", "secret-outlet"),
        ("source", str(drafts_only["source"].pk)),
    }


def test_an_actor_only_drafts_name_is_unknown(client, api):
    hidden = factories.actor(name="Hidden Envoy", slug="hidden-envoy")
    factories.event(status="draft", actors=[(hidden, "host")])
    shown = factories.actor(name="Shown Envoy", slug="shown-envoy")
    factories.event(actors=[(shown, "host")])
    assert client.get("/actors/hidden-envoy/").status_code == 404
    assert client.get("/timeline/hidden-envoy/shown-envoy/").status_code == 404
    assert "Hidden Envoy" not in client.get("/timeline/").text
    names = [item["name"] for item in api.get("/api/v1/actors/").json()["results"]]
    assert names == ["Shown Envoy"]
    for url in ("/api/v1/articles/?actor=", "/api/v1/events/?actor="):
        assert api.get(url + "hidden-envoy").status_code == 400, url
        assert api.get(url + "no-such-envoy").status_code == 400, url
        assert api.get(url + "shown-envoy").status_code == 200, url
