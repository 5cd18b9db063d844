"""E-mail into the enquiry desk end to end, with the real models: `manage.py receive_email` fed the real `.eml`
files of tests/infopoints/eml/, and the IMAP poll task against a real Dovecot (the fixtures of test_imap)."""

import imaplib
import io
import threading
from pathlib import Path
from unittest import mock

import pytest
from celery.exceptions import Retry
from django.core.management import CommandError, call_command
from django.db import OperationalError, connection, connections

from infopoints import services
from infopoints.models import Enquiry, EnquiryMessage
from infopoints.services.enquiries import stable_message_id
from infopoints.tasks.mail import poll_enquiry_mailbox
from portal.models import OutboundEmail
from tests.infopoints.enquiry_helpers import Mail, media_in_tmp  # noqa: F401 (autouse fixture)
from tests.infopoints.test_imap import deliver, dovecot, mailbox, uids  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db

EML = Path(__file__).parent / "eml"


def receive_file(name: str) -> str:
    out = io.StringIO()
    call_command("receive_email", stdin=io.BytesIO((EML / name).read_bytes()), stdout=out)
    return out.getvalue().strip()


def enquiry_with_reference(reference: str) -> Enquiry:
    """An e-mail enquiry renumbered to the reference a real reply in eml/ carries in its subject."""
    enquiry = services.enquiry_receive_email(message=Mail(message_id=f"<setup-{reference}@example.org>"))
    Enquiry.objects.filter(pk=enquiry.pk).update(reference=reference)
    enquiry.refresh_from_db()
    return enquiry


