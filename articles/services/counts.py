"""How many public articles each topic and region has, kept on the rows (``public_articles``)
after every change, so that the home page reads eight rows instead of counting the archive.

``catalog_counts_refresh`` counts again, with the one rule of what is public, for the topics
and regions named; callers name those a change may have moved: the ones an article gained or
lost (``article_subjects_set``) and those of an article that readers started or stopped
seeing (the articles listener).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models
from django.db.models.functions import Coalesce

from articles.models import Article, Region, Topic

CLASSIFICATIONS = {"topic": (Topic, "topics"), "region": (Region, "regions")}


def catalog_counts_refresh(keys: Iterable[str]) -> None:
    """Count again the public articles of the topics and regions named by subject keys
    ("topic:3", "region:7"; other kinds are ignored)."""
    wanted: dict[str, set[int]] = {kind: set() for kind in CLASSIFICATIONS}
    for key in keys:
        kind, _, pk = key.partition(":")
        if kind in wanted:
            wanted[kind].add(int(pk))
    public = Article.objects.public().values("pk")
    for kind, ids in wanted.items():
        if not ids:
            continue
        model, relation = CLASSIFICATIONS[kind]
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
    """Every topic's and region's count (after a bulk load)."""
    catalog_counts_refresh(
        [f"topic:{pk}" for pk in Topic.objects.values_list("pk", flat=True)]
        + [f"region:{pk}" for pk in Region.objects.values_list("pk", flat=True)]
    )
