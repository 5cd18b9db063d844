"""The desk's page of a place's day: who may see it, check-in, no-shows, cancellations, blocked times and
bookings made for phone callers and walk-ins."""

from datetime import time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from appointments import emails, selectors, services
from appointments.models import Booking, BookingSeat, ScheduleHours, Slot
from appointments.services import BookingError, local_datetime, local_today
from portal import roles
from tests.appointments.conftest import first_bookable_slot, make_schedule, make_service
from tests.factories import PlaceFactory, UserFactory


@pytest.fixture(autouse=True)
def english(client):
    """These tests read the English messages: staff pages in /en/, the admin asked for English."""
    translation.activate("en")
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sent(monkeypatch):
    """The e-mails module is written elsewhere: record what the staff pages ask it to send."""
    calls = []
    monkeypatch.setattr(emails, "send_confirmed", lambda booking, **kw: calls.append(("confirmed", booking.pk)),
                        raising=False)
    monkeypatch.setattr(emails, "send_cancelled", lambda booking, **kw: calls.append(("cancelled", booking.pk)),
                        raising=False)
    return calls


@pytest.fixture
def desk(client, place):
    user = UserFactory(role=roles.INFO_POINT_STAFF, with_totp=True)
    user.places.add(place)
    client.force_login(user)
    return user


def day_url(place, day=None) -> str:
    url = reverse("appointments_staff:day", args=[place.slug])
    return f"{url}?day={day.isoformat()}" if day else url


def action_url(booking, action: str) -> str:
    return reverse("appointments_staff:booking_action", args=[booking.place.slug, booking.pk, action])


def staff_book(schedule, user, *, slot=None, name="Anna Kowalska", email="", phone="+48 600 100 200", **fields):
    slot = slot or first_bookable_slot(schedule)
    request = services.StaffBookingRequest(
        service_id=schedule.service_id, place_id=schedule.place_id, slot_id=slot.pk, name=name, email=email,
        phone=phone, **fields,
    )
    return services.staff_booking_create(request=request, user=user)


def move_to(booking: Booking, starts_at) -> Booking:
    """Put a booking (and its one seat's slot) at another moment, e.g. earlier today, for the desk's rules."""
    seat = booking.seats.get()
    Slot.objects.filter(pk=seat.slot_id).update(starts_at=starts_at, ends_at=starts_at + timedelta(minutes=30))
    Booking.objects.filter(pk=booking.pk).update(starts_at=starts_at)
    booking.refresh_from_db()
    return booking


def started_today(booking: Booking) -> Booking:
    """Today at 00:00 Polish time: always today and always already started."""
    return move_to(booking, local_datetime(local_today(), time(0)))


# --- Who may see the page -------------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_log_in(client, consultation):
    response = client.get(day_url(consultation.place))
    assert response.status_code == 302 and reverse("account_login") in response.url


def test_staff_without_a_second_factor_are_sent_to_set_it_up(client, consultation):
    user = UserFactory(role=roles.INFO_POINT_STAFF)
    user.places.add(consultation.place)
    client.force_login(user)
    response = client.get(day_url(consultation.place))
    assert response.status_code == 302 and response.url == reverse("mfa_activate_totp")


def test_staff_of_another_place_get_not_found_for_its_day_and_its_bookings(client, consultation, desk):
    booking = staff_book(consultation, desk)
    elsewhere = UserFactory(role=roles.INFO_POINT_STAFF, with_totp=True)
    elsewhere.places.add(PlaceFactory(slug="kalisz"))
    client.force_login(elsewhere)
    assert client.get(day_url(consultation.place)).status_code == 404
    assert client.post(action_url(booking, "cancel")).status_code == 404
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED


def test_staff_without_an_appointments_role_are_refused(client, consultation):
    user = UserFactory(role=roles.CONTENT_EDITOR, with_totp=True)
    user.places.add(consultation.place)
    client.force_login(user)
    assert client.get(day_url(consultation.place)).status_code == 403


def test_staff_with_one_place_go_straight_to_its_day(client, consultation, desk):
    response = client.get(reverse("appointments_staff:places"))
    assert response.status_code == 302
    assert response.url == reverse("appointments_staff:day", args=[desk.places.get().slug])


