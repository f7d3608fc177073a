"""Fixtures shared by the whole suite."""

import pytest

from tests import factories

pytest_plugins = ["tests.subscribers.fixtures"]


@pytest.fixture
def publication(db):
    return factories.publication()


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.create_superuser(
        "editor", "editor@example.org", "correct-horse-9"
    )


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
