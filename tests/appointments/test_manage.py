"""Confirming a booking from the e-mail link, and the booking page with its cancel and move steps."""

import re
from datetime import timedelta

import pytest
from django.urls import resolve
from django.utils import timezone, translation

from appointments import services
from appointments.models import Booking, BookingSeat, Slot
from tests.appointments.conftest import CLIENT, first_bookable_slot
from tests.factories import URGENT_BANNER_QUERIES, url_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sent(monkeypatch):
    from appointments import emails

    outbox = []
    monkeypatch.setattr(emails, "send_confirmation_request", outbox.append, raising=False)
    monkeypatch.setattr(
        emails, "send_confirmed", lambda booking, moved=False: outbox.append(("confirmed", moved)), raising=False
    )
    monkeypatch.setattr(emails, "send_cancelled", lambda booking, by_staff=False: outbox.append("cancelled"),
                        raising=False)
    return outbox


def awaiting(schedule, *, people=1, after_days=2, email="olena@example.org") -> Booking:
    slot = first_bookable_slot(schedule, after_days=after_days)
    booking = services.hold_create(
        service_id=schedule.service_id, place_id=schedule.place_id, slot_id=slot.pk, people=people, language="en",
        client_key=CLIENT,
    )
    family = tuple(f"Person {n}" for n in range(2, people + 1))
    services.details_set(
        booking_id=booking.pk, details=services.Details("Olena Kovalenko", email, family_names=family),
        client_key=CLIENT,
    )
    return services.booking_submit(booking_id=booking.pk)


def confirmed(schedule, **kwargs) -> Booking:
    booking = awaiting(schedule, **kwargs)
    return services.booking_confirm(token=services.booking_token(booking, services.CONFIRM_SALT))


def confirm_url(booking):
    return url_in("en", "appointments:confirm", token=services.booking_token(booking, services.CONFIRM_SALT))


def manage_url(booking, name="appointments:booking"):
    return url_in("en", name, token=services.booking_token(booking, services.MANAGE_SALT))


def leads_to_page_of(url: str, booking: Booking, name="appointments:booking") -> bool:
    """Whether `url` is the page `name` of `booking` with a valid link (tokens carry a timestamp, so they differ)."""
    with translation.override(url.split("/")[1]):
        match = resolve(url)
    found = services.booking_from_token(match.kwargs["token"], services.MANAGE_SALT)
    return f"appointments:{match.url_name}" == name and found is not None and found.pk == booking.pk


def links_in(text: str) -> list[str]:
    return [link for link in re.findall(r'href="([^"]+)"', text) if link.startswith("/")]


def test_opening_the_confirmation_link_only_shows_a_button(client, consultation):
    booking = awaiting(consultation)
    page = client.get(confirm_url(booking))
    assert page.status_code == 200
    assert "Confirm my booking" in page.content.decode()
    booking.refresh_from_db()
    assert booking.status == Booking.Status.AWAITING_CONFIRMATION


def test_the_button_confirms_and_leads_to_the_booking_page(client, consultation, sent):
    booking = awaiting(consultation)
    response = client.post(confirm_url(booking))
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED and booking.checkin_code
    assert response.status_code == 302 and leads_to_page_of(response.url, booking)
    page = client.get(response.url).content.decode()
    assert booking.reference in page and booking.checkin_code in page
    assert "Your visit is booked" in page
    # A second click (or the link opened again) shows the same booking: nothing new, no second e-mail.
    again = client.post(confirm_url(booking))
    assert leads_to_page_of(again.url, booking)
    assert leads_to_page_of(client.get(confirm_url(booking)).url, booking)
    assert sent.count(("confirmed", False)) == 1


def test_a_confirmation_after_the_hold_ran_out_offers_the_times_again(client, consultation):
    booking = awaiting(consultation)
    Booking.objects.update(hold_expires_at=timezone.now() - timedelta(minutes=1))
    page = client.post(confirm_url(booking))
    assert page.status_code == 410
    assert "Your hold on this time has run out" in page.content.decode()
    assert url_in("en", "appointments:day_and_time", service_code="consultation",
                  place_slug=consultation.place.slug) in page.content.decode()
    assert client.get(confirm_url(booking)).status_code == 410


@pytest.mark.parametrize("name", ["appointments:confirm", "appointments:booking", "appointments:booking_cancel",
                                  "appointments:booking_move"])
