"""Monitor under faults: minutes of reads at saturation while editors publish, edit and
correct in the admin; PostgreSQL restarted and Redis stopped in the middle.

Everything runs on 127.0.0.1 and is the soak's own: a PostgreSQL cluster and a
``redis-server`` on free ports (``bench.servers``), a generated corpus (``SOAK_ARTICLES``,
``SOAK_EVENTS``, seed 1) with its pages rendered, gunicorn with production settings
(``bench.settings``) and the task worker (``db_worker``, for scheduled publication).

- Readers: wrk at saturation over the home page, article pages, archives, timelines,
  search, the RSS feed, and the API's lists, details and change feed (with a key); a Lua
  script counts every answer by second and status.
- Editors (``SOAK_WRITERS``), each in a session of their own over HTTP, as a browser does:
  the admin's add and change forms (fetched for their CSRF token and fields, then posted),
  and the workflow's buttons: new articles submitted, approved and published or scheduled,
  published ones edited and corrected. Every save the server acknowledged (the admin's
  redirect, and for a workflow step its "The article is now ..." message) is recorded with a
  marker of its own written into it.
- Faults: PostgreSQL is stopped at 30% of the run for ``SOAK_PG_DOWN`` seconds and started
  again; Redis at 60% for ``SOAK_REDIS_DOWN`` seconds. After PostgreSQL is back, a probe
  asks the API until it answers 200 (reads back); writes are back at the first acknowledged
  save after it.
- Afterwards every acknowledged save is looked for in the database: its revision, its
  change-feed entry (public articles), the text it wrote still in the article, its workflow
  step; scheduled articles published by the worker.

Prints the report and writes it to ``var/soak/results-<time>.md``; exits non-zero when any
answer was 500, any 5xx came outside the PostgreSQL outage (a Redis outage must cost
nothing), any acknowledged save is missing, or the site did not recover.

Knobs: ``SOAK_SECONDS`` (240), ``SOAK_CONNECTIONS`` (8), ``SOAK_THREADS`` (2),
``SOAK_WORKERS`` (4), ``SOAK_WRITERS`` (3), ``SOAK_PG_DOWN`` (10 s), ``SOAK_REDIS_DOWN``
(15 s), ``SOAK_ARTICLES`` (300), ``SOAK_EVENTS`` (600).
"""

from __future__ import annotations

import collections
import datetime as dt
import http.client
import itertools
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from bench.forms import form_fields
from bench.load import Server
from bench.servers import BINARIES, Postgres, Redis, postgres_missing

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "soak"
PYTHON = sys.executable


