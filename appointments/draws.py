"""Draws: for scarce services, a week's times are allotted at random among the people who asked, one per person.

The times of a draw schedule are generated without a release moment (`Slot.opens_at` empty), so nobody can book
them. For each week there is a `Draw`: requests are accepted from `opens_at` until `closes_at` (`release_days_ahead`
days before the week's Monday at `release_time`, Polish time; the window is `draw_window_days` long). A request
counts once its address is confirmed by the link in our e-mail.

When the window has closed, `draws_run_due` draws: a fresh random seed is recorded on the draw, the confirmed
request ids (sorted) are shuffled by `random.Random(seed)`, and the free seats of the week are given out in time
order, the first time to the first drawn request. Everything needed to repeat the draw is kept in `Draw.audit`
(`draw_replay` repeats it). Winners get a CONFIRMED booking; the others an e-mail pointing to the waiting list.
Seats left over go to the waiting list first, then the week is opened to the public.
"""

import enum
import random
import secrets
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from appointments import emails, services, waiting_list
from appointments.dates import local_datetime, local_today
from appointments.errors import BookingError
from appointments.models import Booking, Draw, DrawRequest, Schedule, Slot
from appointments.services.retention import each_in_own_transaction
from appointments.tokens import DRAW_CONFIRM_SALT, draw_request_from_token, draw_request_token
from cases import selectors as case_selectors
from cases import services as case_services
from portal.services import over_hourly_limit

CONFIRM_SALT = DRAW_CONFIRM_SALT
# The link helpers live in `tokens`; these names stay for the callers of this module.
request_token = draw_request_token
request_from_token = draw_request_from_token
# How many closed draws one run of `draws_run_due` draws (each in its own transaction; the rest wait a minute).
DRAW_BATCH = 50


def draw_window(schedule: Schedule, week_starts_on: date) -> tuple[datetime, datetime]:
    """When requests for the week starting on `week_starts_on` (a Monday) are accepted: (opens, closes)."""
    closes_at = local_datetime(
        week_starts_on - timedelta(days=schedule.release_days_ahead), schedule.release_time
    )
    return closes_at - timedelta(days=max(schedule.draw_window_days, 1)), closes_at


def draws_ensure(*, today: date | None = None) -> int:
    """Create the draws of the weeks in the horizon of every active draw schedule; safe to run again. Returns
    how many were created.

    A week whose window had already closed when its draw was created (a new schedule, a changed policy) is drawn
    at once with no requests, which opens its times to the public rather than leaving them locked.
    """
    today = today or local_today()
    schedules = Schedule.objects.filter(
        is_active=True, service__is_active=True, release_policy=Schedule.ReleasePolicy.DRAW
    )
    new = []
    for schedule in schedules:
        monday = today - timedelta(days=today.weekday()) + timedelta(days=7)
        while monday <= today + timedelta(days=schedule.horizon_days):
            opens_at, closes_at = draw_window(schedule, monday)
            new.append(Draw(schedule=schedule, week_starts_on=monday, opens_at=opens_at, closes_at=closes_at))
            monday += timedelta(days=7)
    existing = set(
        Draw.objects.filter(schedule__in=schedules, week_starts_on__gt=today).values_list("schedule", "week_starts_on")
    )
    new = [draw for draw in new if (draw.schedule_id, draw.week_starts_on) not in existing]
    Draw.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


def draw_open_for(*, schedule: Schedule, now: datetime | None = None) -> Draw | None:
    """The draw accepting requests now, or else the next one to open (None if there is none)."""
    now = now or timezone.now()
    return (
        Draw.objects.filter(schedule=schedule, closes_at__gt=now, drawn_at__isnull=True)
        .order_by("closes_at")
        .first()
    )


# --- Requests -----------------------------------------------------------------------------------------------


class RequestOutcome(enum.Enum):
    SENT = "sent"  # a confirmation link was e-mailed, or the address had asked already (nothing tells which)
    LIMITED = "limited"
    CLOSED = "closed"  # the window is not open (not yet, or any more)
    CASE_NOT_FOUND = "case_not_found"
    CASE_LIMITED = "case_limited"
    CASE_NOT_DUE = "case_not_due"
    WRONG_PLACE = "wrong_place"


