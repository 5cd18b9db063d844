"""The desk's day list: who may open it, the dense table and its counts, the "booked only" filter, the htmx
refresh, the search (by POST), the printable list and a constant number of queries."""

from datetime import time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from appointments import services
from appointments.models import ScheduleHours, Slot
from appointments.services import DeskNeeds, local_datetime, local_today
from portal import roles
from tests.appointments.conftest import first_bookable_slot
from tests.appointments.test_staff import day_url, move_to, staff_book, started_today
from tests.factories import PlaceFactory, UserFactory

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


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


def print_url(place, day) -> str:
    return reverse("appointments_staff:day_print", args=[place.slug]) + f"?day={day.isoformat()}"


# --- Who may open it ------------------------------------------------------------------------------------------


def test_staff_of_another_place_get_not_found_for_the_day_its_refresh_its_printout_and_its_search(
    client, consultation, desk
):
    booking = staff_book(consultation, desk)
    day = local_today(booking.starts_at)
    elsewhere = UserFactory(role=roles.INFO_POINT_STAFF, with_totp=True)
    elsewhere.places.add(PlaceFactory(slug="konin"))
    client.force_login(elsewhere)
    assert client.get(day_url(consultation.place, day)).status_code == 404
    assert client.get(day_url(consultation.place, day), headers=HTMX).status_code == 404
    assert client.get(print_url(consultation.place, day)).status_code == 404
    assert client.post(day_url(consultation.place, day), {"q": booking.reference}).status_code == 404


def test_staff_without_an_appointments_role_are_refused_the_printout(client, consultation):
    editor = UserFactory(role=roles.CONTENT_EDITOR, with_totp=True)
    editor.places.add(consultation.place)
    client.force_login(editor)
    assert client.get(print_url(consultation.place, local_today())).status_code == 403


@pytest.mark.parametrize("role", [roles.COORDINATOR, roles.ADMINISTRATOR])
def test_coordinators_and_administrators_open_every_place_without_being_assigned(client, consultation, desk, role):
    booking = staff_book(consultation, desk)
    second = PlaceFactory(slug="pila")
    overseer = UserFactory(role=role, with_totp=True)
    client.force_login(overseer)
    response = client.get(day_url(consultation.place, local_today(booking.starts_at)))
    assert response.status_code == 200 and booking.reference in response.content.decode()
    places = client.get(reverse("appointments_staff:places")).content.decode()
    assert day_url(consultation.place) in places and day_url(second) in places


# --- The table ------------------------------------------------------------------------------------------------


def test_the_day_is_a_table_of_bookings_with_language_accessibility_and_people(client, consultation, desk):
    needs = DeskNeeds(desk_language="uk", needs_step_free=True, access_note="a chair while waiting")
    booking = staff_book(consultation, desk, family_names=("Taras Kovalenko",), needs=needs)
    content = client.get(day_url(consultation.place, local_today(booking.starts_at))).content.decode()
    assert '<table class="staff-table staff-day-table">' in content
    row = content.split(f'id="booking-{booking.pk}"')[1].split("</tr>")[0]
    for shown in (booking.reference, "Anna Kowalska", "Taras Kovalenko", "Ukrainian", "wheelchair access",
                  "a chair while waiting", "confirmed", ">2<"):
        assert shown in row, shown
    assert "Cancel (by the office)…" in row  # a link to the confirmation, not a one-click form
    assert reverse("appointments_staff:booking_cancel", args=[consultation.place.slug, booking.pk]) in row


