"""Writes of the appointments app: slots from schedules, holds, confirmation, cancel and move, staff actions.

Every rule that protects the scarce times is here, so the public pages, the staff pages, the admin and the
tasks cannot disagree. A seat is taken only by `seats_take` (a conditional UPDATE that the database serializes)
and given back only by `seats_give_up` (waiting list first, otherwise back to the pool at a random moment).
The waiting list (`waiting_list.py`) and the draws (`draws.py`) have modules of their own; e-mails are composed in
`emails.py`.
"""

import logging
import secrets
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays
from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Greatest
from django.utils import timezone

from appointments.models import (
    BookableService,
    Booking,
    BookingSeat,
    Draw,
    Schedule,
    ScheduleException,
    SeatReturn,
    Slot,
)
from portal.services import over_hourly_limit

logger = logging.getLogger(__name__)

LOCAL_TIME = ZoneInfo(settings.TIME_ZONE)
REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud over the phone
CONFIRM_SALT = "appointments.booking-confirm"
MANAGE_SALT = "appointments.booking-manage"


class BookingError(Exception):
    """A booking step that cannot go on; `code` picks the message (see `appointments.errors`)."""

    def __init__(self, code: str, *, retry_after_seconds: int = 0):
        super().__init__(code)
        self.code = code
        self.retry_after_seconds = retry_after_seconds


# --- Calendar -------------------------------------------------------------------------------------------


def public_holidays(year: int) -> set[date]:
    """Polish statutory days off (Act of 18 January 1951, incl. Easter, Corpus Christi and, since 2025, 24 Dec)."""
    return set(holidays.Poland(years=year).keys())


def local_datetime(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=LOCAL_TIME)


def local_today(now: datetime | None = None) -> date:
    return timezone.localtime(now or timezone.now(), LOCAL_TIME).date()


def release_moment(schedule: Schedule, day: date) -> datetime | None:
    """When the public may book the times of `day`: None for a draw (the times are allotted, not booked)."""
    if schedule.release_policy == Schedule.ReleasePolicy.DRAW:
        return None
    if schedule.release_policy == Schedule.ReleasePolicy.SCHEDULED:
        return local_datetime(day - timedelta(days=schedule.release_days_ahead), schedule.release_time)
    return local_datetime(day - timedelta(days=schedule.horizon_days), time(0, 0))


def _periods(schedule: Schedule, day: date, hours_by_weekday, exceptions) -> list[tuple[time, time, int, int]]:
    """The (start, end, slot minutes, desks) periods of `day`, after holidays, closures and extra hours."""
    if any(e.is_closed for e in exceptions):
        return []
    periods = [(h.starts, h.ends, h.slot_minutes, h.desks) for h in hours_by_weekday.get(day.weekday(), [])]
    periods += [(e.starts, e.ends, e.slot_minutes, e.desks) for e in exceptions if not e.is_closed]
    return periods


@dataclass(frozen=True)
class SlotsGenerated:
    created: int
    removed: int
    left_with_bookings: int  # times no longer in the schedule that people had booked: staff must handle them


