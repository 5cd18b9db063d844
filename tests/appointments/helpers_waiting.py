"""Helpers of the waiting-list, draw and release-calendar tests (imported by those modules)."""

import re
from datetime import time

from django.utils import timezone

from appointments import services
from appointments.models import Booking, Schedule, ScheduleHours
from portal.models import OutboundEmail
from tests.appointments.conftest import CLIENT, first_bookable_slot, make_service


def record_booking_emails(monkeypatch) -> list:
    """The e-mails of `appointments.emails` (another engineer's module) are recorded here instead of composed."""
    from appointments import emails

    calls = []
    for name in ("send_confirmed", "send_cancelled", "send_confirmation_request"):
        monkeypatch.setattr(
            emails, name, lambda booking, _name=name, **kwargs: calls.append((_name, booking.pk)), raising=False
        )
    return calls


def booking_confirmed_at_once(schedule, *, email: str, slot=None, name: str = "Anna Kowalska") -> Booking:
    """A booking held, filled in and confirmed at once (`booking_confirm_held`), without the e-mail round trip."""
    slot = slot or first_bookable_slot(schedule)
    booking = services.hold_create(
        service_id=schedule.service_id, place_id=schedule.place_id, slot_id=slot.pk, people=1, language="en",
        client_key=CLIENT,
    )
    services.details_set(booking_id=booking.pk, details=services.Details(name=name, email=email), client_key=CLIENT)
    booking.refresh_from_db()
    services.booking_confirm_held(booking, now=timezone.now())
    return booking


def link_in_last_email(to: str, pattern: str) -> str:
    """The path matching `pattern` (e.g. "waiting/confirm") in the latest e-mail to `to`."""
    email = OutboundEmail.objects.filter(to_address=to).order_by("-pk").first()
    assert email is not None, f"no e-mail to {to}"
    match = re.search(r"https?://[^/\s]+(/\S*" + re.escape(pattern) + r"/[^/\s]+/)", email.body_text)
    assert match, email.body_text
    return match.group(1)


def make_draw_schedule(place, *, code="card-collection", slot_minutes=30, ends=time(9), desks=1, **fields):
    """A draw schedule with a short morning every day: few seats a week, so some requests lose."""
    service = make_service(code, max_people=1, **fields.pop("service_fields", {}))
    schedule = Schedule.objects.create(
        place=place,
        service=service,
        release_policy=Schedule.ReleasePolicy.DRAW,
        horizon_days=35,
        release_days_ahead=14,
        draw_window_days=7,
        **fields,
    )
    ScheduleHours.objects.bulk_create(
        ScheduleHours(schedule=schedule, weekday=weekday, starts=time(8), ends=ends, slot_minutes=slot_minutes,
                      desks=desks)
        for weekday in range(7)
    )
    services.slots_generate(schedule_ids=[schedule.pk])
    return schedule
