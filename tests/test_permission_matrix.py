"""The permission matrix: every URL the resolver knows × every kind of caller × every state of
content. Whatever readers, a plan or a preview link may not see carries a marker string; no
answer may hold a marker its caller may not see, a conditional request may not answer 304
where the plain one does not answer 200, and a filter naming something hidden answers as a
filter naming nothing.

Callers: anonymous readers, a key of every plan (all publications, one publication without
events, embargoed material), revoked and expired keys, each newsroom role signed in, and a
preview link's holder. Content: articles in every workflow state (draft, in review, approved,
scheduled and published for later, retracted), events drafted, withdrawn and merged, and what
only they name (an author, an outlet and source, an actor), an article outside one plan, an
event outside a plan without events, another subscriber's webhook.

Each route has a filler in ``FILLERS`` that makes its URLs from that content; a route the
resolver knows and ``FILLERS`` does not fails the test, so a new view must be classified.
The admin's routes are tried too: callers outside the newsroom reach none of them, and each
role reaches an article's pages exactly when the article admin's permissions say so.
"""

import datetime as dt
import re
from dataclasses import dataclass, field

import pytest
from django.contrib.admin.sites import site as admin_site
from django.test import Client, RequestFactory
from django.utils import timezone

from articles.models import ArticleStatus, Outlet
from articles.services import preview_link_create, preview_link_revoke
from events.models import Event
from monitor.search.services import search_reindex
from monitor.subscribers.models import ApiKey, Plan, Subscriber
from monitor.subscribers.services import api_key_issue, api_key_revoke
from monitor.subscribers.webhooks.models import Endpoint
from tests import factories
from tests.commits import committed
from tests.routes import parameters, routes
from tests.subscribers.fixtures import plan as make_plan

pytestmark = pytest.mark.django_db

MARK = "zqxw"  # no word of any page, feed or schema holds it
HIDDEN_STATES = ["draft", "in_review", "approved", "scheduled", "embargoed", "retracted"]
EVENT_STATES = ["draft", "withdrawn", "merged"]


def mark(name: str) -> str:
    return f"{MARK}{name}{MARK}"


@dataclass
class World:
    publication: object
    other: object
    public: object
    articles: dict
    events: dict
    public_event: object
    hidden: dict
    preview_tokens: dict
    webhook: object
    callers: dict = field(default_factory=dict)


def _hidden_article(state, publication, author, source):
    when = timezone.now() + dt.timedelta(days=3)
    status, published = {
        "draft": (ArticleStatus.DRAFT, None),
        "in_review": (ArticleStatus.IN_REVIEW, None),
        "approved": (ArticleStatus.APPROVED, None),
        "scheduled": (ArticleStatus.SCHEDULED, when),
        "embargoed": (ArticleStatus.PUBLISHED, when),
        "retracted": (ArticleStatus.RETRACTED, timezone.now() - dt.timedelta(days=2)),
    }[state]
    extra = {"published_at": published} if published else {}
    if published:
        extra |= {"volume": publication.volume_for(timezone.localdate(published))}
        extra |= {"issue_number": 900 + HIDDEN_STATES.index(state)}
    article = factories.article(
        published=False,
        publication=publication,
        status=status,
        slug=f"hidden-{state.replace('_', '-')}",
        # The retracted article's title stays on its tombstone (410) by design.
        title=f"Hidden {state}" if state == "retracted" else f"Title {mark(state)}",
        dek=f"Dek {mark(state)}",
        body=f"Body {mark(state)} paragraph.\n\nSecond paragraph.",
        authors=[author] if state == "draft" else [],
        **extra,
    )
    factories.summary_point(article, text=f"Point {mark(state)}")
    factories.note(article, text=f"Note {mark(state)}")
    if state == "draft":
        factories.citation(article, source=source)
    return article