def test_staff_home_links_to_the_day_page(client, desk):
    assert reverse("appointments_staff:places") in client.get(reverse("staff_home")).content.decode()


# --- The day --------------------------------------------------------------------------------------------------


def test_the_day_shows_each_booking_with_reference_names_code_and_phone(client, consultation, desk):
    booking = staff_book(consultation, desk, family_names=("Jan Kowalski",))
    content = client.get(day_url(consultation.place, local_today(booking.starts_at))).content.decode()
    for shown in (booking.reference, "Anna Kowalska", "Jan Kowalski", booking.checkin_code, "+48 600 100 200"):
        assert shown in content
    assert content.count(f'id="booking-{booking.pk}"') == 1  # a family appears once, at its first time


def test_coordinators_see_the_bookings_but_not_the_people(client, consultation, desk):
    booking = staff_book(consultation, desk)
    coordinator = UserFactory(role=roles.COORDINATOR, with_totp=True)
    coordinator.places.add(consultation.place)
    client.force_login(coordinator)
    content = client.get(day_url(consultation.place, local_today(booking.starts_at))).content.decode()
    assert booking.reference in content
    assert "Anna Kowalska" not in content and "+48 600 100 200" not in content
    assert "Check in" not in content and "Cancel" not in content


@pytest.mark.parametrize("count", [2, 20])
def test_the_day_page_reads_a_fixed_number_of_queries(client, consultation, desk, count, django_assert_num_queries):
    ScheduleHours.objects.filter(schedule=consultation).update(desks=20)
    services.slots_generate(schedule_ids=[consultation.pk])
    slot = first_bookable_slot(consultation)
    for number in range(count):
        staff_book(consultation, desk, slot=slot, name=f"Person {number}")
    Slot.objects.filter(pk=slot.pk).update(is_blocked=True)
    url = day_url(consultation.place, local_today(slot.starts_at))
    # session, user, TOTP (middleware and view), permissions (user, groups), whether a role sees every place,
    # place, slots, bookings, their seats, bookings to rearrange (none here, so no seats to fetch for them); the
    # staff layout has no urgent banner
    with django_assert_num_queries(12):
        response = client.get(url)
    assert response.content.decode().count('class="staff-booking"') == count


def test_selector_staff_day_uses_three_queries(consultation, desk, django_assert_num_queries):
    booking = staff_book(consultation, desk)
    seat_slot = booking.seats.get().slot_id
    with django_assert_num_queries(3):
        times = selectors.staff_day(place=consultation.place, day=local_today(booking.starts_at))
        assert [b.pk for t in times for b in t.bookings] == [booking.pk]
        assert [seat.slot.pk for t in times for b in t.bookings for seat in b.seats.all()] == [seat_slot]


def test_no_day_shows_today(client, consultation, desk):
    response = client.get(day_url(consultation.place))
    assert response.status_code == 200 and response.context["day"] == local_today()


@pytest.mark.parametrize("day", ["not-a-day", "0001-01-01", "9999-12-31"])
def test_a_malformed_or_far_away_day_is_answered_400_with_a_message(client, consultation, desk, day):
    response = client.get(day_url(consultation.place) + f"?day={day}")
    assert response.status_code == 400
    assert "Enter a valid date" in response.content.decode() or "within two years" in response.content.decode()


# --- Check-in, no-show, completed, cancel -----------------------------------------------------------------------


def test_check_in_without_javascript_redirects_back_to_the_day(client, consultation, desk):
    booking = started_today(staff_book(consultation, desk))
    response = client.post(action_url(booking, "check_in"))
    assert response.status_code == 302
    assert response.url == day_url(consultation.place, local_today()) + f"#booking-{booking.pk}"
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CHECKED_IN and booking.checked_in_at is not None
    assert "Checked in" in client.get(response.url).content.decode()


def test_check_in_with_htmx_swaps_only_the_booking(client, consultation, desk):
    booking = started_today(staff_book(consultation, desk))
    response = client.post(action_url(booking, "check_in"), headers={"HX-Request": "true"})
    content = response.content.decode()
    assert response.status_code == 200
    assert content.startswith(f'<tr class="staff-booking" id="booking-{booking.pk}"')
    assert "<html" not in content and "checked in" in content
    assert "Visit completed" in content  # the next step's button