def _knob(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


SECONDS = _knob("SOAK_SECONDS", 240)
WRITERS = _knob("SOAK_WRITERS", 3)
PG_DOWN = _knob("SOAK_PG_DOWN", 10)
REDIS_DOWN = _knob("SOAK_REDIS_DOWN", 15)
SCHEDULE_AHEAD = 15  # seconds between scheduling an article and its time
RETRY = 0.5  # seconds an editor waits after a 503 or a refused connection

SETUP = """
import json, os
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Count
from articles.models import Article, Publication
from events.models import Actor
from monitor.subscribers.models import Plan
from monitor.subscribers.services import subscriber_key_create
Plan.objects.get_or_create(slug="soak", defaults={"name": "Soak", "rate": "",
    "all_publications": True, "includes_events": True})
_, key = subscriber_key_create(name="Soak desk", plan_slug="soak")
publishers = Group.objects.filter(name__in=["Editor", "Publisher"])
editors = []
for n in range(int(os.environ["SOAK_WRITERS"])):
    user = get_user_model().objects.create_user(
        f"soak-editor-{n}", password=os.environ["SOAK_PASSWORD"], is_staff=True)
    user.groups.set(publishers)
    editors.append(user.username)
public = list(Article.objects.public().select_related("publication").order_by("-published_at")[:60])
actors = list(Actor.objects.annotate(n=Count("participations")).order_by("-n")[:2])
day = public[0].get_absolute_url().rstrip("/").rsplit("/", 1)[0] + "/"
month = day.rstrip("/").rsplit("/", 1)[0] + "/"
print(json.dumps({
    "key": key, "editors": editors, "publications": list(Publication.objects.values_list("pk", flat=True)),
    "editable": [a.pk for a in public],
    "pages": ["/", "/corrections/", "/feeds/rss/", day, month, month.rstrip("/").rsplit("/", 1)[0] + "/",
              actors[0].get_absolute_url(), f"/timeline/{actors[0].slug}/{actors[1].slug}/",
              "/search/?q=security", "/search/?q=border+security"]
             + [a.get_absolute_url() for a in public[:20]],
    "api": ["/api/v1/articles/?page_size=20", "/api/v1/events/?page_size=50", "/api/v1/changes/",
            "/api/v1/articles/?q=security"] + [f"/api/v1/articles/{a.pk}/" for a in public[:8]],
}))
"""

# wrk's readers: each thread walks the paths from its own starting point and counts the
# answers by second and status; ``done`` prints them with the socket errors.
WRK_SCRIPT = """
local paths = {%(paths)s}
local key = "%(key)s"
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) counts = {}; n = math.random(#paths) end
function request()
  n = n %% #paths + 1
  local p = paths[n]
  if p[2] then return wrk.format("GET", p[1], {["Authorization"] = "Api-Key " .. key}) end
  return wrk.format("GET", p[1], {})
end
function response(status, headers, body)
  local k = os.time() .. " " .. status
  counts[k] = (counts[k] or 0) + 1
end
function done(summary, latency, requests)
  for _, t in ipairs(threads) do
    for k, v in pairs(t:get("counts")) do io.write("count ", k, " ", v, "\\n") end
  end
  local e = summary.errors
  io.write(string.format("socket %%d %%d %%d %%d\\n", e.connect, e.read, e.write, e.timeout))
end
"""


@dataclass
class Ack:
    """A save the server acknowledged, with the marker written into it."""

    kind: str  # create, submit, approve, publish, schedule, edit, correct
    article: int
    marker: str
    editor: str
    at: float


@dataclass
class Window:
    label: str
    start: float
    end: float = 0.0  # when the server was started again
    back_reads: float | None = None  # seconds after ``end`` to the first 200 from the database
    back_writes: float | None = None  # and to the first acknowledged save


@dataclass
class Tally:
    """Answers by second and status (``(second, status) -> count``), and socket errors."""

    counts: collections.Counter = field(default_factory=collections.Counter)
    socket_errors: collections.Counter = field(default_factory=collections.Counter)


class Unavailable(Exception):
    """503, or no connection: the editor waits a moment and starts the step again."""


class Refused(Exception):
    """The admin answered the form again (a merge, a stale revision): not saved."""


class Editor(threading.Thread):
    """One editor in a browser: a session of their own, forms fetched before they are sent."""

    def __init__(self, number, port, facts, password, until, run_id):
        super().__init__(daemon=True)
        self.number, self.port, self.until, self.run_id = number, port, until, run_id
        self.username, self.password = facts["editors"][number], password
        self.publications, self.editable = facts["publications"], list(facts["editable"])
        self.random = random.Random(number)
        self.cookies: dict[str, str] = {}
        self.answers: list[tuple[float, int | str, str]] = []  # (time, status, request)
        self.acks: list[Ack] = []
        self.refused = collections.Counter()
        self.markers = itertools.count(1)
        self.failure = ""

    def run(self):
        actions = [self.write_new] * 3 + [self.edit] * 5 + [self.correct] * 2
        try:
            self.retrying(self.log_in)
            while time.time() < self.until:
                try:
                    self.retrying(self.random.choice(actions))
                except Refused as refusal:
                    self.refused[str(refusal)] += 1
                time.sleep(0.2)
        except Exception as error:  # reported: the soak fails
            self.failure = f"{type(error).__name__}: {error}"

    def retrying(self, step):
        while True:
            try:
                return step()
            except Unavailable:
                if time.time() >= self.until:
                    return None
                time.sleep(RETRY)

    # HTTP, as a browser: cookies kept, redirects read by the caller.

    def request(self, method, path, data=None) -> tuple[int, str, str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if data is not None:
            body = urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode()
        except (OSError, http.client.HTTPException) as error:
            self.answers.append((time.time(), type(error).__name__, f"{method} {path}"))
            raise Unavailable from error
        finally:
            connection.close()
        self.answers.append((time.time(), response.status, f"{method} {path}"))
        for cookie in response.msg.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            value = rest.split(";", 1)[0]
            if value in ("", '""') or "Max-Age=0" in cookie:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        if response.status == 503:
            raise Unavailable
        if response.status >= 500:
            raise RuntimeError(f"{method} {path}: {response.status}")
        return response.status, response.getheader("Location", ""), text

    def form(self, path) -> dict:
        status, _, text = self.request("GET", path)
        if status != 200:
            raise RuntimeError(f"GET {path}: {status}")
        return form_fields(text)

    def log_in(self):
        data = self.form("/admin/login/?next=/admin/")
        data |= {"username": self.username, "password": self.password, "next": "/admin/"}
        status, _, _ = self.request("POST", "/admin/login/?next=/admin/", data)
        if status != 302:
            raise RuntimeError(f"{self.username} could not log in ({status})")

    def marker(self) -> str:
        return f"soak{self.run_id}w{self.number}n{next(self.markers)}"

    def acknowledge(self, kind, article, marker):
        self.acks.append(Ack(kind, article, marker, self.username, time.time()))

    # What editors do.

    def write_new(self):
        """A new article, through review to publication now, or scheduled (one in four)."""
        marker = self.marker()
        data = self.form("/admin/articles/article/add/") | {
            "publication": str(self.random.choice(self.publications)),
            "title": f"Soak article {marker}",
            "slug": marker,
            "body": f"Written during the soak {marker} (Tehran Times, August 20).\r\n\r\n"
            "A second paragraph, which editors will add to.",
            "summary": f"A point {marker}.",
            "_continue": "Save and continue editing",
        }
        status, location, _ = self.request("POST", "/admin/articles/article/add/", data)
        if status != 302:
            raise Refused("new article refused")
        article = int(re.search(r"/article/(\d+)/change/", location).group(1))
        self.acknowledge("create", article, marker)
        self.retrying(lambda: self.transition(article, "submit"))
        self.retrying(lambda: self.transition(article, "approve"))
        if self.random.random() < 0.25:
            at = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=SCHEDULE_AHEAD)
            at = at.replace(tzinfo=None).isoformat(timespec="seconds")
            self.retrying(lambda: self.transition(article, "schedule", at=at))
        else:
            self.retrying(lambda: self.transition(article, "publish"))
            self.editable.append(article)

    def transition(self, article, action, comment="", at=""):
        url = f"/admin/articles/article/{article}/change/"
        data = {"csrfmiddlewaretoken": self.form(url)["csrfmiddlewaretoken"], "action": action}
        data |= {"comment": comment} if comment else {}
        data |= {"at": at} if at else {}
        status, location, _ = self.request("POST", url.replace("change/", "transition/"), data)
        # Refused or not, a workflow step redirects to the form: its message says which.
        _, _, page = self.request("GET", urlsplit(location).path)
        if status != 302 or "The article is now" not in page:
            raise Refused(f"{action} refused")
        self.acknowledge(action, article, comment or action)

    def edit(self):
        """A published article's text: a paragraph added at the end."""
        article = self.random.choice(self.editable)
        url = f"/admin/articles/article/{article}/change/"
        marker = self.marker()
        data = self.form(url)
        data["body"] = data["body"].rstrip() + f"\r\n\r\nAdded during the soak {marker}."
        status, _, _ = self.request("POST", url, data)
        if status != 302:
            raise Refused("edit answered with the form again (saved meanwhile)")
        self.acknowledge("edit", article, marker)

    def correct(self):
        article = self.random.choice(self.editable)
        self.transition(article, "correct", comment=f"Corrected during the soak {self.marker()}")


VERIFY = """
import json, os
from articles.models import Article, ArticleRevision, ArticleTransition, Change, Correction
acks = json.load(open(os.environ["SOAK_ACKS"]))
lost, entries_used, waits = [], set(), []

def missing(ack, what):
    lost.append(f"{ack['kind']} of article {ack['article']} by {ack['editor']} ({ack['marker']}): {what}")

def entry(ack, actions, **match):
    entries = Change.objects.filter(resource="article", resource_id=str(ack["article"]),
                                    action__in=actions, **match).exclude(pk__in=entries_used)
    found = entries.order_by("seq").first()
    if found is not None:
        entries_used.add(found.pk)
    return found

for ack in acks:
    article = Article.objects.filter(pk=ack["article"]).first()
    if article is None:
        missing(ack, "the article is gone"); continue
    revisions = ArticleRevision.objects.filter(article=article)
    kind = ack["kind"]
    if kind in ("create", "edit"):
        revision = next((r for r in revisions.order_by("number") if ack["marker"] in r.snapshot["body"]), None)
        if revision is None:
            missing(ack, "no revision holds it"); continue
        if ack["marker"] not in article.body:
            missing(ack, "the article's text no longer holds it")
        if kind == "edit":
            # Its entry is recorded in the same transaction, after the revision and before
            # the next one (the article's lock orders them); it may wait for the feed's lock.
            later = revisions.filter(number__gt=revision.number).order_by("number").first()
            found = Change.objects.filter(resource="article", resource_id=str(article.pk),
                                          action="updated", at__gte=revision.at)
            if later is not None:
                found = found.filter(at__lt=later.at)
            first = found.order_by("at").values_list("at", flat=True).first()
            if first is None:
                missing(ack, f"no change-feed entry after revision {revision.number}")
            else:
                waits.append((first - revision.at).total_seconds())
        continue
    transitions = ArticleTransition.objects.filter(article=article, by__username=ack["editor"], action=kind)
    if kind == "correct":
        transitions = transitions.filter(comment=ack["marker"])
    step = transitions.order_by("-at").first()
    if step is None:
        missing(ack, "no workflow step"); continue
    if not revisions.filter(transition=step).exists():
        missing(ack, "no revision for the workflow step")
    if kind == "correct":
        if not Correction.objects.filter(article=article, text=ack["marker"]).exists():
            missing(ack, "no correction")
        if not entry(ack, ["corrected"], reason=ack["marker"]):
            missing(ack, "no change-feed entry")
    if kind == "publish" and not entry(ack, ["published"]):
        missing(ack, "no change-feed entry")
    if kind == "schedule":
        done = ArticleTransition.objects.filter(article=article, action="publish", by=None).first()
        if article.status != "published" or done is None:
            missing(ack, f"not published by the worker (status {article.status})")
        elif not entry(ack, ["published"]):
            missing(ack, "no change-feed entry")
print(json.dumps({"checked": len(acks), "lost": lost, "longest_wait": max(waits, default=0)}))
"""


def _manage(env, *args, capture=False, log=None) -> str:
    done = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, text=True,
        stdout=subprocess.PIPE if capture else log, stderr=log,
    )  # fmt: skip
    return done.stdout or ""


