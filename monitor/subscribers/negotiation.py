"""Choosing a response format: a format the endpoint does not serve is 406, as docs/api.md
says, whether asked for by ``?format=``, a suffix or the Accept header."""

from rest_framework.exceptions import NotAcceptable
from rest_framework.negotiation import DefaultContentNegotiation


class ContentNegotiation(DefaultContentNegotiation):
    def filter_renderers(self, renderers, format):
        chosen = [renderer for renderer in renderers if renderer.format == format]
        if not chosen:
            offered = ", ".join(renderer.format for renderer in renderers)
            raise NotAcceptable(
                f"This endpoint has no {format[:20]!r} format; it serves: {offered}."
            )
        return chosen
