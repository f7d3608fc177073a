"""The admin index's dashboard: what needs the signed-in user, in a fixed number of queries.

A writer sees first their drafts returned to them, with the reviewer's note; then their other
drafts and what they have in review; the unresolved cross-references and pending event
suggestions of their own articles. Whoever reviews also sees the review queue and the counts
for every article; the schedule and the week's publications are for everyone.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

from articles.models import Article, ArticleStatus, CrossReference
from events.models import EventSuggestion

UPCOMING = dt.timedelta(days=7)
RECENT = dt.timedelta(days=7)
LIMIT = 10


def dashboard_for(user) -> dict:
    """Lists and counts for the editor's home page; empty parts are left out by the template."""
    if not user.is_active or not user.is_staff:
        return {}
    now = timezone.now()
    articles = Article.objects.select_related("publication").order_by("-updated_at")
    mine = articles.filter(created_by=user)
    returned = list(mine.returned().order_by("-returned_at")[:LIMIT])
    reviewers = {
        person.pk: person.get_full_name() or person.get_username()
        for person in get_user_model().objects.filter(
            pk__in={a.returned_by_id for a in returned} - {None}
        )
    }
    for article in returned:
        article.returned_by_name = reviewers.get(article.returned_by_id, "")
    dashboard = {
        "returned": returned,
        "my_drafts": list(
            mine.filter(status=ArticleStatus.DRAFT).exclude(pk__in=[a.pk for a in returned])[:LIMIT]
        ),
        "my_in_review": list(mine.filter(status=ArticleStatus.IN_REVIEW)[:LIMIT]),
        "scheduled": list(
            Article.objects.filter(
                status=ArticleStatus.SCHEDULED, published_at__range=(now, now + UPCOMING)
            )
            .select_related("publication")
            .order_by("published_at")[:LIMIT]
        ),
        "recently_published": list(
            Article.objects.public(now)
            .filter(published_at__gte=now - RECENT)
            .select_related("publication")
            .latest_first()[:LIMIT]
        ),
    }
    reviews = user.has_perm("articles.review_article")
    if reviews:
        dashboard["awaiting_review"] = list(
            articles.filter(status=ArticleStatus.IN_REVIEW).order_by("updated_at")[:LIMIT]
        )
    if user.has_perm("articles.view_crossreference"):
        unresolved = CrossReference.objects.unresolved()
        dashboard["my_unresolved_cross_references"] = unresolved.filter(
            article__created_by=user
        ).count()
        if reviews:
            dashboard["unresolved_cross_references"] = unresolved.count()
    if user.has_perm("events.view_eventsuggestion"):
        pending = EventSuggestion.objects.pending()
        dashboard["my_pending_suggestions"] = pending.filter(article__created_by=user).count()
        if reviews:
            dashboard["pending_suggestions"] = pending.count()
    return dashboard
