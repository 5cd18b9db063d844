import smtplib
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from kombu.exceptions import OperationalError

from portal import outbox, services
from portal.models import OutboundEmail
from portal.roles import COORDINATOR
from tests.factories import UserFactory

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
    old_suppressed = OutboundEmail.objects.create(dedupe_key="d", subject="S", status=OutboundEmail.Status.SUPPRESSED)
    long_ago = timezone.now() - timedelta(days=31)
    OutboundEmail.objects.filter(pk__in=[old_sent.pk, old_pending.pk, old_suppressed.pk]).update(created_at=long_ago)

    from portal.tasks import purge_old_emails

    assert purge_old_emails.delay().get() == 2
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


# --- Headers (conversations, RFC 3834) ------------------------------------------------------------------------


def test_automatic_emails_say_so_and_carry_the_headers_given(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.email_enqueue(
            to_address="person@example.org",
            subject="Re: your question",
            body_text="Answer.",
            dedupe_key="enquiry:1:reply:1",
            headers={
                "Message-ID": "<reply-1@migrant.example.gov.pl>",
                "In-Reply-To": "<question-1@example.org>",
                "References": "<question-1@example.org>",
            },
        )
    message = mail.outbox[0].message()
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["Message-ID"] == "<reply-1@migrant.example.gov.pl>"
    assert message["In-Reply-To"] == "<question-1@example.org>"
    assert message["References"] == "<question-1@example.org>"


def test_a_staff_reply_is_not_marked_automatic(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.email_enqueue(
            to_address="person@example.org",
            subject="Re: your question",
            body_text="Written by a person.",
            dedupe_key="enquiry:1:reply:2",
            auto_submitted=False,
        )
    assert mail.outbox[0].message()["Auto-Submitted"] is None


# --- No working secret left behind ---------------------------------------------------------------------------


def test_a_sent_email_keeps_metadata_only(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email = services.email_enqueue(
            to_address="Person@Example.org",
            subject="Your access code",
            body_text="Code: 1234-5678",
            body_html="<p>Code: 1234-5678</p>",
            dedupe_key="case-access-code:7:abc",
        )
    email.refresh_from_db()
    assert "1234-5678" in mail.outbox[0].body
    assert email.status == OutboundEmail.Status.SENT
    assert (email.to_address, email.body_text, email.body_html) == ("", "", "")
    assert email.recipient_domain == "example.org"
    assert email.recipient_hash == outbox.recipient_hash("person@example.org")
    assert email.kind == "case-access-code"
    assert email.subject == "Your access code"


def test_an_email_given_up_keeps_no_text_nor_address_and_its_error_names_no_one(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=False):
        email = enqueue()
    refusal = smtplib.SMTPRecipientsRefused({"person@example.org": (550, b"mailbox unavailable")})
    with mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=refusal):
        for _attempt in range(services.MAX_EMAIL_ATTEMPTS):
            with pytest.raises(smtplib.SMTPRecipientsRefused):
                services.email_send(email_id=email.pk)
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.FAILED
    assert (email.to_address, email.body_text) == ("", "")
    assert "SMTPRecipientsRefused" in email.last_error and "person@example.org" not in email.last_error


def test_the_database_refuses_a_finished_email_with_its_text():
    email = OutboundEmail.objects.create(
        dedupe_key="x", to_address="person@example.org", subject="S", body_text="secret link"
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        OutboundEmail.objects.filter(pk=email.pk).update(status=OutboundEmail.Status.SENT, sent_at=timezone.now())


def test_coordinators_see_metadata_but_never_the_text_or_address_in_the_admin(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        email = services.email_enqueue(
            to_address="person@example.org",
            subject="Confirm your appointment",
            body_text="https://migrant.example.gov.pl/en/appointments/booking/SECRET-TOKEN/",
            dedupe_key="appointment-confirm-request:1:0",
        )
    client.force_login(UserFactory(role=COORDINATOR, with_totp=True))
    listing = client.get("/admin/portal/outboundemail/").content.decode()
    detail = client.get(f"/admin/portal/outboundemail/{email.pk}/change/").content.decode()
    for page in (listing, detail):
        assert "Confirm your appointment" in page and "example.org" in page
        assert "SECRET-TOKEN" not in page and "person@example.org" not in page
    assert client.get("/admin/portal/outboundemail/?status__exact=failed").status_code == 200


def test_only_a_superuser_reads_the_text_of_an_email_still_waiting(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        email = services.email_enqueue(
            to_address="person@example.org", subject="S", body_text="WAITING-TEXT", dedupe_key="waiting:1"
        )
    client.force_login(UserFactory(is_superuser=True, with_totp=True))
    assert "WAITING-TEXT" in client.get(f"/admin/portal/outboundemail/{email.pk}/change/").content.decode()


def test_the_admin_lists_emails_in_a_constant_number_of_queries(
    client, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    client.force_login(UserFactory(role=COORDINATOR, with_totp=True))
    with django_capture_on_commit_callbacks(execute=True):
        enqueue("one")
    client.get("/admin/portal/outboundemail/")
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(5):
            services.email_enqueue(
                to_address=f"p{number}@example.org", subject="S", body_text="T", dedupe_key=f"many:{number}"
            )
    with CaptureQueriesContext(connection) as few:
        client.get("/admin/portal/outboundemail/")
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(5, 9):
            services.email_enqueue(
                to_address=f"p{number}@example.org", subject="S", body_text="T", dedupe_key=f"many:{number}"
            )
    with django_assert_max_num_queries(len(few)):
        client.get("/admin/portal/outboundemail/")


# --- E-mail bombing ------------------------------------------------------------------------------------------


def test_one_address_gets_at_most_the_hourly_limit_whatever_the_source(settings, django_capture_on_commit_callbacks):
    settings.EMAIL_PER_RECIPIENT_PER_HOUR = 3
    with django_capture_on_commit_callbacks(execute=True):
        rows = [
            services.email_enqueue(
                to_address=address, subject="S", body_text="T", dedupe_key=f"source-{number}:{number}"
            )
            for number, address in enumerate(
                ["victim@example.org", "VICTIM@example.org", "victim+1@example.org", "victim+2@example.org"]
            )
        ]
        other = services.email_enqueue(to_address="other@example.org", subject="S", body_text="T", dedupe_key="o")
    rows[3].refresh_from_db()
    assert rows[3].status == OutboundEmail.Status.SUPPRESSED
    assert (rows[3].to_address, rows[3].body_text) == ("", "")
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        ["victim@example.org", "VICTIM@example.org", "victim+1@example.org", "other@example.org"]
    )
    other.refresh_from_db()
    assert other.status == OutboundEmail.Status.SENT


def test_the_daily_limit_counts_the_last_24_hours(settings, django_capture_on_commit_callbacks):
    settings.EMAIL_PER_RECIPIENT_PER_HOUR = 100
    settings.EMAIL_PER_RECIPIENT_PER_DAY = 2
    with django_capture_on_commit_callbacks(execute=True):
        enqueue("a")
        enqueue("b")
    OutboundEmail.objects.update(created_at=timezone.now() - timedelta(hours=5))
    with django_capture_on_commit_callbacks(execute=True):
        third = enqueue("c")
    assert third.status == OutboundEmail.Status.SUPPRESSED
    OutboundEmail.objects.exclude(pk=third.pk).update(created_at=timezone.now() - timedelta(hours=25))
    with django_capture_on_commit_callbacks(execute=True):
        fourth = enqueue("d")
    fourth.refresh_from_db()
    assert fourth.status == OutboundEmail.Status.SENT
    assert len(mail.outbox) == 3


# --- Broker down, back-off, re-queue -------------------------------------------------------------------------


def test_a_broker_outage_at_commit_leaves_the_email_waiting_and_the_caller_unharmed(
    django_capture_on_commit_callbacks, caplog, settings
):
    from portal.celery import app as celery_app

    celery_app.conf.task_always_eager = False
    try:
        with (
            mock.patch("portal.tasks.send_email.apply_async", side_effect=OperationalError("Connection refused")),
            django_capture_on_commit_callbacks(execute=True),
        ):
            email = enqueue()
    finally:
        celery_app.conf.task_always_eager = True
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.PENDING
    assert "portal.tasks.send_email not queued: broker unavailable" in caplog.text
    later = timezone.now() + timedelta(seconds=settings.EMAIL_RESEND_AFTER_SECONDS)
    assert services.emails_due(now=later) == [email.pk]


def test_a_failed_attempt_is_retried_after_a_growing_delay_by_the_periodic_task(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        email = enqueue()
    assert services.emails_due() == []  # just queued: the worker has it
    with mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=TimeoutError("timed out")):
        from portal.tasks import send_email

        assert send_email.delay(email.pk).get() == "retry later"
        email.refresh_from_db()
        first_delay = email.next_attempt_at - timezone.now()
        with pytest.raises(TimeoutError):
            services.email_send(email_id=email.pk)
    email.refresh_from_db()
    second_delay = email.next_attempt_at - timezone.now()
    assert timedelta(seconds=20) < first_delay < second_delay <= timedelta(minutes=1)
    assert services.emails_due() == []
    from portal.tasks import resend_pending_emails

    with mock.patch("portal.outbox.timezone.now", return_value=timezone.now() + timedelta(minutes=2)):
        assert resend_pending_emails.delay().get() == 1
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT and email.attempts == 3
    assert len(mail.outbox) == 1
