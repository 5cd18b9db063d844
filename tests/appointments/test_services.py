"""The core rules: slots from schedules, holds, seats, one booking per person, confirm, cancel and move."""

from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from appointments import services
from appointments.models import Booking, BookingSeat, ScheduleException, ScheduleHours, SeatReturn, Slot
from appointments.services import BookingError, Details
from tests.appointments.conftest import ACCESS_CODE, CLIENT, first_bookable_slot
from tests.factories import PlaceFactory


@pytest.fixture(autouse=True)
def no_emails(monkeypatch):
    """The e-mails are tested on their own (test_emails); here only the rules."""
    from appointments import emails

    for name in ("send_confirmation_request", "send_confirmed", "send_cancelled"):
        monkeypatch.setattr(emails, name, lambda *args, **kwargs: None, raising=False)


def hold(schedule, slot, people=1, client=CLIENT, case_id=None):
    return services.hold_create(
        service_id=schedule.service_id,
        place_id=schedule.place_id,
        slot_id=slot.pk,
        people=people,
        language="en",
        client_key=client,
        case_id=case_id,
    )


def confirmed_booking(schedule, slot, email="anna@example.org", people=1):
    booking = hold(schedule, slot, people)
    names = tuple(f"Member {i}" for i in range(1, people))
    services.details_set(
        booking_id=booking.pk, details=Details(name="Anna Test", email=email, family_names=names), client_key=CLIENT
    )
    services.booking_submit(booking_id=booking.pk)
    booking.refresh_from_db()
    return services.booking_confirm(token=services.booking_token(booking, services.CONFIRM_SALT))


def test_public_holidays_include_movable_feasts_and_christmas_eve():
    days = services.public_holidays(2026)
    assert date(2026, 4, 6) in days  # Easter Monday
    assert date(2026, 6, 4) in days  # Corpus Christi
    assert date(2026, 12, 24) in days  # a day off since 2025
    assert date(2026, 12, 23) not in days


def test_slots_skip_holidays_and_closures_and_add_extra_hours(consultation):
    local = services.LOCAL_TIME
    days = {timezone.localtime(s.starts_at, local).date() for s in Slot.objects.all()}
    today = services.local_today()
    assert today not in days  # the site books from tomorrow
    for holiday in services.public_holidays(today.year) | services.public_holidays(today.year + 1):
        assert holiday not in days
    closed_day = sorted(days)[3]
    ScheduleException.objects.create(place=consultation.place, date=closed_day, is_closed=True, reason_pl="Remont")
    extra_day = sorted(days)[4]
    ScheduleException.objects.create(
        place=consultation.place, service=consultation.service, date=extra_day, is_closed=False,
        starts=time(16), ends=time(18), slot_minutes=30, desks=1,
    )
    result = services.slots_generate()
    days_after = {timezone.localtime(s.starts_at, local).date() for s in Slot.objects.all()}
    assert closed_day not in days_after
    assert result.created == 4
    assert result.removed == 16


def test_schedule_change_keeps_booked_times_and_flags_them(consultation):
    slot = first_bookable_slot(consultation)
    booking = confirmed_booking(consultation, slot)
    ScheduleHours.objects.filter(schedule=consultation).delete()  # the service is withdrawn
    result = services.slots_generate()
    assert result.left_with_bookings == 1
    slot.refresh_from_db()
    assert (slot.in_schedule, slot.is_blocked, slot.booked) == (False, True, 1)
    assert Booking.objects.get(pk=booking.pk).status == Booking.Status.CONFIRMED
    assert Slot.objects.count() == 1


def test_hold_takes_a_seat_and_the_third_person_is_told_it_is_taken(consultation):
    slot = first_bookable_slot(consultation)
    hold(consultation, slot, client="a")
    hold(consultation, slot, client="b")
    with pytest.raises(BookingError) as error:
        hold(consultation, slot, client="c")
    assert error.value.code == "taken"
    slot.refresh_from_db()
    assert slot.booked == 2
    assert Booking.objects.count() == 2


def test_family_gets_consecutive_times_or_a_clear_no(consultation):
    slot = first_bookable_slot(consultation)
    booking = hold(consultation, slot, people=3)
    seats = list(booking.seats.select_related("slot").order_by("position"))
    assert [s.slot.starts_at for s in seats] == [slot.starts_at + timedelta(minutes=30 * i) for i in range(3)]
    following = seats[1].slot
    Slot.objects.filter(pk=following.pk).update(booked=following.capacity)
    with pytest.raises(BookingError) as error:
        hold(consultation, slot, people=2, client="other")
    assert error.value.code == "no_consecutive"


