"""Admin logins limited per account and per address (django-axes), with an unlock path."""

import pytest
from django.core.management import call_command
from django.test import Client

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def limit(settings):
    settings.AXES_FAILURE_LIMIT = 3  # each wrong password costs a password hash


LOGIN = "/admin/login/?next=/admin/"


def _try(client, username, password, address="192.0.2.10"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_wrong_passwords_pause_the_account_until_an_administrator_unlocks_it(settings):
    editor = factories.user("Editor", username="ed")
    editor.set_password("the right one")
    editor.save()
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _try(client, "ed", "wrong").status_code == 200  # the form, with its error
    paused = _try(client, "ed", "wrong")
    assert paused.status_code == 429 and "Sign-in paused" in paused.text
    # The right password is refused too while the account is paused, from any address.
    assert _try(client, "ed", "the right one", address="198.51.100.7").status_code == 429
    call_command("axes_reset_username", "ed", verbosity=0)
    assert _try(client, "ed", "the right one").status_code == 302


def test_one_address_trying_many_accounts_is_paused(settings):
    client = Client()
    for n in range(settings.AXES_FAILURE_LIMIT):
        _try(client, f"guess{n}", "wrong", address="203.0.113.5")
    user = factories.user("Editor", username="someone")
    user.set_password("right")
    user.save()
    assert _try(client, "someone", "right", address="203.0.113.5").status_code == 429
    assert _try(client, "someone", "right", address="203.0.113.6").status_code == 302