def draw_request_create(
    *,
    draw: Draw,
    name: str,
    email: str,
    language: str,
    client_key: str,
    case_number: str = "",
    access_code: str = "",
    now: datetime | None = None,
) -> RequestOutcome:
    """Ask for a chance in `draw`; one per address (a database constraint). The request counts once confirmed."""
    now = now or timezone.now()
    if draw.drawn_at is not None or not draw.opens_at <= now < draw.closes_at:
        return RequestOutcome.CLOSED
    email_key = services.normalize_email(email)
    if over_hourly_limit(
        prefix="appointment-draw", client_key=client_key, per_hour=settings.APPOINTMENT_HOLDS_PER_HOUR
    ) or over_hourly_limit(
        prefix="appointment-draw-email", client_key=email_key, per_hour=settings.APPOINTMENT_EMAILS_PER_HOUR
    ):
        return RequestOutcome.LIMITED
    service = draw.schedule.service
    case_id = None
    if service.requires_case:
        found = case_services.case_lookup(number=case_number, access_code=access_code, client_key=client_key)
        if found.case_id is None:
            return RequestOutcome.CASE_LIMITED if found.retry_after_seconds else RequestOutcome.CASE_NOT_FOUND
        if not case_selectors.case_calls_for_visit(case_id=found.case_id, visit=service.case_visit):
            return RequestOutcome.CASE_NOT_DUE
        if service.case_place_rule == service.CasePlaceRule.CASE_PLACE and not service.place_allowed_for_case(
            place_id=draw.schedule.place_id, case_place_id=case_selectors.case_place_id(case_id=found.case_id)
        ):
            return RequestOutcome.WRONG_PLACE
        case_id = found.case_id

    request = DrawRequest.objects.filter(draw=draw, email_key=email_key).first()
    if request is None:
        try:
            with transaction.atomic():
                request = DrawRequest.objects.create(
                    draw=draw, name=name.strip(), email=email.strip(), email_key=email_key, language=language,
                    case_id=case_id,
                )
        except IntegrityError:  # the same address at the same moment
            request = DrawRequest.objects.get(draw=draw, email_key=email_key)
    if request.status == DrawRequest.Status.UNCONFIRMED:
        DrawRequest.objects.filter(pk=request.pk).update(name=name.strip(), language=language, case_id=case_id)
        request.name, request.language = name.strip(), language
        request.draw = draw
        emails.send_draw_confirmation(request, confirm_token=draw_request_token(request))
    return RequestOutcome.SENT


def draw_request_confirm(*, token: str, now: datetime | None = None) -> DrawRequest | None:
    """The person clicked the link: the request takes part (only while the window is open). None: bad link."""
    now = now or timezone.now()
    request = draw_request_from_token(token)
    if request is None:
        return None
    DrawRequest.objects.filter(
        pk=request.pk,
        status=DrawRequest.Status.UNCONFIRMED,
        draw__closes_at__gt=now,
        draw__drawn_at__isnull=True,
    ).update(status=DrawRequest.Status.ENTERED, confirmed_at=now)
    request.refresh_from_db(fields=["status", "confirmed_at"])
    return request


def draw_requests_purge(*, now: datetime | None = None) -> int:
    """Forget the requests of draws held more than `APPOINTMENT_RETENTION_DAYS` ago (the winners' bookings have
    their own retention); the audit record keeps only request ids, so a draw can still be repeated."""
    now = now or timezone.now()
    request_ids = list(
        DrawRequest.objects.filter(
            draw__drawn_at__lt=now - timedelta(days=settings.APPOINTMENT_RETENTION_DAYS)
        ).values_list("pk", flat=True)
    )
    return each_in_own_transaction(
        request_ids, lambda request_id: DrawRequest.objects.filter(pk=request_id).delete()[0], what="draw request"
    )


# --- Drawing ------------------------------------------------------------------------------------------------


def allocate(*, seed: int, request_ids: list[int], seats: list[int]) -> tuple[list[int], dict[int, int]]:
    """The drawing itself, a pure function: (request ids in drawn order, request id -> slot id).

    `seats` lists a slot id once per free seat, in time order; the n-th drawn request gets the n-th seat.
    """
    order = sorted(request_ids)
    random.Random(seed).shuffle(order)
    return order, dict(zip(order, seats, strict=False))


def draw_replay(draw: Draw) -> dict[int, int]:
    """Repeat a recorded draw from its seed and inputs, for an audit: the allocation request id -> slot id."""
    audit = draw.audit
    if draw.seed is None:
        raise ValueError("This draw has not been made yet.")
    _order, allocation = allocate(seed=draw.seed, request_ids=audit["entered"], seats=audit["seats"])
    return allocation


def _week_slots(draw: Draw, *, now: datetime | None = None):
    """The times of the draw's week (those not too soon to be given out at `now`, if given), in time order."""
    start = local_datetime(draw.week_starts_on, time(0, 0))
    earliest = start if now is None else max(start, now + timedelta(minutes=settings.APPOINTMENT_MIN_LEAD_MINUTES))
    return Slot.objects.filter(
        place=draw.schedule.place_id,
        service=draw.schedule.service_id,
        starts_at__gte=earliest,
        starts_at__lt=start + timedelta(days=7),
    ).order_by("starts_at")


@dataclass(frozen=True)
class DrawResult:
    draw_id: int
    won: int
    not_drawn: int
    leftover_offered: int


