"""The home page's lists, stored as one fragment (``HomeLists``) and read in one query.

What the lists show changes only when articles readers see change, or what their items show
(authors, publications), or the topics' and regions' counts: every such change is
announced, and the change listener (``articles.listeners``) marks the stored lists stale
after the commit, in whichever process made it. The next request renders them again (nine
queries or so, as the page did every time before) and stores them, unless another change
came meanwhile. An article that becomes public by the clock alone (a scheduled time come
before the worker ran) makes them stale at its time (``stale_at``), as the public queryset
would show it; lists rendered with other templates than the running ones (after a deploy)
are rendered again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import cache
from pathlib import Path

from django.db.models import F
from django.template import engines
from django.template.loader import render_to_string
from django.utils import timezone

from articles.models import Article, HomeLists, Publication, Region, Topic

from .pages import listed_items, rendering_version

HOME = 1  # the one row
LATEST_PER_PUBLICATION = 12
SUBJECTS_SHOWN = 8
TEMPLATE = "articles/_home_lists.html"


@cache
def home_rendering_version() -> str:
    """The lists' template and what their items are rendered with."""
    source = engines["django"].engine.find_template(TEMPLATE)[0].origin.name
    digest = hashlib.sha256(rendering_version().encode())
    digest.update(Path(source).read_bytes())
    return digest.hexdigest()[:32]


def home_lists(now: dt.datetime | None = None) -> str:
    """The home page's lists as stored, or rendered now (and stored) if they are stale."""
    now = now or timezone.now()
    # Read before what the lists show: a change after it moves the generation on, and the
    # rendering made from older material is then not stored.
    stored = (
        HomeLists.objects.filter(pk=HOME)
        .values_list("html", "rendered_with", "stale_at", "current", "generation")
        .first()
    )
    if stored is not None:
        html, rendered_with, stale_at, current, generation = stored
        due = stale_at is not None and stale_at <= now
        if current and rendered_with == home_rendering_version() and not due:
            return html
    html = home_lists_render(now)
    rendered = {
        "html": html,
        "rendered_with": home_rendering_version(),
        "stale_at": Article.objects.next_public_at(now),
        "current": True,
    }
    if stored is None:
        # Unless a change made the row meanwhile (``home_lists_stale``): then it is stale.
        HomeLists.objects.bulk_create([HomeLists(pk=HOME, **rendered)], ignore_conflicts=True)
    else:
        HomeLists.objects.filter(pk=HOME, generation=generation).update(**rendered)
    return html


def public_generation():
    """The generation every change readers may see moves on (the home lists' row holds it),
    as a subquery: what other pages store under it is current while it has not moved. No
    row yet (nothing changed since the database was made), no generation: store nothing."""
    return HomeLists.objects.filter(pk=HOME).values("generation")


def home_lists_stale() -> None:
    """What the home page shows may have changed: its stored lists are rendered again when
    next asked for, and no rendering begun before now is stored."""
    # Made first if missing, so that a rendering begun without a row finds one, and does
    # not store itself.
    HomeLists.objects.bulk_create([HomeLists(pk=HOME)], ignore_conflicts=True)
    HomeLists.objects.filter(pk=HOME).update(generation=F("generation") + 1, current=False)


def home_lists_render(now: dt.datetime | None = None) -> str:
    """The home page's lists as readers see them at ``now``: the articles of the latest day,
    each publication's latest, the topics and regions with the most articles. Items are
    joined from those stored with the articles' pages: no article is loaded as a model."""
    public = Article.objects.public(now)
    latest = public.latest_first().values_list("published_at", flat=True).first()
    lead = list(public.on_days([timezone.localdate(latest)]).listed()) if latest else []
    groups = [
        (
            publication,
            list(public.filter(publication=publication).listed()[:LATEST_PER_PUBLICATION]),
        )
        # Sorted here, not by the database's collation: by name as Python compares them.
        for publication in sorted(Publication.objects.all(), key=lambda p: p.name)
    ]
    items = iter(listed_items([*lead, *(row for _, rows in groups for row in rows)]))
    lead_html = "".join(next(items) for _ in lead)
    by_publication = [
        (publication, "".join(next(items) for _ in rows)) for publication, rows in groups if rows
    ]
    context = {
        "lead": lead_html,
        "lead_day": latest,
        "by_publication": by_publication,
        # Counted when articles change (articles.services.counts).
        "topics": Topic.objects.filter(public_articles__gt=0).order_by("-public_articles", "name")[
            :SUBJECTS_SHOWN
        ],
        "regions": Region.objects.filter(public_articles__gt=0).order_by(
            "-public_articles", "name"
        )[:SUBJECTS_SHOWN],
    }
    return render_to_string(TEMPLATE, context)
