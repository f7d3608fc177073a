"""The articles app's models: publications, articles and their parts, outlets and sources."""

from .articles import (
    PUBLIC_STATES,
    Article,
    ArticleAuthor,
    ArticleQuerySet,
    ArticleStatus,
    Note,
    SummaryPoint,
)
from .catalog import Author, Publication, Region, Topic
from .sources import (
    Citation,
    CrossReference,
    Outlet,
    OutletAlias,
    Source,
    UnresolvedCrossReference,
)

__all__ = [
    "PUBLIC_STATES",
    "Article",
    "ArticleAuthor",
    "ArticleQuerySet",
    "ArticleStatus",
    "Author",
    "Citation",
    "CrossReference",
    "Note",
    "Outlet",
    "OutletAlias",
    "Publication",
    "Region",
    "Source",
    "SummaryPoint",
    "Topic",
    "UnresolvedCrossReference",
]
