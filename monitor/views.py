"""The site's own small pages, outside any app."""

from django.shortcuts import render

from monitor.core.sites import site_url


def robots_txt(request):
    """robots.txt, naming the sitemap on the site's address (the host asked on, without
    ``MONITOR_SITE_URL``)."""
    context = {"site_url": site_url(request)}
    return render(request, "robots.txt", context, content_type="text/plain")
