"""Every write path, in any order, leaves everything derived from it right.

A hypothesis state machine works the newsroom as its people do, through the interfaces they
use: editors save articles in the admin (one at a time, and two at once on the same article),
take them through the workflow, schedule them for the task worker to publish, revert them;
an operator imports and re-imports files; editors create, edit, attach, withdraw and merge
events in the admin. Every step commits for real, so what follows a commit runs as in
production. After each step it checks that:

- the search index equals a full reindex of what is there;
- a mirror that replays the change feed equals the live API, item for item;
- every public page served from the cache equals a fresh render, and every article page
  stored when it changed, and the home page's stored lists, equal those rendered now;
- every public event's stored representation is current and equals a fresh render;
- what each article is about (its subjects: related articles, filters) follows its topics
  and the published events it reports;
- no text an editor saved was lost.

It runs on SQLite and, in CI, on PostgreSQL.
"""

import datetime as dt
import re
import tempfile
import time
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.template.loader import render_to_string
from django.test import Client, override_settings
from django.utils import timezone
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    invariant,
    rule,
    run_state_machine_as_test,
)

from articles.models import Article, ArticlePage, ArticleStatus, Publication
from articles.services.home import home_lists, home_lists_render
from articles.services.pages import article_page_context
from events.fragments import event_fragments
from events.models import Event, EventRepresentation, EventType
from events.representations import event_parts, event_rows
from events.services.representations import representation_version
from monitor.search.backends import search
from monitor.search.models import SearchDocument
from monitor.search.services import search_reindex
from tests import factories
from tests.articles.test_admin import form_data
from tests.seeds import reseed
from tests.subscribers.fixtures import client_with, key_for, plan
from tests.subscribers.mirror import Mirror

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reseeded")]

WORD = st.sampled_from(
    ["minsk", "tehran", "baku", "yerevan", "tbilisi", "astana", "drones", "corridor", "tariffs"]
)
WORDS = st.lists(WORD, min_size=2, max_size=5).map(" ".join)
NO_CACHE = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
INDEXED = ("kind", "object_id", "title", "body", "url", "date", "date_label", "publications",
           "authors", "topics", "regions")  # fmt: skip


