"""Reads of the appointments app: what is bookable, where, on which days and at which times (the figures of the
indicator reports are in `appointments.selectors_reports`, re-exported here).

Each public step reads a fixed number of rows in a fixed number of queries, whatever the horizon: the calendar
aggregates free seats per day in the database instead of loading the slots.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import F, Min, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from appointments.dates import LOCAL_TIME, local_today
from appointments.models import BookableService, Booking, BookingSeat, Schedule, Slot
from appointments.selectors_reports import BOOKED_STATUSES as BOOKED_STATUSES
from appointments.selectors_reports import CANCELLED_STATUSES as CANCELLED_STATUSES
from appointments.selectors_reports import KEPT_STATUSES as KEPT_STATUSES
from appointments.selectors_reports import booking_counts as booking_counts
from appointments.selectors_reports import booking_figures as booking_figures
from appointments.selectors_reports import booking_series as booking_series
from appointments.selectors_reports import draw_figures as draw_figures
from appointments.selectors_reports import first_booking_start as first_booking_start
from appointments.selectors_reports import service_name as service_name
from appointments.selectors_reports import waiting_list_figures as waiting_list_figures
from appointments.services.slots import staff_slot_problem
from portal import selectors as portal_selectors

if TYPE_CHECKING:
    from portal.models import Place, User


def _bookable_slots(*, now: datetime) -> QuerySet[Slot]:
    """Slots the public may book at `now`: released, not blocked, with a free seat, far enough ahead."""
    return Slot.objects.filter(
        starts_at__gte=now + timedelta(minutes=settings.APPOINTMENT_MIN_LEAD_MINUTES),
        opens_at__lte=now,
        is_blocked=False,
        in_schedule=True,
        booked__lt=F("capacity"),
    )


def services_bookable() -> QuerySet[BookableService]:
    """Services with at least one place taking bookings, in display order."""
    return BookableService.objects.filter(
        is_active=True, schedules__is_active=True, schedules__place__is_published=True
    ).distinct()


def service_get_bookable(*, code: str) -> BookableService | None:
    return services_bookable().filter(code=code).first()


@dataclass(frozen=True)
class PlaceChoice:
    schedule: Schedule
    next_free: datetime | None

    @property
    def place(self) -> "Place":
        return self.schedule.place


def places_for_service(*, service: BookableService, now: datetime | None = None) -> list[PlaceChoice]:
    """The places offering `service`, each with its earliest bookable time (None: nothing free now). One query."""
    now = now or timezone.now()
    next_free = (
        _bookable_slots(now=now)
        .filter(place=OuterRef("place"), service=service.pk)
        .order_by("starts_at")
        .values("starts_at")[:1]
    )
    schedules = (
        Schedule.objects.filter(service=service, is_active=True, place__is_published=True)
        .select_related("place")
        .annotate(next_free=Subquery(next_free))
        .order_by("place__order", "place__slug")
    )
    return [PlaceChoice(schedule, schedule.next_free) for schedule in schedules]


def schedules_public(**filters: object) -> QuerySet[Schedule]:
    """Every schedule (service × place) the public may see: active, of an active service, at a published place."""
    return (
        Schedule.objects.filter(is_active=True, service__is_active=True, place__is_published=True, **filters)
        .select_related("service", "place")
        .order_by("service__order", "service__code", "place__order", "place__slug")
    )


def schedule_public_get(*, service_code: str, place_slug: str, **filters: object) -> Schedule | None:
    if not service_code or not place_slug:
        return None
    return schedules_public(service__code=service_code, place__slug=place_slug, **filters).first()


def schedule_get(*, service: BookableService, place_slug: str) -> Schedule | None:
    return (
        Schedule.objects.select_related("place", "service")
        .filter(service=service, place__slug=place_slug, is_active=True, place__is_published=True)
        .first()
    )


@dataclass(frozen=True)
class CalendarDay:
    day: date
    free_seats: int
    in_horizon: bool

    @property
    def bookable(self) -> bool:
        return self.free_seats > 0


def calendar(*, schedule: Schedule, now: datetime | None = None) -> list[list[CalendarDay | None]]:
    """The horizon as weeks (Monday first) of days with their free seats; None pads the first and last week.

    One query: the free seats are summed per local day by the database.
    """
    now = now or timezone.now()
    today = local_today(now)
    last_day = today + timedelta(days=schedule.horizon_days)
    free_by_day = dict(
        _bookable_slots(now=now)
        .filter(place=schedule.place_id, service=schedule.service_id)
        .annotate(day=TruncDate("starts_at", tzinfo=LOCAL_TIME))
        .values("day")
        .annotate(free_that_day=Sum(F("capacity") - F("booked")))
        .values_list("day", "free_that_day")
    )
    first_monday = today - timedelta(days=today.weekday())
    weeks: list[list[CalendarDay | None]] = []
    day = first_monday
    while day <= last_day:
        week = []
        for _ in range(7):
            week.append(None if day < today else CalendarDay(day, free_by_day.get(day, 0), day <= last_day))
            day += timedelta(days=1)
        weeks.append(week)
    return weeks


def first_free_day(weeks: list[list[CalendarDay | None]]) -> date | None:
    return next((d.day for week in weeks for d in week if d is not None and d.bookable), None)


@dataclass(frozen=True)
class TimeChoice:
    slot: Slot
    free: int

    @property
    def starts_at(self) -> datetime:
        return self.slot.starts_at


def free_times(*, schedule: Schedule, day: date, people: int = 1, now: datetime | None = None) -> list[TimeChoice]:
    """The times of `day` at which `people` can be seen one after another (each at a free desk). One query."""
    now = now or timezone.now()
    start = datetime.combine(day, datetime.min.time(), tzinfo=LOCAL_TIME)
    slots = list(
        Slot.objects.filter(
            place=schedule.place_id,
            service=schedule.service_id,
            starts_at__gte=start,
            starts_at__lt=start + timedelta(days=1),
        ).order_by("starts_at")
    )
    bookable_ids = set(
        s.pk
        for s in slots
        if s.starts_at >= now + timedelta(minutes=settings.APPOINTMENT_MIN_LEAD_MINUTES)
        and s.opens_at is not None
        and s.opens_at <= now
        and not s.is_blocked
        and s.in_schedule
        and s.free > 0
    )
    choices = []
    for index, slot in enumerate(slots):
        if slot.pk not in bookable_ids:
            continue
        if people > 1:
            chain = [slot]
            for following in slots[index + 1 :]:
                if len(chain) == people:
                    break
                if following.pk not in bookable_ids or following.starts_at != chain[-1].ends_at:
                    break
                chain.append(following)
            if len(chain) < people:
                continue
        choices.append(TimeChoice(slot, slot.free))
    return choices


def next_release(*, schedule: Schedule, now: datetime | None = None) -> datetime | None:
    """When the next day of times becomes bookable (scheduled release), or None if nothing is waiting."""
    now = now or timezone.now()
    first: datetime | None = (
        Slot.objects.filter(place=schedule.place_id, service=schedule.service_id, opens_at__gt=now)
        .aggregate(first=Min("opens_at"))["first"]
    )
    return first


# The longest a cached calendar and times piece is served (`appointments.picker`), a bound on top of the version.
PICKER_MAX_SECONDS = 5 * 60


def picker_valid_until(*, schedule: Schedule, now: datetime) -> datetime:
    """Until when the calendar and times of `schedule` stay as they are at `now` if nothing is written: the next
    scheduled release, the next time coming inside the booking lead, midnight, or PICKER_MAX_SECONDS. One query.
    """
    lead = timedelta(minutes=settings.APPOINTMENT_MIN_LEAD_MINUTES)
    found = Slot.objects.filter(
        place=schedule.place_id, service=schedule.service_id, starts_at__gte=now + lead
    ).aggregate(release=Min("opens_at", filter=Q(opens_at__gt=now)), first=Min("starts_at"))
    midnight = datetime.combine(local_today(now) + timedelta(days=1), datetime.min.time(), tzinfo=LOCAL_TIME)
    moments = [now + timedelta(seconds=PICKER_MAX_SECONDS), midnight]
    if found["release"] is not None:
        moments.append(found["release"])
    if found["first"] is not None:
        moments.append(found["first"] - lead)
    return min(moments)


@dataclass(frozen=True)
class DayTimes:
    """The free times of a chosen day, or why there are none (a `BookingError` code)."""

    times: list[TimeChoice]
    problem: str = ""


def day_times(
    *, schedule: Schedule, weeks: list[list[CalendarDay | None]], day: date, people: int, now: datetime
) -> DayTimes:
    """Which times of `day` the public may book for `people` (from `calendar` weeks), or the reason none can be."""
    days = {d.day: d for week in weeks for d in week if d is not None}
    if day < local_today(now):
        return DayTimes([], "past")
    if day not in days or not days[day].in_horizon:
        return DayTimes([], "not_released")
    if not days[day].bookable:
        return DayTimes([], "no_free_times")
    times = free_times(schedule=schedule, day=day, people=people, now=now)
    if not times:
        return DayTimes([], "no_consecutive" if people > 1 else "no_free_times")
    return DayTimes(times)


def booking_of_session(*, booking_id: int | None) -> Booking | None:
    """The booking a visitor's session points at, whatever its state (a hold, or one awaiting confirmation)."""
    if not booking_id:
        return None
    return Booking.objects.select_related("service", "place").filter(pk=booking_id).first()


