"""The admin index's dashboard: what needs the signed-in user, in a fixed number of queries."""

import datetime as dt

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
    dashboard = {
        "my_drafts": list(articles.filter(created_by=user, status=ArticleStatus.DRAFT)[:LIMIT]),
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
    if user.has_perm("articles.review_article"):
        dashboard["awaiting_review"] = list(
            articles.filter(status=ArticleStatus.IN_REVIEW).order_by("updated_at")[:LIMIT]
        )
    if user.has_perm("articles.view_crossreference"):
        dashboard["unresolved_cross_references"] = CrossReference.objects.unresolved().count()
    if user.has_perm("events.view_eventsuggestion"):
        dashboard["pending_suggestions"] = EventSuggestion.objects.pending().count()
    return dashboard
