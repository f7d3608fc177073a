"""What search engines and link previews read about an article: description and JSON-LD.

Built from an article loaded with ``for_display()`` and the sources it cites; no queries.
Absolute addresses start with ``site``: the site's address, or ``SITE_PLACEHOLDER`` in what
is stored to be served to any host (``monitor.core.sites``).
"""

import json

from django.templatetags.static import static
from django.utils.text import Truncator

# As django.utils.html.json_script escapes: the JSON cannot close its <script> element.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def absolute_url(path: str, site: str) -> str:
    """``path`` on the site's address ``site``; absolute URLs pass through."""
    if not path or "://" in path:
        return path
    return site + path


# What a shared article shows when neither it nor its publication has an image.
SITE_IMAGE = "monitor/og-image.png"


def article_image_url(article, site: str) -> str:
    """The image a shared article shows (absolute): its lead image, else its publication's,
    else the site's."""
    for image in (article.image, article.publication.image):
        if image:
            return absolute_url(image.url, site)
    return absolute_url(static(SITE_IMAGE), site)


def article_description(article, *, length: int = 200) -> str:
    """The meta description: the executive summary's first point, else the dek, else the title."""
    points = list(article.summary_points.all())
    text = points[0].text if points else article.dek or article.title
    return Truncator(" ".join(text.split())).chars(length)


def article_json_ld(article, *, site: str, sources=()) -> dict:
    """schema.org NewsArticle: headline, dates, authors, publisher, image and citations."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": absolute_url(article.get_absolute_url(), site),
        "headline": article.title[:110],
        "description": article_description(article),
        "datePublished": article.published_at.isoformat(),
        "dateModified": max(article.published_at, article.updated_at).isoformat(),
        "author": [
            {
                "@type": "Person",
                "name": person.name,
                "url": absolute_url(person.get_absolute_url(), site),
            }
            for person in article.byline()
        ],
        "publisher": {
            "@type": "Organization",
            "name": article.publication.name,
            "url": absolute_url(article.publication.get_absolute_url(), site),
        },
        "isPartOf": {
            "@type": "PublicationIssue",
            "issueNumber": article.issue_number,
            "isPartOf": {"@type": "PublicationVolume", "volumeNumber": article.volume},
        },
        "keywords": [topic.name for topic in article.topics.all()],
        "citation": [
            {
                "@type": "CreativeWork",
                "name": str(source),
                "publisher": source.outlet.name,
                **({"url": source.url} if source.url else {}),
            }
            for source in sources
        ],
    }
    data["image"] = [article_image_url(article, site)]
    return data


def json_for_script(data) -> str:
    """``data`` as JSON safe to place inside a <script> element."""
    return json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
