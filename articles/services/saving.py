"""The one place an article changes: saving its content, and what follows any change.

``article_save`` is how every interface changes an article's content: the admin form,
revert, imports, the demo loader. It locks the article, refuses a save based on an older
revision, writes, re-derives citations and cross-references, and hands over to
``article_commit``.

``article_commit`` follows every change, content or workflow (``article_transition``, the
worker's scheduled publication): it stores the revision, decides what subscribers are told
(``feed_action``), brings the articles that cross-reference this one in line, and announces
the change. What follows the commit is the listeners' work (``MONITOR_CHANGE_LISTENERS``:
the search index, event suggestions, the page cache, webhooks).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from articles.models import (
    Article,
    ArticleAuthor,
    ArticleRevision,
    Author,
    Change,
    CrossReference,
    Note,
    SummaryPoint,
)
from articles.rendering import normalise_newlines
from articles.workflow import Action
from monitor.core.changes import Changed, changes_announce

from .changes import article_change, change_unit
from .counts import catalog_counts_refresh
from .pages import article_page_render, article_pages_render
from .references import ReferenceSync, article_sync_references
from .revisions import article_revision_create, article_snapshot
from .subjects import article_classification_index, subjects_listed_refresh


class StaleRevision(Exception):
    """The article was saved by someone else since the revision the change was based on."""

    def __init__(self, latest: ArticleRevision):
        super().__init__(f"Revision {latest.number} was saved meanwhile.")
        self.latest = latest


@dataclass(frozen=True)
class ArticleState:
    """An article as it stood before a change: what it showed, and whether readers saw it."""

    snapshot: dict
    public: bool
    announced: bool


@dataclass(frozen=True)
class ArticleSaved:
    """What a change did: the revision stored and the feed entry recorded (None: no change)."""

    article: Article
    revision: ArticleRevision | None = None
    change: Change | None = None
    references: ReferenceSync | None = None


def article_lock(article_id: int) -> Article:
    """The article, locked until the transaction ends: its writers queue here.

    FOR NO KEY UPDATE, not FOR UPDATE: a save elsewhere that inserts rows pointing at this
    article (a cross-reference, a citation of it) checks the key without waiting for us,
    which may be waiting for that save's article (cross-references re-rendered).
    """
    return (
        Article.objects.select_for_update(of=("self",), no_key=True)
        .select_related("publication")
        .get(pk=article_id)
    )


def article_state(article: Article, now: dt.datetime) -> ArticleState:
    return ArticleState(
        snapshot=article_snapshot(article),
        public=article.is_public(now),
        announced=article.version > 0,
    )


def newer_revision(article: Article, base_revision: int | None) -> ArticleRevision | None:
    """The latest revision when it is not ``base_revision``: someone saved meanwhile."""
    if base_revision is None or article.pk is None:
        return None
    latest = article.revisions.select_related("by").first()
    return latest if latest is not None and latest.number != base_revision else None


@transaction.atomic
@change_unit()
def article_save(
    *,
    article: Article,
    by,
    base_revision: int | None = None,
    summary: Sequence[str] | None = None,
    notes: Sequence[tuple[int, str]] | None = None,
    authors: Sequence[Author] | None = None,
    write: Callable[[], None] | None = None,
    note: str = "",
    now: dt.datetime | None = None,
) -> ArticleSaved:
    """Save ``article``'s content as it is in memory, with the parts given.

    ``summary``, ``notes`` and ``authors`` replace the article's when given. ``write``, when
    given, does the writing instead of ``article.save()`` (the admin saves its form and
    inlines). With ``base_revision``, a save based on an older revision raises
    ``StaleRevision`` and writes nothing; the check and the write happen under the article's
    row lock. A save that changes nothing is undone: no revision, no version, no feed entry.
    """
    now = now or timezone.now()
    before = None
    if article.pk is not None:
        current = article_lock(article.pk)
        if latest := newer_revision(current, base_revision):
            raise StaleRevision(latest)
        before = article_state(current, now)
        article.version = current.version
    savepoint = transaction.savepoint_create()
    for name in ("title", "dek", "body", "image_alt", "image_credit"):
        setattr(article, name, normalise_newlines(getattr(article, name)))
    if write is None:
        article.save()
    else:
        write()
    if summary is not None:
        article.summary_points.all().delete()
        SummaryPoint.objects.bulk_create(
            SummaryPoint(article=article, position=n, text=normalise_newlines(text))
            for n, text in enumerate(summary)
        )
    if notes is not None:
        article.notes.all().delete()
        for number, text in notes:
            Note.objects.create(article=article, number=number, text=normalise_newlines(text))
    if authors is not None:
        before_bylines = set(article.bylines.values_list("author_id", flat=True))
        article.bylines.all().delete()
        ArticleAuthor.objects.bulk_create(
            ArticleAuthor(article=article, author=author, position=n)
            for n, author in enumerate(authors)
        )
        if moved := before_bylines ^ {author.pk for author in authors}:
            # Authors who joined or left the byline: counted again once committed.
            keys = [f"author:{pk}" for pk in moved]
            transaction.on_commit(lambda: catalog_counts_refresh(keys), robust=True)
    references = article_sync_references(article=article)
    article_classification_index(article)
    saved = article_commit(article=article, before=before, by=by, note=note, now=now)
    if saved.revision is None:
        transaction.savepoint_rollback(savepoint)
        article.refresh_from_db()
    else:
        transaction.savepoint_commit(savepoint)
    return ArticleSaved(article, saved.revision, saved.change, references)


@transaction.atomic
@change_unit()
def article_revert(*, article: Article, revision: ArticleRevision, by) -> ArticleSaved:
    """Bring back the content of ``revision`` as a new revision: text, summary, notes,
    bylines, topics and regions. The workflow state, date and numbers stay as they are, and
    so do the events attached (they are the events' to change)."""
    snapshot = revision.snapshot
    for name in ("title", "dek", "body", "image_credit", "image_alt"):
        setattr(article, name, snapshot.get(name, ""))
    found = Author.objects.in_bulk([author_id for author_id, _ in snapshot.get("authors", [])])
    authors = [found[pk] for pk, _ in snapshot.get("authors", []) if pk in found]

    def write():
        article.save()
        article.topics.set([pk for pk, _ in snapshot.get("topics", [])])
        article.regions.set([pk for pk, _ in snapshot.get("regions", [])])

    notes = []
    for line in snapshot.get("notes", []):
        number, _, text = line.partition("] ")
        notes.append((int(number.lstrip("[")), text))
    return article_save(
        article=article,
        by=by,
        summary=snapshot.get("summary", []),
        notes=notes,
        authors=authors,
        write=write,
        note=f"Reverted to revision {revision.number}",
    )


def cross_reference_choose(*, reference: CrossReference, by) -> ArticleSaved:
    """Save the target an editor chose for a cross-reference (``reference`` as edited); the
    article's body links to it, as a new revision of the article."""

    def write():
        reference.save()

    return article_save(
        article=reference.article, by=by, write=write, note="Cross-reference target chosen"
    )


@transaction.atomic
def article_delete(*, article: Article, by) -> None:
    """Delete an article readers never saw (a draft, an article not yet due). Once public,
    an article is retracted instead: subscribers keep its tombstone."""
    now = timezone.now()
    article = article_lock(article.pk)
    if article.version > 0 or article.is_public(now):
        raise ValueError("A published article is not deleted: retract it instead.")
    article_id = article.pk
    article.delete()
    changes_announce([Changed("article", article_id, public=False)])


def feed_action(*, announced: bool, public: bool, action: str = "") -> str | None:
    """What the change feed says of a change, or None when subscribers see nothing.

    The first time an article is public, whatever the path (publication, a scheduled time
    come, an import), is ``published``; later changes of a public article are ``updated``
    (``corrected`` for a correction); leaving the public for good is ``retracted``. Changes
    to what no reader sees (drafts, an article not yet due) say nothing.
    """
    if public and not announced:
        return Change.Action.PUBLISHED
    if public:
        return Change.Action.CORRECTED if action == Action.CORRECT else Change.Action.UPDATED
    return Change.Action.RETRACTED if announced else None


def article_commit(
    *,
    article: Article,
    before: ArticleState | None,
    by,
    transition=None,
    note: str = "",
    reason: str = "",
    now: dt.datetime | None = None,
    revise: bool = True,
    follow: bool = True,
) -> ArticleSaved:
    """Record a change to ``article`` made in the current transaction, and announce it.

    ``before`` is the article as it was (None for a new one). Stores a revision (unless
    ``revise`` is off: a re-rendered link is not an editor's revision), records the feed
    entry ``feed_action`` decides, re-renders the articles that cross-reference this one
    when its title, address or visibility changed, and announces the change to the
    listeners, which run after the commit. A change that left the article as it was, with
    no workflow step, records nothing.
    """
    now = now or timezone.now()
    snapshot = article_snapshot(article)
    if before is not None and transition is None and snapshot == before.snapshot:
        return ArticleSaved(article)
    subjects_listed_refresh([article.pk])  # lists by subject follow its date and status
    revision = None
    if revise:
        revision = article_revision_create(
            article=article, by=by, transition=transition, note=note, snapshot=snapshot
        )
    public = article.is_public(now)
    action = feed_action(
        announced=before is not None and before.announced,
        public=public,
        action=getattr(transition, "action", ""),
    )
    aspects = set()
    # Entering or leaving the public is a change of identity even when the clock, not a
    # write, made it visible (a scheduled article come due before the worker ran).
    appears = action in (Change.Action.PUBLISHED, Change.Action.RETRACTED)
    if (
        before is None
        or appears
        or _identity(before.snapshot, before.public) != _identity(snapshot, public)
    ):
        aspects.add(Changed.IDENTITY)
        if follow:
            _cross_references_follow(article, now=now)
    # Last: the feed's entry takes the feed's lock, which every writer takes after the
    # articles' (those followed just now included), so that no two writers wait for each other.
    change = article_change(article, action, reason=reason) if action else None
    if before is None or any(before.snapshot[k] != snapshot[k] for k in TEXT_FIELDS):
        aspects.add(Changed.TEXT)
    if public or (before is not None and before.public):
        article_page_render(article.pk)
    changes_announce(
        [
            Changed(
                "article",
                article.pk,
                public=public or (before is not None and before.public),
                entry=change.seq if change else None,
                aspects=frozenset(aspects),
            )
        ]
    )
    return ArticleSaved(article, revision, change)


@transaction.atomic
@change_unit()
def articles_shown_changed(*, article_ids, now: dt.datetime | None = None) -> list[Change]:
    """Record that public articles show something of other material anew (an event they
    report was edited, published or withdrawn): a new version and a feed entry for each."""
    now = now or timezone.now()
    recorded, announced = [], []
    for article_id in sorted(set(article_ids)):
        article = article_lock(article_id)
        if not article.is_public(now):
            continue
        change = article_change(article, feed_action(announced=article.version > 0, public=True))
        recorded.append(change)
        announced.append(Changed("article", article.pk, entry=change.seq))
    # Their pages name the events, as their API answers do: rendered together.
    article_pages_render([changed.id for changed in announced])
    changes_announce(announced)
    return recorded


# What event suggestions are read from: a change to any of them is a change of TEXT.
TEXT_FIELDS = ("body", "published_at")


def _identity(snapshot: dict, public: bool) -> tuple:
    """What other material shows of an article: cross-references, the events it reports."""
    return (snapshot["title"], snapshot["slug"], snapshot["published_at"], public)


def _cross_references_follow(article: Article, *, now: dt.datetime) -> None:
    """Re-resolve and re-render the articles whose cross-references may point at ``article``:
    those that point at it, and those left unresolved on its publication and day."""
    pointing = Q(target_article=article)
    day = article.public_date()
    if day is not None:
        pointing |= Q(
            target_article__isnull=True,
            target_publication=article.publication_id,
            target_year=day.year,
            target_month=day.month,
            target_day=day.day,
        )
    referring = (
        CrossReference.objects.filter(pointing)
        .exclude(article=article)
        .values_list("article", flat=True)
        .distinct()
    )
    # Every one locked before any is recorded: recording takes the feed's lock (see above).
    for other in [article_lock(article_id) for article_id in sorted(set(referring))]:
        before = article_state(other, now)
        article_sync_references(article=other)
        article_commit(article=other, before=before, by=None, now=now, revise=False, follow=False)
