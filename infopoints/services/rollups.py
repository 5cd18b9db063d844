"""Writing the daily rollups of the indicator figures (see `infopoints.models.rollups`).

A day is rolled up once it is closed (before today, in the office's time zone). The nightly task rolls up every
closed day that has no rollup yet and recomputes the last `RECOMPUTE_DAYS` days, whose rows may still change
(yesterday's open tickets are ended after midnight, a no-show is recorded the next morning, a duplicate enquiry is
merged days later); older days are left as they are, so the figures outlive the raw rows' retention.
"""

from collections.abc import Iterable
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from appointments import selectors as appointment_selectors
from infopoints.models import BookingDay, Enquiry, EnquiryDay, QueueDay, QueueWaitDay, RollupDay, Ticket
from infopoints.reports import daily

RECOMPUTE_DAYS = 7


class RollupError(ValueError):
    """A day that cannot be rolled up (today or later: it is not closed)."""


def rollup_day_compute(*, day: date) -> None:
    """(Re)compute every rollup of `day` from the raw rows, replacing what was there, in one transaction."""
    if day >= timezone.localdate():
        raise RollupError(f"{day} is not closed yet")
    ranges = [(day, day)]
    with transaction.atomic():
        for model in (QueueDay, QueueWaitDay, EnquiryDay, BookingDay):
            model.objects.filter(day=day).delete()
        QueueDay.objects.bulk_create(
            QueueDay(day=day, place_id=row["place_id"], language=row["language"], issued=row["issued"],
                     served=row["served"], no_show=row["no_show"])
            for row in daily.ticket_counts(ranges, ["place_id", "language"])
        )
        QueueWaitDay.objects.bulk_create(
            QueueWaitDay(day=day, place_id=row["place_id"], minute=row["minute"], tickets=row["tickets"])
            for row in daily.ticket_waits(ranges, ["place_id"])
        )
        EnquiryDay.objects.bulk_create(
            EnquiryDay(day=day, place_id=row["place_id"], channel=row["channel"], language=row["language"],
                       received=row["received"], answered=row["answered"], with_level=row["with_level"],
                       in_time=row["in_time"])
            for row in daily.enquiry_counts(ranges, ["place_id", "channel", "language"])
        )
        BookingDay.objects.bulk_create(
            BookingDay(day=day, place_id=row["place_id"], service_id=row["service_id"], status=row["status"],
                       bookings=row["bookings"])
            for row in appointment_selectors.booking_counts(
                ranges=daily.moments(ranges), group=["place_id", "service_id", "status"]
            )
        )
        RollupDay.objects.update_or_create(day=day)


def _first_day_with_data() -> date | None:
    firsts: list[date] = []
    if (ticket := Ticket.objects.aggregate(first=Min("day"))["first"]) is not None:
        firsts.append(ticket)
    if (enquiry := Enquiry.objects.aggregate(first=Min("created_at"))["first"]) is not None:
        firsts.append(timezone.localdate(enquiry))
    if (booking := appointment_selectors.first_booking_start()) is not None:
        firsts.append(timezone.localdate(booking))
    return min(firsts) if firsts else None


def rollups_days_compute(days: Iterable[date]) -> list[date]:
    """Recompute the given closed days (a back-fill); returns them in order."""
    done = sorted(set(days))
    for day in done:
        rollup_day_compute(day=day)
    return done


def rollups_pending_compute(*, since: date | None = None) -> list[date]:
    """Roll up every closed day (from `since`, or from the first day with data) that has no rollup, and recompute
    the last `RECOMPUTE_DAYS` closed days. Safe to run any number of times."""
    yesterday = timezone.localdate() - timedelta(days=1)
    first = since or _first_day_with_data()
    if first is None or first > yesterday:
        return []
    done = set(RollupDay.objects.filter(day__gte=first, day__lte=yesterday).values_list("day", flat=True))
    fresh = yesterday - timedelta(days=RECOMPUTE_DAYS - 1)
    days = [first + timedelta(days=n) for n in range((yesterday - first).days + 1)]
    return rollups_days_compute(day for day in days if day not in done or day >= fresh)
