"""Fixtures shared by the whole suite."""

import pytest

from tests import factories

pytest_plugins = ["tests.subscribers.fixtures"]


@pytest.fixture
def publication(db):
    return factories.publication()


@pytest.fixture
def editor(db, django_user_model):
    # No password: tests log in with force_login, and hashing one costs a second per test.
    return django_user_model.objects.create_superuser("editor", "editor@example.org", None)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts from an empty cache (the configured one: Redis in CI), so that no
    page cached by one test is served to the next."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def reseeded(transactional_db):
    """A committing test's database with the migration-seeded rows in place (see tests/seeds.py)."""
    from tests.seeds import reseed

    reseed()
