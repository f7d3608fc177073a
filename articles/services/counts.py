"""How many public articles each topic, region and author has, kept on the rows
(``public_articles``) after every change, so that the home page and the search filters read
a few rows instead of counting the archive.

``catalog_counts_refresh`` counts again, with the one rule of what is public, for the topics,
regions and authors named; callers name those a change may have moved: the ones an article
gained or lost (``article_subjects_set``, a byline changed by ``article_save``) and those of
an article that readers started or stopped seeing (the articles listener, ``counted_keys``).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models
from django.db.models.functions import Coalesce

from articles.models import Article, Author, Region, Topic

CLASSIFICATIONS = {"topic": (Topic, "topics"), "region": (Region, "regions")}
# What is counted: the classifications, and the authors of bylines.
COUNTED = {**CLASSIFICATIONS, "author": (Author, "authors")}


def catalog_counts_refresh(keys: Iterable[str]) -> None:
    """Count again the public articles of the topics, regions and authors named by keys
    ("topic:3", "region:7", "author:12"; other kinds are ignored)."""
    wanted: dict[str, set[int]] = {kind: set() for kind in COUNTED}
    for key in keys:
        kind, _, pk = key.partition(":")
        if kind in wanted:
            wanted[kind].add(int(pk))
    public = Article.objects.public().values("pk")
    for kind, ids in wanted.items():
        if not ids:
            continue
        model, relation = COUNTED[kind]
        links = getattr(Article, relation).through.objects
        counted = (
            links.filter(**{f"{kind}_id": models.OuterRef("pk")}, article_id__in=public)
            .values(f"{kind}_id")
            .annotate(n=models.Count("pk"))
            .values("n")
        )
        model.objects.filter(pk__in=ids).update(
            public_articles=Coalesce(models.Subquery(counted), 0)
        )


def catalog_counts_refresh_all() -> None:
    """Every topic's, region's and author's count (after a bulk load)."""
    catalog_counts_refresh(
        f"{kind}:{pk}" for kind, (model, _) in COUNTED.items()
        for pk in model.objects.values_list("pk", flat=True)
    )  # fmt: skip


def counted_keys(article_ids) -> set[str]:
    """The keys of every count the articles are in: their topics, regions and authors."""
    from .subjects import classification_keys

    keys = {key for found in classification_keys(article_ids).values() for key in found}
    bylines = Article.authors.through.objects.filter(article_id__in=list(article_ids))
    return keys | {f"author:{pk}" for pk in bylines.values_list("author_id", flat=True)}
