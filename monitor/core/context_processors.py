"""What every page's frame (templates/base.html) needs besides the page itself."""

from functools import cache

from django.templatetags.static import static
from django.urls import reverse


@cache
def _site() -> dict[str, str]:
    # The same for every request of a process: reversed once, not on every page.
    return {
        "home": reverse("articles:home"),
        "feed_rss": reverse("articles:feed_rss"),
        "feed_atom": reverse("articles:feed_atom"),
        "timelines": reverse("events:relationship_form"),
        "search": reverse("search:search"),
        "site_css": static("monitor/site.css"),
        "print_css": static("monitor/print.css"),
    }


def site(request) -> dict:
    return {"site": _site()}