@pytest.fixture
def world(db):
    edm = factories.publication(slug="edm", name="Eurasia Daily Monitor")
    other = factories.publication(slug="other", name="Other Monitor")
    shown = factories.author(name="Shown Writer", slug="shown-writer")
    topic = factories.topic(slug="energy")
    region = factories.region(slug="iran-region")
    public = factories.article(publication=edm, authors=[shown], slug="public-piece")
    factories.classify(public, topics=[topic], regions=[region])
    factories.citation(public)
    outside = factories.article(
        publication=other, slug="outside-piece", title=f"Outside {mark('outsideplan')}"
    )

    hidden_author = factories.author(name=f"Writer {mark('author')}", slug="hidden-writer")
    hidden_outlet = factories.outlet(name=f"Outlet {mark('outlet')}", slug="hidden-outlet")
    hidden_source = factories.source(outlet=hidden_outlet, title=f"Source {mark('source')}")
    articles = {
        state: _hidden_article(state, edm, hidden_author, hidden_source) for state in HIDDEN_STATES
    }

    iran = factories.actor(name="Iran", slug="iran")
    belarus = factories.actor(name="Belarus", slug="belarus")
    hidden_actor = factories.actor(name=f"Envoy {mark('actor')}", slug="hidden-envoy")
    place = factories.place(name="Minsk", slug="minsk")
    public_event = factories.event(
        actors=[(iran, "host"), (belarus, "guest")],
        place=place,
        title="A public meeting",
        summary=f"Summary {mark('eventsplan')}",
    )
    factories.attach(public_event, public)
    factories.event_source(public_event)
    events = {
        "draft": factories.event(
            status=Event.Status.DRAFT,
            actors=[(iran, "host"), (hidden_actor, "guest")],
            title=f"Event {mark('eventdraft')}",
        ),
        "withdrawn": factories.event(
            status=Event.Status.WITHDRAWN,
            actors=[(iran, "host"), (belarus, "guest")],
            title=f"Event {mark('eventwithdrawn')}",
        ),
        "merged": factories.event(
            status=Event.Status.MERGED,
            merged_into=public_event,
            actors=[(iran, "host"), (belarus, "guest")],
            title=f"Event {mark('eventmerged')}",
        ),
    }
    factories.attach(events["withdrawn"], public)

    editor = factories.user("Editor")
    tokens = {}
    with committed():
        _, tokens["valid"] = preview_link_create(article=articles["draft"], by=editor)
        link, tokens["revoked"] = preview_link_create(article=articles["in_review"], by=editor)
        preview_link_revoke(link=link)
        link, tokens["expired"] = preview_link_create(article=articles["approved"], by=editor)
        link.expires_at = timezone.now() - dt.timedelta(minutes=1)
        link.save()

    owner = Subscriber.objects.create(name="Another desk", plan=Plan.objects.get(slug="everything"))
    webhook = Endpoint.objects.create(
        subscriber=owner, url=f"https://hooks.example.com/{mark('webhook')}", secret_salt="x"
    )
    # Every actor in the index, as after ``manage.py reindex`` (search hides what it must).
    search_reindex()
    return World(
        publication=edm,
        other=other,
        public=public,
        articles=articles,
        events=events,
        public_event=public_event,
        hidden={
            "author": hidden_author,
            "outlet": hidden_outlet,
            "source": hidden_source,
            "actor": hidden_actor,
            "outside": outside,
        },
        preview_tokens=tokens,
        webhook=webhook,
    )


# Callers ------------------------------------------------------------------------------------


@dataclass
class Caller:
    name: str
    client: Client
    key: str = ""
    plan: Plan | None = None
    role: str = ""

    def get(self, url, **headers):
        if self.key:
            headers["HTTP_AUTHORIZATION"] = f"Api-Key {self.key}"
        response = self.client.get(url, **headers)
        content = b"".join(response.streaming_content) if response.streaming else response.content
        return response, content.decode("utf-8", "replace")


