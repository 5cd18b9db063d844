"""Reminders two days before the visit (Celery beat), and the erasure of who booked after the retention period."""

import logging
from datetime import date, time, timedelta
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from appointments import emails, services, tasks
from appointments.models import Booking, BookingSeat, SeatReturn, Slot
from portal.models import OutboundEmail
from tests.appointments.helpers_docs import booking_confirmed_by_link

pytestmark = pytest.mark.django_db


def local_day(booking: Booking) -> date:
    return timezone.localtime(booking.starts_at, services.LOCAL_TIME).date()


def at(day: date, hour: int, minute: int = 0):
    return services.local_datetime(day, time(hour, minute))


def reminders() -> list[OutboundEmail]:
    return list(OutboundEmail.objects.filter(dedupe_key__startswith="appointment-reminder:"))


# --- Reminders ----------------------------------------------------------------------------------------------


def test_a_confirmed_visit_two_days_ahead_is_reminded_once(consultation):
    booking = booking_confirmed_by_link(consultation)
    now = at(local_day(booking) - timedelta(days=2), 9)

    assert services.reminders_send(now=now) == 1
    assert services.reminders_send(now=now) == 0
    assert services.reminders_send(now=now + timedelta(hours=5)) == 0

    booking.refresh_from_db()
    assert booking.reminder_sent_at == now
    assert len(reminders()) == 1
    assert reminders()[0].to_address == "oksana@example.org"


@pytest.mark.parametrize("days_before", [1, 3])
def test_visits_on_other_days_are_not_reminded(consultation, days_before):
    booking = booking_confirmed_by_link(consultation)
    assert services.reminders_send(now=at(local_day(booking) - timedelta(days=days_before), 9)) == 0
    assert reminders() == []


def test_the_day_two_days_ahead_is_the_polish_calendar_day(consultation):
    booking = booking_confirmed_by_link(consultation)
    three_days_before = local_day(booking) - timedelta(days=3)
    # 23:30 in Warsaw is still three days before (in UTC it may already be the next date), 00:30 is two days.
    assert services.reminders_send(now=at(three_days_before, 23, 30)) == 0
    assert services.reminders_send(now=at(three_days_before + timedelta(days=1), 0, 30)) == 1


@pytest.mark.parametrize(
    "status", [Booking.Status.CANCELLED_BY_PERSON, Booking.Status.AWAITING_CONFIRMATION, Booking.Status.CHECKED_IN]
)
def test_only_confirmed_visits_are_reminded(consultation, status):
    booking = booking_confirmed_by_link(consultation)
    Booking.objects.filter(pk=booking.pk).update(status=status)
    assert services.reminders_send(now=at(local_day(booking) - timedelta(days=2), 9)) == 0


def test_a_visit_without_an_email_address_or_with_erased_data_is_not_reminded(consultation):
    phoned = booking_confirmed_by_link(consultation, email="phoned@example.org")
    erased = booking_confirmed_by_link(consultation, email="erased@example.org")
    Booking.objects.filter(pk=phoned.pk).update(email="")  # booked by staff for a phone caller
    Booking.objects.filter(pk=erased.pk).update(personal_data_erased_at=timezone.now())
    assert services.reminders_send(now=at(local_day(phoned) - timedelta(days=2), 9)) == 0


def test_a_visit_moved_after_its_reminder_is_reminded_again(consultation):
    booking = booking_confirmed_by_link(consultation)
    services.reminders_send(now=at(local_day(booking) - timedelta(days=2), 9))
    later = (
        Slot.objects.filter(service=consultation.service, starts_at__gt=booking.starts_at + timedelta(days=3))
        .order_by("starts_at")
        .first()
    )
    services.booking_move(booking_id=booking.pk, slot_id=later.pk, client_key="198.51.100.1")
    booking.refresh_from_db()

    assert booking.reminder_sent_at is None
    assert services.reminders_send(now=at(local_day(booking) - timedelta(days=2), 9)) == 1
    assert len(reminders()) == 2


