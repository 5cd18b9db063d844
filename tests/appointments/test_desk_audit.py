"""Every staff action on bookings and times leaves one audit event; the desk's rules in one place; the selector the
info-point queue checks people in with; coordinators see every place; dates and cases at the desk."""

from datetime import time

import pytest
from django.urls import reverse
from django.utils import translation

from appointments import emails, selectors, services
from appointments.models import Booking
from appointments.services import BookingError, local_datetime, local_today
from portal import roles
from portal.models import AuditEvent
from tests.appointments.conftest import first_bookable_slot
from tests.appointments.test_staff import book_url, day_url, move_to, staff_book, started_today
from tests.cases.conftest import make_case, procedures, statuses  # noqa: F401 (fixtures)
from tests.factories import PlaceFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    translation.activate("en")
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture(autouse=True)
def quiet(monkeypatch):
    for name in ("send_confirmed", "send_cancelled"):
        monkeypatch.setattr(emails, name, lambda *args, **kwargs: None, raising=False)


@pytest.fixture
def desk(client, place):
    user = UserFactory(role=roles.INFO_POINT_STAFF, with_totp=True)
    user.places.add(place)
    client.force_login(user)
    return user


def events(action: str, obj) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action, object_id=str(obj.pk)))


def only_event(action: str, obj) -> AuditEvent:
    found = events(action, obj)
    assert len(found) == 1, f"{action}: {len(found)} events"
    return found[0]


# --- The audit trail --------------------------------------------------------------------------------------------


def test_a_booking_for_a_caller_is_recorded_once_without_the_persons_name(consultation, desk):
    booking = staff_book(consultation, desk, name="Anna Kowalska", email="anna@example.org")
    event = only_event("booking.staff_book", booking)
    assert event.actor == desk and event.place_id == booking.place_id and event.object_label == booking.reference
    assert event.changes == {"status": ["", Booking.Status.CONFIRMED]}
    assert "Anna" not in str(event.changes) + event.object_label and "anna@" not in str(event.changes)


def test_check_in_and_completion_are_recorded_once_each(consultation, desk):
    booking = started_today(staff_book(consultation, desk))
    services.booking_check_in(booking_id=booking.pk, user=desk)
    services.booking_complete(booking_id=booking.pk, user=desk)
    assert only_event("booking.check_in", booking).changes == {
        "status": [Booking.Status.CONFIRMED, Booking.Status.CHECKED_IN]
    }
    assert only_event("booking.complete", booking).changes == {
        "status": [Booking.Status.CHECKED_IN, Booking.Status.COMPLETED]
    }


def test_a_no_show_is_recorded_once(consultation, desk):
    booking = started_today(staff_book(consultation, desk))
    services.booking_mark_no_show(booking_id=booking.pk, user=desk)
    event = only_event("booking.no_show", booking)
    assert event.changes == {"status": [Booking.Status.CONFIRMED, Booking.Status.NO_SHOW]}
    assert event.place_id == booking.place_id and event.object_label == booking.reference


def test_a_cancellation_by_the_office_is_recorded_and_one_by_the_person_is_not(consultation, desk):
    by_office = staff_book(consultation, desk)
    services.booking_cancel(booking_id=by_office.pk, by_staff=desk)
    assert only_event("booking.cancel", by_office).changes == {
        "status": [Booking.Status.CONFIRMED, Booking.Status.CANCELLED_BY_STAFF]
    }
    by_person = staff_book(consultation, desk, slot=first_bookable_slot(consultation, after_days=4), name="B")
    services.booking_cancel(booking_id=by_person.pk)
    assert events("booking.cancel", by_person) == []


def test_a_refused_action_leaves_no_event(consultation, desk):
    booking = staff_book(consultation, desk)  # in two days: not today, not started
    with pytest.raises(BookingError):
        services.booking_check_in(booking_id=booking.pk, user=desk)
    with pytest.raises(BookingError):
        services.booking_mark_no_show(booking_id=booking.pk, user=desk)
    assert not AuditEvent.objects.filter(action__in=["booking.check_in", "booking.no_show"]).exists()


def test_blocking_and_unblocking_a_time_are_recorded_once_each(consultation, desk):
    slot = first_bookable_slot(consultation)
    services.slot_block(slot_id=slot.pk, user=desk, blocked=True)
    services.slot_block(slot_id=slot.pk, user=desk, blocked=True)  # no change: no second event
    services.slot_block(slot_id=slot.pk, user=desk, blocked=False)
    assert only_event("slot.block", slot).changes == {"is_blocked": [False, True]}
    assert only_event("slot.unblock", slot).changes == {"is_blocked": [True, False]}
    assert only_event("slot.block", slot).place_id == slot.place_id