def _callers(world) -> list[Caller]:
    everything = Plan.objects.get(slug="everything")
    one_publication = make_plan(slug="edm-only", all_publications=False, includes_events=False)
    one_publication.publications.add(world.publication)
    embargoed = make_plan(slug="embargoed", all_publications=True, includes_embargoed=True)
    plans = list(Plan.objects.order_by("slug"))
    assert {everything, one_publication, embargoed} <= set(plans)

    def keyed(plan, name=None, **kwargs):
        subscriber = Subscriber.objects.create(name=f"Desk {name or plan.slug}", plan=plan)
        return Caller(name or f"plan {plan.slug}", Client(), api_key_issue(
            subscriber=subscriber, **kwargs)[1], plan)  # fmt: skip

    callers = [Caller("anonymous", Client())]
    callers += [keyed(plan) for plan in plans]
    revoked = keyed(everything, "revoked key")
    api_key_revoke(key=ApiKey.objects.get(subscriber__name="Desk revoked key"))
    callers.append(revoked)
    yesterday = timezone.now() - dt.timedelta(days=1)
    callers.append(keyed(everything, "expired key", expires_at=yesterday))
    for role in ("Contributor", "Editor", "Publisher"):
        client = Client()
        client.force_login(factories.user(role))
        callers.append(Caller(role, client, role=role))
    return callers


def allowed_markers(caller: Caller, url: str, world: World) -> set[str]:
    """The markers ``caller`` may see at ``url``: only these rules open anything."""
    allowed = set()
    api = url.startswith("/api/")
    grant = caller.plan if api and caller.name not in ("revoked key", "expired key") else None
    if not api or (grant and grant.all_publications):
        allowed.add(mark("outsideplan"))  # a public article of the other publication
    if not api or (grant and grant.includes_events):
        allowed.add(mark("eventsplan"))  # a public event
    if grant and grant.includes_embargoed:
        allowed |= {mark("scheduled"), mark("embargoed")}
    if url.startswith(f"/preview/{world.preview_tokens['valid']}/"):
        allowed |= {mark("draft"), mark("author"), mark("outlet"), mark("source")}
    return allowed


MARKER = re.compile(rf"{MARK}\w+?{MARK}")


# URLs ---------------------------------------------------------------------------------------


def _article_date(article):
    local = timezone.localtime(article.published_at or timezone.now())
    return f"{local.year}/{local.month:02d}/{local.day:02d}"


def _every_article(world):
    return [world.public, world.hidden["outside"], *world.articles.values()]


def _every_event(world):
    return [world.public_event, *world.events.values()]


def _slugs(*names):
    return lambda world: list(names)


