"""Webhooks: subscribers' endpoints are told of every change they may read, signed as the
Standard Webhooks specification says, in the background. See docs/webhooks.md."""


def changes_committed(changes) -> None:
    """The change listener (``MONITOR_CHANGE_LISTENERS``): after a commit that recorded entries
    in the change log, queue a dispatch, unless no endpoint would receive anything."""
    from .models import Endpoint
    from .tasks import dispatch_changes

    if any(change.entry for change in changes) and Endpoint.objects.active().exists():
        dispatch_changes.enqueue()