@transaction.atomic
def slots_generate(*, today: date | None = None, schedule_ids: list[int] | None = None) -> SlotsGenerated:
    """Bring the slots of the rolling horizon in line with the schedules; never deletes a booked time.

    A time that left the schedule (changed hours, a closure, a holiday) is deleted if nobody holds a seat in it;
    otherwise it is kept, blocked and flagged `in_schedule=False`, and its bookings appear in the staff list of
    bookings to rearrange.
    """
    today = today or local_today()
    schedules = Schedule.objects.filter(is_active=True, service__is_active=True).prefetch_related("hours")
    if schedule_ids is not None:
        schedules = schedules.filter(pk__in=schedule_ids)
    created = removed = left = 0
    for schedule in schedules:
        last_day = today + timedelta(days=schedule.horizon_days)
        days_off = public_holidays(today.year) | public_holidays(last_day.year)
        exceptions: dict[date, list[ScheduleException]] = {}
        for exception in ScheduleException.objects.filter(
            Q(service__isnull=True) | Q(service=schedule.service_id),
            place=schedule.place_id,
            date__range=(today, last_day),
        ):
            exceptions.setdefault(exception.date, []).append(exception)
        # A drawn week is open to the public from the moment of its draw (leftovers): keep it so.
        drawn_weeks: dict[date, datetime] = {}
        if schedule.release_policy == Schedule.ReleasePolicy.DRAW:
            drawn_weeks = dict(
                Draw.objects.filter(
                    schedule=schedule, drawn_at__isnull=False, week_starts_on__gte=today - timedelta(days=7)
                ).values_list("week_starts_on", "drawn_at")
            )
        hours_by_weekday: dict[int, list] = {}
        for hours in schedule.hours.all():
            hours_by_weekday.setdefault(hours.weekday, []).append(hours)

        wanted: dict[datetime, tuple[datetime, int, datetime | None]] = {}
        day = today + timedelta(days=1)  # today's list is the desk's; the site books from tomorrow
        while day <= last_day:
            if day not in days_off:
                opens_at = release_moment(schedule, day) or drawn_weeks.get(day - timedelta(days=day.weekday()))
                for starts, ends, minutes, desks in _periods(schedule, day, hours_by_weekday, exceptions.get(day, [])):
                    moment, end = local_datetime(day, starts), local_datetime(day, ends)
                    while moment + timedelta(minutes=minutes) <= end:
                        wanted[moment] = (moment + timedelta(minutes=minutes), desks, opens_at)
                        moment += timedelta(minutes=minutes)
            day += timedelta(days=1)

        horizon_start = local_datetime(today + timedelta(days=1), time(0, 0))
        existing = {
            slot.starts_at: slot
            for slot in Slot.objects.filter(
                place=schedule.place_id, service=schedule.service_id, starts_at__gte=horizon_start
            )
        }
        new_slots = [
            Slot(
                place_id=schedule.place_id,
                service_id=schedule.service_id,
                starts_at=moment,
                ends_at=ends_at,
                capacity=desks,
                opens_at=opens_at,
            )
            for moment, (ends_at, desks, opens_at) in wanted.items()
            if moment not in existing
        ]
        Slot.objects.bulk_create(new_slots)
        created += len(new_slots)

        for moment, slot in existing.items():
            if moment in wanted:
                ends_at, desks, opens_at = wanted[moment]
                changed = (
                    slot.capacity != max(desks, slot.booked) or slot.opens_at != opens_at or not slot.in_schedule
                )
                if not slot.in_schedule and slot.is_blocked:
                    # Back in the schedule (a closure lifted, hours restored): lift the block that leaving put on.
                    Slot.objects.filter(pk=slot.pk).update(
                        capacity=Greatest(Value(desks), F("booked")),
                        opens_at=opens_at,
                        in_schedule=desks >= slot.booked,
                        is_blocked=False,
                    )
                elif changed and not slot.is_blocked:
                    Slot.objects.filter(pk=slot.pk).update(
                        capacity=Greatest(Value(desks), F("booked")),
                        opens_at=opens_at,
                        in_schedule=desks >= slot.booked,
                    )
            elif slot.booked == 0 and not slot.seats.exists():
                slot.delete()
                removed += 1
            elif slot.in_schedule:
                Slot.objects.filter(pk=slot.pk).update(in_schedule=False, is_blocked=True)
                left += 1
    return SlotsGenerated(created, removed, left)


# --- Seats ----------------------------------------------------------------------------------------------


def seats_take(slot_ids: list[int]) -> bool:
    """Take one seat in each slot, all or none; the caller's transaction is rolled back by the raised error.

    The UPDATE's condition is evaluated by the database on the locked row, so concurrent requests for the last
    seat are serialized there: exactly one of them sees a row updated.
    """
    for slot_id in slot_ids:
        taken = Slot.objects.filter(pk=slot_id, booked__lt=F("capacity"), is_blocked=False).update(
            booked=F("booked") + 1
        )
        if not taken:
            raise BookingError("taken")
    return True


