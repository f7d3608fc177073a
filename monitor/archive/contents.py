"""What an archive holds: every model of the installed apps is exported, derived (rebuilt
after an import) or excluded, each for a stated reason; fields that hold secrets are left out.

A model missing from all three lists fails ``tests/archive/test_contents.py``, so a new
model is a decision, not an accident. Proxy models share their concrete model's table, and
a many-to-many table follows the model that declares it. No database access here.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.db import models

from monitor.subscribers.webhooks.signing import salt_new

# Rows and files that make the site: the newsroom's material and who made it.
EXPORTED = {
    "articles.publication",
    "articles.author",
    "articles.topic",
    "articles.region",
    "articles.article",
    "articles.articleauthor",
    "articles.summarypoint",
    "articles.note",
    "articles.outlet",
    "articles.outletalias",
    "articles.source",
    "articles.citation",
    "articles.citationnotunderstood",
    "articles.crossreference",
    "articles.articletransition",
    "articles.correction",
    "articles.articlerevision",
    "articles.workingcopy",
    "articles.previewlink",
    "articles.changesequence",
    "articles.change",
    "events.actor",
    "events.actoralias",
    "events.affiliation",
    "events.place",
    "events.eventfamily",
    "events.eventtype",
    "events.event",
    "events.participation",
    "events.eventquantity",
    "events.eventsource",
    "events.eventevidence",
    "events.eventsuggestion",
    "subscribers.plan",
    "subscribers.subscriber",
    "subscribers.apikey",
    "subscribers.usageday",
    "subscribers.endpoint",
    "subscribers.delivery",
    "subscribers.attempt",
    # The newsroom's accounts (no passwords) and roles: revisions, transitions and
    # corrections name who made them.
    "auth.user",
    "auth.group",
    "admin.logentry",
}

# Rebuilt from the exported rows after an import, by the services the write path uses.
DERIVED = {
    "articles.articlepage": "stored pages and list items: articles.services.pages",
    "articles.articlesubject": "what articles are about: topics, regions, events, actors",
    "articles.relatedarticle": "related lists: articles.services.related",
    "articles.homelists": "the home page's lists: articles.services.home, on the first request",
    "search.searchdocument": "the search index: monitor.search.services.search_reindex",
    "events.timelineentry": "timelines' events in order: events.services.timelines",
    "events.timelinecount": "timelines' counts and partners: events.services.timelines",
    "events.timelinepage": "timelines' pages as readers saw them, stored again when read",
    "events.storedpage": "actor, two-actor and place pages whole, stored again when read",
    "events.eventrepresentation": "events as the API writes them: events.services.representations",
}

# Not in the archive, and why.
EXCLUDED = {
    "contenttypes.contenttype": "made by migrate for the running code; named by natural key",
    "auth.permission": "made by migrate for the running code; named by natural key",
    "sessions.session": "sign-ins of the old site: everyone signs in again",
    "axes.accessattempt": "sign-in failures of the old site (addresses)",
    "axes.accesslog": "sign-ins of the old site (addresses)",
    "axes.accessfailurelog": "sign-in failures of the old site (addresses)",
    "axes.accessattemptexpiration": "when the old site's sign-in pauses end",
    "django_tasks_database.dbtaskresult": "queued work would run again (webhooks sent twice); "
    "scheduled publications are queued again on import",
}


def _unusable() -> str:
    """A value no password, key or token hashes to ("!" is no hex digit), unique per row."""
    return make_password(None)


# Fields left out of the archive (secrets, and what secrets are made from), and what an
# import gives each instead: accounts without a password, keys and preview links that
# match nothing, webhook endpoints with a new secret.
LEFT_OUT = {
    "auth.user": {"password": _unusable},
    "subscribers.apikey": {"hashed_key": _unusable},
    "articles.previewlink": {"token_hash": _unusable},
    "subscribers.endpoint": {
        "secret_salt": salt_new,
        "previous_secret_salt": str,
        "previous_secret_expires_at": lambda: None,
    },
}

# Exported models the migrations fill (the codebook, the roles, the read-everything plan,
# the change counter): an import replaces their rows with the archive's.
SEEDED = ["events.eventtype", "events.eventfamily", "subscribers.plan", "auth.group",
          "articles.changesequence"]  # fmt: skip

# Models that rows of another database name by natural key, since their ids differ between
# databases migrated at different times.
NATURAL_KEYS = {
    "contenttypes.contenttype": ("app_label", "model"),
    "auth.permission": ("content_type__app_label", "content_type__model", "codename"),
}


def label(model: type[models.Model]) -> str:
    return model._meta.label_lower


def owner(model: type[models.Model]) -> type[models.Model]:
    """The model whose rows decide a table's fate: the concrete model of a proxy, the model
    declaring a many-to-many field for its table."""
    if model._meta.proxy:
        return model._meta.concrete_model
    if model._meta.auto_created:
        for candidate in apps.get_models():
            if any(f.remote_field.through is model for f in candidate._meta.local_many_to_many):
                return candidate
    return model


def unclassified() -> list[str]:
    """Models of the installed apps the archive has not decided about."""
    decided = EXPORTED | DERIVED.keys() | EXCLUDED.keys()
    return sorted(
        label(m)
        for m in apps.get_models(include_auto_created=True)
        if label(owner(m)) not in decided
    )


def exported_models() -> list[type[models.Model]]:
    """Every table the archive holds, in dependency order: a row's foreign keys point only
    at tables before it (a self-reference excepted: constraints are checked at commit)."""
    tables = [
        m
        for m in apps.get_models(include_auto_created=True)
        if not m._meta.proxy and label(owner(m)) in EXPORTED
    ]
    needs = {
        m: {
            f.related_model
            for f in m._meta.concrete_fields
            if f.is_relation and f.related_model in tables and f.related_model is not m
        }
        for m in tables
    }
    return dependency_order(tables, needs)


def dependency_order(items: list, needs: dict) -> list:
    """``items`` sorted so that each comes after those it ``needs``, otherwise in the given
    order. A cycle is a ValueError naming what is in it."""
    ordered, placed = [], set()
    while len(ordered) < len(items):
        ready = next((i for i in items if i not in placed and needs[i] <= placed), None)
        if ready is None:
            cycle = sorted(str(i) for i in items if i not in placed)
            raise ValueError(f"A cycle of dependencies between {', '.join(cycle)}.")
        ordered.append(ready)
        placed.add(ready)
    return ordered


def archived_fields(model: type[models.Model]) -> list[models.Field]:
    """The model's columns the archive holds: every concrete field but the left-out ones."""
    left_out = LEFT_OUT.get(label(model), {})
    return [f for f in model._meta.concrete_fields if f.name not in left_out]


def natural_key(field: models.Field) -> tuple[str, ...] | None:
    """How the archive names the row a foreign key points at, when not by its id."""
    if field.is_relation and field.related_model is not None:
        return NATURAL_KEYS.get(label(field.related_model))
    return None
