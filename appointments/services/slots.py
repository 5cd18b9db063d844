"""Times at the desk: slots generated from the schedules, and which of them the public or the desk may book."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Greatest
from django.utils import timezone

from appointments.availability import seats_changed
from appointments.dates import LOCAL_TIME, local_datetime, local_today, public_holidays
from appointments.models import Draw, Schedule, ScheduleException, ScheduleHours, Slot


def release_moment(schedule: Schedule, day: date) -> datetime | None:
    """When the public may book the times of `day`: None for a draw (the times are allotted, not booked)."""
    if schedule.release_policy == Schedule.ReleasePolicy.DRAW:
        return None
    if schedule.release_policy == Schedule.ReleasePolicy.SCHEDULED:
        return local_datetime(day - timedelta(days=schedule.release_days_ahead), schedule.release_time)
    return local_datetime(day - timedelta(days=schedule.horizon_days), time(0, 0))


def _periods(
    schedule: Schedule,
    day: date,
    hours_by_weekday: dict[int, list[ScheduleHours]],
    exceptions: list[ScheduleException],
) -> list[tuple[time, time, int, int]]:
    """The (start, end, slot minutes, desks) periods of `day`, after holidays, closures and extra hours."""
    if any(e.is_closed for e in exceptions):
        return []
    periods = [(h.starts, h.ends, h.slot_minutes, h.desks) for h in hours_by_weekday.get(day.weekday(), [])]
    # Extra hours always have both ends (a constraint of ScheduleException); the checks tell the type checker.
    periods += [
        (e.starts, e.ends, e.slot_minutes, e.desks)
        for e in exceptions
        if not e.is_closed and e.starts is not None and e.ends is not None
    ]
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
        drawn_weeks: dict[date, datetime | None] = {}  # never None: only drawn weeks are read
        if schedule.release_policy == Schedule.ReleasePolicy.DRAW:
            drawn_weeks = dict(
                Draw.objects.filter(
                    schedule=schedule, drawn_at__isnull=False, week_starts_on__gte=today - timedelta(days=7)
                ).values_list("week_starts_on", "drawn_at")
            )
        hours_by_weekday: dict[int, list[ScheduleHours]] = {}
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
        changed_slots = len(new_slots)

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
                    changed_slots += 1
                elif changed and not slot.is_blocked:
                    Slot.objects.filter(pk=slot.pk).update(
                        capacity=Greatest(Value(desks), F("booked")),
                        opens_at=opens_at,
                        in_schedule=desks >= slot.booked,
                    )
                    changed_slots += 1
            elif slot.booked == 0 and not slot.seats.exists():
                slot.delete()
                removed += 1
                changed_slots += 1
            elif slot.in_schedule:
                Slot.objects.filter(pk=slot.pk).update(in_schedule=False, is_blocked=True)
                left += 1
                changed_slots += 1
        if changed_slots:
            seats_changed([(schedule.service_id, schedule.place_id)])
    return SlotsGenerated(created, removed, left)

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
