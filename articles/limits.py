"""How large an article may be. One rule, read by the model (so by the admin's form, imports
and every other write), by the import command (before it reads a file) and by the settings
(the largest form a browser may send). Pure: no database, no Django.

The maximum is about 27 times the seed article (7,300 characters) and 30,000 words: longer
than any daily analysis, and saved in under a second (docs/performance.md).
"""

BODY_MAX_CHARACTERS = 200_000

# A note ([n] in the body) and a point of the executive summary: a long paragraph each (the
# seed's longest note is 370 characters, its longest point 290).
NOTE_MAX_CHARACTERS = 10_000
SUMMARY_POINT_MAX_CHARACTERS = 2_000

# A plain-text file to import: a body at its maximum in UTF-8 (up to 4 bytes a character),
# with its title, summary, notes and credit.
IMPORT_MAX_BYTES = 4 * BODY_MAX_CHARACTERS + 200_000

# One request's form data: a body at its maximum as a browser url-encodes it (up to 9 bytes
# a character) with every other field of the article form. Larger requests are refused
# before they are read (``monitor.errors.bad_request`` says why).
REQUEST_MAX_BYTES = 9 * BODY_MAX_CHARACTERS + 2_000_000


def too_long(what: str, maximum: int) -> str:
    """The form error for a text over its maximum: says so, and that nothing typed is lost."""
    return (
        f"{what} can be at most {maximum:,} characters; this one has %(show_value)s. Shorten "
        "it or split it into parts: nothing was saved, and the text is still here."
    )


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"
