"""Cancelling "by the office": a confirmation page that asks why, the reason in the person's e-mail in their
language, the time passed on as before, and the audit trail."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from appointments import services
from appointments.models import Booking, Slot
from appointments.services import BookingError
from portal import roles
from portal.models import AuditEvent, OutboundEmail
from tests.appointments.test_staff import day_url, staff_book, started_today
from tests.factories import PlaceFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    translation.activate("en")
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def desk(client, place):
    user = UserFactory(role=roles.INFO_POINT_STAFF, with_totp=True)
    user.places.add(place)
    client.force_login(user)
    return user


def cancel_url(booking) -> str:
    return reverse("appointments_staff:booking_cancel", args=[booking.place.slug, booking.pk])


def test_the_cancel_button_opens_a_confirmation_that_changes_nothing(client, consultation, desk):
    booking = staff_book(consultation, desk, email="anna@example.org")
    page = client.get(cancel_url(booking))
    content = page.content.decode()
    assert page.status_code == 200
    assert booking.reference in content and 'name="reason"' in content and 'name="note"' in content
    assert "<fieldset" in content and "Keep the visit" in content
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED


def test_a_cancellation_without_a_reason_is_refused_with_a_message(client, consultation, desk):
    booking = staff_book(consultation, desk)
    response = client.post(cancel_url(booking), {"reason": "", "note": ""})
    assert response.status_code == 400
    assert "Choose why the visit is cancelled." in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode() or "id_reason_error" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED


def test_another_reason_needs_a_note(client, consultation, desk):
    booking = staff_book(consultation, desk)
    response = client.post(cancel_url(booking), {"reason": Booking.CancelReason.OTHER, "note": " "})
    assert response.status_code == 400 and "the person needs to know why" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED


def test_an_unknown_reason_is_refused(client, consultation, desk):
    booking = staff_book(consultation, desk)
    assert client.post(cancel_url(booking), {"reason": "bored"}).status_code == 400
    with pytest.raises(BookingError) as error:
        services.booking_cancel(booking_id=booking.pk, by_staff=desk, reason="bored")
    assert error.value.code == "cancel_reason"


def test_a_confirmed_cancellation_frees_the_time_records_the_reason_and_goes_back_to_the_day(
    client, consultation, desk
):
    booking = staff_book(consultation, desk)
    slot = booking.seats.get().slot
    response = client.post(cancel_url(booking), {"reason": Booking.CancelReason.NO_STAFF, "note": "Sorry!"})
    assert response.status_code == 302
    assert response.url.endswith(f"#booking-{booking.pk}") and day_url(consultation.place) in response.url
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED_BY_STAFF
    assert (booking.cancel_reason, booking.cancel_note) == (Booking.CancelReason.NO_STAFF, "Sorry!")
    assert booking.seats.get().released
    assert Slot.objects.get(pk=slot.pk).booked == 1  # held back for the waiting list or the pool, as before
    event = AuditEvent.objects.get(action="booking.cancel")
    assert event.changes == {"status": ["confirmed", "cancelled_staff"], "cancel_reason": ["", "no_staff"]}
    assert "Sorry" not in str(event.changes)
    assert "Cancelled by the office" in client.get(response.url).content.decode()


def test_the_reason_is_in_the_persons_email_in_their_language(
    client, consultation, desk, django_capture_on_commit_callbacks
):
    booking = staff_book(consultation, desk, email="olena@example.org", language="uk")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(cancel_url(booking), {"reason": Booking.CancelReason.CLOSED, "note": "Ремонт у залі."})
    assert OutboundEmail.objects.get(dedupe_key=f"appointment-cancelled:{booking.pk}").language == "uk"
    [email] = mail.outbox
    with translation.override("uk"):
        reason = str(Booking.CancelReason.CLOSED.label)
        why = translation.gettext("Why:")
    assert email.to == ["olena@example.org"]
    assert reason != Booking.CancelReason.CLOSED.label and reason in email.body
    assert why != "Why:" and f"{why} {reason}." in email.body
    assert "Ремонт у залі." in email.body


def test_a_person_who_cancels_themselves_gets_no_office_reason(consultation, desk):
    booking = staff_book(consultation, desk)
    services.booking_cancel(booking_id=booking.pk)
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED_BY_PERSON and booking.cancel_reason == ""


def test_a_past_visit_cannot_be_cancelled_and_the_page_says_why(client, consultation, desk):
    booking = started_today(staff_book(consultation, desk))
    response = client.get(cancel_url(booking), follow=True)
    assert "already passed" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED


def test_staff_of_another_place_and_staff_without_the_right_cannot_cancel(client, consultation, desk):
    booking = staff_book(consultation, desk)
    elsewhere = UserFactory(role=roles.INFO_POINT_STAFF, with_totp=True)
    elsewhere.places.add(PlaceFactory(slug="kalisz"))
    client.force_login(elsewhere)
    assert client.get(cancel_url(booking)).status_code == 404
    assert client.post(cancel_url(booking), {"reason": "closed"}).status_code == 404
    coordinator = UserFactory(role=roles.COORDINATOR, with_totp=True)
    client.force_login(coordinator)
    assert client.post(cancel_url(booking), {"reason": "closed"}).status_code == 403
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED


def test_the_database_keeps_a_reason_only_on_a_booking_the_office_cancelled(consultation, desk):
    from django.db import IntegrityError, transaction

    booking = staff_book(consultation, desk)
    with pytest.raises(IntegrityError), transaction.atomic():
        Booking.objects.filter(pk=booking.pk).update(cancel_reason="closed")
