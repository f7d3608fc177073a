"""The editorial workflow's rules: which actions exist, from which states, and who may take them.

Pure logic, no database access. An article moves between states only through an
``Action``; ``TRANSITIONS`` says, for each action, the states it may start from, the state
it leads to, the permission it needs and whether the editor must say why. The services
(``articles.services.article_transition``) apply these rules; the admin only offers what
``allowed_actions`` returns, and the service checks again, so a tampered form changes
nothing.

    draft ──submit──▶ in review ──approve──▶ approved ──schedule──▶ scheduled
      ▲                  │                     │  ▲                    │
      └─────return───────┴─────────return──────┘  └────unschedule──────┤
                                               │                       │
                                               └──────publish──────────┴──▶ published
    published/corrected ──correct──▶ corrected        published/corrected ──retract──▶ retracted
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class State(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"
    CORRECTED = "corrected"
    RETRACTED = "retracted"


class Action(StrEnum):
    SUBMIT = "submit"
    RETURN = "return"
    APPROVE = "approve"
    SCHEDULE = "schedule"
    UNSCHEDULE = "unschedule"
    PUBLISH = "publish"
    CORRECT = "correct"
    RETRACT = "retract"


@dataclass(frozen=True)
class Transition:
    action: Action
    sources: frozenset[State]
    target: State
    permission: str
    label: str
    needs_comment: bool = False
    needs_time: bool = False


TRANSITIONS: dict[Action, Transition] = {
    t.action: t
    for t in (
        Transition(Action.SUBMIT, frozenset({State.DRAFT}), State.IN_REVIEW, "articles.submit_article",
                   "Submit for review"),
        Transition(Action.RETURN, frozenset({State.IN_REVIEW, State.APPROVED}), State.DRAFT,
                   "articles.review_article", "Return to the writer", needs_comment=True),
        Transition(Action.APPROVE, frozenset({State.IN_REVIEW}), State.APPROVED, "articles.review_article",
                   "Approve"),
        Transition(Action.SCHEDULE, frozenset({State.APPROVED}), State.SCHEDULED, "articles.publish_article",
                   "Schedule", needs_time=True),
        Transition(Action.UNSCHEDULE, frozenset({State.SCHEDULED}), State.APPROVED,
                   "articles.publish_article", "Unschedule"),
        Transition(Action.PUBLISH, frozenset({State.APPROVED, State.SCHEDULED}), State.PUBLISHED,
                   "articles.publish_article", "Publish now"),
        Transition(Action.CORRECT, frozenset({State.PUBLISHED, State.CORRECTED}), State.CORRECTED,
                   "articles.publish_article", "Publish a correction", needs_comment=True),
        Transition(Action.RETRACT, frozenset({State.PUBLISHED, State.CORRECTED}), State.RETRACTED,
                   "articles.publish_article", "Retract", needs_comment=True),
    )
}  # fmt: skip


# What each action did, as the workflow's history and the dashboard say it.
ACTION_NAMES: dict[str, str] = {
    Action.SUBMIT: "Submitted for review",
    Action.RETURN: "Returned to the writer",
    Action.APPROVE: "Approved",
    Action.SCHEDULE: "Scheduled",
    Action.UNSCHEDULE: "Unscheduled",
    Action.PUBLISH: "Published",
    Action.CORRECT: "Corrected",
    Action.RETRACT: "Retracted",
}


def action_name(action: str) -> str:
    """A workflow step in words: "Returned to the writer" for "return"."""
    return ACTION_NAMES.get(action, action.replace("_", " ").capitalize())


class TransitionRefused(Exception):
    """A transition that may not happen; the message is meant for the editor."""


def check_transition(
    action: str, state: str, permissions: set[str], comment: str = ""
) -> Transition:
    """The transition for ``action`` from ``state``, or ``TransitionRefused`` saying why not.

    ``permissions`` are the user's permission names ("articles.publish_article"); a
    superuser's set is expected to hold every permission. Reasons come in this order: an
    unknown action, a state the action cannot start from, a missing permission, a
    missing comment.
    """
    try:
        transition = TRANSITIONS[Action(action)]
    except ValueError:
        raise TransitionRefused(f"Unknown action “{action}”.") from None
    if State(state) not in transition.sources:
        raise TransitionRefused(
            f"“{transition.label}” is not possible for an article that is {_state_words(state)}."
        )
    if transition.permission not in permissions:
        raise TransitionRefused(f"You do not have permission to “{transition.label.lower()}”.")
    if transition.needs_comment and not comment.strip():
        raise TransitionRefused(f"“{transition.label}” needs a note saying why.")
    return transition


def allowed_actions(state: str, permissions: set[str]) -> list[Transition]:
    """The transitions a user with ``permissions`` may take from ``state``, in workflow order."""
    return [
        t for t in TRANSITIONS.values() if State(state) in t.sources and t.permission in permissions
    ]


def _state_words(state: str) -> str:
    return {
        State.DRAFT: "a draft",
        State.IN_REVIEW: "in review",
        State.APPROVED: "approved",
        State.SCHEDULED: "scheduled",
        State.PUBLISHED: "published",
        State.CORRECTED: "published with a correction",
        State.RETRACTED: "retracted",
    }[State(state)]
