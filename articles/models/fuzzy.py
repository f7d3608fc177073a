"""Database support for fuzzy dates stored as year, month, day and precision columns.

A model that stores a fuzzy date under a prefix (``date_``, ``start_``…) keeps
``<prefix>year``, ``<prefix>month``, ``<prefix>day`` and ``<prefix>precision``; the
constraints below make the database refuse parts that do not fit the precision, and
``fuzzy_date_from`` and ``fuzzy_date_errors`` turn the columns into a ``FuzzyDate`` or into
form errors for ``clean()``.
"""

from django.db import models
from django.db.models.functions import Mod

from articles.dates import FuzzyDate, Precision, validate_parts

PRECISION_CHOICES = [(p.value, p.label) for p in Precision]


def fuzzy_date_constraints(prefix: str, label: str, *, optional: bool = False) -> list:
    """Check constraints that make the database refuse a date whose parts misfit its precision.

    ``label`` names the constraints (``<label>_<prefix>day_precision``…). With ``optional``,
    a row may leave the whole date empty (year and precision both null).
    """
    year, month, day, precision = (
        f"{prefix}{part}" for part in ("year", "month", "day", "precision")
    )
    day_ok = models.Q(
        **{precision: Precision.DAY, f"{month}__isnull": False, f"{day}__isnull": False}
    )
    month_ok = models.Q(
        **{precision: Precision.MONTH, f"{month}__isnull": False, f"{day}__isnull": True}
    )
    year_ok = models.Q(
        **{precision: Precision.YEAR, f"{month}__isnull": True, f"{day}__isnull": True}
    )
    decade_ok = models.Q(
        models.lookups.Exact(Mod(models.F(year), 10), 0),
        **{precision: Precision.DECADE, f"{month}__isnull": True, f"{day}__isnull": True},
    )
    fits = day_ok | month_ok | year_ok | decade_ok
    if optional:
        empty = models.Q(
            **{
                f"{year}__isnull": True,
                f"{month}__isnull": True,
                f"{day}__isnull": True,
                precision: "",
            }
        )
        fits |= empty
    return [
        models.CheckConstraint(
            condition=fits,
            name=f"{label}_{prefix}parts_fit_precision",
            violation_error_message="The date's year, month and day do not fit its precision.",
        ),
        models.CheckConstraint(
            condition=models.Q(**{f"{month}__isnull": True})
            | models.Q(**{f"{month}__range": (1, 12)}),
            name=f"{label}_{prefix}month_range",
            violation_error_message="The month must be between 1 and 12.",
        ),
        models.CheckConstraint(
            condition=models.Q(**{f"{day}__isnull": True}) | models.Q(**{f"{day}__range": (1, 31)}),
            name=f"{label}_{prefix}day_range",
            violation_error_message="The day must be between 1 and 31.",
        ),
    ]


def fuzzy_date_from(instance, prefix: str) -> FuzzyDate | None:
    """The ``FuzzyDate`` stored under ``prefix``, or None when the date is empty or invalid."""
    year = getattr(instance, f"{prefix}year")
    precision = getattr(instance, f"{prefix}precision")
    if year is None or not precision:
        return None
    month, day = getattr(instance, f"{prefix}month"), getattr(instance, f"{prefix}day")
    if validate_parts(year, month, day, precision):
        return None
    return FuzzyDate(year, month, day, Precision(precision))


def set_fuzzy_date(instance, prefix: str, value: FuzzyDate | None) -> None:
    """Store ``value`` (or nothing) in the columns under ``prefix``."""
    setattr(instance, f"{prefix}year", value.year if value else None)
    setattr(instance, f"{prefix}month", value.month if value else None)
    setattr(instance, f"{prefix}day", value.day if value else None)
    setattr(instance, f"{prefix}precision", value.precision.value if value else "")


def fuzzy_date_errors(instance, prefix: str, *, optional: bool = False) -> dict[str, str]:
    """Form errors for the date under ``prefix``, keyed by the field an editor must fix."""
    year = getattr(instance, f"{prefix}year")
    month = getattr(instance, f"{prefix}month")
    day = getattr(instance, f"{prefix}day")
    precision = getattr(instance, f"{prefix}precision")
    if optional and year is None and month is None and day is None:
        if precision:
            return {f"{prefix}year": "Give a year, or clear the precision."}
        return {}
    if not precision:
        return {f"{prefix}precision": "Choose how precise this date is."}
    problem = validate_parts(year, month, day, precision)
    if not problem:
        return {}
    part, message = problem
    return {f"{prefix}{part}": message}
