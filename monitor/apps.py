"""The project's own app configs: the admin site editors use."""

from django.contrib.admin.apps import AdminConfig


class MonitorAdminConfig(AdminConfig):
    default_site = "monitor.admin_site.MonitorAdminSite"