def _return_delay(schedule: Schedule | None) -> timedelta:
    low, high = (5, 120) if schedule is None else (schedule.return_delay_min_minutes, schedule.return_delay_max_minutes)
    return timedelta(seconds=secrets.randbelow(max(high - low, 0) * 60 + 1) + low * 60)


def seats_give_up(booking: Booking, *, now: datetime | None = None) -> None:
    """Give up the booking's seats: each goes to the next person on the waiting list, or back after a delay."""
    from appointments import waiting_list

    now = now or timezone.now()
    schedule = Schedule.objects.filter(place=booking.place_id, service=booking.service_id).first()
    seats = list(booking.seats.filter(released=False).select_related("slot"))
    for seat in seats:
        if seat.slot.starts_at > now and waiting_list.offer_seat(slot=seat.slot, now=now):
            continue  # the seat went to a waiting person, still counted in `booked`
        if seat.slot.starts_at > now:
            SeatReturn.objects.create(slot=seat.slot, returns_at=now + _return_delay(schedule))
        else:
            Slot.objects.filter(pk=seat.slot_id, booked__gt=0).update(booked=F("booked") - 1)
    BookingSeat.objects.filter(pk__in=[seat.pk for seat in seats]).update(released=True)


def seat_returns_apply(*, now: datetime | None = None, slot_ids: list[int] | None = None) -> int:
    """Put held-back seats whose moment has come back into their slots; returns how many."""
    now = now or timezone.now()
    due = SeatReturn.objects.filter(returns_at__lte=now)
    if slot_ids is not None:
        due = due.filter(slot__in=slot_ids)
    count = 0
    with transaction.atomic():
        for seat_return in due.select_for_update(skip_locked=True):
            Slot.objects.filter(pk=seat_return.slot_id, booked__gt=0).update(booked=F("booked") - 1)
            seat_return.delete()
            count += 1
    return count


def holds_expire(*, now: datetime | None = None, slot_ids: list[int] | None = None) -> int:
    """End the holds and unclaimed offers whose time ran out; their seats are given up. Returns how many."""
    now = now or timezone.now()
    overdue = Booking.objects.filter(
        status__in=[Booking.Status.HELD, Booking.Status.AWAITING_CONFIRMATION], hold_expires_at__lt=now
    )
    if slot_ids is not None:
        overdue = overdue.filter(seats__slot__in=slot_ids, seats__released=False).distinct()
    count = 0
    for booking_id in list(overdue.values_list("pk", flat=True)[:500]):
        with transaction.atomic():
            booking = (
                Booking.objects.select_for_update()
                .filter(pk=booking_id, status__in=[Booking.Status.HELD, Booking.Status.AWAITING_CONFIRMATION])
                .first()
            )
            if booking is None or booking.hold_expires_at >= now:
                continue
            booking.status = Booking.Status.EXPIRED
            booking.save(update_fields=["status"])
            seats_give_up(booking, now=now)
            count += 1
    return count


# --- Public booking -------------------------------------------------------------------------------------


def new_reference() -> str:
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))


def normalize_email(email: str) -> str:
    """One key per mailbox as far as we can tell without guessing providers' rules: trimmed and lower case."""
    return email.strip().lower()


def consecutive_slots(*, first: Slot, people: int) -> list[Slot]:
    """`people` times in a row at the desk from `first` (same place, service and day), each with a free seat."""
    if people == 1:
        return [first]
    candidates = list(
        Slot.objects.filter(
            place=first.place_id,
            service=first.service_id,
            starts_at__gte=first.starts_at,
            starts_at__date=timezone.localtime(first.starts_at, LOCAL_TIME).date(),
        ).order_by("starts_at")[: people * 4]
    )
    chain = [first]
    for slot in candidates[1:]:
        if len(chain) == people:
            break
        if slot.starts_at != chain[-1].ends_at or slot.free < 1 or slot.is_blocked or slot.opens_at != first.opens_at:
            return []
        chain.append(slot)
    return chain if len(chain) == people else []


