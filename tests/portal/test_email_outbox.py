from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from portal import services
from portal.models import OutboundEmail

pytestmark = pytest.mark.django_db


def enqueue(key: str = "event-1:subscriber-1") -> OutboundEmail:
    return services.email_enqueue(
        to_address="person@example.org",
        subject="Status changed",
        body_text="Your case moved on.",
        dedupe_key=key,
    )


def test_email_is_sent_only_after_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        email = enqueue()
    assert len(mail.outbox) == 0
    for callback in callbacks:
        callback()
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT
    assert email.sent_at is not None
    assert [message.to for message in mail.outbox] == [["person@example.org"]]


def test_the_same_event_is_never_sent_twice(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = enqueue()
        second = enqueue()
    assert first.pk == second.pk
    services.email_send(email_id=first.pk)  # a retried task finds it already sent
    assert len(mail.outbox) == 1


def test_a_send_that_dies_midway_is_retried_and_then_sent_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        email = enqueue()
    with (
        mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=ConnectionError("SMTP went away")),
        pytest.raises(ConnectionError),
    ):
        services.email_send(email_id=email.pk)
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.PENDING
    assert email.attempts == 1
    assert "ConnectionError" in email.last_error
    assert len(mail.outbox) == 0

    services.email_send(email_id=email.pk)
    services.email_send(email_id=email.pk)
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT
    assert email.attempts == 2
    assert len(mail.outbox) == 1


def test_an_email_that_keeps_failing_is_given_up_and_visible(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        email = enqueue()
    with mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=OSError("refused")):
        for _attempt in range(services.MAX_EMAIL_ATTEMPTS):
            with pytest.raises(OSError):
                services.email_send(email_id=email.pk)
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.FAILED


def test_old_sent_emails_are_purged_and_recent_or_pending_ones_kept(settings, django_capture_on_commit_callbacks):
    settings.EMAIL_OUTBOX_RETENTION_DAYS = 30
    with django_capture_on_commit_callbacks(execute=True):
        old_sent, recent_sent = enqueue("a"), enqueue("b")
    with django_capture_on_commit_callbacks(execute=False):
        old_pending = enqueue("c")
    long_ago = timezone.now() - timedelta(days=31)
    OutboundEmail.objects.filter(pk__in=[old_sent.pk, old_pending.pk]).update(created_at=long_ago)

    from portal.tasks import purge_old_emails

    assert purge_old_emails.delay().get() == 1
    assert set(OutboundEmail.objects.values_list("pk", flat=True)) == {recent_sent.pk, old_pending.pk}


def test_email_text_and_address_stay_out_of_the_log(caplog, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        email = enqueue()
    with (
        mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=OSError("refused")),
        pytest.raises(OSError),
    ):
        services.email_send(email_id=email.pk)
    assert "person@example.org" not in caplog.text
    assert "Your case moved on" not in caplog.text
