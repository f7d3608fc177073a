"""Writes that span the articles app's models, one function per unit of work."""

from .changes import article_change, change_record, changes_prune, resource_change
from .imports import ArticleImportError, article_import, import_publication_date
from .previews import preview_link_article, preview_link_create, preview_link_revoke
from .references import ReferenceSync, article_sync_references
from .revisions import (
    article_revert,
    article_revision_create,
    article_snapshot,
    latest_revision_number,
)
from .workflow import article_publish_due, article_transition, can_edit, user_permissions
from .working_copies import working_copy_discard, working_copy_for, working_copy_save

__all__ = [
    "ArticleImportError",
    "ReferenceSync",
    "article_change",
    "article_import",
    "article_publish_due",
    "article_revert",
    "article_revision_create",
    "article_snapshot",
    "article_sync_references",
    "article_transition",
    "can_edit",
    "change_record",
    "changes_prune",
    "import_publication_date",
    "latest_revision_number",
    "preview_link_article",
    "preview_link_create",
    "preview_link_revoke",
    "resource_change",
    "user_permissions",
    "working_copy_discard",
    "working_copy_for",
    "working_copy_save",
]
