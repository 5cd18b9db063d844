"""After "send": the e-mail sent again (limited, the hold extended once), the code typed on the page, a lost link,
and what the booking page says about checking in (kiosk or desk)."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone

from appointments import services
from appointments.models import Booking
from appointments.tokens import booking_confirmation_code
from infopoints.models import Device
from tests.appointments.conftest import CLIENT, first_bookable_slot
from tests.factories import URGENT_BANNER_QUERIES, url_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def held_and_sent(client, schedule, *, email="olena@example.org") -> Booking:
    """A booking submitted from this browser's session, as after pressing "send"."""
    slot = first_bookable_slot(schedule)
    booking = services.hold_create(
        service_id=schedule.service_id, place_id=schedule.place_id, slot_id=slot.pk, people=1, language="en",
        client_key=CLIENT,
    )
    services.details_set(booking_id=booking.pk, details=services.Details("Olena Kovalenko", email),
                         client_key=CLIENT)
    services.booking_submit(booking_id=booking.pk)
    session = client.session
    session["appointment_hold"] = booking.pk
    session.save()
    booking.refresh_from_db()
    return booking


def done_url():
    return url_in("en", "appointments:done")


# --- Sending the e-mail again --------------------------------------------------------------------------------


def test_the_email_is_sent_again_three_times_and_the_first_time_extends_the_hold(client, consultation, sent):
    booking = held_and_sent(client, consultation)
    first_expiry = booking.hold_expires_at
    with sent():
        response = client.post(done_url(), {"action": "resend"})
    assert response.status_code == 302 and response["Location"] == done_url()
    booking.refresh_from_db()
    assert booking.hold_extended and booking.hold_expires_at > first_expiry
    extended = booking.hold_expires_at
    assert len(mail.outbox) == 1 and booking_confirmation_code(booking) in mail.outbox[-1].body

    with sent():
        for _ in range(2):
            assert client.post(done_url(), {"action": "resend"}).status_code == 302
    booking.refresh_from_db()
    assert booking.hold_expires_at == extended  # extended once only
    assert booking.confirmation_emails == 1 + services.RESENDS and len(mail.outbox) == services.RESENDS
    page = client.get(done_url()).content.decode()
    assert "Send the e-mail again" not in page and "We cannot send it again" in page

    with sent():
        refused = client.post(done_url(), {"action": "resend"})
    assert refused.status_code == 400 and "already sent this e-mail several times" in refused.content.decode()
    assert len(mail.outbox) == services.RESENDS


def test_the_email_cannot_be_sent_again_once_the_hold_ran_out(client, consultation):
    booking = held_and_sent(client, consultation)
    Booking.objects.filter(pk=booking.pk).update(hold_expires_at=timezone.now() - timedelta(seconds=1))
    page = client.get(done_url()).content.decode()
    assert "Your hold on this time has run out" in page and "Send the e-mail again" not in page
    response = client.post(done_url(), {"action": "resend"})
    assert response.status_code == 302 and response["Location"] == url_in("en", "appointments:start")
    with pytest.raises(services.BookingError) as error:
        services.booking_confirmation_resend(booking_id=booking.pk)
    assert error.value.code == "expired"


# --- The code typed on the page ------------------------------------------------------------------------------


def test_the_code_from_the_email_confirms_on_the_same_page(client, consultation, sent):
    booking = held_and_sent(client, consultation)
    page = client.get(done_url())
    assert 'autocomplete="one-time-code"' in page.content.decode()
    with sent():
        response = client.post(done_url(), {"code": " " + booking_confirmation_code(booking) + " "})
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED and booking.checkin_code
    assert response.status_code == 302 and "/appointments/booking/" in response["Location"]
    assert "appointment_hold" not in client.session
    assert mail.outbox[-1].subject.endswith("is confirmed")


def test_a_wrong_code_is_refused_and_counted_and_five_close_the_code_way(client, consultation):
    booking = held_and_sent(client, consultation)
    right = booking_confirmation_code(booking)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    response = client.post(done_url(), {"code": wrong})
    assert response.status_code == 400 and "not the one in our e-mail" in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    for _ in range(services.confirmation.CODE_ATTEMPTS - 1):
        response = client.post(done_url(), {"code": wrong})
    assert response.status_code == 429 and "too many times" in response.content.decode()
    # Even the right code no longer works that way; the link still does.
    assert client.post(done_url(), {"code": right}).status_code == 429
    booking.refresh_from_db()
    assert booking.status == Booking.Status.AWAITING_CONFIRMATION
    assert booking.code_attempts == services.confirmation.CODE_ATTEMPTS
    services.booking_confirm(token=services.booking_token(booking, services.CONFIRM_SALT))


