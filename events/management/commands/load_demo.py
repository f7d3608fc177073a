"""``manage.py load_demo``: the demo publication, articles and Iran–Belarus timeline, and an editor."""

from django.conf import settings
from django.core.management.base import BaseCommand

from events.demo.editor import editor_account_ensure
from events.demo.loader import demo_content_load


class Command(BaseCommand):
    help = (
        "Load the demo content (idempotent: a second run changes nothing) and create a local "
        "editor account, printing its name and password."
    )

    def add_arguments(self, parser):
        account = parser.add_mutually_exclusive_group()
        account.add_argument(
            "--editor-account",
            action="store_true",
            default=None,
            help="Create the local editor account even when DEBUG is off.",
        )
        account.add_argument(
            "--no-editor-account",
            action="store_false",
            dest="editor_account",
            help="Do not create or print the local editor account.",
        )

    def handle(self, *args, editor_account, verbosity, **options):
        report = demo_content_load(progress=verbosity > 0)
        self.stdout.write(report.summary())
        if editor_account is False:
            return
        if editor_account is None and not settings.DEBUG:
            self.stderr.write(
                "Editor account not created: DEBUG is off. "
                "Pass --editor-account to create it anyway."
            )
            return
        account = editor_account_ensure()
        self.stdout.write(f"Editor account: {account.username} / {account.password}")
