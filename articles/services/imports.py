"""Importing plain-text articles in the house format."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from articles.models import (
    Article,
    ArticleAuthor,
    ArticleStatus,
    Author,
    Note,
    Publication,
    SummaryPoint,
)
from articles.plaintext import ParsedArticle

from .slugs import unique_slug


class ArticleImportError(ValueError):
    """An article that cannot be imported as given; the message is one line for the operator."""


def import_publication_date(
    parsed: ParsedArticle, publication: Publication, published: dt.date | None, *, today: dt.date
) -> dt.date:
    """The date an imported article is published on.

    Given dates must agree with the volume written in the text. Without one, the date is
    today when the text's volume is the current one (or names none); an older volume
    covers a whole year, so the date must be given.
    """
    if parsed.volume is not None:
        year = publication.year_of_volume(parsed.volume)
        if published is not None and published.year != year:
            raise ArticleImportError(
                f"Volume {parsed.volume} of {publication.short_name} covers {year}, "
                f"not {published:%Y-%m-%d}."
            )
        if published is None and year != today.year:
            raise ArticleImportError(
                f"Volume {parsed.volume} covers {year}: give the date with --published YYYY-MM-DD."
            )
    return published or today


@transaction.atomic
def article_import(
    *,
    parsed: ParsedArticle,
    publication: Publication,
    published: dt.date,
    status: str = ArticleStatus.DRAFT,
) -> tuple[Article, bool]:
    """Create or update the article a plain-text file holds; returns it and whether it is new.

    The same article is found again by its volume and issue when the text gives them, else
    by its slug, so importing a file twice updates instead of duplicating. Summary points,
    notes and bylines are replaced by the file's. Citations are not derived here: callers
    process the article afterwards, in the same transaction.
    """
    if status not in (ArticleStatus.DRAFT, ArticleStatus.PUBLISHED):
        raise ArticleImportError(f"Status {status!r} cannot be imported; use draft or published.")
    slug = slugify(parsed.title)[:120]
    if not slug:
        raise ArticleImportError("The title has no letters or digits to make a URL from.")
    existing = Article.objects.filter(publication=publication)
    if parsed.volume is not None and parsed.issue is not None:
        article = existing.filter(volume=parsed.volume, issue_number=parsed.issue).first()
    else:
        article = existing.filter(slug=slug).first()
    created = article is None
    article = article or Article(publication=publication, slug=slug)
    article.title = parsed.title
    article.body = parsed.body
    article.image_credit = parsed.image_credit
    article.status = status
    article.published_at = timezone.make_aware(dt.datetime.combine(published, dt.time()))
    article.volume = parsed.volume or publication.volume_for(published)
    article.issue_number = parsed.issue
    article.full_clean()
    article.save()
    article.summary_points.all().delete()
    SummaryPoint.objects.bulk_create(
        SummaryPoint(article=article, position=n, text=text)
        for n, text in enumerate(parsed.summary)
    )
    article.notes.all().delete()
    for number, text in parsed.notes:
        Note.objects.create(article=article, number=number, text=text)
    article.bylines.all().delete()
    for position, name in enumerate(parsed.authors):
        author = Author.objects.filter(name=name).first() or Author.objects.create(
            name=name, slug=unique_slug(Author, name, fallback="author")
        )
        ArticleAuthor.objects.create(article=article, author=author, position=position)
    return article, created
