"""The site's own answers to a request refused before any view ran (``handler400``), and to
an error no view handled (``handler500``).

Django refuses a request whose form data is larger than ``DATA_UPLOAD_MAX_MEMORY_SIZE`` or
has more fields than ``DATA_UPLOAD_MAX_NUMBER_FIELDS`` before a view can answer with a form
error. Such a request gets a page that says what happened and that nothing was saved (the
browser's Back button returns to the form with its text; the admin's autosave keeps a copy
too). The API reads no request bodies: it is read-only.
"""

import sys

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.shortcuts import render
from django.views import defaults

from articles.limits import BODY_MAX_CHARACTERS, REQUEST_MAX_BYTES, megabytes

from .outages import is_outage, unavailable


def bad_request(request, exception=None):
    if isinstance(exception, RequestDataTooBig):
        detail = (
            f"What was sent is larger than Monitor accepts in one request "
            f"({megabytes(REQUEST_MAX_BYTES)}); an article's text can be at most "
            f"{BODY_MAX_CHARACTERS:,} characters. Nothing was saved."
        )
    elif isinstance(exception, TooManyFieldsSent):
        detail = "The form sent has more fields than Monitor accepts. Nothing was saved."
    else:
        detail = "The request could not be understood. Nothing was saved."
    return render(request, "400.html", {"detail": detail}, status=400)


def server_error(request):
    """A database connection error outside any view (a middleware saving the session after
    the view answered, say) is an outage like one inside a view: 503 with Retry-After
    (``monitor.core.outages``). Anything else is Django's plain 500 page."""
    if is_outage(sys.exc_info()[1]):
        return unavailable(request)
    return defaults.server_error(request)
