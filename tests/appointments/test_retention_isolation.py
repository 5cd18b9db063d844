"""Retention never stops at one bad record: each booking, waiting-list entry and draw request is erased in its own
transaction, a failure is logged with the id only and skipped, and the other purges of the daily task still run."""

import logging
from datetime import timedelta

import pytest
from django.db import IntegrityError
from django.utils import timezone

from appointments import draws, tasks, waiting_list
from appointments.models import Booking, WaitingListEntry
from appointments.services import retention
from tests.appointments.helpers_docs import booking_confirmed_by_link as confirmed_booking

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def quiet_emails(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def long_ago(booking: Booking) -> Booking:
    Booking.objects.filter(pk=booking.pk).update(
        starts_at=timezone.now() - timedelta(days=60), status=Booking.Status.COMPLETED
    )
    return booking


def test_one_poisoned_booking_is_logged_by_id_and_skipped_and_the_others_are_erased(
    consultation, monkeypatch, caplog
):
    first = long_ago(confirmed_booking(consultation, email="first@example.org"))
    poisoned = long_ago(confirmed_booking(consultation, email="poisoned@example.org", after_days=3))
    last = long_ago(confirmed_booking(consultation, email="last@example.org", after_days=4))
    real_erase = retention._booking_erase

    def erase(booking_id, *, now):
        erased = real_erase(booking_id, now=now)  # the write happens, then the record fails: must be rolled back
        if booking_id == poisoned.pk:
            raise IntegrityError("duplicate key value violates unique constraint")
        return erased

    monkeypatch.setattr(retention, "_booking_erase", erase)
    with caplog.at_level(logging.WARNING, logger="appointments.services.retention"):
        assert retention.bookings_retention_apply() == 2
    assert Booking.objects.get(pk=first.pk).email == "" and Booking.objects.get(pk=last.pk).email == ""
    kept = Booking.objects.get(pk=poisoned.pk)
    assert kept.email == "poisoned@example.org" and kept.personal_data_erased_at is None  # rolled back alone
    assert f"booking {poisoned.pk} skipped (IntegrityError)" in caplog.text
    assert "poisoned@example.org" not in caplog.text


def test_the_skipped_booking_is_erased_by_the_next_run(consultation, monkeypatch):
    booking = long_ago(confirmed_booking(consultation))
    monkeypatch.setattr(retention, "_booking_erase", lambda booking_id, *, now: 1 / 0)
    assert retention.bookings_retention_apply() == 0
    monkeypatch.undo()
    assert retention.bookings_retention_apply() == 1
    assert Booking.objects.get(pk=booking.pk).personal_data_erased_at is not None


def test_a_waiting_list_entry_that_cannot_be_deleted_does_not_keep_the_others(consultation, monkeypatch):
    entries = [
        WaitingListEntry.objects.create(
            service=consultation.service, place=consultation.place, name=f"P{n}", email=f"p{n}@example.org",
            email_key=f"p{n}@example.org", language="en", status=WaitingListEntry.Status.LEFT,
        )
        for n in range(3)
    ]
    real = retention.each_in_own_transaction

    def poisoned_middle(ids, action, *, what):
        def guarded(record_id):
            if record_id == entries[1].pk:
                raise IntegrityError("poisoned")
            return action(record_id)

        return real(ids, guarded, what=what)

    monkeypatch.setattr(waiting_list, "each_in_own_transaction", poisoned_middle)
    assert waiting_list.waiting_list_purge() == 2
    assert list(WaitingListEntry.objects.values_list("pk", flat=True)) == [entries[1].pk]


def test_the_daily_task_runs_every_purge_even_if_one_fails(consultation, monkeypatch, caplog):
    booking = long_ago(confirmed_booking(consultation))

    def broken(**kwargs):
        raise RuntimeError("the waiting list is broken")

    monkeypatch.setattr(waiting_list, "waiting_list_purge", broken)
    monkeypatch.setattr(draws, "draw_requests_purge", broken)
    with caplog.at_level(logging.ERROR, logger="appointments.tasks"):
        assert tasks.apply_booking_retention.delay().get() == 1
    assert Booking.objects.get(pk=booking.pk).personal_data_erased_at is not None
    assert "Retention of waiting list failed (RuntimeError)" in caplog.text
