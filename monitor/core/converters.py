"""Path converters for the site's URLs, and the same rules as the patterns the API's router
matches a lookup with (``lookup_pattern``)."""

from django.urls import register_converter
from django.urls.converters import SlugConverter, UUIDConverter


class Number:
    """A whole number of at most nine digits (a year, a volume, an issue, an id): longer
    ones match no URL (404) rather than reaching the database or a date as an overflow."""

    regex = "[0-9]{1,9}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(value)


register_converter(Number, "number")


LOOKUP_PATTERNS = {"pk": Number.regex, "slug": SlugConverter.regex, "uuid": UUIDConverter.regex}


def lookup_pattern(field: str) -> str:
    """What an API detail URL accepts for ``field``: anything else matches no URL (a 404)
    instead of reaching the database (a NUL byte in a slug is an error on PostgreSQL)."""
    return LOOKUP_PATTERNS[field]
