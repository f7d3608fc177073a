"""The full-text index each database keeps: a GIN index on PostgreSQL, an FTS5 table on SQLite."""

from django.db import migrations

# vendor: (create, drop); other databases get neither and search without an index.
STATEMENTS = {
    "postgresql": (
        "CREATE INDEX search_document_vector ON search_searchdocument USING gin (search_vector)",
        "DROP INDEX IF EXISTS search_document_vector",
    ),
    "sqlite": (
        "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, tokenize='porter unicode61')",
        "DROP TABLE IF EXISTS search_fts",
    ),
}


def create_index(apps, schema_editor):
    if statements := STATEMENTS.get(schema_editor.connection.vendor):
        schema_editor.execute(statements[0])


def drop_index(apps, schema_editor):
    if statements := STATEMENTS.get(schema_editor.connection.vendor):
        schema_editor.execute(statements[1])


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