def draws_run_due(*, now: datetime | None = None) -> int:
    """Create the coming weeks' draws, then draw every closed one not drawn yet; returns how many were drawn.

    Safe to run twice, also at the same moment: each draw is locked and checked before it is drawn.
    """
    now = now or timezone.now()
    draws_ensure(today=local_today(now))
    drawn = 0
    for draw_id in list(
        Draw.objects.filter(closes_at__lte=now, drawn_at__isnull=True).order_by("closes_at").values_list(
            "pk", flat=True
        )[:DRAW_BATCH]
    ):
        if draw_run(draw_id=draw_id, now=now) is not None:
            drawn += 1
    return drawn


@transaction.atomic
def draw_run(*, draw_id: int, now: datetime | None = None) -> DrawResult | None:
    """Draw one closed draw; None if it is being or has been drawn by someone else."""
    now = now or timezone.now()
    draw = (
        Draw.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("schedule__service", "schedule__place")
        .filter(pk=draw_id, drawn_at__isnull=True, closes_at__lte=now)
        .first()
    )
    if draw is None:
        return None
    schedule = draw.schedule
    service = schedule.service

    requests = list(draw.requests.filter(status=DrawRequest.Status.ENTERED).order_by("pk"))
    # One chance per person: one request per address is a constraint; one per case is kept here (the first).
    # Someone who meanwhile got a visit of this service otherwise has no need of a second one.
    seen_cases, entered, excluded = set(), [], []
    busy = set(
        Booking.objects.filter(
            service=service, status__in=Booking.ACTIVE, email_key__in=[r.email_key for r in requests]
        ).values_list("email_key", flat=True)
    )
    for request in requests:
        if request.email_key in busy or (request.case_id and request.case_id in seen_cases):
            excluded.append(request.pk)
            continue
        seen_cases.add(request.case_id)
        entered.append(request.pk)

    slots = list(_week_slots(draw, now=now).filter(is_blocked=False, in_schedule=True))
    seats = [slot.pk for slot in slots for _ in range(max(slot.capacity - slot.booked, 0))]
    seed = secrets.randbits(63)
    order, allocation = allocate(seed=seed, request_ids=entered, seats=seats)

    by_id = {request.pk: request for request in requests}
    slots_by_id = {slot.pk: slot for slot in slots}
    failed = []
    won = 0
    for request_id in order:
        request = by_id[request_id]
        slot_id = allocation.get(request_id)
        booking = _winner_booking(request, service=service, slot=slots_by_id[slot_id], now=now) if slot_id else None
        if booking is None:
            if slot_id:
                failed.append(request_id)
            request.status = DrawRequest.Status.NOT_DRAWN
            request.save(update_fields=["status"])
            emails.send_draw_not_drawn(request)
            continue
        request.status = DrawRequest.Status.WON
        request.booking = booking
        request.save(update_fields=["status", "booking"])
        emails.send_confirmed(booking)
        won += 1
    DrawRequest.objects.filter(pk__in=excluded).update(status=DrawRequest.Status.NOT_DRAWN)
    DrawRequest.objects.filter(draw=draw, status=DrawRequest.Status.UNCONFIRMED).update(
        status=DrawRequest.Status.NOT_DRAWN
    )

    # The week is released now (visible to others only when this transaction commits, after the offers below).
    _week_slots(draw).filter(opens_at__isnull=True).update(opens_at=now)
    # Seats nobody won (fewer requests than seats, or a winner's booking failed): the waiting list first; what
    # it does not take can be booked by anyone.
    leftover_offered = 0
    for slot in _week_slots(draw, now=now).filter(is_blocked=False, in_schedule=True, booked__lt=F("capacity")):
        for _ in range(slot.capacity - slot.booked):
            if not waiting_list.seat_offer_free(slot=slot, now=now):
                break
            leftover_offered += 1

    draw.seed = seed
    draw.drawn_at = now
    draw.audit = {
        "seed": seed,
        "entered": entered,
        "excluded": excluded,
        "seats": seats,
        "order": order,
        "allocation": {str(request_id): slot_id for request_id, slot_id in allocation.items()},
        "failed": failed,
        "leftover_offered": leftover_offered,
    }
    draw.save(update_fields=["seed", "drawn_at", "audit"])
    return DrawResult(draw.pk, won, len(requests) - won, leftover_offered)


def _winner_booking(request: DrawRequest, *, service, slot: Slot, now: datetime) -> Booking | None:
    """A CONFIRMED booking for a drawn request on its seat; None if the seat went meanwhile (staff blocked or
    booked it) or the person already has an active booking of this service (by e-mail or case)."""
    try:
        with transaction.atomic():
            services.seats_take([slot])
            booking = services.booking_create(
                service=service,
                place_id=slot.place_id,
                slots=[slot],
                language=request.language,
                hold_expires_at=None,
                names=[request.name],
                status=Booking.Status.HELD,
                channel=Booking.Channel.DRAW,
                name=request.name,
                email=request.email,
                email_key=request.email_key,
                case_id=request.case_id,
            )
            services.booking_confirm_held(booking, now=now)
            return booking
    except (BookingError, IntegrityError):
        return None
