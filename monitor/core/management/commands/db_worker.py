"""``manage.py db_worker``: django-tasks-db's task worker, kept running through a database outage.

Its worker exits at the first connection error (a restart, a failover), and what is queued
meanwhile (scheduled publication, webhook dispatch) waits for someone to start it again.
This one logs the outage and starts the worker again after ``RETRY_AFTER`` seconds, with
fresh connections, until the database answers. With ``--reload`` (DEBUG) the worker runs in
the reloader's thread, where this does not reach; deployments and ``make run`` pass
``--no-reload``. (``monitor.core`` is listed before ``django_tasks_db`` in
``INSTALLED_APPS`` so that this command is the one ``db_worker`` names.)
"""

import logging
import time

from django.db import InterfaceError, OperationalError, connections
from django_tasks_db.management.commands import db_worker

logger = logging.getLogger(__name__)

RETRY_AFTER = 2.0  # seconds


class Command(db_worker.Command):
    def handle(self, **options):
        while True:
            try:
                return super().handle(**options)
            except (OperationalError, InterfaceError) as error:
                logger.error(
                    "Database unavailable, the task worker starts again in %.0f s: %s",
                    RETRY_AFTER,
                    error,
                )
                connections.close_all()
                time.sleep(RETRY_AFTER)
