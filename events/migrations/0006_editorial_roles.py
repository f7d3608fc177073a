"""The newsroom's roles as groups: Contributor, Editor, Publisher (see docs/workflow.md)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTRIBUTOR = [
    "articles.add_article",
    "articles.change_article",
    "articles.view_article",
    "articles.submit_article",
    "articles.add_summarypoint",
    "articles.change_summarypoint",
    "articles.delete_summarypoint",
    "articles.view_summarypoint",
    "articles.add_note",
    "articles.change_note",
    "articles.delete_note",
    "articles.view_note",
    "articles.add_articleauthor",
    "articles.change_articleauthor",
    "articles.delete_articleauthor",
    "articles.view_articleauthor",
    "articles.view_author",
    "articles.view_topic",
    "articles.view_region",
    "articles.view_publication",
    "articles.view_outlet",
    "articles.view_source",
    "articles.view_citation",
    "articles.view_crossreference",
    "events.view_event",
    "events.view_actor",
    "events.view_place",
    "articles.view_articletransition",
    "articles.view_correction",
]
EDITOR = CONTRIBUTOR + [
    "articles.edit_any_article",
    "articles.review_article",
    "articles.add_author",
    "articles.change_author",
    "articles.add_topic",
    "articles.change_topic",
    "articles.add_region",
    "articles.change_region",
    "articles.add_outlet",
    "articles.change_outlet",
    "articles.add_outletalias",
    "articles.change_outletalias",
    "articles.delete_outletalias",
    "articles.view_outletalias",
    "articles.add_source",
    "articles.change_source",
    "articles.change_crossreference",
    "articles.view_unresolvedcrossreference",
    "articles.change_unresolvedcrossreference",
    "events.add_event",
    "events.change_event",
    "events.add_participation",
    "events.change_participation",
    "events.delete_participation",
    "events.view_participation",
    "events.add_eventquantity",
    "events.change_eventquantity",
    "events.delete_eventquantity",
    "events.view_eventquantity",
    "events.add_eventsource",
    "events.change_eventsource",
    "events.delete_eventsource",
    "events.view_eventsource",
    "events.add_actor",
    "events.change_actor",
    "events.add_actoralias",
    "events.change_actoralias",
    "events.delete_actoralias",
    "events.view_actoralias",
    "events.add_place",
    "events.change_place",
    "events.view_eventsuggestion",
    "events.change_eventsuggestion",
    "events.view_eventtype",
    "events.view_eventfamily",
]
PUBLISHER = EDITOR + ["articles.publish_article"]
ROLES = {"Contributor": CONTRIBUTOR, "Editor": EDITOR, "Publisher": PUBLISHER}


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, names in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        wanted = [n.split(".") for n in names]
        permissions = [
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in wanted
        ]
        group.permissions.set(permissions)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0005_event_modality_reported"),
        ("articles", "0004_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
