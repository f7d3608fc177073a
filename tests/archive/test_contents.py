"""monitor/archive/contents.py: every model is decided about, and tables load in order."""

import pytest
from django.apps import apps

from monitor.archive.contents import (
    DERIVED,
    EXCLUDED,
    EXPORTED,
    LEFT_OUT,
    SEEDED,
    dependency_order,
    exported_models,
    label,
    unclassified,
)


def test_every_model_is_exported_derived_or_excluded():
    # A new model fails here until contents.py says what an archive does with it.
    assert unclassified() == []


def test_the_lists_name_only_models_that_exist_and_each_once():
    named = [*EXPORTED, *DERIVED, *EXCLUDED]
    assert len(named) == len(set(named))
    for name in named:
        assert apps.get_model(name)
    assert set(SEEDED) <= EXPORTED and set(LEFT_OUT) <= EXPORTED


def test_left_out_fields_exist():
    for name, fields in LEFT_OUT.items():
        columns = {f.name for f in apps.get_model(name)._meta.concrete_fields}
        assert set(fields) <= columns, name


def test_each_table_comes_after_the_tables_it_points_at():
    tables = exported_models()
    seen = set()
    for model in tables:
        for field in model._meta.concrete_fields:
            if (
                field.is_relation
                and field.related_model in tables
                and field.related_model is not model
            ):
                assert field.related_model in seen, f"{label(model)}.{field.name}"
        seen.add(model)


def test_many_to_many_tables_follow_their_model():
    names = {label(model) for model in exported_models()}
    assert {"articles.article_topics", "events.event_articles", "subscribers.plan_publications",
            "auth.user_groups", "auth.group_permissions"} <= names  # fmt: skip


def test_dependency_order_keeps_the_given_order_where_it_can():
    needs = {"article": {"publication"}, "publication": set(), "topic": set()}
    assert dependency_order(["article", "publication", "topic"], needs) == [
        "publication",
        "article",
        "topic",
    ]


def test_a_cycle_is_an_error_naming_it():
    needs = {"a": {"b"}, "b": {"a"}, "c": set()}
    with pytest.raises(ValueError, match="cycle of dependencies between a, b"):
        dependency_order(["a", "b", "c"], needs)
