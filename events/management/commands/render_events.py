"""Store the events' representations again: after a deploy that changed how events are
written (``events.services.representations``), so that no subscriber's request renders them."""

from django.core.management.base import BaseCommand

from events.models import Event
from events.services.representations import representations_rebuild


class Command(BaseCommand):
    help = (
        "Store the representation of every public event whose stored one is missing or out "
        "of date (--all: every public event), with a progress bar and a summary."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Store every public event's.")

    def handle(self, *args, **options):
        stored = representations_rebuild(every=options["all"], progress=options["verbosity"] > 0)
        total = Event.objects.public().count()
        self.stdout.write(
            f"Stored {stored:,} of {total:,} public events' representations; "
            f"{total - stored:,} were current."
        )
