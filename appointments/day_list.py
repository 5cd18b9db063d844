"""The desk's day as a dense list: one row per booking, runs of free times folded into one row, and the counts.

Built in memory from `selectors.staff_day` (three queries whatever the number of bookings), so the page, its
htmx refresh and the printed list cost the same number of queries on a quiet day and a full one.
"""

from dataclasses import dataclass, field
from datetime import datetime

from appointments.models import Booking, Slot
from appointments.selectors import StaffTime


@dataclass
class FreeTimes:
    """Consecutive times with a free seat (or blocked), shown as one row "N free times" that opens to each time."""

    slots: list[Slot] = field(default_factory=list)

    @property
    def free(self) -> int:
        return sum(1 for slot in self.slots if slot.free and not slot.is_blocked and slot.in_schedule)

    @property
    def blocked(self) -> int:
        return sum(1 for slot in self.slots if slot.is_blocked)

    @property
    def first(self) -> Slot:
        return self.slots[0]

    @property
    def last(self) -> Slot:
        return self.slots[-1]


@dataclass
class DayCounts:
    """People, not bookings: a family of three is three people at the desk."""

    expected: int = 0
    arrived: int = 0
    no_show: int = 0
    free: int = 0


@dataclass
class DayList:
    rows: list[Booking | FreeTimes]
    counts: DayCounts
    bookings: int


ARRIVED = (Booking.Status.CHECKED_IN, Booking.Status.COMPLETED)
EXPECTED = (Booking.Status.AWAITING_CONFIRMATION, Booking.Status.CONFIRMED)


def people_of(booking: Booking) -> int:
    return sum(1 for seat in booking.seats.all() if not seat.released) or len(booking.seats.all())


def day_list(times: list[StaffTime], *, booked_only: bool, now: datetime) -> DayList:
    """Rows in time order: each booking at its first person's time, then (unless `booked_only`) the times still
    free, consecutive ones folded into one row until the next booking. Free seats are counted from now on."""
    rows: list[Booking | FreeTimes] = []
    counts = DayCounts()
    run: FreeTimes | None = None
    bookings = 0
    for time in times:
        slot = time.slot
        for booking in time.bookings:
            booking.slot = slot  # type: ignore[attr-defined]  # the time and service the row shows
            booking.people = people_of(booking)  # type: ignore[attr-defined]
            rows.append(booking)
            bookings += 1
            run = None
            if booking.status in EXPECTED:
                counts.expected += booking.people  # type: ignore[attr-defined]
            elif booking.status in ARRIVED:
                counts.arrived += booking.people  # type: ignore[attr-defined]
            elif booking.status == Booking.Status.NO_SHOW:
                counts.no_show += booking.people  # type: ignore[attr-defined]
        if slot.in_schedule and not slot.is_blocked and slot.starts_at >= now:
            counts.free += slot.free
        if booked_only or not (slot.free or slot.is_blocked or not slot.in_schedule):
            continue
        if run is None:
            run = FreeTimes()
            rows.append(run)
        run.slots.append(slot)
    return DayList(rows, counts, bookings)