FILLERS = {
    "/": lambda w: [""],
    "/corrections/": lambda w: [""],
    "/robots.txt": lambda w: [""],
    "/sitemap.xml": lambda w: [""],
    "/feeds/rss/": lambda w: [""],
    "/feeds/atom/": lambda w: [""],
    "/timeline/": lambda w: [""],
    "/search/": lambda w: [f"?q={MARK}", "?q=Body", "?q=Hidden", "?q=Writer", "?q=Envoy"],
    "/actors/{slug}/": lambda w: [{"slug": s} for s in ("iran", "belarus", "hidden-envoy")],
    "/places/{slug}/": lambda w: [{"slug": "minsk"}],
    "/authors/{slug}/": lambda w: [{"slug": s} for s in ("shown-writer", "hidden-writer")],
    "/topics/{slug}/": lambda w: [{"slug": "energy"}],
    "/regions/{slug}/": lambda w: [{"slug": "iran-region"}],
    "/sources/{pk}/": lambda w: (
        [{"pk": c.source_id} for c in w.public.citations.all()] + [{"pk": w.hidden["source"].pk}]
    ),
    "/events/{uuid}/": lambda w: [{"uuid": e.uuid} for e in _every_event(w)],
    "/timeline/{first}/{second}/": lambda w: [
        {"first": "iran", "second": "belarus"},
        {"first": "iran", "second": "hidden-envoy"},
    ],
    "/feeds/{kind}/{slug}/rss/": lambda w: _feeds(w),
    "/feeds/{kind}/{slug}/atom/": lambda w: _feeds(w),
    "/preview/{token}/": lambda w: [{"token": t} for t in w.preview_tokens.values()],
    "/media/{path}": lambda w: [{"path": "uploads/none.jpg"}],
    "/{publication}/": lambda w: [{"publication": "edm"}, {"publication": "other"}],
    "/{publication}/volume/{volume}/": lambda w: [
        {"publication": a.publication.slug, "volume": a.volume}
        for a in _every_article(w)
        if a.volume
    ],
    "/{publication}/volume/{volume}/issue/{issue}/": lambda w: [
        {"publication": a.publication.slug, "volume": a.volume, "issue": a.issue_number}
        for a in _every_article(w)
        if a.volume and a.issue_number
    ],
    "/{publication}/{year}/": lambda w: _dates(w, 1),
    "/{publication}/{year}/{month}/": lambda w: _dates(w, 2),
    "/{publication}/{year}/{month}/{day}/": lambda w: _dates(w, 3),
    "/{publication}/{year}/{month}/{day}/{slug}/": lambda w: [
        {"publication": a.publication.slug, "slug": a.slug, **_date_parts(a, 3)}
        for a in _every_article(w)
    ],
    # The API.
    "/api/v1/{rest}/": lambda w: [{"rest": "nothing-here"}],
    "/api/v1/schema/": lambda w: [""],
    "/api/v1/docs/": lambda w: [""],
    "/api/v1/redoc/": lambda w: [""],
    "/api/v1/redoc/redoc.js": lambda w: [""],
    "/api/v1/codebook/": lambda w: [""],
    "/api/v1/changes/": lambda w: ["", "?since=0"],
    "/api/v1/webhooks/": lambda w: [""],
    "/api/v1/webhooks/{pk}/": lambda w: [{"pk": w.webhook.pk}],
    "/api/v1/webhooks/{pk}/rotate/": lambda w: [{"pk": w.webhook.pk}],
    "/api/v1/articles/{pk}/": lambda w: [{"pk": a.pk} for a in _every_article(w)],
    "/api/v1/events/{uuid}/": lambda w: [{"uuid": e.uuid} for e in _every_event(w)],
    "/api/v1/issues/{pk}/": lambda w: [{"pk": a.pk} for a in _every_article(w)],
    "/api/v1/publications/{slug}/": lambda w: [{"slug": "edm"}, {"slug": "other"}],
    "/api/v1/authors/{slug}/": lambda w: [{"slug": s} for s in ("shown-writer", "hidden-writer")],
    "/api/v1/outlets/{slug}/": lambda w: [
        {"slug": slug} for slug in Outlet.objects.values_list("slug", flat=True)
    ],
    "/api/v1/sources/{pk}/": lambda w: FILLERS["/sources/{pk}/"](w),
    "/api/v1/actors/{slug}/": lambda w: [{"slug": s} for s in ("iran", "hidden-envoy")],
    "/api/v1/places/{slug}/": lambda w: [{"slug": "minsk"}],
    "/api/v1/topics/{slug}/": lambda w: [{"slug": "energy"}],
    "/api/v1/regions/{slug}/": lambda w: [{"slug": "iran-region"}],
    "/api/v1/event-types/{slug}/": lambda w: [{"slug": "meeting"}],
}
DEBUG_ONLY = {"/media/{path}"}  # uploads served by Django only with DEBUG (``make run``)
API_LISTS = [
    "articles",
    "events",
    "issues",
    "publications",
    "authors",
    "outlets",
    "sources",
    "actors",
    "places",
    "topics",
    "regions",
    "event-types",
]
for name in API_LISTS:
    FILLERS[f"/api/v1/{name}/"] = lambda w: ["", "?page_size=100", f"?q={MARK}"]
