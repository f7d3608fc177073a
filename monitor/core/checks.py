"""Monitor's own system checks, besides Django's."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

from .sites import FALLBACK_SITE_URL


@register(Tags.urls, deploy=True)
def site_url_check(app_configs, **kwargs):
    """In production, what is made outside any request needs the site's address."""
    if settings.MONITOR_SITE_URL:
        return []
    return [
        Warning(
            "MONITOR_SITE_URL is not set.",
            hint="Pages and the API give addresses on the host each request came to, but "
            f"webhook payloads and commands would point at {FALLBACK_SITE_URL}: set "
            "MONITOR_SITE_URL to the site's public address (https://monitor.example.org).",
            id="monitor.W001",
        )
    ]
