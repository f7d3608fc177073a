"""Webhooks: subscribers' endpoints are told of every change they may read, signed as the
Standard Webhooks specification says, in the background. See docs/webhooks.md."""


def changes_recorded() -> None:
    """The change log's listener (``MONITOR_CHANGE_LISTENERS``), called after a commit that
    recorded changes: queue a dispatch, unless no endpoint would receive anything."""
    from .models import Endpoint
    from .tasks import dispatch_changes

    if Endpoint.objects.active().exists():
        dispatch_changes.enqueue()
