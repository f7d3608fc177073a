"""The site's URL patterns read from the resolver, as templates such as ``authors/{slug}/``:
tests that must cover every view (hostile input, the permission matrix) enumerate them, so a
new view is covered, or reported as unclassified, without being listed by hand."""

import re

from django.urls import URLPattern, URLResolver, get_resolver

# A regular expression's named group (the API router's ``(?P<slug>[^/.]+)``), then a path()
# converter (``<slug:slug>``): in that order, or the group's name would be taken for a
# converter and the expression left in the template.
_GROUP = re.compile(r"\(\?P<(\w+)>(?:[^()]|\([^()]*\))*\)")
_CONVERTER = re.compile(r"<(?:\w+:)?(\w+)>")


def template(route: str) -> str:
    route = _GROUP.sub(r"{\1}", route)
    route = _CONVERTER.sub(r"{\1}", route)
    route = route.replace("^", "").replace("$", "").replace("\\Z", "").replace("\\.", ".")
    route = route.replace(".*", "{rest}")  # a catch-all (the API's problem+json 404)
    return "/" + route


def routes(*, admin: bool = False, resolver=None, prefix: str = ""):
    """Every route (outside the admin unless ``admin``) as a template; routes with a format
    suffix (``{format}``) are left out: the same views answer ``?format=``."""
    for entry in (resolver or get_resolver()).url_patterns:
        pattern = str(entry.pattern)
        if isinstance(entry, URLResolver):
            if admin or not (prefix + pattern).startswith("admin/"):
                yield from routes(admin=admin, resolver=entry, prefix=prefix + pattern)
        elif isinstance(entry, URLPattern):
            route = template(prefix + pattern)
            if "{format}" not in route:
                yield route


def parameters(route: str) -> list[str]:
    return re.findall(r"\{(\w+)\}", route)