def test_a_cancelled_booking_cannot_be_checked_in(client, consultation, desk):
    booking = staff_book(consultation, desk)
    services.booking_cancel(booking_id=booking.pk, by_staff=desk)
    response = client.post(action_url(booking, "check_in"), headers={"HX-Request": "true"})
    assert 'role="alert"' in response.content.decode()
    assert "Only a confirmed booking can be checked in" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED_BY_STAFF


def test_a_booking_is_checked_in_only_on_its_day(client, consultation, desk):
    booking = staff_book(consultation, desk)  # two days ahead at least
    response = client.post(action_url(booking, "check_in"), follow=True)
    assert "only on the day of the visit" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED


def test_no_show_only_after_the_time_started(client, consultation, desk):
    booking = staff_book(consultation, desk)
    response = client.post(action_url(booking, "no_show"), follow=True)
    assert "only once their time has started" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED

    started_today(booking)
    client.post(action_url(booking, "no_show"))
    booking.refresh_from_db()
    assert booking.status == Booking.Status.NO_SHOW


def test_completed_only_after_check_in(client, consultation, desk):
    booking = started_today(staff_book(consultation, desk))
    client.post(action_url(booking, "complete"))
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED
    client.post(action_url(booking, "check_in"))
    client.post(action_url(booking, "complete"))
    booking.refresh_from_db()
    assert booking.status == Booking.Status.COMPLETED


def test_a_checked_in_person_cannot_be_marked_as_not_come(consultation, desk):
    booking = started_today(staff_book(consultation, desk))
    services.booking_check_in(booking_id=booking.pk, user=desk)
    with pytest.raises(BookingError) as error:
        services.booking_mark_no_show(booking_id=booking.pk, user=desk)
    assert error.value.code == "wrong_status"


def test_cancel_by_the_office_gives_the_seat_up_and_tells_the_person(client, consultation, desk, sent):
    booking = staff_book(consultation, desk, email="anna@example.org")
    client.post(action_url(booking, "cancel"), {"reason": Booking.CancelReason.CLOSED})
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED_BY_STAFF
    assert booking.seats.get().released
    assert ("cancelled", booking.pk) in sent


def test_a_past_booking_cannot_be_cancelled(client, consultation, desk):
    booking = started_today(staff_book(consultation, desk))
    response = client.post(action_url(booking, "cancel"), follow=True)
    assert "already passed" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED


def test_an_unknown_action_is_not_found(client, consultation, desk):
    booking = staff_book(consultation, desk)
    assert client.post(action_url(booking, "delete")).status_code == 404


def test_actions_need_post(client, consultation, desk):
    booking = staff_book(consultation, desk)
    assert client.get(action_url(booking, "check_in")).status_code == 405


# --- Blocking times --------------------------------------------------------------------------------------------


def block_url(slot) -> str:
    return reverse("appointments_staff:slot_block", args=[slot.place.slug, slot.pk])


def test_a_blocked_time_cannot_be_booked_but_keeps_its_bookings(client, consultation, desk):
    slot = first_bookable_slot(consultation)
    booking = staff_book(consultation, desk, slot=slot)
    response = client.post(block_url(slot), {"blocked": "1"})
    assert response.status_code == 302 and response.url.endswith(f"#slot-{slot.pk}")
    slot.refresh_from_db()
    assert slot.is_blocked and slot.booked == 1
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED
    with pytest.raises(BookingError):
        services.seats_take([slot])
    with pytest.raises(BookingError) as error:
        staff_book(consultation, desk, slot=slot, name="Olena", email="olena@example.org")
    assert error.value.code == "closed"

    client.post(block_url(slot), {"blocked": "0"})
    slot.refresh_from_db()
    assert not slot.is_blocked


def test_a_time_that_left_the_schedule_stays_blocked(client, consultation, desk):
    slot = first_bookable_slot(consultation)
    Slot.objects.filter(pk=slot.pk).update(in_schedule=False, is_blocked=True)
    response = client.post(block_url(slot), {"blocked": "0"}, follow=True)
    assert "left the schedule" in response.content.decode()
    slot.refresh_from_db()
    assert slot.is_blocked


