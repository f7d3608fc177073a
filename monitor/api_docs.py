"""The API docs' ReDoc script, served from this site with nothing fetched from elsewhere.

ReDoc's bundle (from drf-spectacular-sidecar) shows a logo it loads from its maker's CDN;
the site's Content-Security-Policy refuses that, and the site promises no outside hosts. It
is served here with that address replaced by an empty inline image.
"""

from functools import cache
from pathlib import Path

import drf_spectacular_sidecar
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

BUNDLE = (
    Path(drf_spectacular_sidecar.__file__).parent
    / "static/drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js"
)
OUTSIDE_LOGO = b"https://cdn.redoc.ly/redoc/logo-mini.svg"
EMPTY_IMAGE = b"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E"


@cache
def _script() -> bytes:
    return BUNDLE.read_bytes().replace(OUTSIDE_LOGO, EMPTY_IMAGE)


def redoc_script(request):
    response = HttpResponse(_script(), content_type="application/javascript; charset=utf-8")
    patch_cache_control(response, public=True, max_age=24 * 60 * 60)
    return response