def _wrk_script(facts: dict, path: Path) -> None:
    paths = [(p, False) for p in facts["pages"]] + [(p, True) for p in facts["api"]]
    listed = ", ".join(f'{{"{p}", {"true" if api else "false"}}}' for p, api in paths)
    path.write_text(WRK_SCRIPT % {"paths": listed, "key": facts["key"]})


def _read(wrk: subprocess.Popen) -> Tally:
    output, _ = wrk.communicate()
    tally = Tally()
    for line in output.splitlines():
        parts = line.split()
        if parts[:1] == ["count"]:
            tally.counts[(int(parts[1]), int(parts[2]))] += int(parts[3])
        elif parts[:1] == ["socket"]:
            names = ("connect", "read", "write", "timeout")
            tally.socket_errors.update(dict(zip(names, map(int, parts[1:]), strict=True)))
    return tally


def _probe(port: int, key: str, since: float, timeout: float = 120) -> float | None:
    """Seconds from ``since`` to the first 200 of a read the database must answer."""
    while time.time() - since < timeout:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            connection.request("GET", "/api/v1/articles/?page_size=1", headers={
                "Authorization": f"Api-Key {key}"})  # fmt: skip
            if connection.getresponse().status == 200:
                return time.time() - since
        except OSError:
            pass
        finally:
            connection.close()
        time.sleep(0.1)
    return None


