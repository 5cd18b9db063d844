"""Issuing tickets at a kiosk: when a matter is open, today's numbers drawn from the locked day counter, and
the check-in of visitors who booked."""

import secrets
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from appointments import services as appointment_services
from infopoints.models import DayCounter, Device, Matter, Ticket
from infopoints.queue_state import queue_changed
from infopoints.services.queue.errors import QueueError

if TYPE_CHECKING:
    from portal.models import Place

# --- Opening of matters ------------------------------------------------------------------------------------


def _opening_days(place: "Place") -> set[int]:
    return {hours.weekday for hours in place.opening_hours.all()}


def matter_problem(matter: Matter, *, now: datetime | None = None) -> str | None:
    """Why the kiosk cannot issue a ticket for `matter` now (a code), or None. Reads the place's opening days."""
    now = timezone.localtime(now or timezone.now())
    if not matter.is_open:
        return "matter_closed"
    day = now.date()
    if day.weekday() not in _opening_days(matter.place) or day in appointment_services.public_holidays(day.year):
        return "matter_closed"
    if not (matter.issue_from <= now.time() < matter.issue_until):
        return "matter_closed"
    return None


def matter_next_opening(matter: Matter, *, now: datetime | None = None) -> datetime | None:
    """When the kiosk issues tickets for `matter` next (None: closed until staff open it again)."""
    if not matter.is_open:
        return None
    now = timezone.localtime(now or timezone.now())
    days = _opening_days(matter.place)
    for offset in range(0, 15):
        day = now.date() + timedelta(days=offset)
        if day.weekday() not in days or day in appointment_services.public_holidays(day.year):
            continue
        opens = timezone.make_aware(datetime.combine(day, matter.issue_from))
        if offset == 0 and now.time() >= matter.issue_from:
            if now.time() < matter.issue_until:
                return now
            continue
        return opens
    return None


# --- Issuing tickets ---------------------------------------------------------------------------------------


def _next_number(*, place_id: int, day: date, letter: str, limit: int | None) -> int:
    """The next number for `letter` today, from the day's counter row locked until the ticket is saved."""
    DayCounter.objects.get_or_create(place_id=place_id, day=day, letter=letter)
    counter = DayCounter.objects.select_for_update().get(place_id=place_id, day=day, letter=letter)
    if limit is not None and counter.last_number >= limit:
        raise QueueError("sold_out")
    DayCounter.objects.filter(pk=counter.pk).update(last_number=F("last_number") + 1)
    return counter.last_number + 1


def _create_ticket(*, device: Device, matter: Matter, press_key: str, now: datetime, **fields: Any) -> Ticket:
    day = timezone.localdate(now)
    number = _next_number(place_id=matter.place_id, day=day, letter=matter.letter, limit=fields.pop("limit", None))
    ticket = Ticket.objects.create(
        place_id=matter.place_id,
        matter=matter,
        day=day,
        letter=matter.letter,
        number=number,
        token=secrets.token_urlsafe(16),
        device_id=device.pk,
        press_key=press_key[:40],
        issued_at=now,
        queued_at=now,
        **fields,
    )
    queue_changed(matter.place_id)
    return ticket


def _pressed_before(device: Device, press_key: str) -> Ticket | None:
    if not press_key:
        return None
    return (
        Ticket.objects.filter(device_id=device.pk, press_key=press_key[:40]).select_related("matter", "place").first()
    )


def ticket_issue(*, device: Device, matter_id: int, press_key: str, now: datetime | None = None) -> Ticket:
    """A walk-in ticket from a kiosk (`device`: a Device or the request's DeviceInfo).

    The same press (same `press_key`) always gives back the same ticket."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            existing = _pressed_before(device, press_key)
            if existing is not None:
                return existing
            matter = (
                Matter.objects.select_related("place")
                .prefetch_related("place__opening_hours")
                .filter(pk=matter_id, place=device.place_id, is_checkin=False)
                .first()
            )
            if matter is None:
                raise QueueError("unknown_matter")
            problem = matter_problem(matter, now=now)
            if problem:
                raise QueueError(problem)
            return _create_ticket(device=device, matter=matter, press_key=press_key, now=now, limit=matter.daily_limit)
    except IntegrityError:
        # The same press arrived twice at once: the first one's ticket is the answer.
        existing = _pressed_before(device, press_key)
        if existing is None:
            raise
        return existing


def ticket_check_in(*, device: Device, code: str, press_key: str, now: datetime | None = None) -> Ticket:
    """A person with a booking for today checks in at the kiosk: the booking is marked arrived (as at the desk)
    and they get a priority ticket in the place's check-in matter, called first once their time is due."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            existing = _pressed_before(device, press_key)
            if existing is not None:
                return existing
            matter = Matter.objects.select_related("place").filter(place=device.place_id, is_checkin=True).first()
            if matter is None:
                raise QueueError("no_checkin_matter")
            try:
                booking = appointment_services.booking_check_in_by_code(place_id=device.place_id, code=code, now=now)
            except appointment_services.BookingError as exc:
                raise QueueError("checkin_unknown") from exc
            already = Ticket.objects.filter(booking=booking.pk).select_related("matter", "place").first()
            if already is not None:
                return already
            return _create_ticket(
                device=device, matter=matter, press_key=press_key, now=now,
                booking_id=booking.pk, appointment_at=booking.starts_at, priority=Ticket.Priority.APPOINTMENT,
            )
    except IntegrityError:
        existing = _pressed_before(device, press_key)
        if existing is None:
            raise
        return existing
