"""Public reads from a read replica, when one is configured (``DATABASE_REPLICA_URL``).

``PublicReadsMiddleware`` marks a request as a public read: a GET or HEAD outside the admin.
During it, ``ReplicaRouter`` sends reads of the published material to the ``replica``
database; everything else goes to the primary (``default``): every write, every read inside
a transaction (the write path reads what it is about to change under its locks), and
sessions, users, permissions, subscribers' keys and tasks, which must be exactly current (a
login, a new API key or a revoked one are read back within the next request, before a
replica may have caught up). A replica lags its primary: a reader may see a change a moment
after it is committed, as with the shared page cache.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

from django.db import connections
from django.urls import reverse

REPLICA = "replica"
PRIMARY_ONLY_APPS = frozenset(
    {"admin", "auth", "contenttypes", "sessions", "subscribers", "django_tasks_database"}
)

_public_read: ContextVar[bool] = ContextVar("monitor_public_read", default=False)


@cache
def _admin_prefix() -> str:
    return reverse("admin:index")


@contextmanager
def public_reads():
    """Reads of published material in this block may come from the replica."""
    token = _public_read.set(True)
    try:
        yield
    finally:
        _public_read.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if (
            _public_read.get()
            and model._meta.app_label not in PRIMARY_ONLY_APPS
            and not connections["default"].in_atomic_block
        ):
            return REPLICA
        return None

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # The replica follows the primary's schema by replication, never by migrate.
        return db != REPLICA


class PublicReadsMiddleware:
    """GET and HEAD requests outside the admin read published material from the replica."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or request.path.startswith(_admin_prefix()):
            return self.get_response(request)
        with public_reads():
            return self.get_response(request)
