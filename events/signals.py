"""Cache invalidation, the one use of signals: when an event changes, the pages that show it
(its own, its actors', its place's, its articles') move on (see ``monitor.caching``)."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from articles.models import Article
from articles.signals import article_tags
from monitor.caching import SITE, invalidate, tag

from .models import Actor, ActorAlias, Event, EventQuantity, EventSource, Participation, Place


def event_tags(ids) -> set[str]:
    """The tags of the events' pages and of every page that shows them."""
    rows = list(Event.objects.filter(pk__in=ids).values_list("uuid", "place__slug"))
    if not rows:
        return set()
    tags = {SITE} | {tag("event", uuid) for uuid, _ in rows}
    tags |= {tag("place", slug) for _, slug in rows if slug}
    actors = Participation.objects.filter(event__in=ids).values_list("actor__slug", flat=True)
    tags |= {tag("actor", slug) for slug in actors}
    articles = Event.articles.through.objects.filter(event__in=ids).values_list("article_id")
    return tags | article_tags(articles, listings=False)


@receiver(pre_save, sender=Event)
@receiver(post_save, sender=Event)
@receiver(pre_delete, sender=Event)
def event_changed(sender, instance, **kwargs):
    if instance.pk:
        invalidate(event_tags([instance.pk]))


@receiver(post_save, sender=Participation)
@receiver(post_delete, sender=Participation)
def participation_changed(sender, instance, **kwargs):
    invalidate(event_tags([instance.event_id]) | {tag("actor", instance.actor.slug)})


@receiver(post_save, sender=EventSource)
@receiver(post_delete, sender=EventSource)
@receiver(post_save, sender=EventQuantity)
@receiver(post_delete, sender=EventQuantity)
def event_part_changed(sender, instance, **kwargs):
    invalidate(event_tags([instance.event_id]))


@receiver(m2m_changed, sender=Event.articles.through)
def event_articles_changed(sender, instance, action, reverse, pk_set, **kwargs):
    events = (pk_set or set()) if reverse else {instance.pk}
    articles = {instance.pk} if reverse else (pk_set or set())
    invalidate(event_tags(events) | article_tags(articles, listings=False))


@receiver(post_save, sender=Article)
def article_saved(sender, instance, **kwargs):
    # An actor's, a place's and an event's pages list the articles about them.
    invalidate(event_tags(Event.articles.through.objects.filter(article=instance).values("event")))


@receiver(post_save, sender=Actor)
@receiver(post_save, sender=Place)
def entity_changed(sender, instance, **kwargs):
    invalidate({SITE, tag(sender._meta.model_name, instance.slug)})


@receiver(post_save, sender=ActorAlias)
@receiver(post_delete, sender=ActorAlias)
def alias_changed(sender, instance, **kwargs):
    invalidate({tag("actor", instance.actor.slug)})
