"""Related articles, computed when articles change and stored, so that a page reads them in one
query whatever the size of the archive.

Two articles are related by the subjects they share (``ArticleSubject``), scored by the
subjects' weights; the score is the same both ways. When an article's subjects or visibility
change, ``related_refresh`` ranks the public articles that share its subjects, keeps its best
``KEPT``, and offers it to the best ``OFFERED`` of them in turn: it enters their lists where
it beats what they hold. An article that stops being public leaves every list. Lists are
therefore as of the last change of either article, which is what a page shows.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models, transaction
from django.utils import timezone

from articles.models import Article, ArticleSubject, RelatedArticle

KEPT = 10  # an article page shows five; the rest stand in for any that goes
OFFERED = 30


def related_ranking(article_id: int, *, limit: int, now=None) -> list[tuple[int, int]]:
    """The public articles sharing most with the article: ``(id, score)``, best first, ties to
    the newest; one grouped query over the subject index."""
    keys = ArticleSubject.objects.filter(article_id=article_id).values("key")
    rows = (
        ArticleSubject.objects.filter(
            key__in=keys, article__in=Article.objects.public(now).values("pk")
        )
        .exclude(article_id=article_id)
        .values("article")
        .annotate(score=models.Sum("weight"))
        .order_by("-score", "-article__published_at", "-article")[:limit]
    )
    return [(row["article"], row["score"]) for row in rows]


@transaction.atomic
def related_refresh(article_ids: Iterable[int]) -> None:
    """Bring the related lists in line with the articles' subjects and visibility."""
    now = timezone.now()
    for article_id in sorted(set(article_ids)):
        RelatedArticle.objects.filter(related_id=article_id).delete()
        RelatedArticle.objects.filter(article_id=article_id).delete()
        if not Article.objects.public(now).filter(pk=article_id).exists():
            continue
        ranking = related_ranking(article_id, limit=max(KEPT, OFFERED), now=now)
        RelatedArticle.objects.bulk_create(
            RelatedArticle(article_id=article_id, related_id=other, score=score)
            for other, score in ranking[:KEPT]
        )
        _offer(article_id, ranking[:OFFERED])


def _offer(article_id: int, ranking: list[tuple[int, int]]) -> None:
    """Put the article in the lists of those it is related to, where it beats their last."""
    others = [other for other, _ in ranking]
    held: dict[int, list[RelatedArticle]] = {other: [] for other in others}
    for row in RelatedArticle.objects.filter(article_id__in=others).order_by("-score"):
        held[row.article_id].append(row)
    added, dropped = [], []
    for other, score in ranking:
        rows = held[other]
        if len(rows) < KEPT:
            added.append(RelatedArticle(article_id=other, related_id=article_id, score=score))
        elif rows[-1].score < score:
            added.append(RelatedArticle(article_id=other, related_id=article_id, score=score))
            dropped.append(rows[-1].pk)
    RelatedArticle.objects.filter(pk__in=dropped).delete()
    RelatedArticle.objects.bulk_create(added)


def related_rebuild(*, progress: bool = False) -> int:
    """Every public article's list, computed afresh (for a generated or restored archive)."""
    from tqdm import tqdm

    now = timezone.now()
    ids = list(Article.objects.public(now).order_by("pk").values_list("pk", flat=True))
    RelatedArticle.objects.all().delete()
    with tqdm(total=len(ids), desc="Related articles", unit="article", disable=not progress) as bar:
        for start in range(0, len(ids), 500):
            with transaction.atomic():
                rows = [
                    RelatedArticle(article_id=article_id, related_id=other, score=score)
                    for article_id in ids[start : start + 500]
                    for other, score in related_ranking(article_id, limit=KEPT, now=now)
                ]
                RelatedArticle.objects.bulk_create(rows)
            bar.update(len(ids[start : start + 500]))
    return len(ids)
