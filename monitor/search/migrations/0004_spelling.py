"""What spelling suggestions read: on SQLite the FTS5 index's own vocabulary (an fts5vocab
table over ``search_fts``), on PostgreSQL the pg_trgm extension (trigram similarity)."""

from django.db import migrations

STATEMENTS = {
    "postgresql": (
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        "SELECT 1",  # the extension may serve other databases' objects: left in place
    ),
    "sqlite": (
        "CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_fts, 'row')",
        "DROP TABLE IF EXISTS search_vocab",
    ),
}


def create(apps, schema_editor):
    if statements := STATEMENTS.get(schema_editor.connection.vendor):
        schema_editor.execute(statements[0])


def drop(apps, schema_editor):
    if statements := STATEMENTS.get(schema_editor.connection.vendor):
        schema_editor.execute(statements[1])


class Migration(migrations.Migration):
    dependencies = [("search", "0003_search_document_entry")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
