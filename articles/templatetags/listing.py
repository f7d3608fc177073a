"""Lists of articles: each item as stored with the article's page, or rendered now."""

from django import template
from django.utils.safestring import mark_safe

from articles.services.pages import item_render, stored_item

register = template.Library()


@register.simple_tag
def article_item(article):
    """The article as a list shows it (loaded ``for_listing()``)."""
    stored = stored_item(article)
    if stored is not None:
        return mark_safe(stored)  # noqa: S308 (rendered from the escaping template, on save)
    return item_render(article)