def soak(stack: ExitStack, directory: Path) -> tuple[str, list[str]]:
    postgres = Postgres(prefix="monitor-soak-")
    stack.callback(postgres.remove)
    postgres.start()
    redis = Redis(directory)
    redis.start()
    stack.callback(redis.stop)
    password = uuid.uuid4().hex
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "BENCH_CACHE": "configured",
        "DEBUG": "0",
        "DATABASE_URL": postgres.createdb("monitor"),
        "REDIS_URL": redis.url(),
        "CACHE_KEY_PREFIX": "soak",
        "CONN_MAX_AGE": "60",
        "MONITOR_SITE_URL": "http://127.0.0.1",
        "MONITOR_TASKS_BACKEND": "database",
        "MEDIA_ROOT": str(directory / "media"),
        "SOAK_WRITERS": str(WRITERS),
        "SOAK_PASSWORD": password,
    }
    articles, events = os.environ.get("SOAK_ARTICLES", "300"), os.environ.get("SOAK_EVENTS", "600")
    log = stack.enter_context(open(directory / "server.log", "w+", encoding="utf-8"))  # noqa: SIM115
    _manage(env, "migrate", "--noinput", "-v", "0", log=log)
    _manage(env, "generate_corpus", "--articles", articles, "--events", events, "--seed", "1",
            "-v", "0", log=log)  # fmt: skip
    _manage(env, "render_pages", "-v", "0", log=log)
    facts = json.loads(_manage(env, "shell", "-c", SETUP, capture=True).strip().splitlines()[-1])

    workers = _knob("SOAK_WORKERS", 4)
    server = Server(env, workers, log=log)
    stack.callback(server.stop)
    worker = subprocess.Popen(
        [PYTHON, "manage.py", "db_worker", "--interval", "1", "--no-reload"],
        cwd=ROOT, env=env, stdout=log, stderr=log, start_new_session=True,
    )  # fmt: skip
    stack.callback(lambda: worker.poll() is None and (worker.terminate(), worker.wait(20)))

    script = directory / "readers.lua"
    _wrk_script(facts, script)
    begin = time.time()
    until = begin + SECONDS
    connections, threads = _knob("SOAK_CONNECTIONS", 8), _knob("SOAK_THREADS", 2)
    wrk = subprocess.Popen(
        ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{SECONDS}s", "--timeout",
         "60s", "-s", str(script), f"http://127.0.0.1:{server.port}/"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    stack.callback(lambda: wrk.poll() is None and wrk.kill())
    run_id = uuid.uuid4().hex[:6]
    editors = [Editor(n, server.port, facts, password, until, run_id) for n in range(WRITERS)]
    for editor in editors:
        editor.start()

    def at(fraction):
        time.sleep(max(0.0, begin + SECONDS * fraction - time.time()))

    at(0.3)
    database = Window("PostgreSQL restarted", time.time())
    postgres.stop()
    time.sleep(PG_DOWN)
    postgres.start()
    database.end = time.time()
    database.back_reads = _probe(server.port, facts["key"], database.end)
    at(0.6)
    cache = Window("Redis stopped", time.time())
    redis.stop()
    time.sleep(REDIS_DOWN)
    redis.start()
    cache.end = time.time()
    cache.back_reads = _probe(server.port, facts["key"], cache.end)

    tally = _read(wrk)
    for editor in editors:
        editor.join(timeout=180)
    acks = [ack for editor in editors for ack in editor.acks]
    for window in (database, cache):
        after = [ack.at - window.end for ack in acks if ack.at > window.end]
        window.back_writes = min(after) if after else None
    # The worker publishes at the time (it polls every second): give it that and a margin.
    due = [ack.at + SCHEDULE_AHEAD for ack in acks if ack.kind == "schedule"]
    time.sleep(max(0.0, max(due, default=0) + 10 - time.time()))
    (directory / "acks.json").write_text(json.dumps([asdict(ack) for ack in acks]))
    verified = json.loads(
        _manage(env | {"SOAK_ACKS": str(directory / "acks.json")}, "shell", "-c", VERIFY,
                capture=True).strip().splitlines()[-1]
    )  # fmt: skip
    worker_code = worker.poll()
    log.flush()
    log.seek(0)
    server_log = log.read()
    (OUT / "server.log").write_text(server_log, encoding="utf-8")  # the last run's

    return _report(
        begin=begin, tally=tally, editors=editors, windows=[database, cache],
        verified=verified, worker_code=worker_code, server_log=server_log,
        heading=f"{articles} articles and {events} events on PostgreSQL "
        f"{Path(BINARIES[-1]).parent.name} and Redis; gunicorn {workers} sync workers, "
        f"the task worker; wrk -t{threads} -c{connections} over {len(facts['pages'])} pages "
        f"and {len(facts['api'])} API paths; {WRITERS} editors",
    )  # fmt: skip


def _report(*, begin, tally, editors, windows, verified, worker_code, server_log, heading):
    database = windows[0]
    # The database's outage: from the stop to the first answer after the start (whole
    # seconds for wrk's counts, which are by second), with a second's margin for answers
    # in flight.
    outage_end = database.end + (database.back_reads or 0) + 1

    def in_outage(second: float) -> bool:
        return int(database.start) <= second <= outage_end

    statuses = collections.Counter()
    fives = {"during": collections.Counter(), "outside": collections.Counter()}
    stray = []  # the 5xx outside the outage, said where and when
    for (second, status), count in tally.counts.items():
        statuses[status] += count
        if status >= 500:
            fives["during" if in_outage(second) else "outside"][status] += count
            if not in_outage(second):
                stray.append(f"{status} × {count} to readers at {second - begin:.0f} s")
    editor_statuses = collections.Counter()
    for editor in editors:
        for moment, status, request in editor.answers:
            editor_statuses[status] += 1
            statuses[status] += 1
            if isinstance(status, int) and status >= 500:
                fives["during" if in_outage(moment) else "outside"][status] += 1
                if not in_outage(moment):
                    stray.append(f"{status} to {request} at {moment - begin:.1f} s")
    reads = sum(count for (_, _), count in tally.counts.items())
    writes = sum(editor_statuses.values())
    acks = collections.Counter(ack.kind for editor in editors for ack in editor.acks)
    refused = sum((editor.refused for editor in editors), collections.Counter())
    errors_logged = server_log.count("Internal Server Error")

    failures = []
    if statuses.get(500):
        failures.append(f"{statuses[500]} answers were 500")
    if sum(fives["outside"].values()):
        failures.append(f"5xx outside the PostgreSQL outage: {dict(fives['outside'])}")
    if set(fives["during"]) - {503}:
        failures.append(f"5xx other than 503 during the outage: {dict(fives['during'])}")
    if verified["lost"]:
        failures.append(f"{len(verified['lost'])} acknowledged saves lost")
    for window in windows:
        if window.back_reads is None or window.back_writes is None:
            failures.append(f"{window.label}: the site did not recover")
    if worker_code is not None:
        failures.append(f"the task worker exited (code {worker_code})")
    for editor in editors:
        if editor.failure:
            failures.append(f"{editor.username} stopped: {editor.failure}")
    if errors_logged:
        failures.append(f"the server logged {errors_logged} internal server errors")

    def seconds(value):
        return "never" if value is None else f"{value:.2f} s"

    lines = [
        f"Monitor soak, {dt.datetime.fromtimestamp(begin):%Y-%m-%d %H:%M}: {SECONDS} s; {heading}.",
        "",
        f"- Requests: {reads + writes:,} ({reads:,} reads, {writes:,} by editors)",
        "- By status: "
        + ", ".join(f"{s}: {n:,}" for s, n in sorted(statuses.items(), key=lambda i: str(i[0]))),
        f"- 5xx during the PostgreSQL outage: {sum(fives['during'].values()):,} "
        f"({', '.join(f'{s}: {n:,}' for s, n in sorted(fives['during'].items())) or 'none'}); "
        f"outside it: {sum(fives['outside'].values())}; 500: {statuses.get(500, 0)}",
        "- Readers' socket errors: "
        + ", ".join(
            f"{k} {tally.socket_errors[k]}" for k in ("connect", "read", "write", "timeout")
        ),
        f"- Acknowledged saves: {sum(acks.values()):,} ("
        + ", ".join(f"{kind} {n}" for kind, n in sorted(acks.items()))
        + f"); lost: {len(verified['lost'])}",
        f"- Longest time from an edit's revision to its change-feed entry (same transaction): "
        f"{verified['longest_wait']:.2f} s",
        "- Not saved, the form answered again: "
        + (", ".join(f"{reason}: {n}" for reason, n in sorted(refused.items())) or "none"),
        f"- Task worker: {'running at the end' if worker_code is None else f'exited ({worker_code})'}",
        "",
        "| Fault | at | down | answers meanwhile | saves acknowledged meanwhile "
        "| reads back after | first save after |",
        "|---|---:|---:|---|---:|---:|---:|",
    ]
    for window in windows:
        meanwhile = collections.Counter()
        for (second, status), count in tally.counts.items():
            if int(window.start) <= second <= window.end:
                meanwhile[status] += count
        for editor in editors:
            meanwhile.update(s for t, s, _ in editor.answers if window.start <= t <= window.end)
        saved = sum(window.start <= a.at <= window.end for e in editors for a in e.acks)
        lines.append(
            f"| {window.label} | {window.start - begin:.0f} s | {window.end - window.start:.1f} s "
            f"| {', '.join(f'{s}: {n:,}' for s, n in sorted(meanwhile.items(), key=str))} "
            f"| {saved} | {seconds(window.back_reads)} | {seconds(window.back_writes)} |"
        )
    lines += [f"LOST: {line}" for line in verified["lost"][:20]]
    lines += [f"5xx outside the outage: {line}" for line in sorted(stray)[:20]]
    if errors_logged:
        first = server_log.index("Internal Server Error")
        lines += ["", "First internal server error logged:", server_log[first : first + 3000]]
    lines += ["", "FAILED: " + "; ".join(failures) if failures else "Passed."]
    return "\n".join(lines) + "\n", failures


def run() -> str:
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: the soak needs it (apt-get install wrk).")
    if postgres_missing():
        raise SystemExit(f"The soak {postgres_missing()}.")
    OUT.mkdir(parents=True, exist_ok=True)
    started = dt.datetime.now()
    with ExitStack() as stack:
        directory = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="monitor-soak-")))
        report, failures = soak(stack, directory)
    path = OUT / f"results-{started:%Y%m%d-%H%M%S}.md"
    path.write_text(report, encoding="utf-8")
    report += f"\n(written to {path.relative_to(ROOT)})"
    if failures:
        raise SystemExit(report)
    return report
