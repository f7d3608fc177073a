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
    Change,
    Correction,
    Publication,
)
from articles.workflow import Action, TransitionRefused, check_transition

from .changes import article_change
from .revisions import article_revision_create

# What each workflow action tells subscribers through the change feed.
FEED_ACTIONS = {
    Action.PUBLISH: Change.Action.PUBLISHED,
    Action.CORRECT: Change.Action.CORRECTED,
    Action.RETRACT: Change.Action.RETRACTED,
}


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
def article_transition(
    *,
    article: Article,
    action: str,
    by,
    comment: str = "",
    at: dt.datetime | None = None,
    now: dt.datetime | None = None,
) -> ArticleTransition:
    """Apply ``action`` to ``article`` for user ``by``; raises ``TransitionRefused`` if it may not."""
    now = now or timezone.now()
    article = (
        Article.objects.select_for_update(of=("self",))
        .select_related("publication")
        .get(pk=article.pk)
    )
    transition = check_transition(action, article.status, user_permissions(by), comment)
    if transition.action is Action.SUBMIT and not can_edit(by, article):
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
    article.save(update_fields=["status", "published_at", "volume", "issue_number", "updated_at"])
    record = _record(article, transition.action, from_state, by=by, at=now, comment=comment)
    if transition.action in FEED_ACTIONS:
        article_change(article, FEED_ACTIONS[transition.action], reason=comment.strip())
    return record


@transaction.atomic
def article_publish_due(
    *, article_id: int, now: dt.datetime | None = None
) -> ArticleTransition | None:
    """Publish a scheduled article whose time has come; None when it is not (or no longer) due.

    Run by the scheduler's task at the article's time. Readers see the article from its
    time on whether or not this has run (``Article.objects.public()``); this completes it:
    the status, the issue number and the timeline entry.
    """
    now = now or timezone.now()
    article = (
        Article.objects.select_for_update(of=("self",))
        .select_related("publication")
        .filter(pk=article_id)
        .first()
    )
    if article is None or article.status != ArticleStatus.SCHEDULED or article.published_at > now:
        return None
    _assign_issue_number(article)
    article.status = ArticleStatus.PUBLISHED
    article.save(update_fields=["status", "volume", "issue_number", "updated_at"])
    record = _record(
        article,
        Action.PUBLISH,
        ArticleStatus.SCHEDULED,
        by=None,
        at=now,
        comment="Published on schedule.",
    )
    # The feed's entry comes when the article becomes public, not when it was scheduled.
    article_change(article, Change.Action.PUBLISHED)
    return record


def _record(article, action, from_state, *, by, at, comment) -> ArticleTransition:
    record = ArticleTransition.objects.create(
        article=article,
        action=action,
        from_state=from_state,
        to_state=article.status,
        by=by,
        at=at,
        comment=comment.strip(),
    )
    article_revision_create(article=article, by=by, transition=record)
    return record


def _assign_issue_number(article: Article) -> None:
    """Give the article the next issue number of its volume, unless it has one there already.

    The publication's row is locked first, so two publishers publishing at the same moment
    queue here: numbers are never shared and never skipped (a rolled-back publication
    frees its number for the next one).
    """
    publication = Publication.objects.select_for_update().get(pk=article.publication_id)
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
