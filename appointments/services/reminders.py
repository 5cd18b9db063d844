"""Reminders two days before a visit, by e-mail through the outbox; each booking in its own transaction."""

import logging
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from appointments import emails
from appointments.dates import local_datetime, local_today
from appointments.models import Booking

logger = logging.getLogger(__name__)


def reminders_send(*, now: datetime | None = None) -> int:
    """E-mail a reminder for every confirmed visit on the local day after tomorrow; returns how many were queued.

    Runs every half hour and is safe to run twice: `reminder_sent_at` is set in the same transaction as the
    outbox row is written (whose dedupe key also names the booking), and a moved booking's reminder is due again.
    A booking confirmed late (within the two days) simply gets no reminder: its confirmation is fresh.
    """
    now = now or timezone.now()
    day = local_today(now) + timedelta(days=2)
    start, end = local_datetime(day, time(0, 0)), local_datetime(day + timedelta(days=1), time(0, 0))
    due = Booking.objects.filter(
        status=Booking.Status.CONFIRMED,
        starts_at__gte=start,
        starts_at__lt=end,
        reminder_sent_at__isnull=True,
        personal_data_erased_at__isnull=True,
    ).exclude(email="")
    sent = failed = 0
    for booking_id in list(due.values_list("pk", flat=True)):
        with transaction.atomic():
            booking = (
                Booking.objects.select_for_update(of=("self",))
                .select_related("service", "place")
                .filter(pk=booking_id, status=Booking.Status.CONFIRMED, reminder_sent_at__isnull=True)
                .first()
            )
            if booking is None:
                continue  # cancelled, moved or reminded by a concurrent run meanwhile
            try:
                with transaction.atomic():
                    emails.send_reminder(booking)
            except Exception as exc:
                # The id only (no names or addresses in logs); the next run tries again.
                logger.warning("Reminder of booking %s not queued: %s", booking_id, type(exc).__name__)
                failed += 1
                continue
            booking.reminder_sent_at = now
            booking.save(update_fields=["reminder_sent_at"])
            sent += 1
    if failed:
        logger.warning("%s reminders could not be queued", failed)
    return sent