def test_the_counts_say_expected_arrived_no_show_and_free(client, consultation, desk):
    today = local_today()
    arrived = started_today(staff_book(consultation, desk, name="A"))
    services.booking_check_in(booking_id=arrived.pk, user=desk)
    # Started (at 00:30, or now if earlier), and still to come (at 23:30, or later if now is later): whatever the
    # hour the test runs at, both today.
    now = timezone.now()
    missing = move_to(staff_book(consultation, desk, name="B"), min(local_datetime(today, time(0, 30)), now))
    services.booking_mark_no_show(booking_id=missing.pk, user=desk)
    last_moment = local_datetime(today, time(23, 59, 59))
    coming = max(local_datetime(today, time(23, 30)), min(now + timedelta(seconds=30), last_moment))
    move_to(staff_book(consultation, desk, name="C"), coming)
    response = client.get(day_url(consultation.place))
    counts = response.context["listing"].counts
    assert (counts.expected, counts.arrived, counts.no_show) == (1, 1, 1)
    later_today = [s for s in Slot.objects.filter(place=consultation.place)
                   if local_today(s.starts_at) == today and s.starts_at >= timezone.now() and not s.is_blocked]
    assert counts.free == sum(s.capacity - s.booked for s in later_today)
    content = response.content.decode()
    assert "Expected <strong>1</strong>" in content and "Arrived <strong>1</strong>" in content
    assert "Did not come <strong>1</strong>" in content
    assert f"Free places left <strong>{counts.free}</strong>" in content


def test_booked_only_is_the_default_and_free_times_fold_into_rows(client, consultation, desk):
    booking = staff_book(consultation, desk)
    day = local_today(booking.starts_at)
    times_that_day = Slot.objects.filter(place=consultation.place, starts_at__date=booking.starts_at.date()).count()
    booked = client.get(day_url(consultation.place, day)).content.decode()
    assert 'class="staff-free"' not in booked and 'aria-current="page">Booked times only' in booked

    everything = client.get(day_url(consultation.place, day) + "&show=all").content.decode()
    folded = everything.count('class="staff-free"')
    assert 1 <= folded <= 2  # before and after the one booking, however many times the day has
    assert times_that_day > 10 and "free times" in everything and "Block this time" in everything


# --- Refreshing in place (htmx) ---------------------------------------------------------------------------------


def test_htmx_refresh_gets_the_table_alone_and_polls_with_data_attributes(client, consultation, desk):
    booking = staff_book(consultation, desk)
    url = day_url(consultation.place, local_today(booking.starts_at))
    page = client.get(url).content.decode()
    assert 'data-hx-get="' in page and 'data-hx-trigger="every 10s' in page and " hx-get=" not in page
    fragment = client.get(url, headers=HTMX)
    content = fragment.content.decode()
    assert fragment.status_code == 200
    assert content.startswith('<div id="day-table"') and "<html" not in content
    assert booking.reference in content and "Expected <strong>1</strong>" in content


def test_two_desks_see_the_same_state_at_the_next_refresh(client, consultation, desk, django_user_model):
    booking = started_today(staff_book(consultation, desk))
    url = day_url(consultation.place, local_today())
    assert "Arrived <strong>0</strong>" in client.get(url, headers=HTMX).content.decode()
    services.booking_check_in(booking_id=booking.pk, user=desk)  # at the other desk
    assert "Arrived <strong>1</strong>" in client.get(url, headers=HTMX).content.decode()


@pytest.mark.parametrize("count", [1, 15])
def test_the_page_its_refresh_and_its_printout_read_a_fixed_number_of_queries(
    client, consultation, desk, count, django_assert_num_queries
):
    ScheduleHours.objects.filter(schedule=consultation).update(desks=20)
    services.slots_generate(schedule_ids=[consultation.pk])
    slot = first_bookable_slot(consultation)
    for number in range(count):
        staff_book(consultation, desk, slot=slot, name=f"Person {number}", family_names=("Child",))
    day = local_today(slot.starts_at)
    url = day_url(consultation.place, day) + "&show=all"
    # session, user, TOTP (middleware and view), permissions (user, groups: the first request only, then
    # cached, portal.permissions_cache), whether a role sees every place, place, slots, bookings, their seats
    # (+ the bookings to rearrange on the full page)
    with django_assert_num_queries(11):
        assert client.get(url, headers=HTMX).content.decode().count('class="staff-booking"') == count
    with django_assert_num_queries(10):
        client.get(url)
    with django_assert_num_queries(9):
        client.get(print_url(consultation.place, day))
    with django_assert_num_queries(12):  # and the search: the bookings found, their seats
        client.post(url, {"q": "Person"})


