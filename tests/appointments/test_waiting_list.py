"""The waiting list: double opt-in, a freed seat offered to the next person, claimed by a click, passed on if not."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from appointments import services, waiting_list
from appointments.models import Booking, SeatReturn, Slot, WaitingListEntry
from portal.models import OutboundEmail
from tests.appointments.conftest import CLIENT, first_bookable_slot
from tests.appointments.helpers_waiting import booking_confirmed_at_once, link_in_last_email, record_booking_emails
from tests.factories import URGENT_BANNER_QUERIES, url_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(monkeypatch):
    return record_booking_emails(monkeypatch)


def join(client, schedule, *, email="maria@example.com", name="Maria Ivanova", language="en", **extra):
    return client.post(
        url_in(language, "appointments:waiting_join"),
        {"service": schedule.service.code, "place": schedule.place.slug, "name": name, "email": email, **extra},
    )


def waiting(schedule, email, *, name="Maria Ivanova", language="en") -> WaitingListEntry:
    """Someone joined and confirmed, through the services."""
    outcome = waiting_list.waiting_join(
        service=schedule.service, place=schedule.place, name=name, email=email, language=language,
        client_key=CLIENT,
    )
    assert outcome == waiting_list.JoinOutcome.SENT
    entry = WaitingListEntry.objects.get(email_key=email.lower(), status=WaitingListEntry.Status.UNCONFIRMED)
    assert waiting_list.waiting_confirm(token=waiting_list.entry_token(entry, waiting_list.CONFIRM_SALT))
    entry.refresh_from_db()
    return entry


def test_joining_sends_a_link_and_only_its_button_puts_the_person_on_the_list(client, consultation):
    page = client.get(
        url_in("en", "appointments:waiting_join"), {"service": "consultation", "place": consultation.place.slug}
    )
    assert page.status_code == 200
    assert 'name="website"' in page.content.decode()  # the honeypot

    response = join(client, consultation)
    assert response.status_code == 302
    assert response.url == url_in("en", "appointments:waiting_sent")
    assert "maria" not in response.url
    entry = WaitingListEntry.objects.get()
    assert entry.status == WaitingListEntry.Status.UNCONFIRMED

    confirm_path = link_in_last_email("maria@example.com", "waiting/confirm")
    assert client.get(confirm_path).status_code == 200  # a mail scanner opening the link confirms nothing
    entry.refresh_from_db()
    assert entry.status == WaitingListEntry.Status.UNCONFIRMED
    assert client.post(confirm_path).status_code == 200
    entry.refresh_from_db()
    assert entry.status == WaitingListEntry.Status.WAITING
    assert entry.confirmed_at is not None
    assert client.post(confirm_path).status_code == 200  # a second click changes nothing


def test_joining_again_gives_the_same_answer_and_keeps_one_entry(client, consultation):
    first = join(client, consultation)
    entry = WaitingListEntry.objects.get()
    waiting_list.waiting_confirm(token=waiting_list.entry_token(entry, waiting_list.CONFIRM_SALT))
    again = join(client, consultation, email=" MARIA@example.com ")
    assert first.status_code == again.status_code == 302
    assert first.url == again.url
    assert WaitingListEntry.objects.count() == 1
    assert OutboundEmail.objects.filter(to_address="maria@example.com").count() == 2  # confirm, then "already on"


def test_a_filled_honeypot_gets_the_same_answer_and_nothing_is_stored(client, consultation):
    response = join(client, consultation, website="http://spam.example")
    assert response.status_code == 302
    assert not WaitingListEntry.objects.exists()
    assert not OutboundEmail.objects.exists()


def test_joining_is_limited_per_email_address(client, consultation, settings):
    settings.APPOINTMENT_EMAILS_PER_HOUR = 2
    assert join(client, consultation).status_code == 302
    assert join(client, consultation).status_code == 302
    limited = join(client, consultation)
    assert limited.status_code == 429
    assert "Too many attempts" in limited.content.decode()


def test_joining_is_limited_per_client_address(client, consultation, settings):
    settings.APPOINTMENT_HOLDS_PER_HOUR = 2
    for number in range(2):
        assert join(client, consultation, email=f"person{number}@example.com").status_code == 302
    assert join(client, consultation, email="another@example.com").status_code == 429


def test_no_service_or_an_unknown_one_lists_the_visits_to_choose_from(client, consultation):
    for params in ({}, {"service": "nope", "place": consultation.place.slug}):
        page = client.get(url_in("en", "appointments:waiting_join"), params)
        assert page.status_code == 200
        assert "?service=consultation&amp;place=" in page.content.decode()


def test_a_cancelled_booking_is_offered_to_the_first_confirmed_person(consultation, sent):
    slot = first_bookable_slot(consultation)
    booking = booking_confirmed_at_once(consultation, email="holder@example.com", slot=slot)
    first = waiting(consultation, "first@example.com", name="First Person")
    second = waiting(consultation, "second@example.com", name="Second Person")
    booked_before = Slot.objects.get(pk=slot.pk).booked

    before = timezone.now()
    services.booking_cancel(booking_id=booking.pk)

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == WaitingListEntry.Status.OFFERED
    assert second.status == WaitingListEntry.Status.WAITING
    offer = first.offer
    assert offer.status == Booking.Status.HELD
    assert offer.channel == Booking.Channel.WAITING_LIST
    assert (offer.name, offer.email) == ("First Person", "first@example.com")
    assert offer.seats.get().slot_id == slot.pk
    hours = timedelta(hours=4)
    assert before + hours <= offer.hold_expires_at <= timezone.now() + hours
    assert Slot.objects.get(pk=slot.pk).booked == booked_before  # the seat was passed on, not freed
    assert not SeatReturn.objects.exists()
    assert "waiting/claim/" in OutboundEmail.objects.filter(to_address="first@example.com").latest("pk").body_text


def test_an_offer_ends_one_hour_before_the_visit_and_none_is_made_too_close_to_it(consultation):
    entry = waiting(consultation, "first@example.com")
    slot = first_bookable_slot(consultation)
    services.seats_take([slot])
    assert waiting_list.offer_seat(slot=slot, now=slot.starts_at - timedelta(hours=2))
    entry.refresh_from_db()
    assert entry.offer.hold_expires_at == slot.starts_at - timedelta(hours=1)

    later = first_bookable_slot(consultation, after_days=3)
    waiting(consultation, "second@example.com")
    assert not waiting_list.offer_seat(slot=later, now=later.starts_at - timedelta(minutes=70))


def test_claiming_confirms_the_booking_once(client, consultation, sent):
    booking = booking_confirmed_at_once(consultation, email="holder@example.com")
    entry = waiting(consultation, "first@example.com")
    services.booking_cancel(booking_id=booking.pk)
    claim_path = link_in_last_email("first@example.com", "waiting/claim")

    page = client.get(claim_path)
    assert page.status_code == 200
    assert "Take this time" in page.content.decode()
    entry.refresh_from_db()
    assert entry.offer.status == Booking.Status.HELD  # opening the link claims nothing

    response = client.post(claim_path)
    assert response.status_code == 302
    offer = Booking.objects.get(pk=entry.offer_id)
    assert offer.status == Booking.Status.CONFIRMED
    assert len(offer.checkin_code) == 6
    assert offer.hold_expires_at is None
    entry.refresh_from_db()
    assert entry.status == WaitingListEntry.Status.BOOKED
    assert sent.count(("send_confirmed", offer.pk)) == 1

    assert client.post(claim_path).status_code == 302  # a double click: still one booking, one e-mail
    assert sent.count(("send_confirmed", offer.pk)) == 1
    page = client.get(claim_path).content.decode()
    assert offer.reference in page


def test_an_unclaimed_offer_goes_to_the_next_person_and_the_first_goes_to_the_end(client, consultation, sent):
    slot = first_bookable_slot(consultation)
    booking = booking_confirmed_at_once(consultation, email="holder@example.com", slot=slot)
    first = waiting(consultation, "first@example.com")
    second = waiting(consultation, "second@example.com")
    services.booking_cancel(booking_id=booking.pk)
    first.refresh_from_db()
    claim_path = link_in_last_email("first@example.com", "waiting/claim")
    booked = Slot.objects.get(pk=slot.pk).booked

    later = timezone.now() + timedelta(hours=5)
    assert services.holds_expire(now=later) == 1

    second.refresh_from_db()
    assert second.status == WaitingListEntry.Status.OFFERED
    assert second.offer.seats.get().slot_id == slot.pk
    assert Booking.objects.get(pk=first.offer_id).status == Booking.Status.EXPIRED
    first.refresh_from_db()
    assert first.status == WaitingListEntry.Status.WAITING
    assert first.confirmed_at > second.confirmed_at  # at the end of the list
    assert Slot.objects.get(pk=slot.pk).booked == booked

    refused = client.post(claim_path)
    assert refused.status_code == 409
    assert "run out" in refused.content.decode()


def test_a_tampered_or_foreign_link_is_refused(client, consultation, sent):
    booking = booking_confirmed_at_once(consultation, email="holder@example.com")
    entry = waiting(consultation, "first@example.com")
    services.booking_cancel(booking_id=booking.pk)
    claim_path = link_in_last_email("first@example.com", "waiting/claim")
    tampered = claim_path[:-3] + ("A" if claim_path[-3] != "A" else "B") + claim_path[-2:]
    assert client.get(tampered).status_code == 404
    assert client.post(tampered).status_code == 404
    # A signed booking link of another kind (the manage link of a web booking) does not claim anything.
    manage = services.booking_token(booking, services.MANAGE_SALT)
    assert client.get(url_in("en", "appointments:waiting_claim", token=manage)).status_code == 404
    leave_with_confirm_token = waiting_list.entry_token(entry, waiting_list.CONFIRM_SALT)
    assert client.post(url_in("en", "appointments:waiting_leave", token=leave_with_confirm_token)).status_code == 404
    assert client.get(url_in("en", "appointments:waiting_confirm", token="nonsense")).status_code == 404


def test_leaving_while_holding_an_offer_passes_it_on_at_once(client, consultation, sent):
    booking = booking_confirmed_at_once(consultation, email="holder@example.com")
    first = waiting(consultation, "first@example.com")
    second = waiting(consultation, "second@example.com")
    services.booking_cancel(booking_id=booking.pk)
    leave_path = link_in_last_email("first@example.com", "waiting/leave")
    assert client.get(leave_path).status_code == 200
    assert client.post(leave_path).status_code == 200
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == WaitingListEntry.Status.LEFT
    assert Booking.objects.get(pk=first.offer_id).status == Booking.Status.EXPIRED
    assert second.status == WaitingListEntry.Status.OFFERED


def test_someone_who_booked_meanwhile_is_skipped(consultation, sent):
    slot = first_bookable_slot(consultation)
    booking = booking_confirmed_at_once(consultation, email="holder@example.com", slot=slot)
    first = waiting(consultation, "first@example.com")
    second = waiting(consultation, "second@example.com")
    later = first_bookable_slot(consultation, after_days=4)
    booking_confirmed_at_once(consultation, email="first@example.com", slot=later)
    services.booking_cancel(booking_id=booking.pk)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == WaitingListEntry.Status.LEFT
    assert second.status == WaitingListEntry.Status.OFFERED


def test_with_nobody_waiting_the_seat_returns_to_the_pool_later(consultation, sent):
    booking = booking_confirmed_at_once(consultation, email="holder@example.com")
    services.booking_cancel(booking_id=booking.pk)
    assert SeatReturn.objects.count() == 1


def test_the_claim_page_uses_a_fixed_number_of_queries(client, consultation, sent, django_assert_num_queries):
    booking = booking_confirmed_at_once(consultation, email="holder@example.com")
    waiting(consultation, "first@example.com")
    services.booking_cancel(booking_id=booking.pk)
    claim_path = link_in_last_email("first@example.com", "waiting/claim")
    with django_assert_num_queries(1 + URGENT_BANNER_QUERIES):
        assert client.get(claim_path).status_code == 200


def test_people_who_left_or_booked_and_stale_unconfirmed_addresses_are_forgotten(consultation):
    still_waiting = waiting(consultation, "waiting@example.com")
    left = waiting(consultation, "left@example.com")
    waiting_list.waiting_leave(token=waiting_list.entry_token(left, waiting_list.LEAVE_SALT))
    waiting_list.waiting_join(
        service=consultation.service, place=consultation.place, name="U", email="new@example.com", language="en",
        client_key=CLIENT,
    )
    assert waiting_list.waiting_list_purge() == 1  # the one who left; a fresh unconfirmed address stays a week
    assert waiting_list.waiting_list_purge(now=timezone.now() + timedelta(days=8)) == 1
    assert list(WaitingListEntry.objects.values_list("pk", flat=True)) == [still_waiting.pk]


def test_a_time_of_a_week_not_drawn_yet_goes_back_into_the_draw_not_to_the_list(consultation):
    waiting(consultation, "first@example.com")
    slot = first_bookable_slot(consultation)
    Slot.objects.filter(pk=slot.pk).update(opens_at=None, booked=1)
    slot.refresh_from_db()
    assert not waiting_list.offer_seat(slot=slot, now=timezone.now())


def test_the_join_page_uses_a_fixed_number_of_queries(client, consultation, django_assert_num_queries):
    params = {"service": "consultation", "place": consultation.place.slug}
    with django_assert_num_queries(1 + URGENT_BANNER_QUERIES):
        assert client.get(url_in("en", "appointments:waiting_join"), params).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_concurrent_cancellations_offer_each_seat_to_a_different_person(place, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are serialized for real only on PostgreSQL")
    from tests.appointments.conftest import make_schedule, make_service

    record_booking_emails(monkeypatch)
    schedule = make_schedule(place, make_service("consultation"), desks=4)
    services.slots_generate(schedule_ids=[schedule.pk])
    slot = first_bookable_slot(schedule)
    bookings = [booking_confirmed_at_once(schedule, email=f"holder{n}@example.com", slot=slot) for n in range(4)]
    entries = [waiting(schedule, f"waiting{n}@example.com") for n in range(6)]
    barrier = threading.Barrier(len(bookings))
    errors = []

    def cancel(booking_id):
        try:
            barrier.wait()
            services.booking_cancel(booking_id=booking_id)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=cancel, args=(booking.pk,)) for booking in bookings]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    offered = WaitingListEntry.objects.filter(pk__in=[e.pk for e in entries], status=WaitingListEntry.Status.OFFERED)
    assert offered.count() == 4  # each freed seat to its own person
    assert Booking.objects.filter(channel=Booking.Channel.WAITING_LIST, status=Booking.Status.HELD).count() == 4
    assert Slot.objects.get(pk=slot.pk).booked == 4
