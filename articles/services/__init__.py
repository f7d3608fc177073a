"""Writes that span the articles app's models, one function per unit of work."""

from .imports import ArticleImportError, article_import, import_publication_date
from .references import ReferenceSync, article_sync_references

__all__ = [
    "ArticleImportError",
    "ReferenceSync",
    "article_import",
    "article_sync_references",
    "import_publication_date",
]