# --- Search -----------------------------------------------------------------------------------------------------


def test_search_is_sent_by_post_so_a_name_is_never_in_the_address(client, consultation, desk):
    content = client.get(day_url(consultation.place)).content.decode()
    form = content.split('class="staff-search"')[1].split("</form>")[0]
    assert 'method="post"' in form and 'name="q"' in form


@pytest.mark.parametrize("typed", ["code", "reference", "name", "family"])
def test_search_finds_a_booking_by_check_in_code_reference_or_name(client, consultation, desk, typed):
    booking = staff_book(consultation, desk, name="Mariam Aliyeva", family_names=("Leyla Aliyeva",))
    other = staff_book(consultation, desk, name="Jan Nowak")
    query = {"code": booking.checkin_code, "reference": booking.reference.lower(), "name": "mariam",
             "family": "Leyla"}[typed]
    response = client.post(day_url(consultation.place), {"q": query})
    results = response.context["results"]
    assert response.status_code == 200 and [b.pk for b in results] == [booking.pk]
    assert other.pk not in [b.pk for b in results]
    assert "Found" in response.content.decode()


def test_staff_who_may_not_see_names_cannot_search_by_name(client, consultation, desk):
    booking = staff_book(consultation, desk, name="Mariam Aliyeva")
    coordinator = UserFactory(role=roles.COORDINATOR, with_totp=True)
    client.force_login(coordinator)
    assert client.post(day_url(consultation.place), {"q": "Mariam"}).context["results"] == []
    assert [b.pk for b in client.post(day_url(consultation.place), {"q": booking.reference}).context["results"]] == [
        booking.pk
    ]


def test_an_empty_search_says_what_to_type(client, consultation, desk):
    response = client.post(day_url(consultation.place), {"q": "  "})
    assert response.status_code == 400
    assert "Type a check-in code, a reference or a name." in response.content.decode()


def test_search_does_not_find_other_places_bookings(client, consultation, desk):
    from tests.appointments.conftest import make_schedule, make_service

    other = make_schedule(PlaceFactory(slug="leszno"), make_service("other"))
    services.slots_generate(schedule_ids=[other.pk])
    elsewhere = staff_book(other, UserFactory(is_superuser=True), name="Mariam Aliyeva")
    response = client.post(day_url(consultation.place), {"q": elsewhere.reference})
    assert response.context["results"] == []


# --- Printing ----------------------------------------------------------------------------------------------------


def test_the_printout_lists_the_bookings_without_buttons(client, consultation, desk):
    booking = staff_book(consultation, desk, needs=DeskNeeds(desk_language="ru"))
    content = client.get(print_url(consultation.place, local_today(booking.starts_at))).content.decode()
    assert booking.reference in content and "Anna Kowalska" in content and "Russian" in content
    assert "Check in" not in content and "Cancel (by the office)" not in content
    assert "data-hx-" not in content


def test_blocking_a_time_goes_back_to_the_list_with_the_free_times_where_its_button_is(client, consultation, desk):
    slot = first_bookable_slot(consultation)
    response = client.post(reverse("appointments_staff:slot_block", args=[consultation.place.slug, slot.pk]),
                           {"blocked": "1"}, follow=True)
    content = response.content.decode()
    assert response.redirect_chain[-1][0].endswith(f"&show=all#slot-{slot.pk}")
    item = content.split(f'<li id="slot-{slot.pk}">')[1].split("</li>")[0]
    assert "blocked" in item and "Unblock this time" in item


def test_a_booking_found_on_the_shown_day_keeps_its_ids_apart_from_its_row_in_the_day(client, consultation, desk):
    booking = staff_book(consultation, desk)
    content = client.post(day_url(consultation.place, local_today(booking.starts_at)),
                          {"q": booking.reference}).content.decode()
    assert content.count(f'id="booking-{booking.pk}"') == 1 and content.count(f'id="found-booking-{booking.pk}"') == 1
    found = content.split(f'id="found-booking-{booking.pk}"')[1].split("</tr>")[0]
    assert "data-hx-post" not in found and 'aria-describedby="found-booking-' in found
