"""Moving articles through the editorial workflow: every transition is one call here.

Each call locks the article, checks the rules in ``articles.workflow`` against the user's
permissions, records who did what and why, stores a revision, and only then returns; a
refused transition raises ``TransitionRefused`` and changes nothing. The admin, bulk
actions, the scheduler's task and any future API all come through these functions.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from articles.models import (
    Article,
    ArticleStatus,
    ArticleTransition,
    Correction,
    Publication,
)
from articles.workflow import TRANSITIONS, Action, TransitionRefused, check_transition

from .changes import change_unit
from .references import article_sync_references
from .saving import article_commit, article_lock, article_state

WORKFLOW_PERMISSIONS = frozenset(transition.permission for transition in TRANSITIONS.values())


def user_permissions(user) -> set[str]:
    """The permission names a user holds; an active superuser holds them all."""
    if not user or not user.is_active:
        return set()
    return set(user.get_all_permissions())


def can_edit(user, article: Article | None) -> bool:
    """Whether ``user`` may change ``article``'s content: the one place this rule lives.

    Editors and publishers (``edit_any_article``) edit any article; a contributor edits
    only drafts they created; nobody without ``change_article`` edits anything.
    """
    if not user or not user.is_active or not user.has_perm("articles.change_article"):
        return False
    if article is None or user.has_perm("articles.edit_any_article"):
        return True
    return article.created_by_id == user.pk and article.status == ArticleStatus.DRAFT


@transaction.atomic
@change_unit()
def article_transition(
    *,
    article: Article,
    action: str,
    by,
    comment: str = "",
    at: dt.datetime | None = None,
    now: dt.datetime | None = None,
    system: bool = False,
) -> ArticleTransition:
    """Apply ``action`` to ``article`` for user ``by``; raises ``TransitionRefused`` if it may not.

    ``system`` is Monitor acting on the operator's authority (a command such as an import
    as published, with ``by`` None): the workflow's rules apply, not a user's permissions.
    """
    now = now or timezone.now()
    article = article_lock(article.pk)
    before = article_state(article, now)
    permissions = WORKFLOW_PERMISSIONS if system else user_permissions(by)
    transition = check_transition(action, article.status, permissions, comment)
    if transition.action is Action.SUBMIT and not system and not can_edit(by, article):
        raise TransitionRefused("Only the writer of a draft, or an editor, can submit it.")
    from_state = article.status
    if transition.action is Action.SCHEDULE:
        if at is None or at <= now:
            raise TransitionRefused("Choose a publication time in the future to schedule.")
        article.published_at = at
        _enqueue_scheduled_publication(article)
    elif transition.action is Action.UNSCHEDULE:
        if article.published_at <= now:
            raise TransitionRefused("The article is already public; retract it instead.")
        article.published_at = None
    elif transition.action is Action.PUBLISH:
        if article.published_at is None or article.published_at > now:
            article.published_at = now
        _assign_issue_number(article)
    elif transition.action is Action.CORRECT:
        Correction.objects.create(article=article, published_at=now, text=comment.strip(), by=by)
    article.status = transition.target
    return _step(article, before, transition.action, from_state, by=by, now=now, comment=comment)


@transaction.atomic
@change_unit()
def article_publish_due(
    *, article_id: int, now: dt.datetime | None = None
) -> ArticleTransition | None:
    """Publish a scheduled article whose time has come; None when it is not (or no longer) due.

    Run by the scheduler's task at the article's time. Readers see the article from its
    time on whether or not this has run (``Article.objects.public()``); this completes it:
    the status, the issue number, the timeline entry and the feed's entry.
    """
    now = now or timezone.now()
    if not Article.objects.filter(pk=article_id).exists():
        return None
    article = article_lock(article_id)
    if article.status != ArticleStatus.SCHEDULED or article.published_at > now:
        return None
    before = article_state(article, now)
    _assign_issue_number(article)
    article.status = ArticleStatus.PUBLISHED
    return _step(
        article,
        before,
        Action.PUBLISH,
        ArticleStatus.SCHEDULED,
        by=None,
        now=now,
        comment="Published on schedule.",
    )


def _step(article, before, action, from_state, *, by, now, comment) -> ArticleTransition:
    """Save a workflow step and what follows it: the timeline entry, the references when the
    date moved (yearless citations are read against it), the revision and the feed."""
    article.save(update_fields=["status", "published_at", "volume", "issue_number", "updated_at"])
    record = ArticleTransition.objects.create(
        article=article,
        action=action,
        from_state=from_state,
        to_state=article.status,
        by=by,
        at=now,
        comment=comment.strip(),
    )
    if article.public_date() != _planned_day(before):
        article_sync_references(article=article)
    article_commit(
        article=article, before=before, by=by, transition=record, reason=comment.strip(), now=now
    )
    return record


def _planned_day(state) -> dt.date | None:
    published_at = state.snapshot["published_at"]
    return timezone.localdate(dt.datetime.fromisoformat(published_at)) if published_at else None


def _assign_issue_number(article: Article) -> None:
    """Give the article the next issue number of its volume, unless it has one there already.

    The publication's row is locked first, so two publishers publishing at the same moment
    queue here: numbers are never shared and never skipped (a rolled-back publication
    frees its number for the next one).
    """
    # NO KEY UPDATE: saves that insert rows pointing at the publication (cross-references)
    # check their key under it without waiting, and so without waiting for us.
    publication = Publication.objects.select_for_update(no_key=True).get(pk=article.publication_id)
    volume = publication.volume_for(timezone.localdate(article.published_at))
    if article.issue_number is not None and article.volume == volume:
        return
    last = (
        Article.objects.filter(publication=publication, volume=volume)
        .exclude(pk=article.pk)
        .aggregate(last=Max("issue_number"))["last"]
    )
    article.volume, article.issue_number = volume, (last or 0) + 1


def _enqueue_scheduled_publication(article: Article) -> None:
    from articles.tasks import publish_scheduled_article

    publish_scheduled_article.using(run_after=article.published_at).enqueue(article.pk)
