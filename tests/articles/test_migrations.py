"""Migrations that move data: run backwards and forwards on the test database's engine."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("articles", "0020_author_public_articles")]
AFTER = [("articles", "0021_article_text_last")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def test_text_last_keeps_articles_ids_and_statistics_and_puts_the_text_last():
    apps = _migrate(BEFORE)
    try:
        Publication = apps.get_model("articles", "Publication")
        Article = apps.get_model("articles", "Article")
        publication = Publication.objects.create(
            name="EDM", short_name="EDM", slug="edm", first_year=2004
        )
        now = dt.datetime(2025, 8, 21, 9, tzinfo=dt.UTC)
        kept = Article.objects.create(
            publication=publication, title="Kept", slug="kept", body="The *text*.",
            body_html="<p>The <em>text</em>.</p>", status="published", published_at=now,
            created_at=now, updated_at=now, version=3,
        )  # fmt: skip
        gone = Article.objects.create(
            publication=publication, title="Gone", slug="gone", body="x", status="draft",
            created_at=now, updated_at=now, version=1,
        )  # fmt: skip
        gone_id = gone.pk
        gone.delete()
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute('ANALYZE "articles_article"')

        apps = _migrate(AFTER)
    finally:
        _migrate(_leaves())

    Article = apps.get_model("articles", "Article")
    row = Article.objects.values("title", "body", "body_html", "status", "version").get(pk=kept.pk)
    assert row == {
        "title": "Kept", "body": "The *text*.", "body_html": "<p>The <em>text</em>.</p>",
        "status": "published", "version": 3,
    }  # fmt: skip
    # A deleted article's id is never given again.
    again = Article.objects.create(
        publication_id=kept.publication_id, title="New", slug="new", body="y", status="draft",
        created_at=now, updated_at=now, version=1,
    )  # fmt: skip
    assert again.pk > gone_id
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            columns = [
                column.name
                for column in connection.introspection.get_table_description(
                    cursor, "articles_article"
                )
            ]
        assert columns[-2:] == ["body", "body_html"]
        # The planner's statistics of the table are made again (they went with the old one).
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'articles_article'")
            assert cursor.fetchone()[0] > 0


def _leaves():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()
