"""E-mail updates: double opt-in, one message per change in the subscriber's language, never twice."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from cases import services, tasks
from cases.models import StatusEvent, Subscription
from portal.models import OutboundEmail
from tests.cases.test_lookup import look_up
from tests.factories import url_in

pytestmark = pytest.mark.django_db


def subscribe(client, email="anna@example.org", language="uk"):
    look_up(client, language=language)
    return client.post(url_in(language, "cases:result"), {"email": email})


def link_in(message, name: str) -> str:
    return re.search(rf"https?://\S+/{name}/\S+/", message.body).group(0).split("://", 1)[1].split("/", 1)[1]


def confirm(client, message):
    path = "/" + link_in(message, "confirm")
    assert client.get(path).status_code == 200
    assert Subscription.objects.get().confirmed_at is None  # opening the link alone (a mail scanner) is not enough
    client.post(path)


def change_status(case, status, django_capture_on_commit_callbacks, days=1):
    with django_capture_on_commit_callbacks(execute=True):
        return services.case_status_set(
            case=case,
            status=status,
            occurred_at=timezone.now() + timedelta(minutes=days),
            channel=StatusEvent.Channel.ADMIN,
        )


def test_nothing_is_sent_about_the_case_before_the_address_confirms(
    client, make_case, statuses, django_capture_on_commit_callbacks
):
    case = make_case("filed")
    with django_capture_on_commit_callbacks(execute=True):
        response = subscribe(client)
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "підтвердити" in mail.outbox[0].body.lower() or "підтверд" in mail.outbox[0].body
    change_status(case, statuses["formal-check"], django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1


def test_a_confirmed_subscriber_hears_of_each_change_once_in_their_language(
    client, make_case, statuses, django_capture_on_commit_callbacks
):
    case = make_case("filed")
    with django_capture_on_commit_callbacks(execute=True):
        subscribe(client)
    confirm(client, mail.outbox[0])
    event, _created = change_status(case, statuses["personal-appearance"], django_capture_on_commit_callbacks)
    message = mail.outbox[-1]
    assert message.to == ["anna@example.org"]
    assert statuses["personal-appearance"].name_uk in message.body
    assert "1234.2026" in message.subject  # the end of the number, so the reader recognises the case
    assert "6151" not in message.subject + message.body  # and not the whole number
    assert "/uk/case-status/" in message.body
    # The task runs again (a retry, a second worker): still one message.
    with django_capture_on_commit_callbacks(execute=True):
        tasks.notify_subscribers(event.pk)
    assert OutboundEmail.objects.filter(dedupe_key__startswith=f"case-event:{event.pk}:").count() == 1
    assert len(mail.outbox) == 2


def test_a_notification_run_that_dies_midway_is_retried_without_sending_twice(
    client, make_case, statuses, django_capture_on_commit_callbacks
):
    case = make_case("filed")
    for address in ("a@example.org", "b@example.org", "c@example.org"):
        Subscription.objects.create(case=case, email=address, language="pl", confirmed_at=timezone.now())
    event, _created = services.case_status_set(
        case=case, status=statuses["review"], occurred_at=timezone.now(), channel=StatusEvent.Channel.ADMIN
    )
    real_enqueue = services.email_enqueue
    calls = []

    def dies_on_the_second(**kwargs):
        calls.append(kwargs["to_address"])
        if len(calls) == 2:
            raise ConnectionError("worker killed")
        return real_enqueue(**kwargs)

    with (
        django_capture_on_commit_callbacks(execute=True),
        mock.patch("cases.services.email_enqueue", side_effect=dies_on_the_second),
        pytest.raises(ConnectionError),
    ):
        services.subscribers_notify(event_id=event.pk)
    assert [message.to[0] for message in mail.outbox] == ["a@example.org"]
    with django_capture_on_commit_callbacks(execute=True):
        services.subscribers_notify(event_id=event.pk)
    assert sorted(message.to[0] for message in mail.outbox) == ["a@example.org", "b@example.org", "c@example.org"]


def test_the_unsubscribe_link_deletes_the_address(client, make_case, statuses, django_capture_on_commit_callbacks):
    case = make_case("filed")
    with django_capture_on_commit_callbacks(execute=True):
        subscribe(client, language="pl")
    confirm(client, mail.outbox[0])
    change_status(case, statuses["review"], django_capture_on_commit_callbacks)
    stop_path = "/" + link_in(mail.outbox[-1], "stop")
    assert client.get(stop_path).status_code == 200
    client.post(stop_path)
    assert not Subscription.objects.exists()
    assert client.post(stop_path).status_code == 200  # a second click is harmless


def test_tampered_and_expired_confirmation_links_are_refused(client, make_case, django_capture_on_commit_callbacks):
    make_case("filed")
    with django_capture_on_commit_callbacks(execute=True):
        subscribe(client)
    path = "/" + link_in(mail.outbox[0], "confirm")
    assert client.post(path[:-3] + "xx/").status_code == 404
    with mock.patch("django.core.signing.time.time", return_value=timezone.now().timestamp() + 4 * 24 * 3600):
        assert client.post(path).status_code == 404
    assert Subscription.objects.get().confirmed_at is None


def test_a_bad_address_gets_a_message_and_subscriptions_are_limited_per_case(client, make_case):
    case = make_case("filed")
    response = subscribe(client, email="not-an-address")
    assert response.status_code == 400
    assert response.context["subscription_form"].errors["email"] == ["Введіть правильну адресу електронної пошти."]
    for number in range(services.SUBSCRIPTIONS_PER_CASE):
        Subscription.objects.create(case=case, email=f"p{number}@example.org", language="pl")
    assert client.post(reverse("cases:result"), {"email": "late@example.org"}).status_code == 400


def test_with_htmx_the_updates_section_is_answered_in_place(client, make_case, django_capture_on_commit_callbacks):
    make_case("filed")
    look_up(client)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("cases:result"), {"email": "anna@example.org"}, HTTP_HX_REQUEST="true")
    text = response.content.decode()
    assert response.status_code == 200 and text.startswith('<section id="updates"')
    assert 'role="status"' in text and len(mail.outbox) == 1
    invalid = client.post(reverse("cases:result"), {"email": "nope"}, HTTP_HX_REQUEST="true")
    assert invalid.status_code == 200 and "errorlist" in invalid.content.decode()
