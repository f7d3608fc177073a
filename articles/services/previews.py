"""Preview links for outside reviewers: signed, expiring, revocable, read-only."""

from __future__ import annotations

import datetime as dt
import secrets

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone

from articles.models import Article, PreviewLink

_SIGNER_SALT = "monitor.preview-link"


def _signer() -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=_SIGNER_SALT)


@transaction.atomic
def preview_link_create(
    *, article: Article, by, days: int | None = None
) -> tuple[PreviewLink, str]:
    """A new link and its token; the token is shown once, only its secret's hash is stored."""
    days = days or settings.MONITOR_PREVIEW_LINK_DAYS
    secret = secrets.token_urlsafe(24)
    link = PreviewLink.objects.create(
        article=article,
        token_hash=PreviewLink.hash_token(secret),
        created_by=by,
        expires_at=timezone.now() + dt.timedelta(days=days),
    )
    return link, _signer().sign(f"{link.pk}.{secret}")


def preview_link_article(token: str) -> Article | None:
    """The article a token opens, or None when it is forged, expired or revoked."""
    try:
        value = _signer().unsign(token, max_age=dt.timedelta(days=366))
    except signing.BadSignature:
        return None
    link_id, _, secret = value.partition(".")
    if not link_id.isdigit():
        return None
    link = (
        PreviewLink.objects.valid(timezone.now())
        .filter(pk=int(link_id), token_hash=PreviewLink.hash_token(secret))
        .select_related("article")
        .first()
    )
    return link.article if link else None


def preview_link_revoke(*, link: PreviewLink) -> None:
    PreviewLink.objects.filter(pk=link.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