def test_a_reminder_that_cannot_be_written_does_not_stop_the_others_and_is_tried_again(consultation, caplog):
    first = booking_confirmed_by_link(consultation, email="first@example.org")
    second = booking_confirmed_by_link(consultation, email="second@example.org")
    Booking.objects.filter(pk=second.pk).update(starts_at=first.starts_at)  # same day, whatever the slots
    now = at(local_day(first) - timedelta(days=2), 9)
    real = emails.send_reminder

    def broken_for_first(booking):
        if booking.pk == first.pk:
            raise RuntimeError("template exploded")
        return real(booking)

    caplog.set_level(logging.WARNING)
    with mock.patch.object(emails, "send_reminder", side_effect=broken_for_first):
        assert services.reminders_send(now=now) == 1

    first.refresh_from_db()
    assert first.reminder_sent_at is None
    assert [email.to_address for email in reminders()] == ["second@example.org"]
    assert f"booking {first.pk}" in caplog.text
    assert "first@example.org" not in caplog.text and "Oksana" not in caplog.text

    assert services.reminders_send(now=now + timedelta(minutes=30)) == 1  # the next run catches up
    assert len(reminders()) == 2


def test_the_reminder_task_sends_the_email(consultation, django_capture_on_commit_callbacks):
    booking = booking_confirmed_by_link(consultation)
    with (
        mock.patch.object(timezone, "now", return_value=at(local_day(booking) - timedelta(days=2), 9)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert tasks.send_reminders.delay().get() == 1
    assert mail.outbox[-1].subject == f"Reminder: your appointment {booking.reference}"


# --- Retention ----------------------------------------------------------------------------------------------


@pytest.fixture
def case(place):
    from cases import services as case_services
    from cases.demo import catalogue_load, procedures_load
    from cases.models import StatusEvent

    statuses, procedures = catalogue_load(), procedures_load()
    return case_services.case_create(
        number="WSC-II-S.6151.77.2026",
        procedure=procedures["temporary-residence-work"],
        place=place,
        filed_on=timezone.localdate(),
        status=statuses["filed"],
        occurred_at=timezone.now(),
        channel=StatusEvent.Channel.ADMIN,
        access_code="K7PX3-MQAB9",
    )


def visited(booking: Booking, *, days_ago: int, status=Booking.Status.COMPLETED, **fields) -> Booking:
    Booking.objects.filter(pk=booking.pk).update(
        starts_at=timezone.now() - timedelta(days=days_ago), status=status, **fields
    )
    return Booking.objects.get(pk=booking.pk)


def test_personal_data_is_erased_after_the_retention_period_and_the_statistics_kept(consultation, case, settings):
    settings.APPOINTMENT_RETENTION_DAYS = 30
    booking = booking_confirmed_by_link(consultation, people=2)
    booking = visited(booking, days_ago=31, case=case, case_number=case.number)
    now = timezone.now()

    assert services.bookings_retention_apply(now=now) == 1

    erased = Booking.objects.get(pk=booking.pk)
    assert (erased.name, erased.email, erased.email_key, erased.phone, erased.case_number) == ("", "", "", "", "")
    assert erased.case_id is None
    assert erased.personal_data_erased_at == now
    assert list(BookingSeat.objects.filter(booking=booking).values_list("person_name", flat=True)) == ["", ""]
    # What the statistics need stays.
    assert (erased.status, erased.service_id, erased.place_id, erased.starts_at, erased.reference) == (
        Booking.Status.COMPLETED, booking.service_id, booking.place_id, booking.starts_at, booking.reference
    )
    assert erased.checkin_code == booking.checkin_code
    case.refresh_from_db()  # the case itself is not the booking's to erase


def test_recent_and_upcoming_bookings_keep_their_data(consultation, settings):
    settings.APPOINTMENT_RETENTION_DAYS = 30
    upcoming = booking_confirmed_by_link(consultation, email="upcoming@example.org")
    recent = visited(booking_confirmed_by_link(consultation, email="recent@example.org"), days_ago=29)

    assert services.bookings_retention_apply() == 0

    assert Booking.objects.get(pk=upcoming.pk).email == "upcoming@example.org"
    assert Booking.objects.get(pk=recent.pk).name == "Oksana Shevchenko"
    assert not BookingSeat.objects.filter(person_name="").exists()


def test_cancelled_and_expired_bookings_are_erased_counting_from_the_cancellation_or_the_hold(consultation, settings):
    settings.APPOINTMENT_RETENTION_DAYS = 30
    long_ago = timezone.now() - timedelta(days=31)
    cancelled = booking_confirmed_by_link(consultation, email="cancelled@example.org")
    services.booking_cancel(booking_id=cancelled.pk)
    Booking.objects.filter(pk=cancelled.pk).update(cancelled_at=long_ago)
    cancelled_lately = booking_confirmed_by_link(consultation, email="lately@example.org")
    services.booking_cancel(booking_id=cancelled_lately.pk)
    expired = booking_confirmed_by_link(consultation, email="expired@example.org", after_days=5)
    Booking.objects.filter(pk=expired.pk).update(status=Booking.Status.EXPIRED, created_at=long_ago)

    assert services.bookings_retention_apply() == 2

    assert Booking.objects.get(pk=cancelled.pk).email == ""
    assert Booking.objects.get(pk=expired.pk).email == ""
    assert Booking.objects.get(pk=cancelled_lately.pk).email == "lately@example.org"


def test_retention_is_safe_to_run_twice(consultation, settings):
    settings.APPOINTMENT_RETENTION_DAYS = 30
    booking = visited(booking_confirmed_by_link(consultation), days_ago=40, status=Booking.Status.NO_SHOW)
    first_run = timezone.now() - timedelta(hours=1)
    services.bookings_retention_apply(now=first_run)

    assert services.bookings_retention_apply() == 0
    assert Booking.objects.get(pk=booking.pk).personal_data_erased_at == first_run


def test_the_retention_task_applies_it(consultation, settings):
    settings.APPOINTMENT_RETENTION_DAYS = 30
    visited(booking_confirmed_by_link(consultation), days_ago=31)
    assert tasks.apply_booking_retention.delay().get() == 1


# --- The other scheduled tasks ------------------------------------------------------------------------------


def test_the_hold_task_expires_holds_and_returns_seats_due(consultation):
    slot = Slot.objects.filter(service=consultation.service, opens_at__lte=timezone.now()).last()
    booking = services.hold_create(
        service_id=consultation.service_id, place_id=consultation.place_id, slot_id=slot.pk, people=1,
        language="en", client_key="198.51.100.9",
    )
    Booking.objects.filter(pk=booking.pk).update(hold_expires_at=timezone.now() - timedelta(minutes=1))
    # A seat given up by a cancellation earlier, whose random delay has passed.
    earlier = Slot.objects.filter(service=consultation.service, opens_at__lte=timezone.now()).exclude(pk=slot.pk)[0]
    Slot.objects.filter(pk=earlier.pk).update(booked=1)
    SeatReturn.objects.create(slot=earlier, returns_at=timezone.now() - timedelta(minutes=1))
    expired, returned = tasks.expire_holds_and_return_seats.delay().get()
    assert (expired, returned) == (1, 1)
    assert Booking.objects.get(pk=booking.pk).status == Booking.Status.EXPIRED
    slot.refresh_from_db()
    earlier.refresh_from_db()
    assert slot.booked == 0 and earlier.booked == 0


def test_the_slot_task_generates_the_horizon(consultation):
    Slot.objects.filter(booked=0).delete()
    assert tasks.generate_slots.delay().get() > 0


def test_the_draw_task_calls_the_draws(monkeypatch):
    from appointments import draws

    monkeypatch.setattr(draws, "draws_run_due", lambda: 3, raising=False)
    assert tasks.run_due_draws.delay().get() == 3
