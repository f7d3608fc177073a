"""The editors' admin site: Django's, with a dashboard of what needs the user on its index."""

from django.contrib import admin
from django.contrib.admin.views.autocomplete import AutocompleteJsonView


class LabelledAutocompleteJsonView(AutocompleteJsonView):
    """Autocomplete results labelled by the object's ``autocomplete_label()`` where it has one
    (an article: its state and date, so that a picker tells drafts from published pieces)."""

    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        if hasattr(obj, "autocomplete_label"):
            result["text"] = obj.autocomplete_label()
        return result


class MonitorAdminSite(admin.AdminSite):
    site_header = "Monitor"
    site_title = "Monitor editors"
    index_title = "Newsroom"

    def autocomplete_view(self, request):
        return LabelledAutocompleteJsonView.as_view(admin_site=self)(request)

    def index(self, request, extra_context=None):
        from monitor.dashboard import dashboard_for

        context = {"dashboard": dashboard_for(request.user), **(extra_context or {})}
        return super().index(request, context)
