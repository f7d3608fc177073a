"""Revisions: a snapshot of an article and its parts at every save, and reverting to one."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from articles.models import Article, ArticleAuthor, ArticleRevision, Note, SummaryPoint


def article_snapshot(article: Article) -> dict:
    """The article as it stands in the database, with its summary, notes, bylines, topics,
    regions, the sources it cites and the events attached (through the reverse relation)."""
    return {
        "title": article.title,
        "slug": article.slug,
        "dek": article.dek,
        "body": article.body,
        "body_html": article.body_html,
        "image_credit": article.image_credit,
        "image_alt": article.image_alt,
        "status": article.status,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "volume": article.volume,
        "issue_number": article.issue_number,
        "summary": list(article.summary_points.values_list("text", flat=True)),
        "notes": [f"[{n}] {text}" for n, text in article.notes.values_list("number", "text")],
        "authors": [[b.author_id, b.author.name] for b in article.bylines.select_related("author")],
        "topics": [[t.pk, t.name] for t in article.topics.all()],
        "regions": [[r.pk, r.name] for r in article.regions.all()],
        "sources": sorted(
            {
                (c.source_id, str(c.source))
                for c in article.citations.select_related("source__outlet")
            }
        ),
        "events": [[str(e.uuid), e.title] for e in article.events.order_by("starts_on", "pk")],
    }


@transaction.atomic
def article_revision_create(
    *, article: Article, by, transition=None, note: str = ""
) -> ArticleRevision:
    """Store the article's current state as its next revision."""
    Article.objects.select_for_update().filter(pk=article.pk).first()
    last = article.revisions.aggregate(last=Max("number"))["last"] or 0
    return ArticleRevision.objects.create(
        article=article,
        number=last + 1,
        snapshot=article_snapshot(article),
        by=by,
        at=timezone.now(),
        transition=transition,
        note=note,
    )


def latest_revision_number(article: Article) -> int:
    return article.revisions.aggregate(last=Max("number"))["last"] or 0


@transaction.atomic
def article_revert(*, article: Article, revision: ArticleRevision, by) -> Article:
    """Bring back the content of ``revision``: text, summary, notes, bylines, topics, regions
    and attached events. The workflow state, date and issue number stay as they are; the
    caller re-derives citations and stores the result as a new revision."""
    snapshot = revision.snapshot
    for name in ("title", "dek", "body", "image_credit", "image_alt"):
        setattr(article, name, snapshot.get(name, ""))
    article.save()
    article.summary_points.all().delete()
    SummaryPoint.objects.bulk_create(
        SummaryPoint(article=article, position=n, text=text)
        for n, text in enumerate(snapshot.get("summary", []))
    )
    article.notes.all().delete()
    for line in snapshot.get("notes", []):
        number, _, text = line.partition("] ")
        Note.objects.create(article=article, number=int(number.lstrip("[")), text=text)
    article.bylines.all().delete()
    ArticleAuthor.objects.bulk_create(
        ArticleAuthor(article=article, author_id=author_id, position=n)
        for n, (author_id, _) in enumerate(snapshot.get("authors", []))
    )
    article.topics.set([pk for pk, _ in snapshot.get("topics", [])])
    article.regions.set([pk for pk, _ in snapshot.get("regions", [])])
    event_model = article.events.model
    article.events.set(
        event_model.objects.filter(uuid__in=[u for u, _ in snapshot.get("events", [])])
    )
    return article
