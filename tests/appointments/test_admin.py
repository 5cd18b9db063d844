"""The appointments in the admin: schedules and closures regenerate times without losing bookings, officers see
their places only, personal data only with the right permission, and the staff roles hold the right rights."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from appointments import emails, services
from appointments.models import Booking, Schedule, ScheduleException, Slot
from appointments.services import local_today
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
def quiet_emails(monkeypatch):
    monkeypatch.setattr(emails, "send_confirmed", lambda booking, **kw: None, raising=False)
    monkeypatch.setattr(emails, "send_cancelled", lambda booking, **kw: None, raising=False)


@pytest.fixture
def officer(client, place):
    user = UserFactory(role=roles.CASE_OFFICER, with_totp=True)
    user.places.add(place)
    client.force_login(user)
    return user


def staff_book(schedule, user, slot=None, **fields) -> Booking:
    slot = slot or first_bookable_slot(schedule)
    request = services.StaffBookingRequest(
        service_id=schedule.service_id, place_id=schedule.place_id, slot_id=slot.pk,
        name=fields.pop("name", "Anna Kowalska"), **fields,
    )
    return services.staff_booking_create(request=request, user=user)


def schedule_form(schedule: Schedule, *, delete_weekday: int | None = None, desks: int | None = None) -> dict:
    hours = list(schedule.hours.order_by("weekday"))
    data = {
        "place": schedule.place_id,
        "service": schedule.service_id,
        "is_active": "on",
        "release_policy": schedule.release_policy,
        "horizon_days": schedule.horizon_days,
        "release_days_ahead": schedule.release_days_ahead,
        "release_time": "07:00",
        "draw_window_days": schedule.draw_window_days,
        "return_delay_min_minutes": schedule.return_delay_min_minutes,
        "return_delay_max_minutes": schedule.return_delay_max_minutes,
        "hours-TOTAL_FORMS": len(hours),
        "hours-INITIAL_FORMS": len(hours),
        "hours-MIN_NUM_FORMS": 0,
        "hours-MAX_NUM_FORMS": 1000,
    }
    for index, row in enumerate(hours):
        data.update({
            f"hours-{index}-id": row.pk,
            f"hours-{index}-schedule": schedule.pk,
            f"hours-{index}-weekday": row.weekday,
            f"hours-{index}-starts": "08:00",
            f"hours-{index}-ends": "16:00",
            f"hours-{index}-slot_minutes": row.slot_minutes,
            f"hours-{index}-desks": desks or row.desks,
        })
        if row.weekday == delete_weekday:
            data[f"hours-{index}-DELETE"] = "on"
    return data


def shown_messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_removing_a_weekday_keeps_its_bookings_and_lists_them(client, officer, consultation):
    slot = first_bookable_slot(consultation)
    booking = staff_book(consultation, officer, slot=slot)
    weekday = local_today(slot.starts_at).weekday()
    response = client.post(
        reverse("admin:appointments_schedule_change", args=[consultation.pk]),
        schedule_form(consultation, delete_weekday=weekday),
        follow=True,
    )
    assert response.status_code == 200
    text = " ".join(shown_messages(response))
    assert "1 booked times left the schedule" in text and booking.reference in text
    assert reverse("appointments_staff:day", args=[consultation.place.slug]) in text
    booking.refresh_from_db()
    slot.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED
    assert not slot.in_schedule and slot.is_blocked and slot.booked == 1
    # The free times of that weekday are gone; only the booked one is kept.
    same_weekday = [s for s in Slot.objects.filter(service=consultation.service) if
                    local_today(s.starts_at).weekday() == weekday]
    assert same_weekday == [slot]


def test_more_desks_raise_the_capacity_of_every_time(client, officer, consultation):
    slot = first_bookable_slot(consultation)
    client.post(reverse("admin:appointments_schedule_change", args=[consultation.pk]),
                schedule_form(consultation, desks=3))
    slot.refresh_from_db()
    assert slot.capacity == 3


def test_officers_cannot_touch_schedules_of_other_places(client, officer, consultation):
    other = make_schedule(PlaceFactory(slug="leszno"), make_service("other"))
    assert client.get(reverse("admin:appointments_schedule_change", args=[other.pk])).status_code == 302
    listing = client.get(reverse("admin:appointments_schedule_changelist"))
    assert list(listing.context["cl"].result_list) == [consultation]


def test_a_closure_removes_free_times_keeps_booked_ones_and_lifting_it_brings_them_back(
    client, officer, consultation
):
    slot = first_bookable_slot(consultation)
    booking = staff_book(consultation, officer, slot=slot)
    day = local_today(slot.starts_at)
    response = client.post(
        reverse("admin:appointments_scheduleexception_add"),
        {"place": consultation.place_id, "service": "", "date": day.isoformat(), "is_closed": "on",
         "slot_minutes": 15, "desks": 1, "reason_pl": "Awaria systemu", "reason_en": "System failure"},
        follow=True,
    )
    assert response.status_code == 200, response.context["adminform"].form.errors
    assert booking.reference in " ".join(shown_messages(response))
    day_slots = Slot.objects.filter(service=consultation.service, starts_at__date=slot.starts_at.date())
    assert list(day_slots.filter(in_schedule=True)) == []
    assert list(day_slots.filter(in_schedule=False)) == [slot]

    exception = ScheduleException.objects.get()
    client.post(reverse("admin:appointments_scheduleexception_delete", args=[exception.pk]), {"post": "yes"})
    slot.refresh_from_db()
    assert slot.in_schedule and not slot.is_blocked and slot.booked == 1
    assert Slot.objects.filter(service=consultation.service, starts_at__date=slot.starts_at.date()).count() > 1


def test_officers_see_only_the_bookings_of_their_places(client, officer, consultation):
    mine = staff_book(consultation, officer)
    other_schedule = make_schedule(PlaceFactory(slug="konin"), make_service("other"))
    services.slots_generate(schedule_ids=[other_schedule.pk])
    other = staff_book(other_schedule, officer, name="Someone Else")
    listing = client.get(reverse("admin:appointments_booking_changelist"))
    assert list(listing.context["cl"].result_list) == [mine]
    assert client.get(reverse("admin:appointments_booking_change", args=[other.pk])).status_code == 302


def test_bookings_are_found_by_reference_typed_loosely(client, officer, consultation):
    booking = staff_book(consultation, officer)
    staff_book(consultation, officer, slot=first_bookable_slot(consultation, after_days=4), name="B")
    typed = f" {booking.reference[:4].lower()}-{booking.reference[4:].lower()} "
    response = client.get(reverse("admin:appointments_booking_changelist"), {"q": typed})
    assert list(response.context["cl"].result_list) == [booking]


def test_personal_data_only_with_the_permission(client, officer, consultation):
    booking = staff_book(consultation, officer, phone="+48 600 100 200")
    url = reverse("admin:appointments_booking_change", args=[booking.pk])
    assert "+48 600 100 200" in client.get(url).content.decode()
    coordinator = UserFactory(role=roles.COORDINATOR, with_totp=True)
    coordinator.places.add(consultation.place)
    client.force_login(coordinator)
    content = client.get(url).content.decode()
    assert booking.reference in content
    assert "+48 600 100 200" not in content and "Anna Kowalska" not in content


def test_bookings_are_read_only_but_can_be_cancelled_by_the_office(client, officer, consultation):
    booking = staff_book(consultation, officer)
    url = reverse("admin:appointments_booking_change", args=[booking.pk])
    client.post(url, {"status": Booking.Status.COMPLETED})
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED
    changelist = reverse("admin:appointments_booking_changelist")
    asked = client.post(changelist, {"action": "cancel_by_office", "_selected_action": [booking.pk]})
    assert asked.status_code == 200 and 'name="reason"' in asked.content.decode()
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED  # nothing happens before the reason is given
    client.post(changelist, {"action": "cancel_by_office", "_selected_action": [booking.pk], "apply": "1",
                             "reason": Booking.CancelReason.CLOSED, "note": ""})
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED_BY_STAFF
    assert booking.cancel_reason == Booking.CancelReason.CLOSED


def test_times_are_blocked_and_unblocked_from_the_list(client, officer, consultation):
    slot = first_bookable_slot(consultation)
    url = reverse("admin:appointments_slot_changelist")
    client.post(url, {"action": "block", "_selected_action": [slot.pk]})
    slot.refresh_from_db()
    assert slot.is_blocked
    client.post(url, {"action": "unblock", "_selected_action": [slot.pk]})
    slot.refresh_from_db()
    assert not slot.is_blocked


def test_the_roles_hold_the_appointment_rights():
    def codenames(role: str) -> set[str]:
        return set(
            Group.objects.get(name=role).permissions.filter(content_type__app_label="appointments")
            .values_list("codename", flat=True)
        )

    desk = codenames(roles.INFO_POINT_STAFF)
    assert {"view_booking", "change_booking", "add_booking", "change_slot", "view_booking_personal_data"} <= desk
    assert "change_schedule" not in desk
    officer = codenames(roles.CASE_OFFICER)
    assert {"change_schedule", "add_scheduleexception", "change_booking"} <= officer
    coordinator = codenames(roles.COORDINATOR)
    assert "view_booking" in coordinator and "view_booking_personal_data" not in coordinator
    assert "change_booking" not in codenames(roles.HOTLINE_CONSULTANT)
    assert "add_bookableservice" in codenames(roles.ADMINISTRATOR)


@pytest.mark.parametrize(
    "model", ["bookableservice", "schedule", "scheduleexception", "slot", "booking", "waitinglistentry", "draw",
              "drawrequest"]
)
def test_every_list_opens_for_an_administrator(client, consultation, model):
    admin = UserFactory(is_superuser=True, with_totp=True)
    client.force_login(admin)
    staff_book(consultation, admin)
    assert client.get(reverse(f"admin:appointments_{model}_changelist")).status_code == 200


def test_a_service_and_a_schedule_can_be_added(client, place):
    admin = UserFactory(is_superuser=True, with_totp=True)
    client.force_login(admin)
    assert client.get(reverse("admin:appointments_bookableservice_add")).status_code == 200
    assert client.get(reverse("admin:appointments_schedule_add")).status_code == 200


def test_where_a_cases_visit_can_be_booked_is_set_and_filtered_in_the_admin(client, place):
    admin = UserFactory(is_superuser=True, with_totp=True)
    client.force_login(admin)
    service = make_service("card-collection", case_visit="card-collection")
    page = client.get(reverse("admin:appointments_bookableservice_change", args=[service.pk]))
    text = page.content.decode()
    assert 'name="case_place_rule"' in text and "the place handling the case only" in text
    listing = client.get(reverse("admin:appointments_bookableservice_changelist"), {"case_place_rule": "case_place"})
    assert listing.status_code == 200 and "any place offering it" in listing.content.decode()
