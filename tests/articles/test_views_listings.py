"""Archives and other lists of articles: rows joined with the items stored with their pages."""

import datetime as dt
import zoneinfo

import pytest

from articles.models import ArticlePage
from tests import factories

pytestmark = pytest.mark.django_db

# The publication, the count, the page's rows with their stored items.
ARCHIVE_QUERIES = 3


def _archives(publication, day):
    return [
        f"/{publication.slug}/{day:%Y}/",
        f"/{publication.slug}/{day:%Y/%m}/",
        f"/{publication.slug}/{day:%Y/%m/%d}/",
    ]


@pytest.mark.parametrize("n", [1, 25])
def test_archives_take_the_same_queries_for_few_and_many_articles(
    client, django_assert_max_num_queries, n
):
    publication = factories.publication()
    when = dt.datetime(2024, 5, 7, 9, tzinfo=dt.UTC)
    for _ in range(n):
        factories.article(
            publication=publication,
            authors=[factories.author(), factories.author()],
            published_at=when,
        )
    for url in [*_archives(publication, when.date()), f"{_archives(publication, when)[0]}?page=2"]:
        with django_assert_max_num_queries(ARCHIVE_QUERIES):
            response = client.get(url)
        assert response.status_code == 200, url
    assert client.get(_archives(publication, when)[2]).text.count("<h3>") == min(n, 20)


def test_archives_are_whole_local_days_months_and_years(client, settings):
    settings.TIME_ZONE = "Asia/Tbilisi"  # four hours ahead of UTC all year
    local = zoneinfo.ZoneInfo("Asia/Tbilisi")
    publication = factories.publication()
    last_of_march = factories.article(
        publication=publication,
        title="Last moment of March",
        published_at=dt.datetime(2024, 3, 31, 23, 59, 59, 999999, tzinfo=local),
    )
    first_of_april = factories.article(
        publication=publication,
        title="First moment of April",
        published_at=dt.datetime(2024, 4, 1, tzinfo=local),
    )
    last_of_year = factories.article(
        publication=publication,
        title="Last moment of 2023",
        published_at=dt.datetime(2023, 12, 31, 23, 59, 59, tzinfo=local),
    )

    def titles(url):
        html = client.get(url).text
        return {a.title for a in (last_of_march, first_of_april, last_of_year) if a.title in html}

    slug = publication.slug
    assert titles(f"/{slug}/2024/03/") == {last_of_march.title}
    assert titles(f"/{slug}/2024/03/31/") == {last_of_march.title}
    assert titles(f"/{slug}/2024/04/") == {first_of_april.title}
    assert titles(f"/{slug}/2024/04/01/") == {first_of_april.title}
    assert titles(f"/{slug}/2024/") == {last_of_march.title, first_of_april.title}
    assert titles(f"/{slug}/2023/") == {last_of_year.title}
    assert titles(f"/{slug}/2023/12/31/") == {last_of_year.title}
    assert client.get(f"/{slug}/2024/02/30/").status_code == 404
    assert client.get(f"/{slug}/2024/13/").status_code == 404


@pytest.mark.parametrize("zone", ["UTC", "Asia/Tbilisi", "America/New_York"])
@pytest.mark.parametrize(
    "period", ["0001", "0001/01", "0001/01/01", "9999", "9999/12", "9999/12/31"]
)
def test_archives_at_the_ends_of_the_calendar_answer_200_or_404(client, settings, zone, period):
    settings.TIME_ZONE = zone  # year 1 east of UTC and 9999 west of it are out of UTC's range
    publication = factories.publication()
    assert client.get(f"/{publication.slug}/{period}/").status_code in (200, 404)


def test_an_item_stored_with_other_templates_is_rendered_now(client):
    publication = factories.publication()
    articles = [factories.article(publication=publication) for _ in range(3)]
    url = publication.get_absolute_url()
    before = client.get(url).text
    ArticlePage.objects.filter(article=articles[1]).update(
        item_html="<li>Rendered by an older deploy.</li>", rendered_with="older"
    )
    ArticlePage.objects.filter(article=articles[2]).delete()
    assert client.get(url).text == before


def test_a_year_volume_or_issue_with_nothing_public_is_not_found(client):
    publication = factories.publication()
    factories.article(publication=publication, published=False)
    published = factories.article(publication=publication)
    day = published.public_date()
    empty_year = day.year - 3
    for url in (
        f"/{publication.slug}/{empty_year}/",
        f"/{publication.slug}/volume/{publication.volume_for(day) + 5}/",
        f"/{publication.slug}/volume/{published.volume}/issue/{published.issue_number + 1}/",
    ):
        assert client.get(url).status_code == 404, url
    for url in (
        f"/{publication.slug}/{day.year}/",
        f"/{publication.slug}/volume/{published.volume}/",
        f"/{publication.slug}/volume/{published.volume}/issue/{published.issue_number}/",
    ):
        assert client.get(url).status_code == 200, url


def test_a_day_or_month_with_nothing_public_says_so(client):
    # Where a cross-reference to that date lands: an empty page that says so, not a 404.
    publication = factories.publication()
    factories.article(publication=publication, published=False)
    html = client.get(f"/{publication.slug}/2024/03/").text
    assert "<li>No articles yet.</li>" in html
    assert client.get(f"/{publication.slug}/2024/03/05/").status_code == 200
