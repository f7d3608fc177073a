"""The API's filter backend: django-filter, plus a 400 for any query parameter it does not know."""

from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError

# Parameters every endpoint understands besides its filters.
COMMON_PARAMETERS = frozenset({"cursor", "page_size", "count", "format", "fields"})


class StrictFilterBackend(DjangoFilterBackend):
    def filter_queryset(self, request, queryset, view):
        known = set(COMMON_PARAMETERS)
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None and getattr(view, "action", None) != "retrieve":
            known |= set(filterset_class.base_filters)
        unknown = sorted(set(request.query_params) - known)
        if unknown:
            raise ValidationError({name: ["Unknown query parameter."] for name in unknown})
        if getattr(view, "action", None) == "retrieve":
            return queryset
        return super().filter_queryset(request, queryset, view)
