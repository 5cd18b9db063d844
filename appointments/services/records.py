"""The one place seats are taken and bookings are made (online holds, the desk, the draw, the waiting list).

Below everything else in the package: the holds, the desk, the waiting-list offers and the draws all build on it.
A seat is taken only by `seats_take`, a conditional UPDATE that the database serializes.
"""

import secrets
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import CharField, F, Model

from appointments.availability import seats_changed
from appointments.errors import BookingError
from appointments.models import BookableService, Booking, BookingSeat, Slot
from portal.services import over_hourly_limit
from portal.text_validation import text_problem

REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud over the phone


def _max_length(model: type[Model], field: str) -> int:
    column = model._meta.get_field(field)
    assert isinstance(column, CharField) and column.max_length is not None  # text columns all have a length
    return column.max_length


def details_problem(
    *, name: str = "", email: str = "", phone: str = "", case_number: str = "", family_names: Sequence[str] = ()
) -> str | None:
    """Why the person's details cannot be stored (a BookingError code), or None.

    The forms check the same, with messages per field; this is the guard for every other caller, so a value
    longer than its column or holding control characters never reaches the database (or a staff screen).
    """
    texts = {"name": name, "phone": phone, "case_number": case_number, "email": email}
    for field, value in texts.items():
        if len(value.strip()) > _max_length(Booking, field):
            return "too_long"
    if any(len(person.strip()) > _max_length(BookingSeat, "person_name") for person in family_names):
        return "too_long"
    if any(text_problem(value) for value in [*texts.values(), *family_names]):
        return "control_characters"
    return None


def seats_over_limit(*, prefix: str, key: str, seats: int) -> bool:
    """Count `seats` held seats against the hourly limit of `key` (a client address or an e-mail address).

    Seats, not holds: one hold can take up to `max_people` seats. Each seat is one count of the shared hourly
    limiter, so the limit (APPOINTMENT_SEATS_HELD_PER_HOUR) reads as "seats per hour".
    """
    results = [
        over_hourly_limit(prefix=prefix, client_key=key, per_hour=settings.APPOINTMENT_SEATS_HELD_PER_HOUR)
        for _ in range(max(seats, 1))
    ]
    return any(results)


def seats_take(slots: Sequence[Slot]) -> bool:
    """Take one seat in each slot, all or none; the caller's transaction is rolled back by the raised error.

    The UPDATE's condition is evaluated by the database on the locked row, so concurrent requests for the last
    seat are serialized there: exactly one of them sees a row updated.
    """
    for slot in slots:
        taken = Slot.objects.filter(pk=slot.pk, booked__lt=F("capacity"), is_blocked=False).update(
            booked=F("booked") + 1
        )
        if not taken:
            raise BookingError("taken")
    seats_changed((slot.service_id, slot.place_id) for slot in slots)
    return True

def new_reference() -> str:
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))


def normalize_email(email: str) -> str:
    """One key per mailbox as far as we can tell without guessing providers' rules: trimmed and lower case."""
    return email.strip().lower()

def booking_create(
    *,
    service: BookableService,
    place_id: int,
    slots: list[Slot],
    language: str,
    hold_expires_at: datetime | None,
    names: Sequence[str] = (),
    **fields: Any,
) -> Booking:
    """A booking with one seat per slot, in order, for seats the caller has already taken (or transfers).

    The one place bookings are made: online holds, the desk, the draw and the waiting list. A constraint broken by
    `fields` (one active booking per e-mail or case and service) raises IntegrityError for the caller to explain.
    """
    reference = new_reference()
    while Booking.objects.filter(reference=reference).exists():  # about one chance in 10^11
        reference = new_reference()
    booking = Booking.objects.create(
        reference=reference,
        service=service,
        place_id=place_id,
        starts_at=slots[0].starts_at,
        language=language,
        hold_expires_at=hold_expires_at,
        **fields,
    )
    names = list(names) + [""] * (len(slots) - len(names))
    BookingSeat.objects.bulk_create(
        BookingSeat(booking=booking, slot=slot, position=position, person_name=name)
        for position, (slot, name) in enumerate(zip(slots, names, strict=False))
    )
    return booking

def _checkin_code() -> str:
    return f"{secrets.randbelow(10**6):06d}"


def booking_confirm_held(booking: Booking, *, now: datetime) -> None:
    """Make a held booking confirmed, with a check-in code unique among upcoming bookings."""
    booking.status = Booking.Status.CONFIRMED
    booking.confirmed_at = now
    booking.hold_expires_at = None
    for _ in range(10):
        booking.checkin_code = _checkin_code()
        try:
            with transaction.atomic():
                booking.save(update_fields=["status", "confirmed_at", "hold_expires_at", "checkin_code"])
            return
        except IntegrityError:
            continue
    raise RuntimeError("could not draw a free check-in code")
