"""Path converters for the site's URLs."""

from django.urls import register_converter


class Number:
    """A whole number of at most nine digits (a year, a volume, an issue, an id): longer
    ones match no URL (404) rather than reaching the database or a date as an overflow."""

    regex = "[0-9]{1,9}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(value)


register_converter(Number, "number")
