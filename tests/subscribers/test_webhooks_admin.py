"""The webhook admin: a new endpoint's secret is shown once; rotation; refused URLs."""

import pytest
from django.contrib.messages import get_messages

from monitor.subscribers.models import Subscriber
from monitor.subscribers.webhooks.models import Endpoint

ADD = "/admin/subscribers/endpoint/add/"


@pytest.fixture
def subscriber(everything):
    return Subscriber.objects.create(name="Desk", plan=everything)


def form(subscriber, url):
    return {"subscriber": subscriber.pk, "url": url, "event_types": '["*"]', "is_active": "on"}


@pytest.mark.django_db
def test_adding_an_endpoint_shows_its_secret_once(editor_client, subscriber):
    response = editor_client.post(ADD, form(subscriber, "https://93.184.215.14/hook"))
    assert response.status_code == 302
    [message] = [str(m) for m in get_messages(response.wsgi_request) if "whsec_" in str(m)]
    endpoint = Endpoint.objects.get()
    assert endpoint.secret_salt and "whsec_" not in str(Endpoint.objects.values().get())
    change = f"/admin/subscribers/endpoint/{endpoint.pk}/change/"
    assert message.split()[-1] in editor_client.get(change).content.decode()  # the message
    assert message.split()[-1] not in editor_client.get(change).content.decode()  # then never
    response = editor_client.post(
        "/admin/subscribers/endpoint/", {"action": "rotate", "_selected_action": [endpoint.pk]}
    )
    assert any("New secret" in str(m) for m in get_messages(response.wsgi_request))
    endpoint.refresh_from_db()
    assert endpoint.previous_secret_salt and endpoint.previous_secret_expires_at


@pytest.mark.django_db
def test_a_private_address_is_refused_in_the_form(editor_client, subscriber):
    response = editor_client.post(ADD, form(subscriber, "https://192.168.0.10/hook"))
    assert response.status_code == 200 and "private address" in response.content.decode()
    assert not Endpoint.objects.exists()