def hold_slot_ids(booking: Booking) -> list[int]:
    """The times a hold keeps, first person first."""
    return list(booking.seats.filter(released=False).order_by("position").values_list("slot_id", flat=True))


def booking_for_check_in(*, place: "Place | int", code: str, now: datetime | None = None) -> Booking | None:
    """Today's confirmed booking at `place` with the six-digit check-in `code`, for the info-point queue or a desk.

    Only a booking that `services.booking_check_in` would accept today: confirmed, at this place, on today's date.
    Check-in codes are unique among upcoming bookings. One query.
    """
    code = (code or "").strip()
    if not code.isdigit() or len(code) != 6:
        return None
    now = now or timezone.now()
    start = datetime.combine(local_today(now), datetime.min.time(), tzinfo=LOCAL_TIME)
    return (
        Booking.objects.select_related("service", "place")
        .filter(
            place=place.pk if hasattr(place, "pk") else place,
            checkin_code=code,
            status=Booking.Status.CONFIRMED,
            starts_at__gte=start,
            starts_at__lt=start + timedelta(days=1),
        )
        .first()
    )


def booking_for_page(*, booking_id: int) -> Booking | None:
    """A booking with what its pages show (service, place and the people's times): two queries."""
    return (
        Booking.objects.select_related("service", "place", "service__guide")
        .prefetch_related("seats__slot")
        .filter(pk=booking_id)
        .first()
    )


