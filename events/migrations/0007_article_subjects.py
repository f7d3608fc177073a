"""Every article's published events (weight 4) and their actors (weight 2) as its subjects,
as event saves will keep them (events.services.saving)."""

from django.db import migrations


def index_events(apps, schema_editor):
    Event = apps.get_model("events", "Event")
    Participation = apps.get_model("events", "Participation")
    ArticleSubject = apps.get_model("articles", "ArticleSubject")
    through = Event._meta.get_field("articles").remote_field.through
    published = Event.objects.filter(status="published")
    uuids = dict(published.values_list("pk", "uuid"))
    actors = {}
    for event_id, slug in Participation.objects.filter(event__in=published).values_list(
        "event_id", "actor__slug"
    ):
        actors.setdefault(event_id, set()).add(slug)
    rows = []
    for article_id, event_id in through.objects.filter(event__in=published).values_list(
        "article_id", "event_id"
    ):
        rows.append(ArticleSubject(article_id=article_id, key=f"event:{uuids[event_id]}", weight=4))
        rows += [
            ArticleSubject(article_id=article_id, key=f"actor:{slug}", weight=2)
            for slug in actors.get(event_id, ())
        ]
    ArticleSubject.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_article_subjects"),
        ("events", "0006_editorial_roles"),
    ]

    operations = [migrations.RunPython(index_events, migrations.RunPython.noop)]