def test_an_abandoned_hold_returns_its_seats_as_soon_as_it_expires(consultation):
    slot = first_bookable_slot(consultation)
    booking = hold(consultation, slot, people=2)
    later = timezone.now() + timedelta(minutes=11)
    assert services.holds_expire(now=later) == 1
    booking.refresh_from_db()
    assert booking.status == Booking.Status.EXPIRED
    assert not SeatReturn.objects.exists()  # no random delay for a hold nobody completed
    assert Slot.objects.get(pk=slot.pk).booked == 0


def test_a_released_hold_returns_its_seat_at_once(consultation):
    slot = first_bookable_slot(consultation)
    booking = hold(consultation, slot)
    services.hold_release(booking_id=booking.pk)
    assert not SeatReturn.objects.exists()
    assert Slot.objects.get(pk=slot.pk).booked == 0


def test_a_cancelled_booking_returns_the_seat_after_a_random_delay_within_the_window(consultation):
    slot = first_bookable_slot(consultation)
    booking = confirmed_booking(consultation, slot)
    services.booking_cancel(booking_id=booking.pk)
    seat_return = SeatReturn.objects.get()
    delay = seat_return.returns_at - timezone.now()
    assert timedelta(minutes=4) <= delay <= timedelta(minutes=120)
    assert Slot.objects.get(pk=slot.pk).booked == 1  # still held back
    assert services.seat_returns_apply(now=seat_return.returns_at) == 1
    assert Slot.objects.get(pk=slot.pk).booked == 0


def test_details_after_the_hold_ran_out_are_refused_and_nothing_is_booked(consultation):
    slot = first_bookable_slot(consultation)
    booking = hold(consultation, slot)
    Booking.objects.filter(pk=booking.pk).update(hold_expires_at=timezone.now() - timedelta(seconds=1))
    with pytest.raises(BookingError) as error:
        services.details_set(booking_id=booking.pk, details=Details(name="A", email="a@example.org"), client_key="x")
    assert error.value.code == "expired"


def test_one_active_booking_per_email_and_service(consultation):
    first, second = Slot.objects.filter(opens_at__lte=timezone.now()).order_by("starts_at")[40:42]
    confirmed_booking(consultation, first, email="Anna@Example.org ")
    other = hold(consultation, second, client="second-device")
    with pytest.raises(BookingError) as error:
        services.details_set(
            booking_id=other.pk, details=Details(name="Anna", email="anna@example.org"), client_key="x"
        )
    assert error.value.code == "duplicate"


def test_confirm_twice_gives_the_same_booking_and_a_checkin_code(consultation):
    slot = first_bookable_slot(consultation)
    booking = confirmed_booking(consultation, slot)
    assert booking.status == Booking.Status.CONFIRMED
    assert len(booking.checkin_code) == 6 and booking.checkin_code.isdigit()
    again = services.booking_confirm(token=services.booking_token(booking, services.CONFIRM_SALT))
    assert again.pk == booking.pk and again.checkin_code == booking.checkin_code


def test_tampered_or_used_up_links_are_refused(consultation):
    booking = confirmed_booking(consultation, first_bookable_slot(consultation))
    token = services.booking_token(booking, services.MANAGE_SALT)
    assert services.booking_from_token(token[:-2] + "xy", services.MANAGE_SALT) is None
    assert services.booking_from_token(token, services.CONFIRM_SALT) is None
    services.booking_cancel(booking_id=booking.pk)
    assert services.booking_from_token(token, services.MANAGE_SALT) is None


def test_cancel_gives_the_seat_back_later_and_cannot_be_repeated(consultation):
    slot = first_bookable_slot(consultation)
    booking = confirmed_booking(consultation, slot)
    services.booking_cancel(booking_id=booking.pk)
    assert Booking.objects.get(pk=booking.pk).status == Booking.Status.CANCELLED_BY_PERSON
    assert SeatReturn.objects.filter(slot=slot).count() == 1
    with pytest.raises(BookingError) as error:
        services.booking_cancel(booking_id=booking.pk)
    assert error.value.code == "not_active"


def test_move_takes_the_new_seats_before_giving_up_the_old(consultation):
    slot = first_bookable_slot(consultation)
    booking = confirmed_booking(consultation, slot, people=2)
    new_first = Slot.objects.filter(starts_at__gt=slot.starts_at + timedelta(days=1)).order_by("starts_at").first()
    moved = services.booking_move(booking_id=booking.pk, slot_id=new_first.pk, client_key=CLIENT)
    assert moved.starts_at == new_first.starts_at
    assert BookingSeat.objects.filter(booking=booking).count() == 2
    assert sorted(BookingSeat.objects.filter(booking=booking).values_list("person_name", flat=True)) == [
        "Anna Test", "Member 1"]
    assert SeatReturn.objects.count() == 2
    assert Slot.objects.get(pk=new_first.pk).booked == 1


