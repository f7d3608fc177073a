"""The workflow's rules (pure): which actions, from which states, with which permission."""

import pytest

from articles.workflow import (
    TRANSITIONS,
    Action,
    State,
    TransitionRefused,
    allowed_actions,
    check_transition,
)

EVERYTHING = {t.permission for t in TRANSITIONS.values()}


@pytest.mark.parametrize(
    ("action", "state", "target"),
    [
        (Action.SUBMIT, State.DRAFT, State.IN_REVIEW),
        (Action.RETURN, State.IN_REVIEW, State.DRAFT),
        (Action.APPROVE, State.IN_REVIEW, State.APPROVED),
        (Action.SCHEDULE, State.APPROVED, State.SCHEDULED),
        (Action.UNSCHEDULE, State.SCHEDULED, State.APPROVED),
        (Action.PUBLISH, State.APPROVED, State.PUBLISHED),
        (Action.PUBLISH, State.SCHEDULED, State.PUBLISHED),
        (Action.CORRECT, State.PUBLISHED, State.CORRECTED),
        (Action.CORRECT, State.CORRECTED, State.CORRECTED),
        (Action.RETRACT, State.PUBLISHED, State.RETRACTED),
    ],
)
def test_allowed_transitions(action, state, target):
    assert check_transition(action, state, EVERYTHING, comment="why").target is target


@pytest.mark.parametrize(
    ("action", "state", "message"),
    [
        (
            Action.PUBLISH,
            State.DRAFT,
            "“Publish now” is not possible for an article that is a draft.",
        ),
        (Action.APPROVE, State.DRAFT, "“Approve” is not possible for an article that is a draft."),
        (Action.SUBMIT, State.PUBLISHED, "is not possible for an article that is published."),
        (Action.CORRECT, State.RETRACTED, "is not possible for an article that is retracted."),
        ("fly", State.DRAFT, "Unknown action “fly”."),
    ],
)
def test_refused_transitions_say_why(action, state, message):
    with pytest.raises(TransitionRefused, match=message):
        check_transition(action, state, EVERYTHING, comment="why")


def test_a_missing_permission_or_comment_is_refused():
    with pytest.raises(TransitionRefused, match="You do not have permission to “publish now”"):
        check_transition(Action.PUBLISH, State.APPROVED, {"articles.review_article"})
    with pytest.raises(TransitionRefused, match="needs a note saying why"):
        check_transition(Action.RETRACT, State.PUBLISHED, EVERYTHING, comment="  ")


def test_allowed_actions_follow_permissions():
    contributor = {"articles.submit_article"}
    editor = contributor | {"articles.review_article"}
    assert [t.action for t in allowed_actions(State.DRAFT, contributor)] == [Action.SUBMIT]
    assert [t.action for t in allowed_actions(State.IN_REVIEW, contributor)] == []
    assert [t.action for t in allowed_actions(State.IN_REVIEW, editor)] == [
        Action.RETURN,
        Action.APPROVE,
    ]
    assert [t.action for t in allowed_actions(State.APPROVED, EVERYTHING)] == [
        Action.RETURN,
        Action.SCHEDULE,
        Action.PUBLISH,
    ]
