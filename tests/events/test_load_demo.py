"""``manage.py load_demo``: the demo content, its idempotency, and the local editor account."""

import calendar
import datetime as dt
import io
import re
import stat

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.utils.html import escape

from articles.citations import extract_references
from articles.models import (
    Article,
    ArticleStatus,
    CrossReference,
    Outlet,
    Publication,
    Source,
)
from articles.names import name_key
from events.demo import catalog
from events.demo.articles import ARTICLES
from events.demo.loader import LoadReport, demo_content_load
from events.demo.timeline import EVENTS
from events.models import Actor, Event
from tests.commits import committed

MONTHS = "|".join(calendar.month_name[1:])
MINSK_ARTICLE = "pezeshkian-in-minsk-twelve-documents-and-a-strategic-partnership"
DATE = re.compile(rf"\b({MONTHS}) (\d{{1,2}})(?:, (\d{{4}}))?")


def load_demo(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("load_demo", *args, verbosity=0, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def demo_event(key: str) -> Event:
    return Event.objects.get(uuid=next(event.uuid for event in EVENTS if event.key == key))


def fingerprint() -> dict[str, list[dict]]:
    """Every row of every articles, events and user table (m2m tables included), by primary key."""
    models = [
        *apps.get_app_config("articles").get_models(include_auto_created=True),
        *apps.get_app_config("events").get_models(include_auto_created=True),
        get_user_model(),
    ]
    return {model._meta.label: list(model.objects.order_by("pk").values()) for model in models}


@pytest.fixture(scope="class")
def loaded(django_db_setup, django_db_blocker):
    """The demo loaded once for a class of read-only tests, rolled back after the last of them."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo("--no-editor-account")
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(loaded, db):
    """The loaded demo; each test runs in a savepoint inside the class's transaction."""


class TestTheLoadedDemo:
    def test_demo_loads_a_publication_articles_and_a_timeline(self, demo):
        edm = Publication.objects.get(slug="edm")
        assert (edm.name, edm.short_name, edm.first_year) == ("Eurasia Daily Monitor", "EDM", 2004)
        published = Article.objects.public().select_related("publication")
        assert published.count() >= 10
        assert Article.objects.filter(status=ArticleStatus.DRAFT).count() >= 1
        for article in published:
            day = article.public_date()
            assert day.year == 2025 and day.weekday() < 5, article
            assert article.published_at.time() == dt.time(9)
            assert article.volume == article.publication.volume_for(day)
            assert article.summary_points.count() == 3
            assert article.authors.exists() and article.topics.exists() and article.regions.exists()
            assert 4 <= len(article.body.split("\n\n")) <= 7
        assert edm.articles.get(issue_number=127).volume == 22

        events = Event.objects.public().prefetch_related(
            "participations", "event_sources", "articles"
        )
        assert events.count() >= 15
        for event in events:
            assert event.place_id, event
            assert event.participations.all(), event
            assert event.event_sources.all(), event
            assert event.articles.all(), event
        assert Event.objects.filter(status=Event.Status.DRAFT).exists()

    def test_iran_and_belarus_share_the_events_of_their_presidents_and_ministers(self, demo):
        """Issue 13: the dyad counted 5 events where 16 involve both countries through
        those who acted for them (the 2007 agreement and the 2023 roadmap among them)."""
        from events.models import TimelineCount, TimelineEntry
        from events.services import timelines_rebuild

        timelines_rebuild()
        iran, belarus = (Actor.objects.get(slug=slug).pk for slug in ("iran", "belarus"))
        through = TimelineCount.objects.events(iran, belarus)
        direct = TimelineCount.objects.events(iran, belarus, direct=True)
        assert (direct, through) == (5, 16)
        shared = set(TimelineEntry.objects.of(iran, belarus).values_list("event", flat=True))
        for key in ("strategic-cooperation-2007", "roadmap-2023-2026"):
            assert demo_event(key).pk in shared

    def test_the_minsk_visit_has_its_participants_in_their_roles(self, demo):
        visit = Event.objects.get(
            event_type__slug="visit", place__slug="minsk", starts_on=dt.date(2025, 8, 19)
        )
        participants = {
            (p.actor.name, p.role, p.on_behalf_of.name, p.office)
            for p in visit.participations.select_related("actor", "on_behalf_of")
        }
        assert participants == {
            ("Masoud Pezeshkian", "visitor", "Iran", "President of Iran"),
            ("Alyaksandr Lukashenka", "host", "Belarus", "President of Belarus"),
        }
        documents = demo_event("minsk-documents-2025")
        quantity = documents.quantities.get()
        assert (quantity.value, quantity.unit) == (12, "cooperation documents")
        assert documents.event_type.slug == "agreement-signed"
        assert Actor.objects.matching("Alexander Lukashenko").get().slug == "alyaksandr-lukashenka"
        assert Outlet.objects.matching("RFE/RL").get().name == "Radio Free Europe/Radio Liberty"

    def test_events_keep_the_precision_their_sources_give(self, demo):
        cases = {
            "strategic-cooperation-2007": ("2007-01-01", "2007-12-31", "2007", "2007"),
            "trade-offices-2024": ("2024-01-01", "2024-12-31", "2024", "2024"),
            "roadmap-2023-2026": ("2023-03-01", "2023-03-31", "2023-03", "March 2023"),
            "defence-memorandum-2023": ("2023-07-01", "2023-07-31", "2023-07", "July 2023"),
            "pezeshkian-visits-minsk-2025": (
                "2025-08-19",
                "2025-08-20",
                "2025-08-19/2025-08-20",
                "August 19, 2025 – August 20, 2025",
            ),
        }
        for key, (first, last, edtf, display) in cases.items():
            event = demo_event(key)
            assert (event.starts_on.isoformat(), event.ends_on.isoformat()) == (first, last), key
            assert (event.edtf, event.date_display()) == (edtf, display), key
        assert demo_event("pezeshkian-visit-postponed-2025").modality == Event.Modality.POSTPONED

    def test_articles_are_processed_like_a_save_in_the_admin(self, demo):
        minsk = Article.objects.get(slug=MINSK_ARTICLE)
        assert minsk.citations.exists()
        targets = {
            xref.target_article.slug for xref in minsk.cross_references.exclude(target_article=None)
        }
        assert "israel-iran-war-puts-pezeshkian-minsk-visit-on-hold" in targets
        assert CrossReference.objects.exclude(target_article=None).count() >= 10
        # The source the timeline titles is the one the articles' citations point at.
        belta = Source.objects.get(outlet__slug="belta", starts_on=dt.date(2025, 8, 20))
        assert belta.title == "Key takeaways from Belarus-Iran summit in Minsk"
        assert belta.citations.exists() and belta.event_sources.exists()

    def test_home_page_shows_the_published_demo_articles_and_no_draft(self, client, demo):
        html = client.get("/").text
        for article in ARTICLES:
            assert (escape(article.title) in html) == bool(article.published), article.title
        visit = demo_event("pezeshkian-visits-minsk-2025")
        assert client.get(visit.get_absolute_url()).status_code == 200


# Idempotency


def test_a_second_run_changes_nothing(db):
    assert not Article.objects.exists()
    load_demo("--no-editor-account")
    before = fingerprint()
    out, _ = load_demo("--no-editor-account")
    assert fingerprint() == before  # includes every updated_at and every event's version
    assert "0 rows created, 0 updated, 0 removed" in out


def test_a_run_puts_back_what_was_changed_and_the_event_version_grows(db):
    load_demo("--no-editor-account")
    visit = demo_event("pezeshkian-visits-minsk-2025")
    visit.title = "Edited by hand"
    visit.save()
    visit.participations.filter(role="host").delete()
    version = Event.objects.get(pk=visit.pk).version

    report = demo_content_load()

    visit.refresh_from_db()
    assert visit.title == "Pezeshkian pays an official visit to Minsk"
    assert visit.participations.filter(role="host").exists()
    assert visit.version == version + 1
    assert report.rows["events.Event", "updated"] == 1
    assert report.rows["events.Participation", "created"] == 1
    assert report.total("created") + report.total("updated") == 2


def test_a_changed_participant_alone_grows_the_event_version(db):
    load_demo("--no-editor-account")
    visit = demo_event("pezeshkian-visits-minsk-2025")
    visit.participations.filter(role="host").update(office="Head of State")

    report = demo_content_load()

    assert visit.participations.get(role="host").office == "President of Belarus"
    assert Event.objects.get(pk=visit.pk).version == visit.version + 1
    assert report.rows["events.Event", "updated"] == 1


# The data itself, without the database


def references(article):
    published = dt.date.fromisoformat(article.published or "2025-12-31")
    names = [name for p in catalog.PUBLICATIONS for name in (p["name"], p["short_name"])]
    return extract_references(article.body, published=published, publications=names)


def test_every_citation_parses_and_names_a_demo_outlet():
    known = {
        name_key(name)
        for outlet in catalog.OUTLETS
        for name in (outlet["name"], *outlet.get("aliases", ()))
    }
    for article in ARTICLES:
        found = references(article)
        groups = {reference.text for reference in found}
        for parenthetical in re.findall(r"\([^()]*\)", article.body):
            if DATE.search(parenthetical):
                assert parenthetical in groups, (article.slug, parenthetical)
        for reference in found:
            if not reference.is_cross_reference:
                assert name_key(reference.outlet) in known, (article.slug, reference.outlet)


def test_cross_references_reach_other_demo_articles():
    days = {a.published for a in ARTICLES if a.publication == "edm" and a.published}
    reaching = [
        reference
        for article in ARTICLES
        for reference in references(article)
        if reference.is_cross_reference and reference.date.isoformat() in days
    ]
    assert len(reaching) >= 10


def test_notes_match_their_markers_and_issues_grow_with_dates():
    for article in ARTICLES:
        markers = sorted({int(n) for n in re.findall(r"\[(\d+)\]", article.body)})
        assert markers == list(range(1, len(article.notes) + 1)), article.slug
    for publication in ("edm", "ewb"):
        issues = [
            a.issue
            for a in sorted(ARTICLES, key=lambda a: a.published or "")
            if a.published and a.publication == publication
        ]
        assert issues == sorted(set(issues)), publication


# The editor account


@pytest.fixture
def credentials(settings, tmp_path):
    settings.BASE_DIR = tmp_path
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast
    return tmp_path / "var" / "editor-credentials.txt"


@pytest.fixture
def without_content(monkeypatch):
    """The account logic does not need the articles and events: skip loading them."""
    monkeypatch.setattr(
        "events.management.commands.load_demo.demo_content_load", lambda **options: LoadReport()
    )


def printed_password(out: str) -> str:
    return re.search(r"^Editor account: editor / (\S+)$", out, re.MULTILINE).group(1)


def test_the_editor_account_is_created_once_and_printed_on_every_run(
    db, settings, credentials, without_content
):
    settings.DEBUG = True
    password = printed_password(load_demo()[0])
    user = get_user_model().objects.get(username="editor")
    assert user.is_staff and user.is_superuser and user.check_password(password)
    assert stat.S_IMODE(credentials.stat().st_mode) == 0o600
    assert printed_password(load_demo()[0]) == password
    assert get_user_model().objects.count() == 1


def test_a_lost_credentials_file_gets_a_new_password(db, settings, credentials, without_content):
    settings.DEBUG = True
    old = printed_password(load_demo()[0])
    credentials.unlink()
    new = printed_password(load_demo()[0])
    assert new != old
    assert get_user_model().objects.get(username="editor").check_password(new)
    assert f"password: {new}" in credentials.read_text()


def test_without_debug_the_account_needs_the_explicit_option(
    db, settings, credentials, without_content
):
    settings.DEBUG = False
    out, err = load_demo()
    assert "Editor account:" not in out
    assert "DEBUG is off" in err
    assert not get_user_model().objects.exists() and not credentials.exists()
    out, _ = load_demo("--editor-account")
    assert printed_password(out)


def test_no_editor_account_skips_it(db, settings, credentials, without_content):
    settings.DEBUG = True
    out, _ = load_demo("--no-editor-account")
    assert "Editor account:" not in out
    assert not get_user_model().objects.exists()


@pytest.mark.django_db
def test_demo_articles_and_events_enter_the_change_feed_once():
    from articles.models import Article, Change
    from events.demo.loader import demo_content_load
    from events.models import Event

    with committed():  # and what follows the commit, which must add nothing
        demo_content_load()
    public = Article.objects.public()
    assert public.exists() and set(public.values_list("version", flat=True)) == {1}
    assert Change.objects.filter(resource="article").count() == public.count()
    assert Change.objects.filter(resource="event").count() == Event.objects.public().count()
    entries = Change.objects.count()
    with committed():
        demo_content_load()
    assert Change.objects.count() == entries
