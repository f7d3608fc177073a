"""Cache invalidation, the one use of signals: when an article or its parts change, the pages
that show it move on (see ``monitor.caching``)."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from monitor.caching import SITE, article_tag, invalidate, tag

from .models import (
    Article,
    ArticleAuthor,
    Author,
    Citation,
    CrossReference,
    Note,
    Publication,
    Region,
    Source,
    SummaryPoint,
    Topic,
)


def article_tags(ids, *, listings: bool = True) -> set[str]:
    """The tags of the articles' pages; with ``listings``, of every page that lists them too."""
    rows = list(Article.objects.filter(pk__in=ids).values_list("publication__slug", "slug"))
    tags = {article_tag(publication, slug) for publication, slug in rows}
    if listings and rows:
        tags |= {SITE} | {tag("publication", publication) for publication, _ in rows}
        tags |= {
            tag("author", slug)
            for slug in ArticleAuthor.objects.filter(article__in=ids).values_list(
                "author__slug", flat=True
            )
        }
        for name in ("topics", "regions"):
            through = getattr(Article, name).through
            kind = name.removesuffix("s")
            slugs = through.objects.filter(article__in=ids).values_list(f"{kind}__slug", flat=True)
            tags |= {tag(kind, slug) for slug in slugs}
    return tags


@receiver(pre_save, sender=Article)
@receiver(post_save, sender=Article)
@receiver(pre_delete, sender=Article)
def article_changed(sender, instance, **kwargs):
    # Before a save the old slug and subjects, after it the new ones.
    if instance.pk:
        invalidate(article_tags([instance.pk]))


@receiver(post_save, sender=ArticleAuthor)
@receiver(post_delete, sender=ArticleAuthor)
def byline_changed(sender, instance, **kwargs):
    invalidate(article_tags([instance.article_id]) | {tag("author", instance.author.slug)})


@receiver(post_save, sender=SummaryPoint)
@receiver(post_delete, sender=SummaryPoint)
@receiver(post_save, sender=Note)
@receiver(post_delete, sender=Note)
@receiver(post_save, sender=Citation)
@receiver(post_delete, sender=Citation)
@receiver(post_save, sender=CrossReference)
@receiver(post_delete, sender=CrossReference)
def part_changed(sender, instance, **kwargs):
    invalidate(article_tags([instance.article_id], listings=False))


@receiver(m2m_changed, sender=Article.topics.through)
@receiver(m2m_changed, sender=Article.regions.through)
def subjects_changed(sender, instance, action, reverse, pk_set, **kwargs):
    # pre_ actions see the subjects being removed, post_ actions those added.
    ids = (pk_set or set()) if reverse else {instance.pk}
    invalidate(article_tags(ids))


@receiver(post_save, sender=Publication)
@receiver(post_save, sender=Author)
@receiver(post_save, sender=Topic)
@receiver(post_save, sender=Region)
def catalog_changed(sender, instance, **kwargs):
    invalidate({SITE, tag(sender._meta.model_name, instance.slug)})


@receiver(post_save, sender=Source)
def source_changed(sender, instance, **kwargs):
    invalidate({SITE})