def test_a_persons_mail_piped_in_opens_a_new_enquiry_with_its_decoded_text_and_a_confirmation(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        output = receive_file("utf8_polish_quoted_printable.eml")
    assert output.startswith("accepted: ")
    enquiry = Enquiry.objects.get()
    assert enquiry.channel == Enquiry.Channel.EMAIL and enquiry.language == "pl"
    assert enquiry.subject == "Pytanie o kartę pobytu – jak długo?"
    assert enquiry.requester_email == "zaneta@example.net"
    message = enquiry.messages.get()
    assert message.kind == EnquiryMessage.Kind.INCOMING and message.email_message_id == "<pl-utf8-1@example.net>"
    assert "jak długo czeka się na kartę pobytu w Poznaniu" in message.body
    confirmation = OutboundEmail.objects.get(dedupe_key=f"enquiry-confirmation:{enquiry.pk}")
    assert enquiry.reference in confirmation.subject


def test_a_reply_naming_the_reference_in_its_subject_joins_that_enquiry_and_reopens_it():
    enquiry = enquiry_with_reference("ZG-2026-004211")
    Enquiry.objects.filter(pk=enquiry.pk).update(status=Enquiry.Status.ANSWERED)
    assert receive_file("windows1250_outlook_reply.eml").startswith("accepted: ")
    assert Enquiry.objects.count() == 1
    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.IN_PROGRESS
    latest = enquiry.messages.order_by("-pk").first()
    assert latest.email_message_id == "<AM0PR01MB1234@eurprd01.prod.example.com>"
    assert latest.body.startswith("Dziękuję za odpowiedź. Przesyłam brakujące zaświadczenie")


def test_a_reply_without_a_reference_joins_by_in_reply_to_the_message_we_sent():
    enquiry = enquiry_with_reference("ZG-2026-000077")
    EnquiryMessage.objects.create(
        enquiry=enquiry, kind=EnquiryMessage.Kind.OUTGOING, body="Odpowiedź.",
        email_message_id="<enquiry-77-reply-1@example.gov.pl>",
    )  # fmt: skip
    assert receive_file("koi8r_russian_base64_reply.eml").startswith("accepted: ")
    assert Enquiry.objects.count() == 1
    latest = enquiry.messages.order_by("-pk").first()
    assert latest.kind == EnquiryMessage.Kind.INCOMING
    assert latest.email_message_id == "<CAB-ru-koi8-1@mail.example.com>"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("auto_submitted_auto_replied.eml", "auto-reply"),
        ("precedence_auto_reply.eml", "auto-reply"),
        ("x_autoreply.eml", "auto-reply"),
        ("delivery_status_notification.eml", "bounce"),
        ("mailer_daemon_sender.eml", "bounce"),
        ("read_receipt.eml", "bounce"),
    ],
)
def test_auto_replies_and_bounces_never_open_an_enquiry_and_are_never_answered(
    name, reason, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert receive_file(name) == f"rejected: {reason}"
    assert not Enquiry.objects.exists() and not EnquiryMessage.objects.exists()
    assert not OutboundEmail.objects.exists()


def test_a_bounce_naming_an_enquirys_reference_adds_nothing_to_it():
    enquiry = enquiry_with_reference("ZG-2026-004211")
    assert receive_file("delivery_status_notification.eml") == "rejected: bounce"
    assert enquiry.messages.count() == 1


def test_the_same_message_delivered_twice_is_stored_once_and_confirmed_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = receive_file("utf8_polish_quoted_printable.eml")
        second = receive_file("utf8_polish_quoted_printable.eml")
    assert first == second and first.startswith("accepted: ")
    assert Enquiry.objects.count() == 1 and EnquiryMessage.objects.count() == 1
    assert OutboundEmail.objects.count() == 1


def test_mail_without_a_message_id_gets_a_stable_one_so_a_second_delivery_is_recognised():
    receive_file("no_message_id.eml")
    receive_file("no_message_id.eml")
    message = EnquiryMessage.objects.get()
    assert message.email_message_id.endswith("@no-message-id.invalid>")


def test_the_desk_gives_a_stable_message_id_itself_when_handed_mail_without_one():
    mail = Mail(message_id="")
    first = services.enquiry_receive_email(message=mail)
    again = services.enquiry_receive_email(message=Mail(message_id=""))
    other = services.enquiry_receive_email(message=Mail(message_id="", text="Inne pytanie."))
    assert first == again != other
    assert first.messages.get().email_message_id == stable_message_id(mail) != ""


def test_a_bad_file_is_left_out_with_a_note_and_the_text_is_kept():
    from tests.infopoints.enquiry_helpers import PDF, Attachment

    enquiry = services.enquiry_receive_email(
        message=Mail(attachments=[Attachment("virus.pdf", "application/pdf", b"MZ\x90\x00"),
                                  Attachment("scan.pdf", "application/pdf", PDF)])
    )  # fmt: skip
    incoming = enquiry.messages.get(kind=EnquiryMessage.Kind.INCOMING)
    assert incoming.body.startswith("Dzień dobry") and incoming.attachment_count == 1
    assert "virus.pdf" in enquiry.messages.get(kind=EnquiryMessage.Kind.NOTE).body


def test_a_database_failure_is_a_temporary_failure_for_the_mail_server():
    with (
        mock.patch("infopoints.services.enquiry_mail._email_store", side_effect=OperationalError("db down")),
        pytest.raises(CommandError) as failure,
    ):
        receive_file("utf8_polish_quoted_printable.eml")
    assert failure.value.returncode == 75
    assert not Enquiry.objects.exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs a database with concurrent writers")
def test_the_same_message_delivered_twice_at_the_same_moment_is_stored_once():
    attempts = 8
    start = threading.Barrier(attempts)
    results, errors = [], []

    def attempt() -> None:
        try:
            start.wait()
            results.append(services.enquiry_receive_email(message=Mail(message_id="<race@example.org>")).pk)
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt) for _ in range(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert EnquiryMessage.objects.filter(email_message_id="<race@example.org>").count() == 1
    assert len(set(results)) == 1 and len(results) == attempts


# --- The IMAP poll as a Celery task, storing real enquiries --------------------------------------------------------


def test_the_poll_task_stores_real_enquiries_joins_replies_and_takes_nothing_the_second_time(
    mailbox, django_capture_on_commit_callbacks  # noqa: F811
):
    enquiry = enquiry_with_reference("ZG-2026-004211")
    deliver(mailbox, "utf8_polish_quoted_printable.eml", "windows1250_outlook_reply.eml",
            "x_autoreply.eml", "delivery_status_notification.eml")  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        result = poll_enquiry_mailbox.apply().get()
    assert result == {"accepted": 2, "rejected": 2, "failed": 0, "skipped": False}
    assert Enquiry.objects.count() == 2
    assert enquiry.messages.filter(email_message_id="<AM0PR01MB1234@eurprd01.prod.example.com>").exists()
    assert Enquiry.objects.filter(channel=Enquiry.Channel.EMAIL, requester_email="zaneta@example.net").exists()
    assert uids(mailbox, "UNSEEN") == []

    # Delivered again (say a poll died before marking it seen): recognised by its Message-ID.
    deliver(mailbox, "utf8_polish_quoted_printable.eml")
    again = poll_enquiry_mailbox.apply().get()
    assert again["accepted"] == 1
    assert Enquiry.objects.count() == 2 and EnquiryMessage.objects.filter(
        email_message_id="<pl-utf8-1@example.net>"
    ).count() == 1


@pytest.mark.parametrize("error", [OSError("connection refused"), imaplib.IMAP4.error("LOGIN failed")])
def test_the_poll_task_retries_with_growing_back_off_when_the_mail_server_fails(error):
    with (
        mock.patch("infopoints.imap_poll.poll_mailbox", side_effect=error),
        mock.patch.object(poll_enquiry_mailbox, "retry", side_effect=Retry()) as retry,
        pytest.raises(Retry),
    ):
        poll_enquiry_mailbox()
    assert retry.call_args.kwargs["exc"] is error and retry.call_args.kwargs["countdown"] == 60


def test_the_mailbox_is_polled_by_beat_every_two_minutes(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["enquiry-mailbox"]
    assert entry == {"task": "infopoints.tasks.poll_enquiry_mailbox", "schedule": 120}
    from portal.queue import task_named

    assert task_named(entry["task"]).name == poll_enquiry_mailbox.name
