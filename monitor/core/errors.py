"""The site's own answer to a request refused before any view ran (``handler400``).

Django refuses a request whose form data is larger than ``DATA_UPLOAD_MAX_MEMORY_SIZE`` or
has more fields than ``DATA_UPLOAD_MAX_NUMBER_FIELDS`` before a view can answer with a form
error. Such a request gets a page that says what happened and that nothing was saved (the
browser's Back button returns to the form with its text; the admin's autosave keeps a copy
too). The API reads no request bodies: it is read-only.
"""

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.shortcuts import render

from articles.limits import BODY_MAX_CHARACTERS, REQUEST_MAX_BYTES, megabytes


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
