"""The articles app's models: publications, articles and their parts, outlets and sources."""

from .articles import (
    PUBLIC_STATES,
    Article,
    ArticleAuthor,
    ArticlePage,
    ArticleQuerySet,
    ArticleStatus,
    Note,
    SummaryPoint,
)
from .catalog import Author, Publication, Region, Topic
from .changes import Change, ChangeSequence
from .home import HomeLists
from .sources import (
    Citation,
    CitationNotUnderstood,
    CrossReference,
    Outlet,
    OutletAlias,
    Source,
    UnresolvedCrossReference,
)
from .subjects import ArticleSubject, RelatedArticle
from .workflow import ArticleRevision, ArticleTransition, Correction, PreviewLink, WorkingCopy

__all__ = [
    "PUBLIC_STATES",
    "Article",
    "ArticleAuthor",
    "ArticlePage",
    "ArticleQuerySet",
    "ArticleRevision",
    "ArticleStatus",
    "ArticleSubject",
    "ArticleTransition",
    "Author",
    "Change",
    "ChangeSequence",
    "Citation",
    "CitationNotUnderstood",
    "Correction",
    "CrossReference",
    "HomeLists",
    "Note",
    "Outlet",
    "OutletAlias",
    "PreviewLink",
    "Publication",
    "Region",
    "RelatedArticle",
    "Source",
    "SummaryPoint",
    "Topic",
    "UnresolvedCrossReference",
    "WorkingCopy",
]