# A filter naming something hidden answers as one naming nothing (``test_filters_...``).
HIDDEN_FILTERS = [
    ("author=hidden-writer", "author=no-such-writer"),
    ("outlet=hidden-outlet", "outlet=no-such-outlet"),
    ("actor=hidden-envoy", "actor=no-such-envoy"),
    ("actor=hidden-envoy&actor=iran&actors_all=true", "actor=nobody&actor=iran&actors_all=true"),
    ("source={source}", "source=999999"),
    ("event={event}", "event=00000000-0000-4000-8000-000000000000"),
    # The publication a plan leaves out is as unknown to its keys as one that does not exist.
    ("publication=other", "publication=no-such-publication", "outside the plan"),
]


def _feeds(world):
    return [
        {"kind": kind, "slug": slug}
        for kind, slug in (
            ("publication", "edm"),
            ("author", "shown-writer"),
            ("author", "hidden-writer"),
            ("topic", "energy"),
            ("region", "iran-region"),
        )
    ]


def _date_parts(article, depth):
    year, month, day = _article_date(article).split("/")
    return dict(list({"year": year, "month": month, "day": day}.items())[:depth])


def _dates(world, depth):
    return [
        {"publication": a.publication.slug, **_date_parts(a, depth)}
        for a in _every_article(world)
        if a.published_at
    ]


def _filled(route: str, values: dict) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: str(values[m.group(1)]), route)


def _urls(world) -> list[str]:
    urls = []
    for route in sorted(set(routes())):
        for filling in FILLERS[route](world):
            if isinstance(filling, str):
                urls.append(route + filling)
            else:
                urls.append(_filled(route, filling))
    return urls


# The tests ----------------------------------------------------------------------------------


def test_every_route_is_classified():
    known = set(routes())
    assert known - set(FILLERS) == set(), "classify the new view in FILLERS"
    gone = set(FILLERS) - known - DEBUG_ONLY
    assert gone == set(), "a classified route is gone: remove its filler"


def test_no_caller_sees_what_it_may_not(world):
    callers = _callers(world)
    urls = _urls(world)
    assert len(urls) > 100
    cells, leaks, seen_public = 0, [], 0
    for caller in callers:
        caller.client.raise_request_exception = False
        for url in urls:
            response, text = caller.get(url)
            conditional, _ = caller.get(
                url, HTTP_IF_NONE_MATCH="*", HTTP_IF_MODIFIED_SINCE="Sat, 01 Jan 2101 00:00:00 GMT"
            )
            cells += 1
            status = response.status_code
            if status >= 500 or conditional.status_code >= 500:
                leaks.append(f"{caller.name}: {status}/{conditional.status_code} {url}")
            found = set(MARKER.findall(text)) - allowed_markers(caller, url, world)
            if found:
                leaks.append(f"{caller.name}: {url} shows {sorted(found)}")
            if conditional.status_code == 304 and status != 200:
                leaks.append(f"{caller.name}: {url} answers {status}, but 304 when conditional")
            seen_public += status == 200
    print(f"permission matrix: {len(callers)} callers x {len(urls)} URLs = {cells} cells, "
          f"{len(leaks)} leaks")  # fmt: skip
    assert leaks == [], "\n".join(leaks)
    assert seen_public > cells // 4  # the matrix reads real pages, not only refusals


def test_markers_are_where_they_should_be(world):
    """The markers are real: those who may see them do (else the matrix proves nothing)."""
    anonymous = Client()
    assert mark("draft") in anonymous.get(f"/preview/{world.preview_tokens['valid']}/").text
    assert mark("outsideplan") in anonymous.get("/other/").text
    assert mark("eventsplan") in anonymous.get(f"/events/{world.public_event.uuid}/").text
    embargoed = make_plan(slug="peek", all_publications=True, includes_embargoed=True)
    subscriber = Subscriber.objects.create(name="Peek desk", plan=embargoed)
    key = api_key_issue(subscriber=subscriber)[1]
    listing = (
        Client().get("/api/v1/articles/?page_size=100", HTTP_AUTHORIZATION=f"Api-Key {key}").text
    )
    assert mark("embargoed") in listing and mark("scheduled") in listing


