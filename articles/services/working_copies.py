"""Autosaved working copies: what an editor typed and has not saved, kept per user and article."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from articles.models import Article, WorkingCopy

# Form fields that are never kept in a working copy: tokens, not content.
EXCLUDED_FIELDS = frozenset({"csrfmiddlewaretoken", "base_revision"})
MAX_FIELDS = 2000


@transaction.atomic
def working_copy_save(
    *, user, article: Article | None, data: dict, base_revision: int | None
) -> WorkingCopy:
    """Keep the editor's unsaved form (field name -> list of values) as their working copy."""
    clean = {
        str(name): [str(value) for value in values]
        for name, values in list(data.items())[:MAX_FIELDS]
        if name not in EXCLUDED_FIELDS
    }
    copy, _ = WorkingCopy.objects.update_or_create(
        user=user,
        article=article,
        defaults={"data": clean, "base_revision": base_revision, "saved_at": timezone.now()},
    )
    return copy


def working_copy_for(*, user, article: Article | None) -> WorkingCopy | None:
    return WorkingCopy.objects.filter(user=user, article=article).first()


def working_copy_discard(*, user, article: Article | None) -> None:
    WorkingCopy.objects.filter(user=user, article=article).delete()
