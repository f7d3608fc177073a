"""The rows the data migrations seed, put back for tests that commit.

A transactional test (live server, threads, the task worker) ends with a flush that empties
every table, including the event codebook, the newsroom's roles, the read-everything plan
and the change sequence. Tests after it call ``reseed()`` (through the ``reseeded`` fixture)
instead of ``serialized_rollback``, which cannot be mixed with plain transactional tests.
"""

import importlib

from django.apps import apps
from django.contrib.auth.models import Group, Permission


def _migration(app: str, name: str):
    return importlib.import_module(f"{app}.migrations.{name}")


def reseed() -> None:
    """Idempotently restore every migration-seeded row."""
    _migration("events", "0002_seed_event_codebook").seed(apps, None)
    _migration("articles", "0005_change_feed").start_the_sequence(apps, None)
    _migration("monitor.subscribers", "0002_read_everything_plan").create_plan(apps, None)
    roles = _migration("events", "0006_editorial_roles").ROLES
    for name, names in roles.items():
        group, _ = Group.objects.get_or_create(name=name)
        wanted = [n.split(".") for n in names]
        group.permissions.set(
            [Permission.objects.get(content_type__app_label=a, codename=c) for a, c in wanted]
        )
