"""Erasing personal data of finished bookings, and the one rule every purge of the app follows.

Each record is processed in a transaction of its own (`each_in_own_transaction`): a record that cannot be erased
(a broken row, a constraint, a lock timeout) is logged with its id only and skipped, and every other record is
still erased; the next daily run tries the skipped one again.
"""

import logging
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from appointments.models import Booking, BookingSeat

logger = logging.getLogger(__name__)


def each_in_own_transaction(ids: Iterable[int], action: Callable[[int], int], *, what: str) -> int:
    """Apply `action` (returning how many records it changed) to each id in its own transaction; returns the sum.

    A failing record is rolled back alone, logged as "`what` <id> skipped" with the kind of error (no data), and
    the loop goes on.
    """
    done = 0
    for record_id in ids:
        try:
            with transaction.atomic():
                done += action(record_id)
        except Exception as exc:  # one bad record must never block the erasure of the others
            logger.warning("Retention: %s %s skipped (%s)", what, record_id, type(exc).__name__)
    return done


def _booking_erase(booking_id: int, *, now: datetime) -> int:
    BookingSeat.objects.filter(booking=booking_id).update(person_name="")
    return Booking.objects.filter(pk=booking_id, personal_data_erased_at__isnull=True).update(
        name="", email="", email_key="", phone="", case=None, case_number="", desk_language="",
        desk_language_other="", needs_step_free=False, needs_induction_loop=False, access_note="", cancel_note="",
        personal_data_erased_at=now,
    )


def bookings_retention_apply(*, now: datetime | None = None) -> int:
    """Erase who booked, some days after the visit (or the cancellation or expiry); keep what statistics need.

    A booking keeps its service, place, times, status and channel, so counts per day, place and outcome stay
    possible; its name, e-mail, phone, case link, the names of the people, what they needed at the desk (language,
    accessibility) and the office's note on a cancellation go (the reason's code stays, for statistics).
    Returns how many were erased.
    The waiting list and the draw requests have purges of their own (`waiting_list.waiting_list_purge`,
    `draws.draw_requests_purge`), run by the same daily task.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.APPOINTMENT_RETENTION_DAYS)
    finished = (
        Q(status__in=[Booking.Status.CANCELLED_BY_PERSON, Booking.Status.CANCELLED_BY_STAFF], cancelled_at__lt=cutoff)
        | Q(status=Booking.Status.EXPIRED, created_at__lt=cutoff)
        | Q(starts_at__lt=cutoff)  # the visit took place (or should have, whatever its status) that long ago
    )
    booking_ids = list(
        Booking.objects.filter(finished, personal_data_erased_at__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    erased = each_in_own_transaction(
        booking_ids, lambda booking_id: _booking_erase(booking_id, now=now), what="booking"
    )
    logger.info("Booking retention: personal data of %s bookings erased", erased)
    return erased