def test_the_bookings_admin_page_shows_its_audit_trail(client, consultation, desk):
    booking = started_today(staff_book(consultation, desk))
    services.booking_check_in(booking_id=booking.pk, user=desk)
    admin = UserFactory(is_superuser=True, with_totp=True)
    client.force_login(admin)
    page = client.get(reverse("admin:appointments_booking_change", args=[booking.pk]))
    assert page.status_code == 200
    assert "booking.check_in" in page.content.decode()


# --- One rule for the buttons and the services --------------------------------------------------------------------


def test_the_day_page_offers_exactly_the_actions_the_services_accept(consultation, desk):
    today = started_today(staff_book(consultation, desk))
    later = staff_book(consultation, desk, slot=first_bookable_slot(consultation, after_days=4), name="B")
    assert services.booking_staff_actions(today) == ["check_in", "no_show"]
    assert services.booking_staff_actions(later) == ["cancel"]
    for booking in (today, later):
        for action in services.STAFF_ACTIONS:
            allowed = action in services.booking_staff_actions(booking)
            assert (services.booking_staff_refusal(booking, action) is None) == allowed


# --- The info-point queue's way in --------------------------------------------------------------------------------


def test_todays_booking_is_found_by_its_check_in_code_at_its_place_only(consultation, desk):
    booking = move_to(staff_book(consultation, desk), local_datetime(local_today(), time(23, 30)))
    found = selectors.booking_for_check_in(place=consultation.place, code=booking.checkin_code)
    assert found == booking
    assert selectors.booking_for_check_in(place=PlaceFactory(slug="kalisz"), code=booking.checkin_code) is None
    assert selectors.booking_for_check_in(place=consultation.place, code="12345") is None
    services.booking_check_in(booking_id=found.pk, user=desk)
    assert selectors.booking_for_check_in(place=consultation.place, code=booking.checkin_code) is None


def test_a_booking_of_another_day_is_not_found_by_its_check_in_code(consultation, desk):
    booking = staff_book(consultation, desk)
    assert selectors.booking_for_check_in(place=consultation.place, code=booking.checkin_code) is None


# --- Coordinators see every place ---------------------------------------------------------------------------------


def test_coordinators_open_the_day_of_a_place_they_are_not_assigned_to(client, consultation):
    coordinator = UserFactory(role=roles.COORDINATOR, with_totp=True)
    coordinator.places.add(PlaceFactory(slug="kalisz"))
    client.force_login(coordinator)
    assert client.get(day_url(consultation.place)).status_code == 200


# --- Dates and cases at the desk --------------------------------------------------------------------------------


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_the_booking_form_answers_400_for_a_day_out_of_range(client, consultation, desk, day):
    opened = client.get(book_url(consultation.place), {"day": day})
    assert opened.status_code == 400
    chosen = client.get(book_url(consultation.place), {"service": consultation.service_id, "day": day})
    assert chosen.status_code == 400
    assert "within two years" in chosen.content.decode()


def test_the_walk_in_form_opens_without_errors(client, consultation, desk):
    page = client.get(book_url(consultation.place), {"day": local_today().isoformat()})
    content = page.content.decode()
    assert page.status_code == 200
    assert "This field is required" not in content and 'class="errorlist' not in content


def test_the_desk_gets_one_answer_for_an_unknown_case_and_one_elsewhere_not_due(
    client, card_collection, desk, make_case  # noqa: F811
):
    make_case("filed", "formal-check", number="WSC-II-S.6151.1234.2026", case_place=PlaceFactory(slug="pila"))
    slot = first_bookable_slot(card_collection)

    def attempt(number):
        return client.post(
            book_url(card_collection.place),
            {"service": card_collection.service_id, "day": local_today(slot.starts_at).isoformat(), "slot": slot.pk,
             "name": "Anna", "case_number": number, "language": "pl"},
        )

    unknown, elsewhere = attempt("WSC-II-S.6151.9999.2026"), attempt("WSC-II-S.6151.1234.2026")
    assert unknown.status_code == elsewhere.status_code == 400
    assert unknown.context["form"].non_field_errors() == elsewhere.context["form"].non_field_errors()
    assert "does not call for this visit" not in elsewhere.content.decode()