# --- Staff: a place's day, the bookings to rearrange -----------------------------------------------------------


def places_for_staff(user: "User") -> "QuerySet[Place]":
    """The places whose bookings `user` works with: theirs, or all for coordinators and administrators."""
    return portal_selectors.places_for_staff(user)


def place_for_staff(*, user: "User", slug: str) -> "Place | None":
    return places_for_staff(user).filter(slug=slug).first()


def bookings_visible_to(user: "User") -> QuerySet[Booking]:
    """Bookings at the places `user` works at; the admin, the day page and every staff action use this."""
    return Booking.objects.filter(place__in=places_for_staff(user))


def slots_visible_to(user: "User") -> QuerySet[Slot]:
    return Slot.objects.filter(place__in=places_for_staff(user))


# Bookings the desk does not need to see: a hold that never became a booking.
STAFF_HIDDEN = (Booking.Status.HELD, Booking.Status.EXPIRED)


def _staff_bookings() -> QuerySet[Booking]:
    return (
        Booking.objects.exclude(status__in=STAFF_HIDDEN)
        .select_related("service")
        .prefetch_related(Prefetch("seats", queryset=BookingSeat.objects.select_related("slot").order_by("position")))
    )


@dataclass
class StaffTime:
    """One time of the day at the place, with the bookings whose first person is seen then."""

    slot: Slot
    bookings: list[Booking]


def staff_day(*, place: "Place", day: date) -> list[StaffTime]:
    """The times of `day` at `place` (all services) with their bookings: three queries whatever the number.

    A family booking appears once, at its first person's time; its other times show their seats as taken.
    """
    start = datetime.combine(day, datetime.min.time(), tzinfo=LOCAL_TIME)
    end = start + timedelta(days=1)
    slots = list(
        Slot.objects.filter(place=place.pk, starts_at__gte=start, starts_at__lt=end)
        .select_related("service")
        .order_by("starts_at", "service__order", "service__code")
    )
    by_time: dict[tuple[int, datetime], list[Booking]] = {}
    for booking in _staff_bookings().filter(place=place.pk, starts_at__gte=start, starts_at__lt=end):
        by_time.setdefault((booking.service_id, booking.starts_at), []).append(booking)
    # A booking's first seat is always in a slot at its `starts_at` (slots are never deleted under a seat).
    return [StaffTime(slot, by_time.get((slot.service_id, slot.starts_at), [])) for slot in slots]