def test_blocking_needs_the_right_to_change_times(client, consultation):
    hotline = UserFactory(role=roles.HOTLINE_CONSULTANT, with_totp=True)
    hotline.places.add(consultation.place)
    client.force_login(hotline)
    slot = first_bookable_slot(consultation)
    assert client.post(block_url(slot), {"blocked": "1"}).status_code == 403


def test_a_time_of_another_place_cannot_be_blocked(client, consultation, desk):
    other = make_schedule(PlaceFactory(slug="pila"), make_service("other"))
    services.slots_generate(schedule_ids=[other.pk])
    slot = first_bookable_slot(other)
    assert client.post(block_url(slot) .replace("pila", consultation.place.slug), {"blocked": "1"}).status_code == 404


# --- Booking for a caller or a walk-in ----------------------------------------------------------------------------


def book_url(place) -> str:
    return reverse("appointments_staff:book", args=[place.slug])


def test_booking_for_a_caller_step_by_step(client, consultation, desk, sent):
    slot = first_bookable_slot(consultation)
    day = local_today(slot.starts_at)
    first = client.get(book_url(consultation.place), {"day": day.isoformat()})
    assert first.status_code == 200 and first.context["form"] is None
    second = client.get(book_url(consultation.place), {"service": consultation.service_id, "day": day.isoformat()})
    assert second.status_code == 200 and slot in second.context["times"]
    response = client.post(
        book_url(consultation.place),
        {
            "service": consultation.service_id,
            "day": day.isoformat(),
            "slot": slot.pk,
            "name": "Mariam Aliyeva",
            "family_names": "Leyla Aliyeva\n",
            "email": "Mariam@Example.org",
            "phone": "",
            "case_number": "",
            "language": "en",
        },
    )
    booking = Booking.objects.get()
    assert response.status_code == 302 and response.url.endswith(f"#booking-{booking.pk}")
    assert booking.status == Booking.Status.CONFIRMED and booking.channel == Booking.Channel.STAFF
    assert booking.booked_by == desk and booking.language == "en" and len(booking.checkin_code) == 6
    assert booking.email_key == "mariam@example.org"
    assert list(booking.seats.values_list("person_name", flat=True)) == ["Mariam Aliyeva", "Leyla Aliyeva"]
    assert sent == [("confirmed", booking.pk)]
    slot.refresh_from_db()
    assert slot.booked == 1
    assert booking.checkin_code in client.get(response.url).content.decode()


def test_a_walk_in_without_e_mail_gets_no_e_mail(consultation, desk, sent):
    booking = staff_book(consultation, desk, email="")
    assert booking.status == Booking.Status.CONFIRMED and sent == []


def test_booking_a_full_time_says_so_and_offers_the_others(client, consultation, desk):
    slot = first_bookable_slot(consultation)
    Slot.objects.filter(pk=slot.pk).update(booked=2)
    day = local_today(slot.starts_at)
    response = client.post(
        book_url(consultation.place),
        {"service": consultation.service_id, "day": day.isoformat(), "slot": slot.pk, "name": "Anna",
         "language": "pl"},
    )
    assert response.status_code == 400
    assert slot.pk not in [pk for pk, _label in response.context["form"].fields["slot"].choices]
    assert not Booking.objects.exists()


def test_a_time_taken_meanwhile_is_refused_without_a_second_booking(consultation, desk):
    slot = first_bookable_slot(consultation)
    staff_book(consultation, desk, slot=slot, name="A")
    staff_book(consultation, desk, slot=slot, name="B")
    with pytest.raises(BookingError) as error:
        staff_book(consultation, desk, slot=slot, name="C")
    assert error.value.code == "taken"
    assert Booking.objects.count() == 2 and BookingSeat.objects.count() == 2


def test_one_active_booking_per_e_mail_also_for_staff(client, consultation, desk):
    staff_book(consultation, desk, email="anna@example.org")
    slot = first_bookable_slot(consultation, after_days=3)
    response = client.post(
        book_url(consultation.place),
        {"service": consultation.service_id, "day": local_today(slot.starts_at).isoformat(), "slot": slot.pk,
         "name": "Anna", "email": "ANNA@example.org ", "language": "pl"},
    )
    assert response.status_code == 400
    assert "already has an active booking" in response.content.decode()
    assert Booking.objects.count() == 1


