"""How commands report a failure: one readable line, whatever raised it."""

from django.core.exceptions import ValidationError


def one_line(error: Exception) -> str:
    """The reason, on one line: field messages for a ValidationError, and for an OSError its
    reason without the path it repeats (the caller names the file)."""
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        text = "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in error.message_dict.items())
    elif isinstance(error, OSError) and error.strerror:
        text = error.strerror
    else:
        text = str(error)
    return " ".join(text.split())