def test_a_tampered_link_is_refused_without_an_error_page(client, consultation, name):
    booking = confirmed(consultation)
    token = services.booking_token(booking, services.MANAGE_SALT)
    for bad in (token[:-2] + "xx", "nonsense", services.booking_token(booking, "other-salt")):
        page = client.get(url_in("en", name, token=bad))
        assert page.status_code == 404
        assert "This link is not valid any more" in page.content.decode()


def test_the_booking_page_shows_what_the_person_needs(client, consultation, django_assert_num_queries):
    booking = confirmed(consultation, people=2)
    # the token's booking, the booking with service, place and guide, its seats, their slots, the place's kiosk
    with django_assert_num_queries(5 + URGENT_BANNER_QUERIES):
        page = client.get(manage_url(booking))
    text = page.content.decode()
    assert page.status_code == 200
    assert booking.reference in text and booking.checkin_code in text
    assert "Passport" in text and "Photo" in text
    assert "Person 2" in text
    assert consultation.place.street in text
    links = [link for link in links_in(text) if link.startswith("/en/appointments/booking/")]
    assert any(leads_to_page_of(link, booking, "appointments:booking_cancel") for link in links)
    assert any(leads_to_page_of(link, booking, "appointments:booking_move") for link in links)


def test_cancelling_asks_first_then_frees_the_time_and_ends_the_link(client, consultation, sent):
    booking = confirmed(consultation)
    url = manage_url(booking, "appointments:booking_cancel")
    page = client.get(url)
    assert "Yes, cancel my visit" in page.content.decode()
    response = client.post(url)
    assert response.url == url_in("en", "appointments:start")
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED_BY_PERSON
    assert "cancelled" in sent
    assert "is cancelled" in client.get(response.url).content.decode()
    # the old link is used up: a second click changes nothing
    assert client.post(url).status_code == 404
    assert client.get(manage_url(booking)).status_code == 200  # the new version's page still shows the status


def test_a_past_visit_cannot_be_cancelled_or_moved(client, consultation):
    booking = confirmed(consultation)
    Booking.objects.filter(pk=booking.pk).update(starts_at=timezone.now() - timedelta(hours=1))
    page = client.get(manage_url(booking))
    assert "Cancel my visit" not in page.content.decode()
    refused = client.post(manage_url(booking, "appointments:booking_cancel"))
    assert refused.status_code == 409
    assert "already passed" in refused.content.decode()
    assert client.get(manage_url(booking, "appointments:booking_move")).status_code == 409


def test_moving_takes_the_new_time_gives_up_the_old_and_leads_to_the_new_link(client, consultation, sent):
    booking = confirmed(consultation, people=2)
    old_slots = list(booking.seats.values_list("slot_id", flat=True))
    new_slot = first_bookable_slot(consultation, after_days=5)
    url = manage_url(booking, "appointments:booking_move")
    day = timezone.localtime(new_slot.starts_at, services.LOCAL_TIME).date()
    page = client.get(url, {"day": day.isoformat()})
    assert f'value="{new_slot.pk}"' in page.content.decode()
    response = client.post(url, {"slot": new_slot.pk, "day": day.isoformat()})
    booking.refresh_from_db()
    assert leads_to_page_of(response.url, booking)
    assert booking.starts_at == new_slot.starts_at
    seats = list(BookingSeat.objects.filter(booking=booking).order_by("position"))
    assert [seat.person_name for seat in seats] == ["Olena Kovalenko", "Person 2"]
    assert not set(old_slots) & {seat.slot_id for seat in seats}
    assert ("confirmed", True) in sent
    assert "Your visit is moved" in client.get(response.url).content.decode()
    assert client.post(url, {"slot": new_slot.pk}).status_code == 404  # the old link is used up


def test_moving_to_a_taken_time_keeps_the_booking_and_lists_other_times(client, consultation):
    booking = confirmed(consultation)
    taken = first_bookable_slot(consultation, after_days=5)
    Slot.objects.filter(pk=taken.pk).update(booked=F_capacity())
    page = client.post(manage_url(booking, "appointments:booking_move"), {
        "slot": taken.pk, "day": timezone.localtime(taken.starts_at, services.LOCAL_TIME).date().isoformat()
    })
    assert page.status_code == 409
    text = page.content.decode()
    assert "Someone has just taken this time" in text and 'name="slot"' in text
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED and booking.starts_at != taken.starts_at


def test_the_move_page_is_a_fragment_for_htmx(client, consultation):
    booking = confirmed(consultation)
    page = client.get(manage_url(booking, "appointments:booking_move"), headers={"HX-Request": "true"})
    assert "<html" not in page.content.decode() and "booking-calendar" in page.content.decode()


def F_capacity():
    from django.db.models import F

    return F("capacity")
