"""Webhook work for the tasks framework's worker: dispatching changes, delivering each one."""

from django.tasks import task


@task()
def dispatch_changes() -> int:
    """Turn new changes into deliveries; the number created."""
    from .services import changes_dispatch

    return len(changes_dispatch())


@task()
def deliver(delivery_id: int, resend: bool = False) -> str:
    """One attempt at one delivery (each its own task: a slow endpoint delays no other)."""
    from .services import delivery_attempt

    delivery = delivery_attempt(delivery_id=delivery_id, resend=resend)
    return delivery.status if delivery else "gone"
