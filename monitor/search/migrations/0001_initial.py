import django.contrib.postgres.search
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(choices=[("article", "Article"), ("event", "Event"), ("actor", "Actor")], max_length=8)),
                ("object_id", models.PositiveBigIntegerField()),
                ("title", models.CharField(max_length=300)),
                ("body", models.TextField(blank=True)),
                ("url", models.CharField(max_length=400)),
                ("date", models.DateField(blank=True, null=True)),
                ("date_label", models.CharField(blank=True, max_length=80)),
                ("publications", models.CharField(blank=True, max_length=200)),
                ("authors", models.TextField(blank=True)),
                ("topics", models.TextField(blank=True)),
                ("regions", models.TextField(blank=True)),
                ("search_vector", django.contrib.postgres.search.SearchVectorField(editable=False, null=True)),
                ("indexed_at", models.DateTimeField(auto_now=True)),
            ],
            options={
                "indexes": [models.Index(fields=["kind", "date"], name="search_document_kind_date")],
                "constraints": [models.UniqueConstraint(fields=("kind", "object_id"), name="search_document_unique")],
            },
        ),
    ]