class Newsroom(RuleBasedStateMachine):
    articles = Bundle("articles")
    imported = Bundle("imported")
    events = Bundle("events")

    def __init__(self):
        super().__init__()
        self.editor = Client()
        self.editor.force_login(factories.user("Publisher", username="desk", is_superuser=True))
        self.colleague = Client()
        self.colleague.force_login(factories.user("Editor", username="colleague"))
        data = form_data(self.editor.get("/admin/articles/publication/add/")) | {
            "name": "Eurasia Daily Monitor",
            "short_name": "EDM",
            "slug": "edm",
            "first_year": "2004",
        }
        assert self.editor.post("/admin/articles/publication/add/", data).status_code == 302
        self.publication = Publication.objects.get(slug="edm")
        self.reader = Client()
        self.api = client_with(
            key_for(plan(all_publications=True, includes_events=True, rate="1000000/hour"))[1]
        )
        self.folder = Path(tempfile.mkdtemp())
        self.required: dict[int, list[str]] = {}  # article -> texts its saves must have kept
        self.mirror = Mirror(self.api)

    def teardown(self):
        # Every example starts from an empty newsroom, as the first did.
        call_command("flush", "--no-input", verbosity=0)
        reseed()
        cache.clear()

    # Articles, in the admin

    def _change_url(self, pk):
        return f"/admin/articles/article/{pk}/change/"

    @rule(target=articles, title=WORDS, text=WORDS)
    def write(self, title, text):
        data = form_data(self.editor.get("/admin/articles/article/add/")) | {
            "publication": str(self.publication.pk),
            "title": title.title(),
            "slug": f"{title.replace(' ', '-')}-{Article.objects.count()}",
            "body": f"{text.capitalize()} (Tehran Times, August 20).",
            "summary": f"{text.capitalize()}.",
        }
        response = self.editor.post("/admin/articles/article/add/", data)
        assert response.status_code == 302, response.content[:3000]
        article = Article.objects.get(slug=data["slug"], publication=self.publication)
        self.required[article.pk] = [data["body"]]
        return article.pk

    @rule(pk=articles, text=WORDS)
    def edit(self, pk, text):
        url = self._change_url(pk)
        page = self.editor.get(url)
        if page.status_code != 200 or 'name="body"' not in page.text:
            return  # retracted: no longer editable
        data = form_data(page)
        data["body"] = f"{data['body']}\r\n\r\nAdded: {text}."
        response = self.editor.post(url, data)
        assert response.status_code == 302, response.content[:3000]
        self.required[pk] = [data["body"].replace("\r\n", "\n")]

    @rule(pk=articles, mine=WORDS, theirs=WORDS)
    def two_editors_at_once(self, pk, mine, theirs):
        url = self._change_url(pk)
        first, second = self.editor.get(url), self.colleague.get(url)
        if first.status_code != 200 or second.status_code != 200 or 'name="body"' not in first.text:
            return
        ours, other = form_data(first), form_data(second)
        ours["title"] = f"{ours['title']} {mine}".strip()
        other["body"] = f"{other['body']}\r\n\r\nTheir paragraph: {theirs}."
        assert self.editor.post(url, ours).status_code == 302
        refused = self.colleague.post(url, other)
        assert refused.status_code == 200 and "while you were editing it" in refused.text
        merged = form_data(refused)
        assert self.colleague.post(url, merged).status_code == 302
        self.required[pk] = [ours["title"], f"Their paragraph: {theirs}."]

    @rule(pk=articles, action=st.sampled_from(["submit", "approve", "publish", "unschedule"]))
    def step(self, pk, action):
        self.editor.post(f"/admin/articles/article/{pk}/transition/", {"action": action})

    @rule(pk=articles, action=st.sampled_from(["correct", "retract"]), note=WORDS)
    def step_with_a_note(self, pk, action, note):
        self.editor.post(
            f"/admin/articles/article/{pk}/transition/", {"action": action, "comment": note}
        )

    @rule(pk=articles)
    def schedule(self, pk):
        """Scheduled a moment ahead, and published by the worker at its time. Between the two
        the article is public by the clock while its feed entry waits for the worker (as
        docs/workflow.md says): the invariants are checked after the worker ran."""
        at = timezone.localtime() + dt.timedelta(seconds=2)
        self.editor.post(
            f"/admin/articles/article/{pk}/transition/",
            {"action": "schedule", "at": at.strftime("%Y-%m-%dT%H:%M:%S")},
        )
        self.the_worker_runs()

    @rule()
    def the_worker_runs(self):
        due = Article.objects.filter(status=ArticleStatus.SCHEDULED)
        if due.exists():
            wait = due.latest("published_at").published_at - timezone.now()
            time.sleep(max(0.0, wait.total_seconds()) + 0.05)
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    @rule(pk=articles)
    def revert(self, pk):
        article = Article.objects.get(pk=pk)
        first = article.revisions.order_by("number").first()
        if first is None or article.status == ArticleStatus.RETRACTED:
            return
        url = f"/admin/articles/article/{pk}/revisions/{first.number}/revert/"
        assert self.editor.get(url).status_code == 200  # asks for confirmation first
        assert self.editor.post(url).status_code == 302
        self.required[pk] = [first.snapshot["body"]]

    # Imports

    def _file(self, title, text):
        path = self.folder / f"{title.replace(' ', '-')}.txt"
        path.write_text(
            f"{title.title()}\n\nDate: {timezone.localdate():%B %d, %Y}\n\n"
            f"{text.capitalize()} (Belta, August 20).\n",
            encoding="utf-8",
        )
        return path

    @rule(target=imported, title=WORDS, text=WORDS, published=st.booleans())
    def import_a_file(self, title, text, published):
        title = f"imported {title} {len(list(self.folder.iterdir()))}"
        path = self._file(title, text)
        status = ["--status", "published"] if published else []
        call_command("import_article", str(path), "--publication", self.publication.slug, *status)
        article = Article.objects.get(publication=self.publication, title=title.title())
        self.required[article.pk] = [f"{text.capitalize()} (Belta, August 20)."]
        return (article.pk, title)

    @rule(item=imported, text=WORDS)
    def reimport(self, item, text):
        pk, title = item
        before = Article.objects.get(pk=pk).status
        call_command("import_article", str(self._file(title, text)), "--publication",
                     self.publication.slug)  # fmt: skip
        article = Article.objects.get(pk=pk)
        assert article.status == before  # a re-import never moves the workflow
        if article.status != ArticleStatus.RETRACTED:
            self.required[pk] = [f"{text.capitalize()} (Belta, August 20)."]

    # Events, in the admin

    def _event_url(self, pk):
        return f"/admin/events/event/{pk}/change/"

    @rule(target=events, title=WORDS)
    def record_event(self, title):
        data = form_data(self.editor.get("/admin/events/event/add/")) | {
            "title": title.title(),
            "event_type": str(EventType.objects.get(slug="meeting").pk),
            "start_year": "2025",
            "start_month": "8",
            "start_day": "19",
            "start_precision": "day",
            "status": "published",
        }
        response = self.editor.post("/admin/events/event/add/", data)
        assert response.status_code == 302, response.content[:3000]
        return Event.objects.latest("pk").pk

    def _event_change(self, pk, **changes):
        data = form_data(self.editor.get(self._event_url(pk))) | changes
        response = self.editor.post(self._event_url(pk), data)
        assert response.status_code == 302, response.content[:3000]

    @rule(pk=events, title=WORDS)
    def edit_event(self, pk, title):
        self._event_change(pk, title=title.title())

    @rule(pk=events, article=articles)
    def attach(self, pk, article):
        current = [str(a) for a in Event.objects.get(pk=pk).articles.values_list("pk", flat=True)]
        self._event_change(pk, articles=sorted({*current, str(article)}))

    @rule(pk=events)
    def withdraw(self, pk):
        if Event.objects.get(pk=pk).status == Event.Status.PUBLISHED:
            self._event_change(pk, status="withdrawn")

    @rule(pk=events, into=events)
    def merge(self, pk, into):
        event, target = Event.objects.get(pk=pk), Event.objects.get(pk=into)
        if pk != into and event.is_public() and target.is_public():
            self._event_change(pk, status="merged", merged_into=str(into))

    # What must hold after every step

    @invariant()
    def search_equals_a_full_reindex(self):
        queries = ["minsk", "tehran drones", "corridor", "imported"]
        documents = SearchDocument.objects.all()
        indexed = sorted(SearchDocument.objects.values_list(*INDEXED))
        found = {q: sorted((h.document.kind, h.document.object_id) for h in search(q, documents))
                 for q in queries}  # fmt: skip
        with transaction.atomic():
            search_reindex()
            assert sorted(SearchDocument.objects.values_list(*INDEXED)) == indexed
            for query in queries:
                fresh = search(query, SearchDocument.objects.all())
                assert (
                    sorted((h.document.kind, h.document.object_id) for h in fresh) == found[query]
                )
            transaction.set_rollback(True)

    @invariant()
    def a_mirror_of_the_feed_equals_the_live_api(self):
        self.mirror.follow()
        self.mirror.assert_equals_the_live_api()

    @invariant()
    def cached_pages_equal_a_fresh_render(self):
        urls = ["/", "/feeds/rss/", "/feeds/atom/", "/sitemap.xml",
                self.publication.get_absolute_url()]  # fmt: skip
        urls += [a.get_absolute_url() for a in Article.objects.public()]
        urls += [e.get_absolute_url() for e in Event.objects.public()]
        for url in urls:
            served = self.reader.get(url)
            with override_settings(CACHES=NO_CACHE):
                fresh = self.reader.get(url)
            assert served.status_code == fresh.status_code, url
            assert _stable(served.content) == _stable(fresh.content), url

    @invariant()
    def subjects_follow_topics_and_published_events(self):
        for article in Article.objects.all():
            expected = {f"topic:{pk}" for pk in article.topics.values_list("pk", flat=True)}
            expected |= {f"region:{pk}" for pk in article.regions.values_list("pk", flat=True)}
            events = Event.objects.public().filter(articles=article)
            expected |= {f"event:{uuid}" for uuid in events.values_list("uuid", flat=True)}
            expected |= {
                f"actor:{slug}"
                for slug in events.values_list("participations__actor__slug", flat=True)
                if slug
            }
            assert set(article.subjects.values_list("key", flat=True)) == expected, article.pk

    @invariant()
    def stored_pages_equal_a_fresh_render(self):
        for article in Article.objects.public().for_display():
            stored = ArticlePage.objects.filter(article=article).first()
            if stored is None:  # come due by the clock: rendered at its first request
                continue
            context = article_page_context(article)
            assert stored.main_html == render_to_string("articles/_article_main.html", context)
            assert stored.meta_html == render_to_string("articles/_article_meta.html", context)

    @invariant()
    def stored_event_representations_are_current_and_equal_a_fresh_render(self):
        public = list(Event.objects.public().order_by("pk"))
        stored = {
            row.event_id: row
            for row in EventRepresentation.objects.filter(rendered_with=representation_version())
        }
        parts = event_parts(event_rows(Event.objects.public().order_by("pk")))
        for event in public:
            row = stored.get(event.pk)
            assert row is not None, event.pk
            assert (row.version, row.updated_at) == (event.version, event.updated_at), event.pk
            fresh = event_fragments(parts[event.pk])
            assert {name: getattr(row, name) for name in fresh} == fresh, event.pk

    @invariant()
    def stored_home_lists_equal_a_fresh_render(self):
        now = timezone.now()
        assert home_lists(now) == home_lists_render(now)

    @invariant()
    def no_saved_text_was_lost(self):
        for pk, texts in self.required.items():
            article = Article.objects.filter(pk=pk).first()
            assert article is not None
            current = f"{article.title}\n{article.body}"
            for text in texts:
                assert text.replace("\r\n", "\n") in current, (pk, text)


def _stable(content: bytes) -> bytes:
    """A feed with no entries says it was updated when it was rendered (Django's feeds take
    the time of rendering when there is no item to date them by): nothing else may differ."""
    if b"<entry>" in content or b"<item>" in content:
        return content
    return re.sub(rb"<(updated|lastBuildDate)>[^<]*</\1>", b"", content)


def test_every_write_path_keeps_search_feed_pages_and_text_right():
    run_state_machine_as_test(
        Newsroom,
        settings=settings(
            max_examples=10,
            stateful_step_count=30,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        ),
    )
