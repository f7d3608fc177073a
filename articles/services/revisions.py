"""Revisions: a snapshot of an article and its parts at every change."""

from __future__ import annotations

from django.db.models import Max
from django.utils import timezone

from articles.models import Article, ArticleRevision


def article_snapshot(article: Article) -> dict:
    """The article as it stands in the database, with its summary, notes, bylines, topics,
    regions, the sources it cites and the events attached (through the reverse relation).

    Parts are read afresh (never from a prefetch), so a snapshot taken after a write shows it.
    """
    return {
        "title": article.title,
        "slug": article.slug,
        "dek": article.dek,
        "body": article.body,
        "body_html": article.body_html,
        "image_credit": article.image_credit,
        "image_alt": article.image_alt,
        "image": article.image.name or "",
        "status": article.status,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "volume": article.volume,
        "issue_number": article.issue_number,
        "summary": list(article.summary_points.values_list("text", flat=True)),
        "notes": [f"[{n}] {text}" for n, text in article.notes.values_list("number", "text")],
        "authors": [[b.author_id, b.author.name] for b in article.bylines.select_related("author")],
        "topics": [list(row) for row in article.topics.values_list("pk", "name")],
        "regions": [list(row) for row in article.regions.values_list("pk", "name")],
        "sources": [
            list(item)
            for item in sorted(
                {
                    (c.source_id, str(c.source))
                    for c in article.citations.select_related("source__outlet")
                }
            )
        ],
        "events": [[str(e.uuid), e.title] for e in article.events.order_by("starts_on", "pk")],
    }


def article_revision_create(
    *, article: Article, by, transition=None, note: str = "", snapshot: dict | None = None
) -> ArticleRevision:
    """Store the article's current state (``snapshot``, if taken already) as its next revision.

    Called by ``article_commit``, under the article's row lock."""
    last = article.revisions.aggregate(last=Max("number"))["last"] or 0
    return ArticleRevision.objects.create(
        article=article,
        number=last + 1,
        snapshot=snapshot if snapshot is not None else article_snapshot(article),
        by=by,
        at=timezone.now(),
        transition=transition,
        note=note,
    )


def latest_revision_number(article: Article) -> int:
    return article.revisions.aggregate(last=Max("number"))["last"] or 0