def slot_bookable_problem(slot: Slot, *, now: datetime) -> str | None:
    """Why the public cannot book `slot` now (a BookingError code), or None."""
    if slot.starts_at <= now:
        return "past"
    if slot.starts_at < now + timedelta(minutes=settings.APPOINTMENT_MIN_LEAD_MINUTES):
        return "too_soon"
    if slot.is_blocked or not slot.in_schedule:
        return "closed"
    if slot.opens_at is None or slot.opens_at > now:
        return "not_released"
    return None


def hold_create(
    *, service_id: int, place_id: int, slot_id: int, people: int, language: str, client_key: str
) -> Booking:
    """Hold the chosen time (and the following ones for family members) for APPOINTMENT_HOLD_MINUTES."""
    now = timezone.now()
    service = BookableService.objects.filter(pk=service_id, is_active=True).first()
    if service is None or not Schedule.objects.filter(
        place=place_id, service=service_id, is_active=True
    ).exists():
        raise BookingError("not_offered")
    if not 1 <= people <= service.max_people:
        raise BookingError("too_many_people")
    slot = Slot.objects.filter(pk=slot_id, place=place_id, service=service_id).first()
    if slot is None:
        raise BookingError("taken")
    problem = slot_bookable_problem(slot, now=now)
    if problem:
        raise BookingError(problem)
    if over_hourly_limit(
        prefix="appointment-hold", client_key=client_key, per_hour=settings.APPOINTMENT_HOLDS_PER_HOUR
    ):
        raise BookingError("limited", retry_after_seconds=60 * 60)

    for attempt in range(2):
        slots = consecutive_slots(first=slot, people=people)
        if not slots:
            raise BookingError("no_consecutive" if people > 1 else "taken")
        try:
            with transaction.atomic():
                seats_take([s.pk for s in slots])
                booking = booking_create(
                    service=service,
                    place_id=place_id,
                    slots=slots,
                    language=language,
                    hold_expires_at=now + timedelta(minutes=settings.APPOINTMENT_HOLD_MINUTES),
                )
                return booking
        except BookingError:
            if attempt:
                raise
            # Full: perhaps only because of holds that ran out and seats whose delay passed; tidy those, retry once.
            slot_ids = [s.pk for s in slots]
            if not (holds_expire(now=now, slot_ids=slot_ids) + seat_returns_apply(now=now, slot_ids=slot_ids)):
                raise
            slot.refresh_from_db()
    raise BookingError("taken")  # not reached


