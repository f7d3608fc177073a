"""An article's text and its HTML become the last columns of the articles table on SQLite.

SQLite stores a row's columns in order and a row longer than a page in a chain of overflow
pages: every column after the body (status, date, publication, version) was reached by
walking the body's 20 KB or so. Checking 400 articles' status for search read 2,000 pages
(5.5 ms at 100,000 articles; 0.45 ms with the text last). The state moves the two fields
to the end (later rebuilds of the table keep that order); the table is rebuilt once, with
its data, indexes and constraints, by Django's own SQLite rebuild, and keeps counting ids
from where it was. PostgreSQL keeps long
values out of line already: nothing is done there.
"""

import django.core.validators
from django.db import migrations, models

BODY = models.TextField(
    blank=True,
    help_text="Markdown, with citations in the house style; at most 200,000 characters.",
    validators=[
        django.core.validators.MaxLengthValidator(
            200000,
            "An article's text can be at most 200,000 characters; this one has "
            "%(show_value)s. Shorten it or split it into parts: nothing was saved, and the "
            "text is still here.",
        )
    ],
)


def text_last(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = 'articles_article'")
        row = cursor.fetchone()
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
        analyzed = cursor.fetchone() is not None
        if analyzed:
            cursor.execute("SELECT 1 FROM sqlite_stat1 WHERE tbl = 'articles_article' LIMIT 1")
            analyzed = cursor.fetchone() is not None
    schema_editor._remake_table(apps.get_model("articles", "Article"))
    with schema_editor.connection.cursor() as cursor:
        if row:
            # The rebuilt table counts from its largest id: the ids of deleted articles above
            # it must not be given again (the change feed, the search index and subscribers
            # know them).
            cursor.execute(
                "UPDATE sqlite_sequence SET seq = MAX(seq, %s) WHERE name = 'articles_article'",
                [row[0]],
            )
        if analyzed:
            # The planner's statistics went with the old table: without them, a check of a
            # few hundred ids by their status scans every public article's index entry
            # (60 ms at 100,000) instead of looking the ids up.
            cursor.execute('ANALYZE "articles_article"')


class Migration(migrations.Migration):
    dependencies = [("articles", "0020_author_public_articles")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField("article", "body"),
                migrations.AddField("article", "body", BODY),
                migrations.RemoveField("article", "body_html"),
                migrations.AddField(
                    "article", "body_html", models.TextField(blank=True, editable=False)
                ),
            ]
        ),
        migrations.RunPython(text_last, migrations.RunPython.noop),
    ]
