"""Queries compiled once per database connection and run again with new values.

Building a queryset and compiling it costs the ORM 0.2–0.5 ms, many times what SQLite or
PostgreSQL take to run a small indexed query; an API request runs several queries of the same
shape, only their ids changing. ``Prepared`` builds its queryset once per connection, with a
``Slot`` where each value goes, and keeps the SQL and the columns' converters; each run only
fills the slots in, executes and converts the rows exactly as the queryset would have::

    AUTHORS = Prepared(
        ArticleAuthor,
        lambda: ArticleAuthor.objects.filter(article_id__in=IdsSlot("ids"))
        .order_by("position", "pk")
        .values_list("article_id", "author__name"),
    )
    AUTHORS.rows(ids=[1, 2, 3])  # as list(queryset) would give, tuples

The SQL is the ORM's own, so it is the same as the queryset's on every database; what is
kept is per connection (a thread's, a process's), never shared between them, and holds no
data: only the statement. A query whose shape depends on more than its slots' values (the
current time, a plan's publications) is not one to prepare. SQLite and PostgreSQL only.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from django.db import NotSupportedError, connections, models, router
from django.db.models.sql import UpdateQuery


class Slot(models.Expression):
    """Where a value goes in a prepared query: ``filter(prefix=Slot("prefix", CharField()))``.
    The value is prepared for the database by ``output_field``, as a lookup would."""

    def __init__(self, name: str, output_field=None):
        super().__init__(output_field=output_field)
        self.name = name

    def as_sql(self, compiler, connection):
        return "%s", [self]

    def db_value(self, value, connection):
        return self.output_field.get_db_prep_value(value, connection, prepared=False)


class IdsSlot(Slot):
    """Where a list of ids goes, as the right-hand side of ``__in``: one parameter, as
    ``monitor.core.expressions.IdList`` sends it (SQLite's ``json_each``, PostgreSQL's
    ``unnest``), so the statement is the same whatever the number of ids."""

    def __init__(self, name: str):
        super().__init__(name, output_field=models.BigIntegerField())

    def as_sql(self, compiler, connection):
        raise NotSupportedError("IdsSlot: SQLite and PostgreSQL only.")

    def as_sqlite(self, compiler, connection):
        return "(SELECT value FROM json_each(%s))", [self]

    def as_postgresql(self, compiler, connection):
        return "(SELECT unnest(%s::bigint[]))", [self]

    def db_value(self, value, connection):
        ids = [int(pk) for pk in value]
        return json.dumps(ids) if connection.vendor == "sqlite" else ids


class _Statement:
    def __init__(self, compiler, sql: str, params, select: bool):
        self.sql = sql
        self.params = list(params)
        self.slots = [(i, p) for i, p in enumerate(self.params) if isinstance(p, Slot)]
        self.compiler = compiler
        if select:
            fields = [s[0] for s in compiler.select[0 : compiler.col_count]]
            self.col_count = compiler.col_count
            self.trim = len(compiler.select) > compiler.col_count
            self.converters = compiler.get_converters(fields)

    def params_for(self, values: dict, connection) -> list:
        params = list(self.params)
        for i, slot in self.slots:
            params[i] = slot.db_value(values[slot.name], connection)
        return params


class Prepared:
    """A read (a ``values_list()`` queryset) or, with ``update``, a write, made by ``build()``
    with ``Slot``s for its values; compiled on its first run on each connection."""

    def __init__(self, model, build: Callable[[], models.QuerySet], *, update: dict | None = None):
        self.model = model
        self.build = build
        self.update = update

    def _statement(self, alias: str):
        connection = connections[alias]
        # Kept on the connection itself: it goes when the connection does (a thread's, with
        # its thread), and nothing else holds on to a connection.
        statements = connection.__dict__.setdefault("monitor_prepared", {})
        statement = statements.get(self)
        if statement is None:
            queryset = self.build()
            if self.update is None:
                compiler = queryset.query.get_compiler(using=alias)
                sql, params = compiler.as_sql()
                statement = _Statement(compiler, sql, params, select=True)
            else:
                query = queryset.query.chain(UpdateQuery)
                query.add_update_values(self.update)
                compiler = query.get_compiler(using=alias)
                sql, params = compiler.as_sql()
                statement = _Statement(compiler, sql, params, select=False)
            statements[self] = statement
        return connection, statement

    def db(self) -> str:
        """The database a read runs on (as the queryset's ``db`` would say)."""
        return router.db_for_read(self.model)

    def rows(self, **values) -> list[tuple]:
        """The rows, as tuples, as ``list(queryset)`` of the ``values_list()`` would give."""
        connection, statement = self._statement(self.db())
        with connection.cursor() as cursor:
            cursor.execute(statement.sql, statement.params_for(values, connection))
            rows = cursor.fetchall()
        if statement.trim:
            rows = [row[: statement.col_count] for row in rows]
        if statement.converters:
            rows = statement.compiler.apply_converters(rows, statement.converters)
        return [tuple(row) for row in rows]

    def execute(self, **values) -> int:
        """Run the update; the number of rows it changed."""
        connection, statement = self._statement(router.db_for_write(self.model))
        with connection.cursor() as cursor:
            cursor.execute(statement.sql, statement.params_for(values, connection))
            return cursor.rowcount


__all__ = ["IdsSlot", "Prepared", "Slot"]
