"""Holds: a chosen time kept for APPOINTMENT_HOLD_MINUTES while the person gives their details and confirms.

Holds are what a hoarder would abuse, so they are limited by seats (a family hold of five counts five) per client
address here and per e-mail address when the details are given (`bookings.details_set`); a time a case calls for
(fingerprints) cannot be held at all before the case is verified (`bookings.booking_case_verify`); and the seats of
a hold nobody completed go back at once when it runs out.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from appointments.errors import BookingError
from appointments.models import BookableService, Booking, BookingSeat, Schedule, SeatReturn, Slot
from appointments.services.records import booking_create, seats_over_limit, seats_take
from appointments.services.seats import seat_returns_apply, seats_give_up
from appointments.services.slots import consecutive_slots, slot_bookable_problem
from cases import selectors as case_selectors

# How many overdue holds one run of `holds_expire` ends (it runs every minute; each in its own transaction).
EXPIRE_BATCH = 500


def holds_expire(*, now: datetime | None = None, slot_ids: list[int] | None = None) -> int:
    """End the holds and unclaimed offers whose time ran out; their seats are given up. Returns how many."""
    now = now or timezone.now()
    overdue = Booking.objects.filter(
        status__in=[Booking.Status.HELD, Booking.Status.AWAITING_CONFIRMATION], hold_expires_at__lt=now
    )
    if slot_ids is not None:
        overdue = overdue.filter(seats__slot__in=slot_ids, seats__released=False).distinct()
    count = 0
    for booking_id in list(overdue.values_list("pk", flat=True)[:EXPIRE_BATCH]):
        with transaction.atomic():
            booking = (
                Booking.objects.select_for_update()
                .filter(pk=booking_id, status__in=[Booking.Status.HELD, Booking.Status.AWAITING_CONFIRMATION])
                .first()
            )
            if booking is None or (booking.hold_expires_at is not None and booking.hold_expires_at >= now):
                continue
            booking.status = Booking.Status.EXPIRED
            booking.save(update_fields=["status"])
            seats_give_up(booking, now=now, delayed=False)
            count += 1
    return count


def _overdue_in(slot_ids: list[int], *, now: datetime) -> bool:
    """Whether a hold that ran out or a seat whose delay has passed still counts in one of these times. One query,
    so that a refusal in a rush (nothing overdue, as a rule) does not try both tidy-ups."""
    overdue = BookingSeat.objects.filter(
        slot=OuterRef("pk"),
        released=False,
        booking__status__in=[Booking.Status.HELD, Booking.Status.AWAITING_CONFIRMATION],
        booking__hold_expires_at__lt=now,
    )
    due = SeatReturn.objects.filter(slot=OuterRef("pk"), returns_at__lte=now)
    return Slot.objects.filter(pk__in=slot_ids).filter(Exists(overdue) | Exists(due)).exists()


def case_place_problem(*, service: BookableService, case_id: int, place_id: int) -> None:
    """Refuse (`wrong_place`) a case's visit at a place its service's `case_place_rule` does not allow."""
    if service.case_place_rule == BookableService.CasePlaceRule.ANY_PLACE:
        return
    case_place_id = case_selectors.case_place_id(case_id=case_id)
    if not service.place_allowed_for_case(place_id=place_id, case_place_id=case_place_id):
        raise BookingError("wrong_place")


def hold_create(
    *,
    service_id: int,
    place_id: int,
    slot_id: int,
    people: int,
    language: str,
    client_key: str,
    case_id: int | None = None,
    case_number: str = "",
) -> Booking:
    """Hold the chosen time (and the following ones for family members) for APPOINTMENT_HOLD_MINUTES.

    For a visit a case calls for, `case_id` is the case verified by `booking_case_verify` in this session: without
    it (or if the case does not call for the visit any more) nothing is held.
    """
    now = timezone.now()
    schedule = (
        Schedule.objects.select_related("service")
        .filter(place=place_id, service=service_id, is_active=True, service__is_active=True)
        .first()
    )
    if schedule is None:
        raise BookingError("not_offered")
    service = schedule.service
    if not 1 <= people <= service.max_people:
        raise BookingError("too_many_people")
    slot = Slot.objects.filter(pk=slot_id, place=place_id, service=service_id).first()
    if slot is None:
        raise BookingError("taken")
    problem = slot_bookable_problem(slot, now=now)
    if problem:
        raise BookingError(problem)
    if service.requires_case:
        if case_id is None or not case_selectors.case_calls_for_visit(case_id=case_id, visit=service.case_visit):
            raise BookingError("case_required")
        case_place_problem(service=service, case_id=case_id, place_id=place_id)
    else:
        case_id = None
    if seats_over_limit(prefix="appointment-hold-seats", key=client_key, seats=people):
        raise BookingError("limited", retry_after_seconds=60 * 60)

    for attempt in range(2):
        slots = consecutive_slots(first=slot, people=people)
        if not slots:
            raise BookingError("no_consecutive" if people > 1 else "taken")
        try:
            if slot.free < 1:
                raise BookingError("taken")  # full a moment ago: the rush's usual answer, without a write
            with transaction.atomic():
                seats_take(slots)
                booking = booking_create(
                    service=service,
                    place_id=place_id,
                    slots=slots,
                    language=language,
                    hold_expires_at=now + timedelta(minutes=settings.APPOINTMENT_HOLD_MINUTES),
                    case_id=case_id,
                    case_number=case_number.strip()[: Booking._meta.get_field("case_number").max_length]
                    if case_id
                    else "",
                )
                return booking
        except IntegrityError as exc:  # the case has an active booking of this service already
            raise BookingError("duplicate_case") from exc
        except BookingError:
            if attempt:
                raise
            # Full: perhaps only because of holds that ran out and seats whose delay passed; tidy those, retry once.
            slot_ids = [s.pk for s in slots]
            if not _overdue_in(slot_ids, now=now):
                raise
            if not (holds_expire(now=now, slot_ids=slot_ids) + seat_returns_apply(now=now, slot_ids=slot_ids)):
                raise
            slot.refresh_from_db()
    raise BookingError("taken")  # not reached


def hold_active(*, booking_id: int | None, now: datetime | None = None) -> Booking | None:
    """The session's hold if it is still running (HELD, not expired)."""
    if not booking_id:
        return None
    now = now or timezone.now()
    return (
        Booking.objects.select_related("service", "place")
        .filter(pk=booking_id, status=Booking.Status.HELD, hold_expires_at__gt=now)
        .first()
    )


@transaction.atomic
def hold_release(*, booking_id: int) -> None:
    """The person went back to choose another time: their hold ends and its seats are given up."""
    booking = Booking.objects.select_for_update().filter(pk=booking_id, status=Booking.Status.HELD).first()
    if booking is None:
        return
    booking.status = Booking.Status.EXPIRED
    booking.save(update_fields=["status"])
    seats_give_up(booking, delayed=False)
