"""E-mails about a booking: in the booking's language, once each, the confirmation with its PDF and calendar file."""

import logging
from unittest import mock

import icalendar
import pytest
from django.core import mail

from appointments import documents, emails, services
from appointments.models import Booking, Slot
from portal import services as portal_services
from portal.models import OutboundEmail
from tests.appointments.helpers_docs import booking_confirmed_by_link

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """Run the outbox's after-commit sends of everything done inside the `with`."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_confirmation_request_links_the_confirm_page_and_says_how_long_the_time_is_held(consultation, sent, settings):
    settings.APPOINTMENT_HOLD_MINUTES = 10
    with sent():
        booking = booking_confirmed_by_link(consultation, language="en")

    request = mail.outbox[0]
    assert request.to == ["oksana@example.org"]
    assert request.subject == f"Confirm your appointment {booking.reference}"
    assert "for 10 minutes" in request.body
    link = f"{settings.SITE_URL}/en/appointments/confirm/"
    assert link in request.body
    token = request.body.split(link)[1].split("/")[0]
    assert services.booking_from_token(token, services.CONFIRM_SALT).pk == booking.pk


def test_emails_are_written_in_the_language_of_the_booking(consultation, sent, settings):
    with sent():
        booking = booking_confirmed_by_link(consultation, language="uk")

    assert f"{settings.SITE_URL}/uk/appointments/confirm/" in mail.outbox[0].body
    assert f"{settings.SITE_URL}/uk/appointments/booking/" in mail.outbox[1].body
    assert set(OutboundEmail.objects.values_list("language", flat=True)) == {"uk"}
    assert booking.language == "uk"


def test_confirmed_email_carries_the_pdf_and_the_calendar_file(consultation, sent):
    with sent():
        booking = booking_confirmed_by_link(consultation, language="en", people=2)

    confirmed = mail.outbox[-1]
    assert len(mail.outbox) == 2  # the request, then the confirmation
    assert confirmed.subject == f"Your appointment {booking.reference} is confirmed"
    assert booking.reference in confirmed.body
    assert booking.checkin_code in confirmed.body
    assert "Oksana Shevchenko" in confirmed.body and "Taras Shevchenko" in confirmed.body
    assert "Passport" in confirmed.body
    assert "/en/appointments/booking/" in confirmed.body
    files = {name: (content, mimetype) for name, content, mimetype in confirmed.attachments}
    assert set(files) == {f"appointment-{booking.reference}.pdf", f"appointment-{booking.reference}.ics"}
    pdf, pdf_type = files[f"appointment-{booking.reference}.pdf"]
    assert pdf.startswith(b"%PDF") and pdf_type == "application/pdf"
    ics, ics_type = files[f"appointment-{booking.reference}.ics"]
    assert ics_type == "text/calendar"
    assert icalendar.Calendar.from_ical(ics).walk("VEVENT")[0].decoded("dtstart") == booking.starts_at


def test_a_second_click_on_the_confirm_link_sends_nothing_more(consultation, sent):
    with sent():
        booking = booking_confirmed_by_link(consultation)
        services.booking_confirm(token=services.booking_token(
            Booking.objects.get(pk=booking.pk), services.CONFIRM_SALT
        ))
    assert len(mail.outbox) == 2


def test_a_moved_booking_gets_a_new_confirmation_with_the_new_time(consultation, sent):
    with sent():
        booking = booking_confirmed_by_link(consultation)
    other = Slot.objects.filter(service=consultation.service, starts_at__gt=booking.starts_at).order_by(
        "-starts_at"
    ).first()
    with sent():
        services.booking_move(booking_id=booking.pk, slot_id=other.pk, client_key="198.51.100.1")

    moved = mail.outbox[-1]
    assert len(mail.outbox) == 3
    assert moved.subject == f"Your appointment {booking.reference} has been moved"
    ics = dict((name[-3:], content) for name, content, _type in moved.attachments)["ics"]
    assert icalendar.Calendar.from_ical(ics).walk("VEVENT")[0].decoded("dtstart") == other.starts_at


@pytest.mark.parametrize(("by_staff", "words"), [(None, "as you asked"), (True, "the office had to cancel")])
def test_cancelling_a_confirmed_booking_tells_the_person(consultation, sent, by_staff, words, django_user_model):
    with sent():
        booking = booking_confirmed_by_link(consultation)
    staff = django_user_model.objects.create(email="desk@example.org", name="Desk") if by_staff else None
    with sent():
        services.booking_cancel(booking_id=booking.pk, by_staff=staff)

    cancelled = mail.outbox[-1]
    assert cancelled.subject == f"Your appointment {booking.reference} is cancelled"
    assert words in cancelled.body
    assert "/en/appointments/" in cancelled.body
    assert cancelled.attachments == []


def test_reminder_links_the_pdf_and_the_manage_page(consultation, sent):
    with sent():
        booking = booking_confirmed_by_link(consultation)
        emails.send_reminder(Booking.objects.select_related("service", "place").get(pk=booking.pk))

    reminder = mail.outbox[-1]
    assert reminder.subject == f"Reminder: your appointment {booking.reference}"
    assert "/confirmation.pdf" in reminder.body
    assert "/en/appointments/booking/" in reminder.body
    assert reminder.attachments == []


# --- The outbox's attachments -------------------------------------------------------------------------------


def enqueue_with(key: str) -> OutboundEmail:
    return portal_services.email_enqueue(
        to_address="person@example.org",
        subject="Your visit",
        body_text="See the files.",
        dedupe_key=f"test:{key}",
        attachments_key=key,
    )


def test_a_booking_cancelled_before_its_confirmation_left_is_sent_without_files(consultation, sent):
    booking = booking_confirmed_by_link(consultation)  # e-mails queued, not sent (no commit yet)
    Booking.objects.filter(pk=booking.pk).update(status=Booking.Status.CANCELLED_BY_PERSON)
    email = OutboundEmail.objects.get(dedupe_key=f"appointment-confirmed:{booking.pk}:0")

    portal_services.email_send(email_id=email.pk)

    assert mail.outbox[-1].attachments == []
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT


def test_files_that_cannot_be_built_are_retried_and_the_last_attempt_goes_without_them(consultation, caplog):
    booking = booking_confirmed_by_link(consultation)
    email = OutboundEmail.objects.get(dedupe_key=f"appointment-confirmed:{booking.pk}:0")
    caplog.set_level(logging.WARNING)

    with mock.patch.object(documents, "booking_pdf", side_effect=OSError("Pango went away")):
        for _attempt in range(portal_services.MAX_EMAIL_ATTEMPTS - 1):
            with pytest.raises(OSError):
                portal_services.email_send(email_id=email.pk)
        email.refresh_from_db()
        assert email.status == OutboundEmail.Status.PENDING
        assert "OSError" in email.last_error
        assert mail.outbox == []

        portal_services.email_send(email_id=email.pk)

    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT
    assert len(mail.outbox) == 1 and mail.outbox[0].attachments == []
    assert "oksana" not in caplog.text.lower()  # ids in the log, never the address or the name


def test_files_are_built_again_when_the_send_is_retried(consultation):
    booking = booking_confirmed_by_link(consultation)
    email = OutboundEmail.objects.get(dedupe_key=f"appointment-confirmed:{booking.pk}:0")
    with (
        mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=ConnectionError("SMTP away")),
        pytest.raises(ConnectionError),
    ):
        portal_services.email_send(email_id=email.pk)

    portal_services.email_send(email_id=email.pk)

    assert len(mail.outbox) == 1
    assert len(mail.outbox[0].attachments) == 2


@pytest.mark.parametrize("key", ["nobody:1", "booking:not-a-number", "booking:999999"])
def test_an_unknown_kind_or_a_missing_object_sends_the_email_without_files(key, sent):
    with sent():
        email = enqueue_with(key)
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT
    assert mail.outbox[0].attachments == []


def test_an_email_without_attachments_key_does_not_ask_any_builder(sent):
    builder = mock.Mock(return_value=[])
    portal_services.register_attachment_builder("spy", builder)
    with sent():
        portal_services.email_enqueue(
            to_address="person@example.org", subject="Hi", body_text="Text", dedupe_key="test:plain"
        )
    builder.assert_not_called()
    assert len(mail.outbox) == 1


def test_an_attachment_kind_cannot_contain_a_colon():
    with pytest.raises(ValueError):
        portal_services.register_attachment_builder("booking:pdf", lambda argument: [])


def test_appointments_register_their_builder_at_start_up():
    assert portal_services._attachment_builders["booking"] is documents.booking_attachments


def test_emails_do_not_log_personal_data(consultation, sent, caplog):
    caplog.set_level(logging.DEBUG)
    with sent():
        booking = booking_confirmed_by_link(consultation)
        services.booking_cancel(booking_id=booking.pk)
    assert "oksana" not in caplog.text.lower()