def test_times_not_released_too_soon_or_past_are_refused(consultation, settings):
    slot = first_bookable_slot(consultation)
    Slot.objects.filter(pk=slot.pk).update(opens_at=timezone.now() + timedelta(days=1))
    with pytest.raises(BookingError) as error:
        hold(consultation, slot)
    assert error.value.code == "not_released"
    Slot.objects.filter(pk=slot.pk).update(opens_at=timezone.now(), is_blocked=True)
    with pytest.raises(BookingError) as error:
        hold(consultation, slot)
    assert error.value.code == "closed"
    settings.APPOINTMENT_MIN_LEAD_MINUTES = 60 * 24 * 40
    Slot.objects.filter(pk=slot.pk).update(is_blocked=False)
    with pytest.raises(BookingError) as error:
        hold(consultation, slot)
    assert error.value.code == "too_soon"


def test_held_seats_not_holds_are_counted_per_client_address(consultation, settings):
    settings.APPOINTMENT_SEATS_HELD_PER_HOUR = 4
    first, second = first_bookable_slot(consultation), first_bookable_slot(consultation, after_days=4)
    hold(consultation, first, people=3)  # three seats
    with pytest.raises(BookingError) as error:
        hold(consultation, second, people=2)  # three and two are five seats: over four
    assert error.value.code == "limited"


def test_held_seats_are_counted_per_e_mail_address_whatever_the_client_address(consultation, settings):
    settings.APPOINTMENT_SEATS_HELD_PER_HOUR = 3
    slots = [first_bookable_slot(consultation), first_bookable_slot(consultation, after_days=4)]
    first = hold(consultation, slots[0], people=2, client="198.51.100.1")
    names = ("Member 1",)
    details = Details(name="Anna Test", email="anna@example.org", family_names=names)
    services.details_set(booking_id=first.pk, details=details, client_key="198.51.100.1")
    second = hold(consultation, slots[1], people=2, client="198.51.100.2")
    with pytest.raises(BookingError) as error:
        services.details_set(booking_id=second.pk, details=details, client_key="198.51.100.2")
    assert error.value.code == "limited"


def test_holds_are_rate_limited_per_client_address(consultation, settings):
    settings.APPOINTMENT_SEATS_HELD_PER_HOUR = 2
    slots = list(Slot.objects.filter(opens_at__lte=timezone.now()).order_by("starts_at")[30:33])
    hold(consultation, slots[0])
    hold(consultation, slots[1])
    with pytest.raises(BookingError) as error:
        hold(consultation, slots[2])
    assert error.value.code == "limited"


def test_service_not_offered_at_the_place_is_refused(consultation):
    other_place = PlaceFactory(slug="kalisz-branch-office")
    slot = first_bookable_slot(consultation)
    with pytest.raises(BookingError) as error:
        services.hold_create(
            service_id=consultation.service_id, place_id=other_place.pk, slot_id=slot.pk, people=1,
            language="pl", client_key=CLIENT,
        )
    assert error.value.code == "not_offered"


def case_details(number="WSC-II-S.6151.1234.2026", code=ACCESS_CODE):
    return Details(name="Olena Test", email="olena@example.org", case_number=number, access_code=code)


def verify(schedule, number="WSC-II-S.6151.1234.2026", code=ACCESS_CODE, client=CLIENT):
    return services.booking_case_verify(
        service=schedule.service, case_number=number, access_code=code, client_key=client
    )


def test_a_case_tied_time_cannot_be_held_without_a_verified_case(card_collection):
    with pytest.raises(BookingError) as error:
        hold(card_collection, first_bookable_slot(card_collection))
    assert error.value.code == "case_required"
    assert not Booking.objects.exists()
    assert not Slot.objects.filter(booked__gt=0).exists()


def test_case_tied_visit_needs_the_case_and_its_code_and_a_status_calling_for_it(card_collection, make_case):
    make_case("filed", "formal-check", "card-ready")
    with pytest.raises(BookingError) as error:
        verify(card_collection, code="WRONG-CODE1")
    assert error.value.code == "case_not_found"

    case_id = verify(card_collection)
    booking = hold(card_collection, first_bookable_slot(card_collection), case_id=case_id)
    assert booking.case_id == case_id
    booking = services.details_set(booking_id=booking.pk, details=case_details(), client_key=CLIENT)
    assert booking.case_id == case_id

    with pytest.raises(BookingError) as error:
        later = Slot.objects.filter(service=card_collection.service).order_by("starts_at")[60]
        hold(card_collection, later, client="b", case_id=case_id)
    assert error.value.code == "duplicate_case"


def test_case_whose_status_does_not_call_for_the_visit_is_refused(card_collection, make_case):
    case = make_case("filed", "formal-check")
    with pytest.raises(BookingError) as error:
        verify(card_collection)
    assert error.value.code == "case_not_due"
    with pytest.raises(BookingError) as error:
        hold(card_collection, first_bookable_slot(card_collection), case_id=case.pk)
    assert error.value.code == "case_required"

