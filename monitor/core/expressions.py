"""Query expressions of Monitor's own, for SQLite and PostgreSQL alike."""

import json
from collections.abc import Iterable

from django.db import models


class IdList(models.Expression):
    """A list of ids, as the right-hand side of ``__in``, sent as one parameter:
    ``Participation.objects.filter(event_id__in=IdList(batch))``.

    ``pk__in=[...]`` prepares and sends one parameter per id, and the ORM's preparation of
    each (a few µs) adds up when a batch holds thousands; this is one JSON array (SQLite's
    ``json_each``) or one array (PostgreSQL's ``unnest``), whatever its length. Other
    databases get one parameter per id.
    """

    output_field = models.BigIntegerField()

    def __init__(self, ids: Iterable[int]):
        super().__init__()
        self.ids = [int(pk) for pk in ids]

    def as_sql(self, compiler, connection):
        if not self.ids:
            return "(NULL)", []
        return "(" + ", ".join(["%s"] * len(self.ids)) + ")", self.ids

    def as_sqlite(self, compiler, connection):
        return "(SELECT value FROM json_each(%s))", [json.dumps(self.ids)]

    def as_postgresql(self, compiler, connection):
        return "(SELECT unnest(%s::bigint[]))", [self.ids]
