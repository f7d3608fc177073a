"""Moving articles through the workflow with the services every path uses."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles.models import Article, ArticleStatus, Correction
from articles.services import article_publish_due, article_transition, can_edit
from articles.workflow import TransitionRefused
from tests import factories


@pytest.fixture
def team(db):
    return {role: factories.user(role) for role in ("Contributor", "Editor", "Publisher")}


@pytest.fixture
def draft(team):
    publication = factories.publication(first_year=2004)
    factories.article(publication=publication)  # already published: issue number taken
    return factories.article(
        publication=publication, published=False, created_by=team["Contributor"]
    )


def test_an_article_goes_from_draft_to_published(team, draft):
    article_transition(article=draft, action="submit", by=team["Contributor"])
    article_transition(article=draft, action="approve", by=team["Editor"])
    article_transition(article=draft, action="publish", by=team["Publisher"])
    draft.refresh_from_db()
    taken = Article.objects.exclude(pk=draft.pk).get().issue_number
    assert draft.status == ArticleStatus.PUBLISHED
    assert draft.issue_number == taken + 1
    assert draft.volume == draft.publication.volume_for(timezone.localdate(draft.published_at))
    steps = list(
        draft.transitions.order_by("at", "pk").values_list("from_state", "to_state", "by__username")
    )
    assert steps == [
        ("draft", "in_review", team["Contributor"].username),
        ("in_review", "approved", team["Editor"].username),
        ("approved", "published", team["Publisher"].username),
    ]
    assert draft.revisions.count() == 4  # written, then three steps
    assert draft in Article.objects.public()


@pytest.mark.parametrize(
    ("role", "action", "state"),
    [
        ("Contributor", "approve", "in_review"),
        ("Contributor", "publish", "approved"),
        ("Editor", "publish", "approved"),
        ("Editor", "retract", "published"),
        ("Contributor", "return", "in_review"),
    ],
)
def test_roles_cannot_take_steps_beyond_them(team, draft, role, action, state):
    Article.objects.filter(pk=draft.pk).update(status=state, published_at=timezone.now())
    with pytest.raises(TransitionRefused, match="You do not have permission"):
        article_transition(article=draft, action=action, by=team[role], comment="because")
    draft.refresh_from_db()
    assert draft.status == state
    assert not draft.transitions.exists()


def test_a_contributor_submits_only_their_own_draft(team, draft):
    someone_else = factories.user("Contributor")
    with pytest.raises(TransitionRefused, match="Only the writer of a draft"):
        article_transition(article=draft, action="submit", by=someone_else)
    assert can_edit(team["Contributor"], draft) and not can_edit(someone_else, draft)
    assert can_edit(team["Editor"], draft)


def test_returning_needs_a_comment_and_keeps_it(team, draft):
    article_transition(article=draft, action="submit", by=team["Contributor"])
    with pytest.raises(TransitionRefused, match="needs a note"):
        article_transition(article=draft, action="return", by=team["Editor"])
    article_transition(
        article=draft, action="return", by=team["Editor"], comment="Source the second claim."
    )
    draft.refresh_from_db()
    assert draft.status == ArticleStatus.DRAFT
    assert draft.transitions.first().comment == "Source the second claim."


def _approved(team, draft):
    article_transition(article=draft, action="submit", by=team["Contributor"])
    article_transition(article=draft, action="approve", by=team["Editor"])
    return draft


# The worker closes its database connection after each task: the test's data must be committed.
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("reseeded")
def test_a_scheduled_article_is_public_at_its_time_without_anyone_acting(team, draft):
    now = timezone.now()
    at = now + dt.timedelta(hours=2)
    article_transition(
        article=_approved(team, draft), action="schedule", by=team["Publisher"], at=at, now=now
    )
    draft.refresh_from_db()
    assert draft.status == ArticleStatus.SCHEDULED and draft.issue_number is None
    assert draft not in Article.objects.public(now)
    assert draft in Article.objects.public(at + dt.timedelta(seconds=1))
    task = DBTaskResult.objects.get()
    assert task.run_after == at
    assert article_publish_due(article_id=draft.pk, now=now) is None  # not due yet
    # The clock moves past the article's time: the worker completes the publication.
    past = timezone.now() - dt.timedelta(seconds=5)
    Article.objects.filter(pk=draft.pk).update(published_at=past)
    DBTaskResult.objects.filter(pk=task.pk).update(run_after=past)
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    draft.refresh_from_db()
    assert (draft.status, draft.issue_number is not None) == (ArticleStatus.PUBLISHED, True)
    step = draft.transitions.first()
    assert (step.from_state, step.to_state, step.by, step.comment) == (
        "scheduled",
        "published",
        None,
        "Published on schedule.",
    )


def test_scheduling_needs_a_future_time_and_can_be_undone(team, draft):
    _approved(team, draft)
    with pytest.raises(TransitionRefused, match="in the future"):
        article_transition(
            article=draft, action="schedule", by=team["Publisher"], at=timezone.now()
        )
    article_transition(
        article=draft,
        action="schedule",
        by=team["Publisher"],
        at=timezone.now() + dt.timedelta(days=1),
    )
    article_transition(article=draft, action="unschedule", by=team["Publisher"])
    draft.refresh_from_db()
    assert (draft.status, draft.published_at) == (ArticleStatus.APPROVED, None)
    # The task that was queued finds nothing to publish.
    assert (
        article_publish_due(article_id=draft.pk, now=timezone.now() + dt.timedelta(days=2)) is None
    )


def test_a_correction_keeps_url_and_issue_and_is_public(team, draft):
    _approved(team, draft)
    article_transition(article=draft, action="publish", by=team["Publisher"])
    draft.refresh_from_db()
    url, issue, updated = draft.get_absolute_url(), draft.issue_number, draft.updated_at
    article_transition(
        article=draft,
        action="correct",
        by=team["Publisher"],
        comment="An earlier version misstated the date.",
    )
    draft.refresh_from_db()
    assert draft.status == ArticleStatus.CORRECTED
    assert (draft.get_absolute_url(), draft.issue_number) == (url, issue)
    assert draft.updated_at > updated
    assert Correction.objects.get().text == "An earlier version misstated the date."
    assert draft in Article.objects.public()


def test_a_retraction_withdraws_the_article(team, draft):
    _approved(team, draft)
    article_transition(article=draft, action="publish", by=team["Publisher"])
    article_transition(
        article=draft, action="retract", by=team["Publisher"], comment="Fabricated source."
    )
    draft.refresh_from_db()
    assert draft.status == ArticleStatus.RETRACTED
    assert draft not in Article.objects.public()


def test_issue_numbers_follow_each_other_within_a_volume(team):
    publication = factories.publication()
    articles = [factories.article(publication=publication, published=False) for _ in range(3)]
    for article in articles:
        Article.objects.filter(pk=article.pk).update(status=ArticleStatus.APPROVED)
        article_transition(article=article, action="publish", by=team["Publisher"])
    assert sorted(Article.objects.values_list("issue_number", flat=True)) == [1, 2, 3]