def test_filters_naming_hidden_things_answer_as_filters_naming_nothing(world):
    callers = [c for c in _callers(world) if c.key]
    tried = 0
    values = {"source": world.hidden["source"].pk, "event": world.events["draft"].uuid}
    for caller in callers:
        for name in API_LISTS:
            for hidden, missing, *only in HIDDEN_FILTERS:
                if only and mark("outsideplan") in allowed_markers(caller, "/api/", world):
                    continue  # the plan covers it
                url = f"/api/v1/{name}/?{hidden.format(**values)}"
                one, text = caller.get(url)
                other, _ = caller.get(f"/api/v1/{name}/?{missing}")
                tried += 1
                assert one.status_code == other.status_code, (caller.name, url)
                assert MARKER.findall(text) == [], (caller.name, url)
    print(f"permission matrix filters: {tried} pairs of hidden and missing values")
    assert tried > len(callers) * len(API_LISTS) * (len(HIDDEN_FILTERS) - 1)


# The admin ----------------------------------------------------------------------------------


def _admin_urls(world) -> list[tuple[str, object]]:
    """Every admin route with its object (an article in every state where the route takes one;
    for other models, their first row), as (URL, article or None)."""
    urls = []
    for route in sorted(set(routes(admin=True)) - set(routes())):
        names = parameters(route)
        if not names:
            urls.append((route, None))
            continue
        model = re.match(r"/admin/(\w+)/(\w+)/", route)
        if route.startswith("/admin/articles/article/{object_id}/"):
            for article in world.articles.values():
                values = {"object_id": article.pk, "number": 1, "link_id": 1}
                urls.append((_filled(route, values), article))
        elif model and names == ["object_id"]:
            urls.append((route.replace("{object_id}", "1"), None))
        else:  # app lists, view-on-site and the admin's catch-all
            urls.append((_filled(route, OTHER_ADMIN), None))
    return urls


OTHER_ADMIN = {
    "app_label": "articles",
    "url": "nothing",
    "content_type_id": 1,
    "object_id": 1,
    "id": 1,
}
OPEN_ADMIN = ("/admin/login/", "/admin/logout/", "/admin/jsi18n/")


def test_no_one_outside_the_newsroom_reaches_the_admin(world):
    callers = [c for c in _callers(world) if not c.role]
    urls = _admin_urls(world)
    print(f"permission matrix admin: {len(callers)} callers x {len(urls)} URLs")
    assert len(urls) > 150
    for caller in callers:
        caller.client.raise_request_exception = False
        for url, _ in urls:
            response, text = caller.get(url)
            assert response.status_code < 500, (caller.name, url)
            assert MARKER.findall(text) == [], (caller.name, url)
            if not url.startswith(OPEN_ADMIN):
                assert response.status_code in (302, 404), (caller.name, url)
                if response.status_code == 302:
                    assert response["Location"].startswith("/admin/login/"), (caller.name, url)


def test_each_role_reaches_an_articles_pages_as_the_admin_permits(world):
    factory = RequestFactory()
    article_admin = admin_site._registry[type(world.public)]
    for role in ("Contributor", "Editor", "Publisher"):
        user = factories.user(role)
        client = Client(raise_request_exception=False)
        client.force_login(user)
        request = factory.get("/admin/")
        request.user = user
        for url, article in _admin_urls(world):
            response = client.get(url)
            assert response.status_code < 500, (role, url)
            if article is None or not url.endswith(f"/{article.pk}/change/"):
                continue
            may_view = article_admin.has_view_or_change_permission(request, article)
            assert (response.status_code == 200) == may_view, (role, url, response.status_code)
            state = next(name for name, one in world.articles.items() if one == article)
            assert (mark(state) in response.text) == may_view, (role, url)