def test_an_empty_code_is_asked_for_and_a_code_after_the_hold_ran_out_is_refused(client, consultation):
    booking = held_and_sent(client, consultation)
    assert "Enter the code from the e-mail" in client.post(done_url(), {"code": ""}).content.decode()
    Booking.objects.filter(pk=booking.pk).update(hold_expires_at=timezone.now() - timedelta(seconds=1))
    response = client.post(done_url(), {"code": booking_confirmation_code(booking)})
    assert response.status_code == 302 and response["Location"] == url_in("en", "appointments:start")
    booking.refresh_from_db()
    assert booking.status == Booking.Status.AWAITING_CONFIRMATION


def test_the_done_page_takes_a_fixed_number_of_queries(client, consultation, django_assert_num_queries):
    held_and_sent(client, consultation)
    cache.clear()
    with django_assert_num_queries(2 + URGENT_BANNER_QUERIES):  # the session, the booking
        assert client.get(done_url()).status_code == 200


# --- I lost my booking link ----------------------------------------------------------------------------------


def confirmed(consultation, client) -> Booking:
    booking = held_and_sent(client, consultation)
    return services.booking_confirm(token=services.booking_token(booking, services.CONFIRM_SALT))


def test_a_lost_link_is_sent_to_the_bookings_address_with_the_same_answer_as_for_an_unknown_one(
    client, consultation, sent
):
    booking = confirmed(consultation, client)
    mail.outbox.clear()
    url = url_in("en", "appointments:lost_link")
    with sent():
        known = client.post(url, {"email": "OLENA@example.org", "reference": ""}, follow=True)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["olena@example.org"] and booking.reference in message.body
    assert re.search(r"/en/appointments/booking/[^/\s]+/", message.body)
    with sent():
        unknown = client.post(url, {"email": "nobody@example.org", "reference": ""}, follow=True)
        wrong_reference = client.post(url, {"email": "olena@example.org", "reference": "ZZZZZZ"}, follow=True)
    assert len(mail.outbox) == 1  # nothing for an unknown address or reference

    def answer(response):
        text = response.content.decode()
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", text[text.index("<main"):])

    assert known.status_code == unknown.status_code == wrong_reference.status_code == 200
    assert answer(known) == answer(unknown) == answer(wrong_reference)
    assert "If there is an upcoming booking made with this address" in answer(known)
    assert "example.org" not in known.redirect_chain[0][0]


def test_lost_link_requests_are_rate_limited_without_telling_whether_a_booking_exists(client, consultation):
    confirmed(consultation, client)
    url = url_in("en", "appointments:lost_link")
    answers = [client.post(url, {"email": "olena@example.org"}).status_code for _ in range(4)]
    assert answers == [302, 302, 302, 429]
    other = [client.post(url, {"email": f"p{n}@example.org"}).status_code for n in range(3)]
    assert other == [302, 429, 429]  # five an hour from one connection, whatever the address


def test_a_lost_link_form_with_a_bad_address_says_so(client, db):
    response = client.post(url_in("en", "appointments:lost_link"), {"email": "not-an-address"})
    assert response.status_code == 400 and "Enter a valid e-mail address" in response.content.decode()


# --- Kiosk or desk -------------------------------------------------------------------------------------------


def test_the_booking_page_names_the_kiosk_only_where_one_stands(client, consultation):
    booking = confirmed(consultation, client)
    url = url_in("en", "appointments:booking", token=services.booking_token(booking, services.MANAGE_SALT))
    text = client.get(url).content.decode()
    assert "give it at the information desk" in text and "kiosk" not in text
    Device.objects.create(place=consultation.place, kind=Device.Kind.KIOSK, name="entrance",
                          enrolled_at=timezone.now())
    assert "type it at the kiosk at the entrance" in client.get(url).content.decode()
    Device.objects.update(revoked_at=timezone.now())
    assert "kiosk" not in client.get(url).content.decode()
