"""Each document's place in the index (``entry_key``): newest first, and on SQLite its FTS5 key."""

from django.db import migrations, models

from monitor.search.models import entry_key


def key_entries(apps, schema_editor):
    SearchDocument = apps.get_model("search", "SearchDocument")
    rows = SearchDocument.objects.only("pk", "date").order_by("pk")
    batch = []
    for document in rows.iterator(chunk_size=2000):
        document.entry = entry_key(document.date, document.pk)
        batch.append(document)
        if len(batch) == 2000:
            SearchDocument.objects.bulk_update(batch, ["entry"])
            batch = []
    SearchDocument.objects.bulk_update(batch, ["entry"])
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DELETE FROM search_fts")
        schema_editor.execute(
            "INSERT INTO search_fts (rowid, title, body) SELECT entry, title, body FROM search_searchdocument"
        )


def key_ids(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DELETE FROM search_fts")
        schema_editor.execute(
            "INSERT INTO search_fts (rowid, title, body) SELECT id, title, body FROM search_searchdocument"
        )


class Migration(migrations.Migration):
    dependencies = [("search", "0002_full_text_index")]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="entry",
            field=models.BigIntegerField(default=0, editable=False),
        ),
        migrations.AddIndex(
            model_name="searchdocument",
            index=models.Index(fields=["entry"], name="search_document_entry"),
        ),
        migrations.RunPython(key_entries, key_ids, elidable=False),
    ]
