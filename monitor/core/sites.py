"""The site's own address, the start of every absolute URL Monitor gives.

``MONITOR_SITE_URL`` set: every absolute URL is on it, whichever host a request came to.
Unset (the default): a URL made for a request is on the scheme and host the request came
to (``request.build_absolute_uri``, so the host has passed ``ALLOWED_HOSTS``), and one made
outside any request (a webhook payload, a management command) on ``FALLBACK_SITE_URL``.

What is stored to be served to any host (an article's page parts) holds ``SITE_PLACEHOLDER``
where the address goes; ``with_site`` puts the request's address in when it is served.
"""

from django.conf import settings

# Outside any request, with no MONITOR_SITE_URL: the development server's address.
FALLBACK_SITE_URL = "http://127.0.0.1:8000"
# Stands for the site's address in stored HTML: a reserved name (RFC 2606) no host is given.
SITE_PLACEHOLDER = "https://monitor-site.invalid"


def site_url(request=None) -> str:
    """The scheme and host absolute URLs start with (no trailing slash)."""
    if settings.MONITOR_SITE_URL:
        return settings.MONITOR_SITE_URL
    if request is None:
        return FALLBACK_SITE_URL
    return request.build_absolute_uri("/")[:-1]


def with_site(text: str, request=None) -> str:
    """``text`` stored with ``SITE_PLACEHOLDER``, on the address of ``request``."""
    if SITE_PLACEHOLDER not in text:
        return text
    return text.replace(SITE_PLACEHOLDER, site_url(request))
