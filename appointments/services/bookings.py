"""The public booking after the hold: details, the confirmation e-mail and link, cancelling and moving."""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from appointments import emails
from appointments.errors import BookingError
from appointments.models import BookableService, Booking, BookingSeat, Slot
from appointments.services.holds import case_place_problem
from appointments.services.needs import (
    NEEDS_FIELDS,
    DeskNeeds,
    booking_text_limit,
    desk_needs_fields,
    desk_needs_problem,
)
from appointments.services.records import (
    booking_confirm_held,
    details_problem,
    normalize_email,
    seats_over_limit,
    seats_take,
)
from appointments.services.seats import seats_give_up
from appointments.services.slots import consecutive_slots, slot_bookable_problem
from appointments.services.transitions import booking_staff_refusal
from appointments.tokens import CONFIRM_MAX_AGE, CONFIRM_SALT, booking_from_token
from cases import selectors as case_selectors
from cases import services as case_services
from portal.audit import audit_record
from portal.services import over_hourly_limit
from portal.text_validation import text_problem

if TYPE_CHECKING:
    from portal.models import User


@dataclass(frozen=True)
class Details:
    name: str
    email: str
    phone: str = ""
    family_names: tuple[str, ...] = ()
    case_number: str = ""
    access_code: str = ""
    needs: DeskNeeds = DeskNeeds()


def booking_case_verify(
    *, service: BookableService, case_number: str, access_code: str, client_key: str, place_id: int | None = None
) -> int:
    """The case a visit is booked for, checked by its number and access code before any time is held.

    Returns the case id, or raises: an unknown case and a wrong code get the same answer (and the case service's
    limits against guessing); a case whose status does not call for `service` is refused with a message saying so,
    and so is a case handled elsewhere when the service is booked only at the case's place (`place_id` given).
    """
    found = case_services.case_lookup(number=case_number, access_code=access_code, client_key=client_key)
    if found.case_id is None:
        raise BookingError(
            "case_limited" if found.retry_after_seconds else "case_not_found",
            retry_after_seconds=found.retry_after_seconds,
        )
    if not case_selectors.case_calls_for_visit(case_id=found.case_id, visit=service.case_visit):
        raise BookingError("case_not_due")
    if place_id is not None:
        case_place_problem(service=service, case_id=found.case_id, place_id=place_id)
    return found.case_id


@transaction.atomic
def details_set(*, booking_id: int, details: Details, client_key: str) -> Booking:
    """Attach the person's details to their hold; the one-booking rule, and the seats held per e-mail address.

    A visit a case calls for was held with its verified case (`hold_create`); a hold made without one (before
    the case was asked first) is verified here from the details.
    """
    now = timezone.now()
    booking = (
        Booking.objects.select_for_update()
        .select_related("service")
        .filter(pk=booking_id, status=Booking.Status.HELD)
        .first()
    )
    if booking is None or booking.hold_over(now):
        raise BookingError("expired")
    seats = list(booking.seats.order_by("position"))
    if len(details.family_names) != len(seats) - 1:
        raise BookingError("family_names")
    problem = details_problem(
        name=details.name,
        email=details.email,
        phone=details.phone,
        case_number=details.case_number,
        family_names=details.family_names,
    ) or desk_needs_problem(details.needs)
    if problem:
        raise BookingError(problem)

    case_id = booking.case_id
    if booking.service.requires_case and case_id is None:
        case_id = booking_case_verify(
            service=booking.service,
            case_number=details.case_number,
            access_code=details.access_code,
            client_key=client_key,
            place_id=booking.place_id,
        )
    email_key = normalize_email(details.email)
    if email_key != booking.email_key and seats_over_limit(
        prefix="appointment-hold-seats-email", key=email_key, seats=len(seats)
    ):
        raise BookingError("limited", retry_after_seconds=60 * 60)

    booking.name = details.name.strip()
    booking.email = details.email.strip()
    booking.email_key = email_key
    booking.phone = details.phone.strip()
    if case_id != booking.case_id or details.case_number.strip():
        booking.case_number = details.case_number.strip() if case_id else ""
    booking.case_id = case_id
    for field, value in desk_needs_fields(details.needs).items():
        setattr(booking, field, value)
    try:
        with transaction.atomic():
            booking.save(update_fields=["name", "email", "email_key", "phone", "case", "case_number", *NEEDS_FIELDS])
    except IntegrityError as exc:
        raise BookingError("duplicate_case" if case_id else "duplicate") from exc
    names = [booking.name, *[name.strip() for name in details.family_names]]
    for seat, name in zip(seats, names, strict=True):
        seat.person_name = name
    BookingSeat.objects.bulk_update(seats, ["person_name"])
    return booking


@transaction.atomic
def booking_submit(*, booking_id: int) -> Booking:
    """The person checked their details: e-mail them the link that confirms the booking (within the hold)."""
    now = timezone.now()
    booking = Booking.objects.select_for_update().select_related("service", "place").filter(pk=booking_id).first()
    if booking is None or booking.status != Booking.Status.HELD or booking.hold_over(now):
        if booking is not None and booking.status == Booking.Status.AWAITING_CONFIRMATION:
            return booking  # a second click on "send": the e-mail went already
        raise BookingError("expired")
    if not booking.email:
        raise BookingError("details_missing")
    if over_hourly_limit(
        prefix="appointment-email", client_key=booking.email_key, per_hour=settings.APPOINTMENT_EMAILS_PER_HOUR
    ):
        raise BookingError("limited", retry_after_seconds=60 * 60)
    booking.status = Booking.Status.AWAITING_CONFIRMATION
    booking.confirmation_emails = 1
    booking.save(update_fields=["status", "confirmation_emails"])
    emails.send_confirmation_request(booking)
    return booking


