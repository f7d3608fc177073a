"""Keeping an article's subjects (``ArticleSubject``) in line with what it is about."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models, transaction

from articles.models import Article, ArticleSubject
from articles.models.articles import PUBLIC_STATES
from monitor.core.changes import Changed, changes_announce

from .counts import CLASSIFICATIONS, catalog_counts_refresh

# How much sharing one counts towards relatedness.
WEIGHTS = {"event": 4, "actor": 2, "topic": 1, "region": 1}


def article_subjects_set(*, article_id: int, kinds: Iterable[str], keys: Iterable[str]) -> bool:
    """Make the article's subjects of ``kinds`` exactly ``keys`` ("actor:iran", …); subjects
    of other kinds (another app's) are left as they are. Call it inside the change's
    transaction; a change is announced (related articles follow it). Returns whether the
    subjects changed."""
    kinds = tuple(kinds)
    wanted = {key for key in keys if key.partition(":")[0] in kinds}
    current = {
        subject.key: subject.pk
        for subject in ArticleSubject.objects.filter(article_id=article_id)
        if subject.kind in kinds
    }
    lost = [key for key in current if key not in wanted]
    gone = [current[key] for key in lost]
    if gone:
        ArticleSubject.objects.filter(pk__in=gone).delete()
    new = sorted(wanted - current.keys())
    ArticleSubject.objects.bulk_create(
        ArticleSubject(article_id=article_id, key=key, weight=WEIGHTS[key.partition(":")[0]])
        for key in new
    )
    if new:
        subjects_listed_refresh([article_id])
    changed = bool(gone or new)
    counted = [key for key in (*lost, *new) if key.partition(":")[0] in CLASSIFICATIONS]
    if counted:  # the topics and regions it gained or lost: counted again once committed
        transaction.on_commit(lambda: catalog_counts_refresh(counted), robust=True)
    if changed:
        changes_announce(
            [Changed("article", article_id, public=False, aspects=frozenset({Changed.SUBJECTS}))]
        )
    return changed


def subjects_listed_refresh(article_ids: Iterable[int] | None = None) -> None:
    """Copy onto the articles' subjects (every article's with None) when readers' lists
    show them: their date while they are in a public state (``Article.objects.public()``
    adds that the date has come). Call it inside the change's transaction."""
    listed = Article.objects.filter(pk=models.OuterRef("article_id"), status__in=PUBLIC_STATES)
    subjects = ArticleSubject.objects.all()
    if article_ids is not None:
        subjects = subjects.filter(article_id__in=list(article_ids))
    subjects.update(listed_at=models.Subquery(listed.values("published_at")))


def classification_keys(article_ids: Iterable[int]) -> dict[int, set[str]]:
    """The topic and region keys of each of the articles, in two queries."""
    keys: dict[int, set[str]] = {article_id: set() for article_id in article_ids}
    for name, kind in (("topics", "topic"), ("regions", "region")):
        through = getattr(Article, name).through
        rows = through.objects.filter(article_id__in=list(keys)).values_list(
            "article_id", f"{kind}_id"
        )
        for article_id, pk in rows:
            keys[article_id].add(f"{kind}:{pk}")
    return keys


def article_classification_index(article: Article) -> None:
    """The article's topics and regions as its subjects."""
    keys = classification_keys([article.pk])[article.pk]
    article_subjects_set(article_id=article.pk, kinds=("topic", "region"), keys=keys)
