"""The API's filter backend: django-filter, plus a 400 for any query parameter it does not
know, for one given with no value (``?author=``: left out, or a value lost?), and for a
single-valued one given more than once (which value was meant?)."""

import django_filters
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError

# Parameters every endpoint understands besides its filters.
COMMON_PARAMETERS = frozenset({"cursor", "page_size", "count", "format", "fields"})
EMPTY = "Empty: give a value, or leave the parameter out."


def empty_parameters(query_params) -> dict[str, list[str]]:
    """The parameters given with no value, as errors by name."""
    return {
        name: [EMPTY]
        for name in query_params
        if any(value.strip() == "" for value in query_params.getlist(name))
    }


class StrictFilterBackend(DjangoFilterBackend):
    """A FilterSet that says it filters nothing when none of its parameters is given
    (``filters_only_when_asked = True``) is not made for a request that gives none: making
    one copies every filter it declares, about 0.5 ms of a request."""

    def filter_queryset(self, request, queryset, view):
        """The filtered queryset; or a 400 naming every unknown parameter and invalid value."""
        filterset = None
        if getattr(view, "action", None) != "retrieve" and self._asked(request, view):
            filterset = self.get_filterset(request, queryset, view)
        known = COMMON_PARAMETERS | set(filterset.filters if filterset is not None else ())
        errors = {name: ["Unknown query parameter."] for name in set(request.query_params) - known}
        filters = filterset.filters if filterset is not None else {}
        for name in set(request.query_params) & known:
            # Multiple-choice filters (slugs, roles) take several; the model ones are such too.
            repeatable = isinstance(filters.get(name), django_filters.MultipleChoiceFilter)
            if len(request.query_params.getlist(name)) > 1 and not repeatable:
                errors[name] = ["Given more than once; it takes one value."]
        if filterset is not None and not filterset.is_valid():
            errors |= filterset.errors
        errors |= empty_parameters(request.query_params)
        if errors:
            raise ValidationError(errors)
        return filterset.qs if filterset is not None else queryset

    def _asked(self, request, view) -> bool:
        """Whether the view's FilterSet must be made: any of its parameters given, or it
        does not say that it filters nothing without them."""
        filterset_class = getattr(view, "filterset_class", None)
        if not getattr(filterset_class, "filters_only_when_asked", False):
            return True
        return not set(request.query_params) <= COMMON_PARAMETERS
