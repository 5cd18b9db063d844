"""Service levels of the enquiry desk, counted in working hours.

Working hours are Monday to Friday, `OFFICE_OPENS`–`OFFICE_CLOSES` Polish time, except Polish public holidays (the
maintained `holidays` library, as appointments use). A target of 8 working hours set on Friday at 15:00 falls due
on Monday at 15:00. While an enquiry waits for the person, its clocks stop: when it comes back, its deadlines move
by the working time it spent waiting (`services.enquiries`).
"""

from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

WARSAW = ZoneInfo("Europe/Warsaw")
OFFICE_OPENS = time(8, 0)
OFFICE_CLOSES = time(16, 0)
DUE_SOON = timedelta(hours=4)  # an enquiry due within this wall-clock time is "due soon"


class DueState:
    """How an enquiry's deadline stands, for the desk's highlighting."""

    OVERDUE = "overdue"
    SOON = "soon"
    ON_TIME = "on_time"
    PAUSED = "paused"  # waiting for the person: its clocks stopped
    NONE = ""  # answered or closed, or no deadline

# (first response, resolution) in working hours, per channel and priority. A phone call or a visit is answered
# as it happens; what is left for later (a call-back) has the same resolution targets as the written channels.
TARGETS: dict[str, dict[str, tuple[int, int]]] = {
    "web": {"normal": (8, 40), "high": (4, 16), "urgent": (2, 8)},
    "email": {"normal": (8, 40), "high": (4, 16), "urgent": (2, 8)},
    "letter": {"normal": (16, 80), "high": (8, 40), "urgent": (4, 16)},
    "phone": {"normal": (8, 16), "high": (4, 8), "urgent": (2, 4)},
    "in_person": {"normal": (8, 16), "high": (4, 8), "urgent": (2, 4)},
}


@lru_cache(maxsize=16)
def _holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.Poland(years=year).keys())


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    return datetime.combine(day, OFFICE_OPENS, WARSAW), datetime.combine(day, OFFICE_CLOSES, WARSAW)


def add_working_time(start: datetime, duration: timedelta) -> datetime:
    """The moment `duration` of working time after `start` (aware); starting outside hours counts from the next
    opening."""
    moment = start.astimezone(WARSAW)
    left = duration
    day = moment.date()
    for _ in range(3660):  # ten years of days: a bound, never reached by real targets
        if is_working_day(day):
            opens, closes = _day_bounds(day)
            begin = max(moment, opens)
            if begin < closes:
                if begin + left <= closes:
                    return begin + left
                left -= closes - begin
        day += timedelta(days=1)
        moment = datetime.combine(day, time(0), WARSAW)
    raise ValueError("duration too long")


def working_time_between(start: datetime, end: datetime) -> timedelta:
    """Working time from `start` to `end` (zero when end is not later)."""
    if end <= start:
        return timedelta(0)
    start, end = start.astimezone(WARSAW), end.astimezone(WARSAW)
    total = timedelta(0)
    day = start.date()
    while day <= end.date():
        if is_working_day(day):
            opens, closes = _day_bounds(day)
            begin, finish = max(start, opens), min(end, closes)
            if finish > begin:
                total += finish - begin
        day += timedelta(days=1)
    return total


def targets(channel: str, priority: str) -> tuple[timedelta, timedelta]:
    first, resolution = TARGETS.get(channel, TARGETS["web"]).get(priority, TARGETS["web"]["normal"])
    return timedelta(hours=first), timedelta(hours=resolution)


def due_times(*, channel: str, priority: str, start: datetime) -> tuple[datetime, datetime]:
    """(first response due, resolution due) of an enquiry received at `start`."""
    first, resolution = targets(channel, priority)
    return add_working_time(start, first), add_working_time(start, resolution)


def due_state(*, category: str, due_at: datetime | None, now: datetime) -> str:
    """`category`: the status category (open, paused, done) of models.enquiries.StatusCategory."""
    if category == "open" and due_at is not None:
        if due_at < now:
            return DueState.OVERDUE
        return DueState.SOON if due_at < now + DUE_SOON else DueState.ON_TIME
    return DueState.PAUSED if category == "paused" else DueState.NONE
