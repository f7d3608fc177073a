"""Absolute addresses follow the host a request came to unless MONITOR_SITE_URL is set; what
is made outside any request uses MONITOR_SITE_URL, else the documented fallback."""

import json

import pytest
from django.utils import timezone

from articles.models import Change
from monitor.core.sites import FALLBACK_SITE_URL, SITE_PLACEHOLDER, site_url
from monitor.subscribers.webhooks.services import body
from tests import factories
from tests.subscribers.fixtures import client_with, key_for, plan

HOST = "monitor.example.org"
OTHER = "news.example.net"


@pytest.fixture
def hosts(settings):
    settings.ALLOWED_HOSTS = ["testserver", HOST, OTHER]
    settings.MONITOR_SITE_URL = ""
    return settings


@pytest.fixture
def api(db):
    return client_with(key_for(plan(all_publications=True, includes_events=True))[1])


def _material():
    person = factories.author(name="Ada Merrow")
    article = factories.article(authors=[person])
    target = factories.article(title="Earlier analysis")
    factories.cross_reference(article, target_article=target, position=1)
    event = factories.event(title="Talks in Minsk")
    factories.attach(event, article)
    return article, event


def _urls(data) -> list[str]:
    """Every string under a key ending in url or uri, anywhere in ``data``."""
    found = []
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, str) and key.lower().endswith(("url", "uri", "href")):
                found.append(value)
            else:
                found += _urls(value)
    elif isinstance(data, list):
        for item in data:
            found += _urls(item)
    return found


API_PATHS = [
    "/api/v1/articles/",
    "/api/v1/articles/{article}/",
    "/api/v1/articles/{article}/?format=ninjs",
    "/api/v1/articles/?format=ninjs",
    "/api/v1/events/",
    "/api/v1/events/?fields=id,url,api_url,articles,articles_url",
    "/api/v1/events/{event}/",
    "/api/v1/issues/",
    "/api/v1/publications/",
    "/api/v1/authors/",
    "/api/v1/changes/",
]


@pytest.mark.parametrize("path", API_PATHS)
def test_api_urls_follow_the_host_asked_without_a_site_url(hosts, api, path):
    article, event = _material()
    path = path.format(article=article.pk, event=event.uuid)
    for host in (HOST, OTHER):
        response = api.get(path, HTTP_HOST=host)
        assert response.status_code == 200, response.content
        urls = [url for url in _urls(response.json()) if url]
        assert urls, path
        assert all(url.startswith(f"http://{host}/") for url in urls), (host, urls)


@pytest.mark.parametrize("path", API_PATHS)
def test_api_urls_are_on_the_site_url_when_it_is_set(hosts, api, path):
    hosts.MONITOR_SITE_URL = "https://monitor.example.com"
    article, event = _material()
    response = api.get(path.format(article=article.pk, event=event.uuid), HTTP_HOST=HOST)
    urls = [url for url in _urls(response.json()) if url and "?" not in url.split("/")[-1]]
    # Only DRF's page links (next, previous) stay on the host asked.
    urls = [url for url in urls if "cursor=" not in url and "page=" not in url]
    assert urls and all(url.startswith("https://monitor.example.com/") for url in urls), urls


def test_the_article_image_follows_the_host(hosts, api, tmp_path):
    from django.core.files.base import ContentFile

    hosts.MEDIA_ROOT = tmp_path
    article = factories.article()
    article.image.save("lead.png", ContentFile(b"\x89PNG\r\n\x1a\n"), save=True)
    data = api.get(f"/api/v1/articles/{article.pk}/", HTTP_HOST=HOST).json()
    assert data["image"]["url"] == f"http://{HOST}{article.image.url}"


def test_the_article_page_is_stored_once_and_served_on_each_host(hosts, client, db):
    article = factories.article()
    pages = {
        host: client.get(article.get_absolute_url(), HTTP_HOST=host).text for host in (HOST, OTHER)
    }
    for host, page in pages.items():
        canonical = f"http://{host}{article.get_absolute_url()}"
        assert f'<link rel="canonical" href="{canonical}">' in page
        assert f'"mainEntityOfPage": "{canonical}"' in page
        assert SITE_PLACEHOLDER not in page
    assert SITE_PLACEHOLDER in article.page.meta_html  # one stored copy for every host
    # The cached page of one host is not served to another, 304 included.
    again = client.get(article.get_absolute_url(), HTTP_HOST=OTHER)
    assert f"http://{OTHER}/" in again.text and f"http://{HOST}/" not in again.text


def test_the_article_page_is_on_the_site_url_when_set(hosts, client, db):
    hosts.MONITOR_SITE_URL = "https://monitor.example.com"
    article = factories.article()
    page = client.get(article.get_absolute_url(), HTTP_HOST=HOST).text
    assert f'href="https://monitor.example.com{article.get_absolute_url()}"' in page
    assert f"http://{HOST}/" not in page


def test_robots_txt_names_the_sitemap_on_the_site(hosts, client, db):
    assert f"Sitemap: http://{HOST}/sitemap.xml" in client.get("/robots.txt", HTTP_HOST=HOST).text
    hosts.MONITOR_SITE_URL = "https://monitor.example.com"
    assert "Sitemap: https://monitor.example.com/sitemap.xml" in client.get("/robots.txt").text


def test_webhook_payloads_use_the_site_url_else_the_fallback(hosts, db):
    change = Change(
        seq=7, resource="article", resource_id="42", action="published", version=1,
        at=timezone.now(),
    )  # fmt: skip
    assert json.loads(body(change))["data"]["url"] == f"{FALLBACK_SITE_URL}/api/v1/articles/42/"
    hosts.MONITOR_SITE_URL = "https://monitor.example.com"
    assert (
        json.loads(body(change))["data"]["url"] == "https://monitor.example.com/api/v1/articles/42/"
    )


def test_site_url_outside_a_request(hosts):
    assert site_url() == FALLBACK_SITE_URL
    hosts.MONITOR_SITE_URL = "https://monitor.example.com"
    assert site_url() == "https://monitor.example.com"


def test_a_host_not_allowed_is_refused_not_echoed(hosts, api, db):
    factories.article()
    response = api.get("/api/v1/articles/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert b"evil.example" not in response.content


@pytest.mark.parametrize("path", ["/sitemap.xml", "/feeds/rss/"])
def test_cached_feeds_and_sitemaps_are_kept_apart_by_host(hosts, client, db, path):
    factories.article()
    for host in (HOST, OTHER, HOST):
        text = client.get(path, HTTP_HOST=host).text
        assert f"http://{host}/" in text
        assert f"http://{({HOST, OTHER} - {host}).pop()}/" not in text
