"""Writes that span the articles app's models, one function per unit of work."""

from .changes import (
    article_change,
    change_once,
    change_record,
    change_unit,
    changes_prune,
    resource_change,
)
from .imports import ArticleImported, ArticleImportError, article_import, import_publication_date
from .previews import preview_link_article, preview_link_create, preview_link_revoke
from .references import ReferenceSync, article_sync_references
from .revisions import article_revision_create, article_snapshot, latest_revision_number
from .saving import (
    ArticleSaved,
    StaleRevision,
    article_commit,
    article_delete,
    article_lock,
    article_revert,
    article_save,
    article_state,
    articles_shown_changed,
    cross_reference_choose,
    feed_action,
    newer_revision,
)
from .sources import sources_changed
from .subjects import article_subjects_set, subjects_listed_refresh
from .workflow import article_publish_due, article_transition, can_edit, user_permissions
from .working_copies import working_copy_discard, working_copy_for, working_copy_save

__all__ = [
    "ArticleImportError",
    "ArticleImported",
    "ArticleSaved",
    "ReferenceSync",
    "StaleRevision",
    "article_change",
    "article_commit",
    "article_delete",
    "article_import",
    "article_lock",
    "article_publish_due",
    "article_revert",
    "article_revision_create",
    "article_save",
    "article_snapshot",
    "article_state",
    "article_subjects_set",
    "article_sync_references",
    "article_transition",
    "articles_shown_changed",
    "can_edit",
    "change_once",
    "change_record",
    "change_unit",
    "changes_prune",
    "cross_reference_choose",
    "feed_action",
    "import_publication_date",
    "latest_revision_number",
    "newer_revision",
    "preview_link_article",
    "preview_link_create",
    "preview_link_revoke",
    "resource_change",
    "sources_changed",
    "subjects_listed_refresh",
    "user_permissions",
    "working_copy_discard",
    "working_copy_for",
    "working_copy_save",
]
