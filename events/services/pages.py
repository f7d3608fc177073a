"""Timeline pages (an actor's, two actors', a place's) stored whole, as readers got them.

Such a page shows its timeline, the articles about it and the names of what they show, so
nearly any change may move it: every change readers may see moves on the site's
generation after its commit, in whichever process made it (the one the home's stored
lists are kept under: ``articles.services.home.public_generation``), after the timelines
themselves followed it. A page is stored under the generation read before what it shows,
and shown again while that generation is current, its templates are the running ones and
no article has come due by the clock since (``stale_at``): a rendering made from material
read before a change and stored after it carries the old generation, and is never shown.
Reading a stored page is one query, and renders nothing; a page rendered and stored costs
three more than it did without (that query, the next article due, the store).

A page is addressed by its path, two page numbers, of events (``?events=``) and of
articles (``?page=``), and the reader's choice of direct participants only (``?direct=1``,
which the links of both keep). The links of each keep the other at its first page, so only those
pages are stored, and only when asked for by the numbers they show: an address past the
end (answered with the last page) or with a number written otherwise is rendered each
time, as before, and writes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.db.models import OuterRef, Q, Subquery, TextField, Value
from django.http import HttpResponse
from django.template import engines
from django.utils import timezone

from articles.models import Article
from articles.services.home import public_generation
from articles.services.pages import rendering_version
from monitor.core.context_processors import site

from ..models import StoredPage

TEMPLATES = (
    "base.html",
    "events/entity_detail.html",
    "events/relationship.html",
    "events/_timeline.html",
    "articles/_pagination.html",
)
# A page number as its links write it: anything else is rendered, never looked up.
NUMBER = re.compile(r"[1-9][0-9]{0,8}")


@cache
def page_rendering_version() -> str:
    """The templates of the page and its frame, what its items are rendered with (with the
    site's address) and the frame's addresses (static files' names change with a deploy)."""
    digest = hashlib.sha256(rendering_version().encode())
    engine = engines["django"].engine
    for name in TEMPLATES:
        digest.update(Path(engine.find_template(name)[0].origin.name).read_bytes())
    digest.update(repr(sorted(site(None)["site"].items())).encode())
    return digest.hexdigest()[:32]


def _number(given: str | None) -> int | None:
    if given is None:
        return 1
    return int(given) if NUMBER.fullmatch(given) else None


def _direct(given: str | None) -> bool | None:
    """The reader's choice of direct participants only (``?direct=1``); None for anything
    else, rendered, never looked up."""
    return {None: False, "1": True}.get(given)


def _path(path: str, events: int, articles: int, direct: bool) -> str:
    return f"{path}?events={events}&page={articles}" + ("&direct=1" if direct else "")


@dataclass
class PageRequest:
    """What a request of a timeline page found stored (``html``), else what the rendering
    it makes is stored under (``generation``, read before the material)."""

    path: str
    now: dt.datetime
    asked: tuple[int | None, int | None]  # the page numbers asked for (None: not a number)
    direct: bool | None = False  # direct participants only (None: not a choice written so)
    html: str | None = None
    generation: int | None = None

    def response(self) -> HttpResponse:
        return HttpResponse(self.html)

    def keep(self, response: HttpResponse, *, events: int, articles: int) -> HttpResponse:
        """Store the page rendered (the page numbers it shows) if it is the page asked for
        (an address past the end shows the last page, and is not stored as it), and a page
        links lead to."""
        if (
            self.generation is None
            or self.direct is None
            or response.status_code != 200
            or (events, articles) != self.asked
            or min(events, articles) > 1
        ):
            return response
        StoredPage.objects.bulk_create(
            [
                StoredPage(
                    path=_path(self.path, events, articles, self.direct),
                    generation=self.generation,
                    rendered_with=page_rendering_version(),
                    stale_at=Article.objects.next_public_at(self.now),
                    html=response.content.decode(),
                )
            ],
            update_conflicts=True,
            unique_fields=["path"],
            update_fields=["generation", "rendered_with", "stale_at", "html"],
        )
        return response


def page_request(request) -> PageRequest:
    """The stored page for ``request`` if it is current, else the generation a rendering of
    it is to be stored under: one query."""
    events, articles = _number(request.GET.get("events")), _number(request.GET.get("page"))
    direct = _direct(request.GET.get("direct"))
    page = PageRequest(request.path, now=timezone.now(), asked=(events, articles), direct=direct)
    current = public_generation()
    if events is not None and articles is not None and direct is not None:
        stored = StoredPage.objects.filter(
            Q(stale_at=None) | Q(stale_at__gt=page.now),
            path=_path(page.path, events, articles, direct),
            generation=OuterRef("generation"),
            rendered_with=page_rendering_version(),
        )
        current = current.annotate(html=Subquery(stored.values("html")[:1]))
    else:
        current = current.annotate(html=Value(None, TextField()))
    page.generation, page.html = current.values_list("generation", "html").first() or (None, None)
    return page