@transaction.atomic
def booking_confirm(*, token: str) -> Booking:
    """The person clicked the link in the e-mail. Clicking again shows the same confirmed booking."""
    booking = booking_from_token(token, CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    if booking is None:
        raise BookingError("invalid_link")
    booking = Booking.objects.select_for_update().select_related("service", "place").get(pk=booking.pk)
    if booking.status in Booking.UPCOMING:
        return booking
    now = timezone.now()
    if booking.status != Booking.Status.AWAITING_CONFIRMATION or booking.hold_over(now):
        raise BookingError("expired")
    booking_confirm_held(booking, now=now)
    emails.send_confirmed(booking)
    return booking


def _cancel_reason_problem(reason: str, note: str) -> str | None:
    if reason not in Booking.CancelReason.values:
        return "cancel_reason"
    if reason == Booking.CancelReason.OTHER and not note.strip():
        return "cancel_note"
    if len(note.strip()) > booking_text_limit("cancel_note"):
        return "too_long"
    if text_problem(note):
        return "control_characters"
    return None


@transaction.atomic
def booking_cancel(
    *, booking_id: int, by_staff: "User | None" = None, reason: str = "", note: str = ""
) -> Booking:
    """Cancel a booking (by the person through their link, or by staff); its seats are given up.

    The office gives a reason (`Booking.CancelReason`, and a note for "another reason"), which the person's
    e-mail states in their language; only the admin's bulk action cancels without one. A cancellation by the
    office is recorded in the audit trail with the reason's code (never the note, which may name people); one by
    the person is not a staff action.
    """
    if by_staff is not None and (reason or note):
        problem = _cancel_reason_problem(reason, note)
        if problem:
            raise BookingError(problem)
    booking = Booking.objects.select_for_update().select_related("service", "place").get(pk=booking_id)
    refusal = booking_staff_refusal(booking, "cancel")
    if refusal:
        raise BookingError(refusal)
    old_status = booking.status
    was_confirmed = booking.status == Booking.Status.CONFIRMED
    booking.status = Booking.Status.CANCELLED_BY_STAFF if by_staff else Booking.Status.CANCELLED_BY_PERSON
    booking.cancelled_at = timezone.now()
    booking.token_version += 1
    if by_staff is not None:
        booking.cancel_reason, booking.cancel_note = reason, note.strip()
    booking.save(update_fields=["status", "cancelled_at", "token_version", "cancel_reason", "cancel_note"])
    seats_give_up(booking)
    if by_staff:
        audit_record(
            actor=by_staff,
            action="booking.cancel",
            obj=booking,
            place=booking.place_id,
            changes={"status": (old_status, booking.status), **({"cancel_reason": ("", reason)} if reason else {})},
            label=booking.reference,
        )
    if was_confirmed and booking.email:
        emails.send_cancelled(booking, by_staff=bool(by_staff))
    return booking


@transaction.atomic
def booking_move(*, booking_id: int, slot_id: int, client_key: str) -> Booking:
    """Move a confirmed booking to another time: the new seats are taken first, then the old ones given up."""
    now = timezone.now()
    booking = Booking.objects.select_for_update().select_related("service", "place").get(pk=booking_id)
    if booking.status != Booking.Status.CONFIRMED:
        raise BookingError("not_active")
    if booking.starts_at <= now:
        raise BookingError("past")
    slot = Slot.objects.filter(pk=slot_id, place=booking.place_id, service=booking.service_id).first()
    if slot is None:
        raise BookingError("taken")
    problem = slot_bookable_problem(slot, now=now)
    if problem:
        raise BookingError(problem)
    if over_hourly_limit(
        prefix="appointment-hold", client_key=client_key, per_hour=settings.APPOINTMENT_HOLDS_PER_HOUR
    ):
        raise BookingError("limited", retry_after_seconds=60 * 60)
    old_seats = list(booking.seats.filter(released=False).order_by("position"))
    slots = consecutive_slots(first=slot, people=len(old_seats))
    if not slots:
        raise BookingError("no_consecutive" if len(old_seats) > 1 else "taken")
    with transaction.atomic():
        seats_take(slots)
    seats_give_up(booking, now=now)
    BookingSeat.objects.filter(booking=booking).delete()
    BookingSeat.objects.bulk_create(
        BookingSeat(booking=booking, slot=new_slot, position=position, person_name=old.person_name)
        for position, (new_slot, old) in enumerate(zip(slots, old_seats, strict=True))
    )
    booking.starts_at = slots[0].starts_at
    booking.reminder_sent_at = None
    booking.token_version += 1  # the old link named the old time; the e-mail carries a new one
    booking.save(update_fields=["starts_at", "reminder_sent_at", "token_version"])
    emails.send_confirmed(booking, moved=True)
    return booking
