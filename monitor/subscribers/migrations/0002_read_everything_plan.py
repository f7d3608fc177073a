"""Seed the "Everything" plan: every publication, events and embargoed items, for demos and tests."""

from django.db import migrations

EVERYTHING = {
    "name": "Everything",
    "description": "Every publication, events and embargoed articles. For demos, staff and tests.",
    "all_publications": True,
    "includes_events": True,
    "includes_embargoed": True,
    "rate": "10000/hour",
}


def create_plan(apps, schema_editor):
    Plan = apps.get_model("subscribers", "Plan")
    Plan.objects.get_or_create(slug="everything", defaults=EVERYTHING)


def remove_plan(apps, schema_editor):
    Plan = apps.get_model("subscribers", "Plan")
    Plan.objects.filter(slug="everything", subscribers__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("subscribers", "0001_initial")]

    operations = [migrations.RunPython(create_plan, remove_plan)]
