"""Slugs for rows Monitor creates on its own (outlets found in citations, imported authors)."""

from django.db import models
from django.utils.text import slugify


def unique_slug(model: type[models.Model], text: str, *, fallback: str) -> str:
    """``text`` slugified to fit ``model.slug``, with -2, -3… added until no row has it."""
    room = model._meta.get_field("slug").max_length - 6
    base = slugify(text)[:room] or fallback
    slug, n = base, 1
    while model.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug
