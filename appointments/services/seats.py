"""Seats given up (cancelled, expired, moved away): to the next person waiting, or back to the pool.

A seat of a cancelled or moved booking returns after a random delay (`Schedule.return_delay_*`), so that nobody can
watch for it and a bot cannot grab it the moment it frees up. A seat of a hold nobody completed returns at once:
it was never anybody's visit, and holding times back for up to two hours would make hoarding them pay.
"""

import secrets
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from appointments.availability import seats_changed
from appointments.models import Booking, BookingSeat, Schedule, SeatReturn, Slot
from appointments.services.offers import offer_seat


def _return_delay(schedule: Schedule | None) -> timedelta:
    low, high = (5, 120) if schedule is None else (schedule.return_delay_min_minutes, schedule.return_delay_max_minutes)
    return timedelta(seconds=secrets.randbelow(max(high - low, 0) * 60 + 1) + low * 60)


def seats_give_up(booking: Booking, *, now: datetime | None = None, delayed: bool = True) -> None:
    """Give up the booking's seats: each goes to the next person on the waiting list, or back to the pool.

    `delayed=False` (an abandoned hold) puts the seats back at once instead of after the random delay.
    """
    now = now or timezone.now()
    schedule = Schedule.objects.filter(place=booking.place_id, service=booking.service_id).first()
    seats = list(booking.seats.filter(released=False).select_related("slot"))
    for seat in seats:
        if seat.slot.starts_at > now and offer_seat(slot=seat.slot, now=now):
            continue  # the seat went to a waiting person, still counted in `booked`
        if seat.slot.starts_at > now and delayed:
            SeatReturn.objects.create(slot=seat.slot, returns_at=now + _return_delay(schedule))
        else:
            Slot.objects.filter(pk=seat.slot_id, booked__gt=0).update(booked=F("booked") - 1)
    BookingSeat.objects.filter(pk__in=[seat.pk for seat in seats]).update(released=True)
    seats_changed([(booking.service_id, booking.place_id)])


def seat_returns_apply(*, now: datetime | None = None, slot_ids: list[int] | None = None) -> int:
    """Put held-back seats whose moment has come back into their slots; returns how many."""
    now = now or timezone.now()
    due = SeatReturn.objects.filter(returns_at__lte=now)
    if slot_ids is not None:
        due = due.filter(slot__in=slot_ids)
    slot_ids = []
    with transaction.atomic():
        for seat_return in due.select_for_update(skip_locked=True):
            Slot.objects.filter(pk=seat_return.slot_id, booked__gt=0).update(booked=F("booked") - 1)
            seat_return.delete()
            slot_ids.append(seat_return.slot_id)
        if slot_ids:
            seats_changed(Slot.objects.filter(pk__in=slot_ids).values_list("service_id", "place_id").distinct())
    return len(slot_ids)
