"""Seed the event codebook (families and types mapped to PLOVER and ACLED)."""

from django.db import migrations


def seed(apps, schema_editor):
    from events.taxonomy_codebook import FAMILIES, TYPES

    EventFamily = apps.get_model("events", "EventFamily")
    EventType = apps.get_model("events", "EventType")
    families = {}
    for position, (slug, name, colour, description) in enumerate(FAMILIES):
        families[slug], _ = EventFamily.objects.update_or_create(
            slug=slug,
            defaults={"name": name, "colour": colour, "description": description, "position": position},
        )
    for position, (family, slug, name, plover, mode, acled, acled_sub, description) in enumerate(TYPES):
        EventType.objects.update_or_create(
            slug=slug,
            defaults={
                "family": families[family],
                "name": name,
                "plover": plover,
                "plover_mode": mode,
                "acled_event_type": acled,
                "acled_sub_event_type": acled_sub,
                "description": description,
                "position": position,
            },
        )


def unseed(apps, schema_editor):
    from events.taxonomy_codebook import FAMILIES, TYPES

    apps.get_model("events", "EventType").objects.filter(slug__in=[t[1] for t in TYPES]).delete()
    apps.get_model("events", "EventFamily").objects.filter(slug__in=[f[0] for f in FAMILIES]).delete()


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
