"""Template tags for evidence: an article's body with the paragraphs that support published
events marked (rendered with its stored page, never per request)."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from articles.rendering import mark_paragraphs
from events.models import Event, EventEvidence
from events.representations import event_path, fill_event

register = template.Library()


@register.simple_tag
def supported_body(article):
    """``article.body_html`` with each paragraph that supports a published event given the
    class ``supports`` and a link to the events it supports (one query)."""
    rows = (
        EventEvidence.objects.filter(
            article=article, in_article=True, event__status=Event.Status.PUBLISHED
        )
        .order_by("event__starts_on", "event_id")
        .values_list("anchor", "event__uuid", "event__title")
    )
    events: dict[str, list[tuple[str, str]]] = {}
    for anchor, uuid, title in rows:
        events.setdefault(anchor, []).append((fill_event(event_path(), uuid), title))
    marks = {
        anchor: format_html(
            '<span class="supports-mark">Supports: {}</span>',
            format_html_join(
                ", ",
                '<a href="{}" aria-label="This paragraph supports the event: {}">{}</a>',
                ((url, title, title) for url, title in linked),
            ),
        )
        for anchor, linked in events.items()
    }
    return mark_safe(mark_paragraphs(article.body_html, marks))  # noqa: S308 (sanitized, escaped)
