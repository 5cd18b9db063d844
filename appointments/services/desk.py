"""The staff desk: check-in, no-show, completion, blocking times and booking for a phone caller or a walk-in.

Each action is recorded in the audit trail (`portal.audit.audit_record`) inside its own transaction, with the
booking's place, its reference as the label and the status before and after; never a name or an address.
Which action a booking allows is decided in `transitions`, which the day page uses to show its buttons.

"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from appointments import emails
from appointments.availability import seats_changed
from appointments.dates import local_today
from appointments.errors import BookingError
from appointments.models import BookableService, Booking, Schedule, Slot
from appointments.services.needs import DeskNeeds, desk_needs_fields, desk_needs_problem
from appointments.services.records import (
    booking_confirm_held,
    booking_create,
    details_problem,
    normalize_email,
    seats_take,
)
from appointments.services.slots import consecutive_slots, staff_slot_problem
from appointments.services.transitions import booking_staff_refusal
from cases import selectors as case_selectors
from portal.audit import audit_record

if TYPE_CHECKING:
    from portal.models import User


def _staff_booking_locked(booking_id: int, action: str, *, now: datetime) -> Booking:
    booking = Booking.objects.select_for_update().select_related("service", "place").get(pk=booking_id)
    refusal = booking_staff_refusal(booking, action, now=now)
    if refusal:
        raise BookingError(refusal)
    return booking


def _record(
    booking: Booking, *, user: "User | None", action: str, old_status: str, **changes: tuple[object, object]
) -> None:
    audit_record(
        actor=user,
        action=f"booking.{action}",
        obj=booking,
        place=booking.place_id,
        changes={"status": (old_status, booking.status), **changes},
        label=booking.reference,
    )


@transaction.atomic
def booking_check_in(*, booking_id: int, user: "User", now: datetime | None = None) -> Booking:
    """The person arrived on the day of their visit. Only a confirmed booking, only on its day.

    The info-point queue checks people in through this service too (with a booking found by
    `selectors.booking_for_check_in`), so the desk and the queue cannot disagree about who has arrived.
    """
    now = now or timezone.now()
    booking = _staff_booking_locked(booking_id, "check_in", now=now)
    old_status = booking.status
    booking.status = Booking.Status.CHECKED_IN
    booking.checked_in_at = now
    booking.save(update_fields=["status", "checked_in_at"])
    _record(booking, user=user, action="check_in", old_status=old_status)
    return booking


@transaction.atomic
def booking_check_in_by_code(*, place_id: int, code: str, now: datetime | None = None) -> Booking:
    """The person checked in themselves at a kiosk of `place_id` with their check-in code (or the booking's QR
    code, which holds its reference): the same as a desk
    check-in (confirmed, today, this place), recorded without a staff member. Typing the code again returns the
    already checked-in booking, so a double press at the kiosk is harmless."""
    now = now or timezone.now()
    typed = "".join((code or "").split()).upper()
    if len(typed) == 6 and typed.isdigit():
        which = {"checkin_code": typed}
    elif len(typed) == 8 and typed.isalnum():
        # The QR code on the confirmation holds the booking's reference; a kiosk's scanner types it in.
        which = {"reference": typed}
    else:
        raise BookingError("checkin_unknown")
    booking = (
        Booking.objects.select_for_update()
        .select_related("service", "place")
        .filter(place=place_id, status__in=[Booking.Status.CONFIRMED, Booking.Status.CHECKED_IN], **which)
        .first()
    )
    if booking is None or local_today(booking.starts_at) != local_today(now):
        raise BookingError("checkin_unknown")
    if booking.status == Booking.Status.CONFIRMED:
        old_status = booking.status
        booking.status = Booking.Status.CHECKED_IN
        booking.checked_in_at = now
        booking.save(update_fields=["status", "checked_in_at"])
        _record(booking, user=None, action="check_in_kiosk", old_status=old_status)
    return booking


@transaction.atomic
def booking_mark_no_show(*, booking_id: int, user: "User", now: datetime | None = None) -> Booking:
    """The person did not come: only once their time has started. The seats stay taken (the time is gone)."""
    now = now or timezone.now()
    booking = _staff_booking_locked(booking_id, "no_show", now=now)
    old_status = booking.status
    booking.status = Booking.Status.NO_SHOW
    booking.save(update_fields=["status"])
    _record(booking, user=user, action="no_show", old_status=old_status)
    return booking


@transaction.atomic
def booking_complete(*, booking_id: int, user: "User", now: datetime | None = None) -> Booking:
    """The visit took place (after check-in)."""
    booking = _staff_booking_locked(booking_id, "complete", now=now or timezone.now())
    old_status = booking.status
    booking.status = Booking.Status.COMPLETED
    booking.save(update_fields=["status"])
    _record(booking, user=user, action="complete", old_status=old_status)
    return booking


@transaction.atomic
def slot_block(*, slot_id: int, user: "User", blocked: bool) -> Slot:
    """Close a time to new bookings (or open it again). People already booked keep their seats.

    A time that left the schedule stays blocked: it exists only so that its bookings are not lost.
    """
    slot = Slot.objects.select_for_update().get(pk=slot_id)
    if not blocked and not slot.in_schedule:
        raise BookingError("closed")
    if slot.is_blocked != blocked:
        slot.is_blocked = blocked
        slot.save(update_fields=["is_blocked"])
        seats_changed([(slot.service_id, slot.place_id)])
        audit_record(
            actor=user,
            action="slot.block" if blocked else "slot.unblock",
            obj=slot,
            place=slot.place_id,
            changes={"is_blocked": (not blocked, blocked)},
            label=timezone.localtime(slot.starts_at).strftime("%Y-%m-%d %H:%M"),
        )
    return slot


@dataclass(frozen=True)
class StaffBookingRequest:
    """A booking the desk makes for a phone caller or a walk-in; e-mail, phone and case number are optional."""

    service_id: int
    place_id: int
    slot_id: int
    name: str
    email: str = ""
    phone: str = ""
    case_number: str = ""
    language: str = "pl"
    family_names: tuple[str, ...] = ()
    needs: DeskNeeds = DeskNeeds()


def _case_for_staff_booking(service: BookableService, case_number: str, place_id: int) -> int | None:
    """The case a visit is booked for; staff checked the person's identity, so no access code.

    For a visit a case calls for, an unknown number and a case whose status does not call for this visit get the
    same answer: the desk (info-point staff, who may not see cases) must not learn that a case exists elsewhere.
    """
    case_id = case_selectors.case_id_for_number(number=case_number) if case_number.strip() else None
    if not service.requires_case:
        return case_id
    if case_id is None or not case_selectors.case_calls_for_visit(case_id=case_id, visit=service.case_visit):
        raise BookingError("case_not_bookable")
    # A case handled at another place gets the same answer too, when the service is booked at the case's place only.
    if service.case_place_rule == service.CasePlaceRule.CASE_PLACE and not service.place_allowed_for_case(
        place_id=place_id, case_place_id=case_selectors.case_place_id(case_id=case_id)
    ):
        raise BookingError("case_not_bookable")
    return case_id


@transaction.atomic
def staff_booking_create(*, request: StaffBookingRequest, user: "User", now: datetime | None = None) -> Booking:
    """Book for a phone caller or a walk-in: the seats are taken like any other and the booking is confirmed at once.

    The same rules hold as online: one active booking per e-mail and per case, no double booking. If an e-mail
    address is given, the person gets the usual confirmation with their check-in code.
    """
    now = now or timezone.now()
    service = BookableService.objects.filter(pk=request.service_id, is_active=True).first()
    if service is None or not Schedule.objects.filter(
        place=request.place_id, service=request.service_id, is_active=True
    ).exists():
        raise BookingError("not_offered")
    people = 1 + len(request.family_names)
    if people > service.max_people:
        raise BookingError("too_many_people")
    if not request.name.strip() or any(not name.strip() for name in request.family_names):
        raise BookingError("family_names")
    problem = details_problem(
        name=request.name,
        email=request.email,
        phone=request.phone,
        case_number=request.case_number,
        family_names=request.family_names,
    ) or desk_needs_problem(request.needs)
    if problem:
        raise BookingError(problem)
    slot = Slot.objects.filter(pk=request.slot_id, place=request.place_id, service=request.service_id).first()
    if slot is None:
        raise BookingError("taken")
    problem = staff_slot_problem(slot, now=now)
    if problem:
        raise BookingError(problem)
    case_id = _case_for_staff_booking(service, request.case_number, request.place_id)
    # The unique constraints are the guard; these reads only spare a failed insert and give the precise message.
    active = Booking.objects.filter(service=service, status__in=Booking.ACTIVE)
    if case_id is not None and active.filter(case=case_id).exists():
        raise BookingError("duplicate_case")
    if request.email.strip() and active.filter(email_key=normalize_email(request.email)).exists():
        raise BookingError("duplicate")
    slots = consecutive_slots(first=slot, people=people)
    if not slots:
        raise BookingError("no_consecutive" if people > 1 else "taken")
    try:
        with transaction.atomic():
            seats_take(slots)
            booking = booking_create(
                service=service,
                place_id=request.place_id,
                slots=slots,
                language=request.language,
                hold_expires_at=now + timedelta(minutes=settings.APPOINTMENT_HOLD_MINUTES),
                names=[request.name.strip(), *(name.strip() for name in request.family_names)],
                channel=Booking.Channel.STAFF,
                booked_by=user,
                name=request.name.strip(),
                email=request.email.strip(),
                email_key=normalize_email(request.email) if request.email.strip() else "",
                phone=request.phone.strip(),
                case_id=case_id,
                case_number=request.case_number.strip(),
                **desk_needs_fields(request.needs),
            )
    except IntegrityError as exc:
        raise BookingError("duplicate_case" if case_id is not None else "duplicate") from exc
    booking_confirm_held(booking, now=now)
    _record(booking, user=user, action="staff_book", old_status="")
    if booking.email:
        emails.send_confirmed(booking)
    return booking