def test_a_case_tied_visit_needs_a_case_that_calls_for_it(client, card_collection, desk):
    slot = first_bookable_slot(card_collection)
    response = client.post(
        book_url(card_collection.place),
        {"service": card_collection.service_id, "day": local_today(slot.starts_at).isoformat(), "slot": slot.pk,
         "name": "Anna", "case_number": "WSC-II-S.6151.9999.2026", "language": "pl"},
    )
    assert response.status_code == 400
    assert "could not find a case" in response.content.decode()
    assert 'aria-describedby' in response.content.decode()


def test_a_missing_name_is_shown_next_to_its_field(client, consultation, desk):
    slot = first_bookable_slot(consultation)
    response = client.post(
        book_url(consultation.place),
        {"service": consultation.service_id, "day": local_today(slot.starts_at).isoformat(), "slot": slot.pk,
         "name": "", "language": "pl"},
    )
    content = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_name_error"' in content and 'aria-describedby="id_name_helptext id_name_error"' in content


def test_the_desk_cannot_book_times_not_released_to_the_public(consultation, desk):
    slot = first_bookable_slot(consultation)
    Slot.objects.filter(pk=slot.pk).update(opens_at=timezone.now() + timedelta(days=1))
    with pytest.raises(BookingError) as error:
        staff_book(consultation, desk, slot=slot)
    assert error.value.code == "not_released"


def test_a_past_time_cannot_be_booked(consultation, desk):
    slot = first_bookable_slot(consultation)
    Slot.objects.filter(pk=slot.pk).update(starts_at=timezone.now() - timedelta(hours=1),
                                           ends_at=timezone.now() - timedelta(minutes=30))
    with pytest.raises(BookingError) as error:
        staff_book(consultation, desk, slot=slot)
    assert error.value.code == "past"


def test_booking_needs_the_right_to_add_bookings(client, consultation):
    coordinator = UserFactory(role=roles.COORDINATOR, with_totp=True)
    coordinator.places.add(consultation.place)
    client.force_login(coordinator)
    assert client.get(book_url(consultation.place)).status_code == 403


# --- Bookings to rearrange --------------------------------------------------------------------------------------


def test_bookings_in_times_that_left_the_schedule_are_listed_to_rearrange(client, consultation, desk):
    slot = first_bookable_slot(consultation)
    booking = staff_book(consultation, desk, slot=slot)
    ScheduleHours.objects.filter(schedule=consultation, weekday=local_today(slot.starts_at).weekday()).delete()
    result = services.slots_generate(schedule_ids=[consultation.pk])
    assert result.left_with_bookings == 1
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED
    content = client.get(day_url(consultation.place)).content.decode()
    assert "Bookings to rearrange" in content and booking.reference in content


def test_a_time_back_in_the_schedule_is_open_again(consultation, desk):
    slot = first_bookable_slot(consultation)
    staff_book(consultation, desk, slot=slot)
    weekday = local_today(slot.starts_at).weekday()
    hours = list(ScheduleHours.objects.filter(schedule=consultation, weekday=weekday).values())
    ScheduleHours.objects.filter(schedule=consultation, weekday=weekday).delete()
    services.slots_generate(schedule_ids=[consultation.pk])
    ScheduleHours.objects.bulk_create(ScheduleHours(**row) for row in hours)
    services.slots_generate(schedule_ids=[consultation.pk])
    slot.refresh_from_db()
    assert slot.in_schedule and not slot.is_blocked and slot.booked == 1
    assert selectors.bookings_to_rearrange(place=consultation.place) == []


def test_staff_of_several_places_choose_one(client, consultation, desk):
    second = PlaceFactory(slug="gniezno")
    desk.places.add(second)
    response = client.get(reverse("appointments_staff:places"))
    content = response.content.decode()
    assert response.status_code == 200
    assert day_url(consultation.place) in content and day_url(second) in content


def test_superusers_may_open_any_place(client, consultation):
    client.force_login(UserFactory(is_superuser=True, with_totp=True))
    assert client.get(day_url(consultation.place)).status_code == 200
