"""Importing plain-text articles in the house format, through the same path as an editor's save."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article, ArticleStatus, Author, Publication
from articles.plaintext import ParsedArticle
from articles.workflow import Action

from .changes import change_unit
from .saving import article_save
from .slugs import unique_slug
from .workflow import article_transition

# An import may set the date and numbers of an article readers have not seen yet.
NOT_YET_PUBLIC = (ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW, ArticleStatus.APPROVED)


class ArticleImportError(ValueError):
    """An article that cannot be imported as given; the message is one line for the operator."""


@dataclass(frozen=True)
class ArticleImported:
    article: Article
    created: bool
    published: bool  # this import published it


def import_publication_date(
    parsed: ParsedArticle, publication: Publication, published: dt.date | None, *, today: dt.date
) -> dt.date:
    """The date an imported article is published on.

    The file's own date line comes first, then the date given for the whole import; they
    must not disagree, and either must agree with the volume written in the text. Without
    either, the date is today when the text's volume is the current one (or names none);
    an older volume covers a whole year, so the date must be given.
    """
    if parsed.published and published and parsed.published != published:
        raise ArticleImportError(
            f"The file is dated {parsed.published:%Y-%m-%d}, but --published says "
            f"{published:%Y-%m-%d}."
        )
    published = parsed.published or published
    if parsed.volume is not None:
        year = publication.year_of_volume(parsed.volume)
        if published is not None and published.year != year:
            raise ArticleImportError(
                f"Volume {parsed.volume} of {publication.short_name} covers {year}, "
                f"not {published:%Y-%m-%d}."
            )
        if published is None and year != today.year:
            raise ArticleImportError(
                f"Volume {parsed.volume} covers {year}: give the date with a “Date:” line "
                "or --published YYYY-MM-DD."
            )
    return published or today


@transaction.atomic
@change_unit()
def article_import(
    *,
    parsed: ParsedArticle,
    publication: Publication,
    published: dt.date,
    status: str = ArticleStatus.DRAFT,
    replace: bool = False,
    name: str = "",
) -> ArticleImported:
    """Create or update the article a plain-text file holds, through ``article_save``.

    The same article is found again by its slug (made from the title), so importing a file
    twice updates instead of duplicating; its workflow state never changes: a published
    or corrected article gets a new revision and stays as it is. A volume and issue that
    belong to a different article are refused, unless ``replace`` says the file replaces
    that article. With ``status`` "published", an article readers have not seen is then
    published through the workflow (numbered, announced, indexed), as Monitor.
    """
    if status not in (ArticleStatus.DRAFT, ArticleStatus.PUBLISHED):
        raise ArticleImportError(f"Status {status!r} cannot be imported; use draft or published.")
    slug = slugify(parsed.title)[:120]
    if not slug:
        raise ArticleImportError("The title has no letters or digits to make a URL from.")
    article = _existing(parsed, publication, slug, replace=replace)
    created = article is None
    article = article or Article(publication=publication, slug=slug)
    article.title, article.slug = parsed.title, slug
    article.body = parsed.body
    article.image_credit = parsed.image_credit
    if article.status in NOT_YET_PUBLIC:
        article.published_at = timezone.make_aware(dt.datetime.combine(published, dt.time()))
        article.volume = parsed.volume or publication.volume_for(published)
        article.issue_number = parsed.issue
    article.full_clean()
    authors = [
        Author.objects.filter(name=name).first()
        or Author.objects.create(name=name, slug=unique_slug(Author, name, fallback="author"))
        for name in parsed.authors
    ]
    article_save(
        article=article,
        by=None,
        summary=parsed.summary,
        notes=parsed.notes,
        authors=authors,
        note=f"Imported from {name}" if name else "Imported",
    )
    publishing = status == ArticleStatus.PUBLISHED and article.status in NOT_YET_PUBLIC
    if publishing:
        for action in _steps_to_publication(article.status):
            article_transition(
                article=article, action=action, by=None, system=True, comment="Imported."
            )
        article.refresh_from_db()
    return ArticleImported(article, created, publishing)


def _existing(parsed: ParsedArticle, publication: Publication, slug: str, *, replace: bool):
    """The article this file updates (None: a new one), refusing to take another's issue."""
    articles = Article.objects.filter(publication=publication)
    by_slug = articles.filter(slug=slug).first()
    if parsed.volume is None or parsed.issue is None:
        return by_slug
    by_issue = articles.filter(volume=parsed.volume, issue_number=parsed.issue).first()
    if by_issue is None or by_issue == by_slug:
        return by_slug
    issue = f"Volume {parsed.volume}, issue {parsed.issue} of {publication.short_name}"
    if by_slug is not None:
        raise ArticleImportError(
            f"{issue} is “{by_issue.title}” (id {by_issue.pk}), but “{by_slug.title}” "
            f"(id {by_slug.pk}) already has this file's title: resolve it in the admin."
        )
    if not replace:
        raise ArticleImportError(
            f"{issue} is already “{by_issue.title}” (id {by_issue.pk}), not “{parsed.title}”: "
            "pass --replace to replace it."
        )
    return by_issue


def _steps_to_publication(state: str) -> list[str]:
    steps = {
        ArticleStatus.DRAFT: [Action.SUBMIT, Action.APPROVE, Action.PUBLISH],
        ArticleStatus.IN_REVIEW: [Action.APPROVE, Action.PUBLISH],
        ArticleStatus.APPROVED: [Action.PUBLISH],
    }
    return steps[ArticleStatus(state)]
