"""The editors' admin site: Django's, with a dashboard of what needs the user on its index."""

from django.contrib import admin


class MonitorAdminSite(admin.AdminSite):
    site_header = "Monitor"
    site_title = "Monitor editors"
    index_title = "Newsroom"

    def index(self, request, extra_context=None):
        from monitor.dashboard import dashboard_for

        context = {"dashboard": dashboard_for(request.user), **(extra_context or {})}
        return super().index(request, context)