def bookings_to_rearrange(*, place: "Place", now: datetime | None = None) -> list[Booking]:
    """Upcoming bookings with a person in a time that left the schedule: staff must contact them. Two queries."""
    now = now or timezone.now()
    return list(
        _staff_bookings()
        .filter(
            place=place.pk,
            status__in=[Booking.Status.AWAITING_CONFIRMATION, Booking.Status.CONFIRMED],
            seats__released=False,
            seats__slot__in_schedule=False,
            seats__slot__starts_at__gte=now,
        )
        .distinct()
        .order_by("starts_at")
    )


def staff_services_at(*, place: "Place") -> QuerySet[BookableService]:
    """The services the desk can book at `place` (those with an active schedule there)."""
    return BookableService.objects.filter(is_active=True, schedules__place=place.pk, schedules__is_active=True)


def staff_free_times(
    *, place: "Place", service: BookableService, day: date, now: datetime | None = None
) -> list[Slot]:
    """The times of `day` the desk may book for `service` (see `services.staff_slot_problem`). One query."""
    now = now or timezone.now()
    start = datetime.combine(day, datetime.min.time(), tzinfo=LOCAL_TIME)
    slots = Slot.objects.filter(
        place=place.pk,
        service=service.pk,
        starts_at__gte=max(start, now),
        starts_at__lt=start + timedelta(days=1),
        booked__lt=F("capacity"),
    ).order_by("starts_at")
    return [slot for slot in slots if staff_slot_problem(slot, now=now) is None]


def staff_booking(*, booking_id: int) -> Booking | None:
    """One booking as the day page shows it (for the htmx swap after an action). Two queries."""
    return _staff_bookings().filter(pk=booking_id).first()


def bookings_made_in_year(*, year: int) -> int:
    """Bookings confirmed in `year` (by the person's e-mail link or booked by staff): one count."""
    return Booking.objects.filter(confirmed_at__gte=_year_start(year), confirmed_at__lt=_year_start(year + 1)).count()


def bookings_kept_in_year(*, year: int) -> int:
    """Visits of `year` the person came to (checked in, or completed): one count."""
    return Booking.objects.filter(
        starts_at__gte=_year_start(year),
        starts_at__lt=_year_start(year + 1),
        status__in=[Booking.Status.CHECKED_IN, Booking.Status.COMPLETED],
    ).count()


def _year_start(year: int) -> datetime:
    return datetime(year, 1, 1, tzinfo=LOCAL_TIME)


SEARCH_RESULTS = 20


def staff_search(*, place: "Place", query: str, since: date, by_name: bool) -> list[Booking]:
    """The place's bookings from `since` on whose check-in code or reference is `query` or (for staff who may see
    people's names) whose name, or a family member's, contains it. At most SEARCH_RESULTS; two queries."""
    text = " ".join(query.split())
    compact = text.replace(" ", "").upper()
    if not text:
        return []
    matches = Q(checkin_code=compact) if compact.isdigit() else Q(reference=compact)
    if by_name and len(text) >= 2:
        matches |= Q(name__icontains=text) | Q(seats__person_name__icontains=text)
    start = datetime.combine(since, datetime.min.time(), tzinfo=LOCAL_TIME)
    found = _staff_bookings().filter(matches, place=place.pk, starts_at__gte=start).distinct().order_by("starts_at")
    return list(found[:SEARCH_RESULTS])


# --- A case and its visit ------------------------------------------------------------------------------------


def service_for_visit(*, visit: str) -> BookableService | None:
    """The bookable service for the visit a case status calls for (`Visit`), or None. One query."""
    if not visit:
        return None
    return services_bookable().filter(case_visit=visit).order_by("order", "code").first()


def booking_for_case(*, case_id: int, now: datetime | None = None) -> Booking | None:
    """The case's next visit booked online or at the desk (awaiting confirmation, confirmed or checked in today),
    for the case page. One query."""
    now = now or timezone.now()
    return (
        Booking.objects.select_related("service", "place")
        .filter(
            case_id=case_id,
            status__in=[Booking.Status.AWAITING_CONFIRMATION, *Booking.UPCOMING],
            starts_at__gte=now - timedelta(hours=12),
        )
        .order_by("starts_at")
        .first()
    )
