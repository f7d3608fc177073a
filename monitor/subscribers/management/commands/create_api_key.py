"""``manage.py create_api_key SUBSCRIBER [--plan SLUG]``: a new key, printed once."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from monitor.subscribers.models import Plan
from monitor.subscribers.services import subscriber_key_create


class Command(BaseCommand):
    help = (
        "Create an API key for SUBSCRIBER (created on --plan if it does not exist) and print "
        "it: it is stored hashed and cannot be shown again."
    )

    def add_arguments(self, parser):
        parser.add_argument("subscriber", help="The subscriber's name.")
        parser.add_argument("--plan", help="Plan slug (required for a new subscriber).")
        parser.add_argument("--expires-in-days", type=int, help="Default: never expires.")

    def handle(self, *args, subscriber, plan, expires_in_days, **options):
        expires_at = None
        if expires_in_days is not None:
            expires_at = timezone.now() + dt.timedelta(days=expires_in_days)
        try:
            key, raw_key = subscriber_key_create(
                name=subscriber, plan_slug=plan, expires_at=expires_at
            )
        except Plan.DoesNotExist as error:
            known = ", ".join(Plan.objects.values_list("slug", flat=True)) or "none yet"
            raise CommandError(f"{error or 'No such plan.'} Plans: {known}.") from None
        self.stderr.write(
            f"Key {key.prefix}… for {key.subscriber} on plan {key.subscriber.plan.slug}; "
            "it is shown only now:"
        )
        self.stdout.write(raw_key)