def booking_create(
    *, service, place_id: int, slots: list[Slot], language: str, hold_expires_at, names=(), **fields
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
    seats_give_up(booking)


@dataclass(frozen=True)
class Details:
    name: str
    email: str
    phone: str = ""
    family_names: tuple[str, ...] = ()
    case_number: str = ""
    access_code: str = ""


@transaction.atomic
def details_set(*, booking_id: int, details: Details, client_key: str) -> Booking:
    """Attach the person's details to their hold; checks the case for case-tied visits and the one-booking rule."""
    from cases import selectors as case_selectors
    from cases import services as case_services

    now = timezone.now()
    booking = (
        Booking.objects.select_for_update()
        .select_related("service")
        .filter(pk=booking_id, status=Booking.Status.HELD)
        .first()
    )
    if booking is None or booking.hold_expires_at <= now:
        raise BookingError("expired")
    seats = list(booking.seats.order_by("position"))
    if len(details.family_names) != len(seats) - 1:
        raise BookingError("family_names")

    case_id = None
    if booking.service.requires_case:
        found = case_services.case_lookup(
            number=details.case_number, access_code=details.access_code, client_key=client_key
        )
        if found.case_id is None:
            raise BookingError(
                "case_limited" if found.retry_after_seconds else "case_not_found",
                retry_after_seconds=found.retry_after_seconds,
            )
        if not case_selectors.case_calls_for_visit(case_id=found.case_id, visit=booking.service.case_visit):
            raise BookingError("case_not_due")
        case_id = found.case_id

    booking.name = details.name.strip()
    booking.email = details.email.strip()
    booking.email_key = normalize_email(details.email)
    booking.phone = details.phone.strip()
    booking.case_id = case_id
    booking.case_number = details.case_number.strip() if case_id else ""
    try:
        with transaction.atomic():
            booking.save(update_fields=["name", "email", "email_key", "phone", "case", "case_number"])
    except IntegrityError as exc:
        raise BookingError("duplicate_case" if case_id else "duplicate") from exc
    names = [booking.name, *[name.strip() for name in details.family_names]]
    for seat, name in zip(seats, names, strict=True):
        seat.person_name = name
    BookingSeat.objects.bulk_update(seats, ["person_name"])
    return booking


def booking_token(booking: Booking, salt: str) -> str:
    return signing.dumps([booking.pk, booking.token_version], salt=salt, compress=True)


def booking_from_token(token: str, salt: str, max_age: int | None = None) -> Booking | None:
    """The booking a signed link points at, or None if the link was tampered with, expired or used up."""
    try:
        booking_id, version = signing.loads(token, salt=salt, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return (
        Booking.objects.select_related("service", "place")
        .filter(pk=booking_id, token_version=version)
        .first()
    )


@transaction.atomic
def booking_submit(*, booking_id: int) -> Booking:
    """The person checked their details: e-mail them the link that confirms the booking (within the hold)."""
    from appointments import emails

    now = timezone.now()
    booking = Booking.objects.select_for_update().select_related("service", "place").filter(pk=booking_id).first()
    if booking is None or booking.status != Booking.Status.HELD or booking.hold_expires_at <= now:
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
    booking.save(update_fields=["status"])
    emails.send_confirmation_request(booking)
    return booking


def _checkin_code() -> str:
    return f"{secrets.randbelow(10**6):06d}"


def booking_confirm_held(booking: Booking, *, now) -> None:
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


@transaction.atomic
def booking_confirm(*, token: str) -> Booking:
    """The person clicked the link in the e-mail. Clicking again shows the same confirmed booking."""
    from appointments import emails

    booking = booking_from_token(token, CONFIRM_SALT, max_age=60 * 60 * 24)
    if booking is None:
        raise BookingError("invalid_link")
    booking = Booking.objects.select_for_update().select_related("service", "place").get(pk=booking.pk)
    if booking.status in Booking.UPCOMING:
        return booking
    now = timezone.now()
    if booking.status != Booking.Status.AWAITING_CONFIRMATION or booking.hold_expires_at <= now:
        raise BookingError("expired")
    booking_confirm_held(booking, now=now)
    emails.send_confirmed(booking)
    return booking


@transaction.atomic
def booking_cancel(*, booking_id: int, by_staff=None) -> Booking:
    """Cancel a booking (by the person through their link, or by staff); its seats are given up."""
    from appointments import emails

    booking = Booking.objects.select_for_update().select_related("service", "place").get(pk=booking_id)
    if booking.status not in Booking.ACTIVE:
        raise BookingError("not_active")
    if booking.starts_at <= timezone.now():
        raise BookingError("past")
    was_confirmed = booking.status == Booking.Status.CONFIRMED
    booking.status = Booking.Status.CANCELLED_BY_STAFF if by_staff else Booking.Status.CANCELLED_BY_PERSON
    booking.cancelled_at = timezone.now()
    booking.token_version += 1
    booking.save(update_fields=["status", "cancelled_at", "token_version"])
    seats_give_up(booking)
    if was_confirmed and booking.email:
        emails.send_cancelled(booking, by_staff=bool(by_staff))
    return booking


@transaction.atomic
def booking_move(*, booking_id: int, slot_id: int, client_key: str) -> Booking:
    """Move a confirmed booking to another time: the new seats are taken first, then the old ones given up."""
    from appointments import emails

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
        seats_take([s.pk for s in slots])
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


# --- Staff: check-in, no-show, booking for a caller, blocking times -------------------------------------------


# The order in which the desk may move a booking on; anything else is refused with a message saying why.
STAFF_TRANSITIONS = {
    "check_in": (Booking.Status.CONFIRMED,),
    "no_show": (Booking.Status.CONFIRMED,),
    "complete": (Booking.Status.CHECKED_IN,),
}


def _staff_booking_locked(booking_id: int, action: str) -> Booking:
    booking = Booking.objects.select_for_update().select_related("service", "place").get(pk=booking_id)
    if booking.status not in STAFF_TRANSITIONS[action]:
        raise BookingError("wrong_status")
    return booking


@transaction.atomic
def booking_check_in(*, booking_id: int, user, now: datetime | None = None) -> Booking:
    """The person arrived on the day of their visit. Only a confirmed booking, only on its day."""
    now = now or timezone.now()
    booking = _staff_booking_locked(booking_id, "check_in")
    if local_today(booking.starts_at) != local_today(now):
        raise BookingError("not_today")
    booking.status = Booking.Status.CHECKED_IN
    booking.checked_in_at = now
    booking.save(update_fields=["status", "checked_in_at"])
    logger.info("Booking %s checked in by staff user %s", booking.pk, user.pk)
    return booking


@transaction.atomic
def booking_check_in_by_code(*, place_id: int, code: str, now: datetime | None = None) -> Booking:
    """The person checked in themselves at a kiosk of `place_id` with their check-in code: the same as a desk
    check-in (confirmed, today, this place). Typing the code again returns the already checked-in booking."""
    now = now or timezone.now()
    code = "".join(ch for ch in (code or "") if ch.isdigit())
    if len(code) != 6:
        raise BookingError("checkin_unknown")
    booking = (
        Booking.objects.select_for_update()
        .select_related("service", "place")
        .filter(place=place_id, checkin_code=code, status__in=[Booking.Status.CONFIRMED, Booking.Status.CHECKED_IN])
        .first()
    )
    if booking is None or local_today(booking.starts_at) != local_today(now):
        raise BookingError("checkin_unknown")
    if booking.status == Booking.Status.CONFIRMED:
        booking.status = Booking.Status.CHECKED_IN
        booking.checked_in_at = now
        booking.save(update_fields=["status", "checked_in_at"])
        logger.info("Booking %s checked in at a kiosk", booking.pk)
    return booking


@transaction.atomic
def booking_mark_no_show(*, booking_id: int, user, now: datetime | None = None) -> Booking:
    """The person did not come: only once their time has started. The seats stay taken (the time is gone)."""
    now = now or timezone.now()
    booking = _staff_booking_locked(booking_id, "no_show")
    if booking.starts_at > now:
        raise BookingError("not_started")
    booking.status = Booking.Status.NO_SHOW
    booking.save(update_fields=["status"])
    logger.info("Booking %s marked as no-show by staff user %s", booking.pk, user.pk)
    return booking


@transaction.atomic
def booking_complete(*, booking_id: int, user) -> Booking:
    """The visit took place (after check-in)."""
    booking = _staff_booking_locked(booking_id, "complete")
    booking.status = Booking.Status.COMPLETED
    booking.save(update_fields=["status"])
    logger.info("Booking %s completed by staff user %s", booking.pk, user.pk)
    return booking


@transaction.atomic
def slot_block(*, slot_id: int, user, blocked: bool) -> Slot:
    """Close a time to new bookings (or open it again). People already booked keep their seats.

    A time that left the schedule stays blocked: it exists only so that its bookings are not lost.
    """
    slot = Slot.objects.select_for_update().get(pk=slot_id)
    if not blocked and not slot.in_schedule:
        raise BookingError("closed")
    if slot.is_blocked != blocked:
        slot.is_blocked = blocked
        slot.save(update_fields=["is_blocked"])
        logger.info("Slot %s %s by staff user %s", slot.pk, "blocked" if blocked else "unblocked", user.pk)
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


def staff_slot_problem(slot: Slot, *, now: datetime) -> str | None:
    """Why the desk cannot book `slot` now (a BookingError code), or None.

    Staff may book without the public's lead time, but not past, blocked or removed times, and not times the public
    cannot book yet (a scheduled release or a draw): that would take them from the fair release. Only the day's
    own times are open to the desk whatever the policy, for walk-ins.
    """
    if slot.starts_at <= now:
        return "past"
    if slot.is_blocked or not slot.in_schedule:
        return "closed"
    if (slot.opens_at is None or slot.opens_at > now) and local_today(slot.starts_at) != local_today(now):
        return "not_released"
    return None


def _case_for_staff_booking(service: BookableService, case_number: str):
    """The case a case-tied visit is booked for; staff checked the person's identity, so no access code."""
    from cases import codes as case_codes
    from cases import selectors as case_selectors
    from cases.models import Case

    if not case_number.strip():
        if service.requires_case:
            raise BookingError("case_not_found")
        return None
    case = Case.objects.filter(number_key=case_codes.number_key(case_number)).first()
    if case is None:
        if service.requires_case:
            raise BookingError("case_not_found")
        return None
    if service.requires_case and not case_selectors.case_calls_for_visit(case_id=case.pk, visit=service.case_visit):
        raise BookingError("case_not_due")
    return case


@transaction.atomic
def staff_booking_create(*, request: StaffBookingRequest, user, now: datetime | None = None) -> Booking:
    """Book for a phone caller or a walk-in: the seats are taken like any other and the booking is confirmed at once.

    The same rules hold as online: one active booking per e-mail and per case, no double booking. If an e-mail
    address is given, the person gets the usual confirmation with their check-in code.
    """
    from appointments import emails

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
    slot = Slot.objects.filter(pk=request.slot_id, place=request.place_id, service=request.service_id).first()
    if slot is None:
        raise BookingError("taken")
    problem = staff_slot_problem(slot, now=now)
    if problem:
        raise BookingError(problem)
    case = _case_for_staff_booking(service, request.case_number)
    # The unique constraints are the guard; these reads only spare a failed insert and give the precise message.
    active = Booking.objects.filter(service=service, status__in=Booking.ACTIVE)
    if case is not None and active.filter(case=case).exists():
        raise BookingError("duplicate_case")
    if request.email.strip() and active.filter(email_key=normalize_email(request.email)).exists():
        raise BookingError("duplicate")
    slots = consecutive_slots(first=slot, people=people)
    if not slots:
        raise BookingError("no_consecutive" if people > 1 else "taken")
    try:
        with transaction.atomic():
            seats_take([s.pk for s in slots])
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
                case=case,
                case_number=request.case_number.strip(),
            )
    except IntegrityError as exc:
        raise BookingError("duplicate_case" if case is not None else "duplicate") from exc
    booking_confirm_held(booking, now=now)
    logger.info("Booking %s made by staff user %s", booking.pk, user.pk)
    if booking.email:
        emails.send_confirmed(booking)
    return booking



# --- Reminders and retention --------------------------------------------------------------------------------


def reminders_send(*, now: datetime | None = None) -> int:
    """E-mail a reminder for every confirmed visit on the local day after tomorrow; returns how many were queued.

    Runs every half hour and is safe to run twice: `reminder_sent_at` is set in the same transaction as the
    outbox row is written (whose dedupe key also names the booking), and a moved booking's reminder is due again.
    A booking confirmed late (within the two days) simply gets no reminder: its confirmation is fresh.
    """
    from appointments import emails

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


def bookings_retention_apply(*, now: datetime | None = None) -> int:
    """Erase who booked, some days after the visit (or the cancellation or expiry); keep what statistics need.

    A booking keeps its service, place, times, status and channel, so counts per day, place and outcome stay
    possible; its name, e-mail, phone, case link and the names of the people go. Returns how many were erased.
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
    with transaction.atomic():
        booking_ids = list(
            Booking.objects.filter(finished, personal_data_erased_at__isnull=True).values_list("pk", flat=True)
        )
        BookingSeat.objects.filter(booking__in=booking_ids).update(person_name="")
        erased = Booking.objects.filter(pk__in=booking_ids).update(
            name="", email="", email_key="", phone="", case=None, case_number="", personal_data_erased_at=now
        )
    logger.info("Booking retention: personal data of %s bookings erased", erased)
    return erased
