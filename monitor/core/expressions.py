"""Query expressions of Monitor's own, for SQLite and PostgreSQL alike."""

import json
from collections.abc import Iterable

from django.db import models
from django.db.models.lookups import Exact


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


class Ranked(models.Func):
    """A row's place in a ranking of ids, as a number that is higher the better it ranks:
    ``len(ids)`` for the first, 1 for the last, 0 for an id not in it. For ordering a
    queryset by a ranking made elsewhere (search) with one parameter, however many ids:
    a ``Case`` of one ``When`` per id costs the ORM milliseconds to build and compile."""

    output_field = models.IntegerField()

    def __init__(self, expression, ids: Iterable[int]):
        self.ids = [int(pk) for pk in ids]
        super().__init__(expression)

    def as_sql(self, compiler, connection, **extra_context):
        column = self.source_expressions[0]
        ranking = models.Case(
            *(
                models.When(Exact(column, pk), then=models.Value(len(self.ids) - i))
                for i, pk in enumerate(self.ids)
            ),
            default=models.Value(0),
            output_field=models.IntegerField(),
        )
        return compiler.compile(ranking)

    def as_sqlite(self, compiler, connection, **extra_context):
        column, params = compiler.compile(self.source_expressions[0])
        sql = f"COALESCE((SELECT %s - key FROM json_each(%s) WHERE value = {column} LIMIT 1), 0)"  # noqa: S608
        return sql, [len(self.ids), json.dumps(self.ids), *params]

    def as_postgresql(self, compiler, connection, **extra_context):
        column, params = compiler.compile(self.source_expressions[0])
        sql = f"COALESCE(%s + 1 - array_position(%s::bigint[], {column}), 0)"
        return sql, [len(self.ids), self.ids, *params]
