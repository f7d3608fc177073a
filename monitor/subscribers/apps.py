from django.apps import AppConfig


class SubscribersConfig(AppConfig):
    name = "monitor.subscribers"
    label = "subscribers"
    verbose_name = "Subscribers"

    def ready(self):
        from . import schema  # noqa: F401  (registers the schema extension)
