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

import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.db import models, transaction
from django.utils import timezone

from articles.models import Article, ArticleSubject, RelatedArticle

from .pages import related_lists_render

KEPT = 10  # an article page shows five; the rest stand in for any that goes
OFFERED = 30
HOLDERS_READ = 100  # per subject: see related_ranking


def related_ranking(article_id: int, *, limit: int, now=None) -> list[tuple[int, int]]:
    """The public articles sharing most with the article: ``(id, score)``, best first, ties to
    the newest.

    The work is bounded whatever the size of the archive: candidates are the latest
    ``HOLDERS_READ`` articles holding each of the article's subjects (an index range per
    subject), and each candidate is scored on every subject it shares. A rare subject (an
    event, a minor actor) brings in all of its articles; a subject held by thousands of
    articles (a topic, a head of state) brings in its latest ones, whose scores then count all
    they share. What is kept is therefore exact wherever the best matches share a rare subject
    or are recent, which is what a reader looks for.
    """
    keys = list(ArticleSubject.objects.filter(article_id=article_id).values_list("key", flat=True))
    candidates: set[int] = set()
    for key in keys:
        candidates.update(
            ArticleSubject.objects.filter(key=key)
            .order_by("-article_id")
            .values_list("article_id", flat=True)[: HOLDERS_READ + 1]  # one may be itself
        )
    candidates.discard(article_id)
    # Those readers see, by their keys (a subquery of every public article would be linear).
    public = list(
        Article.objects.public(now).filter(pk__in=candidates).values_list("pk", flat=True)
    )
    if not public:
        return []
    rows = (
        ArticleSubject.objects.filter(key__in=keys, article_id__in=public)
        .values("article")
        .annotate(score=models.Sum("weight"))
        .order_by("-score", "-article__published_at", "-article")[:limit]
    )
    return [(row["article"], row["score"]) for row in rows]


@transaction.atomic
def related_refresh(article_ids: Iterable[int]) -> None:
    """Bring the related lists in line with the articles' subjects and visibility, and the
    pages that show them."""
    now = timezone.now()
    changed: set[int] = set()
    for article_id in sorted(set(article_ids)):
        changed.add(article_id)
        holding = RelatedArticle.objects.filter(related_id=article_id)
        changed.update(holding.values_list("article_id", flat=True))
        holding.delete()
        RelatedArticle.objects.filter(article_id=article_id).delete()
        if not Article.objects.public(now).filter(pk=article_id).exists():
            continue
        ranking = related_ranking(article_id, limit=max(KEPT, OFFERED), now=now)
        RelatedArticle.objects.bulk_create(
            RelatedArticle(article_id=article_id, related_id=other, score=score)
            for other, score in ranking[:KEPT]
        )
        changed.update(_offer(article_id, ranking[:OFFERED]))
    related_lists_render(changed)


def _offer(article_id: int, ranking: list[tuple[int, int]]) -> set[int]:
    """Put the article in the lists of those it is related to, where it beats their last;
    the articles whose lists took it in."""
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
    return {row.article_id for row in added}


def related_rankings(*, limit: int, now=None) -> Iterator[tuple[int, list[tuple[int, int]]]]:
    """``(id, related_ranking(id))`` for every public article, in id order: the same rankings,
    computed from every subject read once (a few queries in all, whatever the archive's size)
    rather than about twenty queries an article. Holds every subject in memory, as numbers."""
    public = dict(
        Article.objects.public(now).order_by().values_list("pk", "published_at").iterator(10_000)
    )
    numbers: dict[str, int] = {}  # key -> its number
    weights: list[int] = []  # by key number
    held: dict[int, list[int]] = defaultdict(list)  # article -> its keys' numbers
    holders: list[list[int]] = []  # by key number: the articles holding it
    subjects = ArticleSubject.objects.order_by().values_list("article_id", "key", "weight")
    for article_id, key, weight in subjects.iterator(10_000):
        number = numbers.get(key)
        if number is None:
            number = numbers[key] = len(weights)
            weights.append(weight)
            holders.append([])
        held[article_id].append(number)
        holders[number].append(article_id)
    del numbers
    # The latest HOLDERS_READ + 1 holders of each subject, as related_ranking reads them.
    latest = [sorted(ids, reverse=True)[: HOLDERS_READ + 1] for ids in holders]
    del holders
    keys = {article_id: frozenset(numbers) for article_id, numbers in held.items()}
    del held
    for article_id in sorted(public):
        mine = keys.get(article_id)
        if not mine:
            yield article_id, []
            continue
        candidates = set()
        for number in mine:
            candidates.update(latest[number])
        candidates.discard(article_id)
        scored = []
        for other in candidates:
            published = public.get(other)
            if published is None:
                continue
            score = sum(weights[number] for number in mine.intersection(keys[other]))
            scored.append((-score, published, other))
        # Best score first, then the newest (latest date, then highest id).
        scored.sort(key=lambda row: (row[0], -row[1].timestamp(), -row[2]))
        yield article_id, [(other, -score) for score, _, other in scored[:limit]]


def related_rebuild(*, progress: bool = False, render: bool = True) -> int:
    """Every public article's list, computed afresh (for a generated or restored archive);
    then the stored pages that show them (``render=False`` leaves those to the caller, who
    renders the pages after)."""
    from tqdm import tqdm

    now = timezone.now()
    total = Article.objects.public(now).count()
    RelatedArticle.objects.all().delete()
    rankings = related_rankings(limit=KEPT, now=now)
    with tqdm(total=total, desc="Related articles", unit="article", disable=not progress) as bar:
        while batch := list(itertools.islice(rankings, 2_000)):
            with transaction.atomic():
                RelatedArticle.objects.bulk_create(
                    RelatedArticle(article_id=article_id, related_id=other, score=score)
                    for article_id, ranking in batch
                    for other, score in ranking
                )
                if render:
                    related_lists_render(article_id for article_id, _ in batch)
            bar.update(len(batch))
    return total
