"""The figures of a period read from the daily rollups for its rolled-up days and from the raw rows for the others
(today, days ahead, days not rolled up yet): a constant number of queries over at most a few thousand summed rows.

Waits come from the per-minute histograms, so a percentile here is exact to the whole minute (see README,
"Indicators"); counts are exactly those of the raw rows.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Q, QuerySet, Sum
from django.utils import timezone

from appointments import selectors as appointment_selectors
from infopoints.models import BookingDay, EnquiryDay, QueueDay, QueueWaitDay, RollupDay
from infopoints.reports import daily
from infopoints.reports.periods import Period


@dataclass(frozen=True)
class Split:
    """A period's days: `rolled` (read from the rollups) and `live` (read from the raw rows), as day ranges."""

    period: Period
    rolled: tuple[tuple[date, date], ...]
    live: tuple[tuple[date, date], ...]


def rolled_days(first_day: date, last_day: date) -> set[date]:
    """The closed days between the two (inclusive) whose rollups are complete: one query."""
    before_today = min(last_day, timezone.localdate() - timedelta(days=1))
    return set(RollupDay.objects.filter(day__gte=first_day, day__lte=before_today).values_list("day", flat=True))


def split(period: Period, rolled: set[date]) -> Split:
    days = [period.first_day + timedelta(days=n) for n in range(period.days)]
    return Split(period, tuple(daily.day_ranges(d for d in days if d in rolled)),
                 tuple(daily.day_ranges(d for d in days if d not in rolled)))


def _rolled(model, parts: Split, place_id: int | None) -> QuerySet:
    where = Q()
    for first, last in parts.rolled:
        where |= Q(day__gte=first, day__lte=last)
    rows = model.objects.filter(where)
    return rows if place_id is None else rows.filter(place_id=place_id)


def _merge(rows: Iterable[dict], keys: Sequence[str], values: Sequence[str]) -> dict[tuple, dict[str, int]]:
    merged: dict[tuple, dict[str, int]] = {}
    for row in rows:
        target = merged.setdefault(tuple(row[k] for k in keys), dict.fromkeys(values, 0))
        for name in values:
            target[name] += row[name] or 0
    return merged


def bucket_start(period: Period, day: date) -> date:
    """The first day of the step of `period`'s time line that `day` belongs to."""
    if period.step == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1) if period.step == "month" else day


def _series(period: Period, rows: Iterable[dict], value: str, key: str) -> list[dict]:
    buckets: dict[date, int] = defaultdict(int)
    for row in rows:
        buckets[bucket_start(period, row["day"])] += row[value]
    return [{"bucket": bucket, key: buckets[bucket]} for bucket in sorted(buckets) if buckets[bucket]]


TICKET_COUNTS = ["issued", "served", "no_show"]


def _ticket_counts(parts: Split, group: list[str], place_id: int | None) -> dict[tuple, dict[str, int]]:
    rolled = _rolled(QueueDay, parts, place_id).values(*group).annotate(
        **{name: Sum(name) for name in TICKET_COUNTS}
    ).order_by(*group)
    return _merge([*rolled, *daily.ticket_counts(parts.live, group, place_id)], group, TICKET_COUNTS)


def _histograms(parts: Split, group: list[str], place_id: int | None) -> dict[tuple, dict[int, int]]:
    rolled = _rolled(QueueWaitDay, parts, place_id).values(*group, "minute").annotate(
        tickets=Sum("tickets")
    ).order_by(*group, "minute")
    histograms: dict[tuple, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for row in [*rolled, *daily.ticket_waits(parts.live, group, place_id)]:
        histograms[tuple(row[k] for k in group)][row["minute"]] += row["tickets"]
    return histograms


def _with_waits(counts: dict[str, Any], histogram: dict[int, int] | None) -> dict[str, Any]:
    histogram = histogram or {}
    return {**counts, "median_wait": daily.histogram_percentile(histogram, 0.5),
            "p90_wait": daily.histogram_percentile(histogram, 0.9)}


def ticket_figures_by_place(parts: Split, place_id: int | None, *, waits: bool) -> list[dict]:
    counts = _ticket_counts(parts, ["place_id"], place_id)
    histograms = _histograms(parts, ["place_id"], place_id) if waits else {}
    rows = []
    for key in sorted(counts):
        row = {"place_id": key[0], **counts[key]}
        rows.append(_with_waits(row, histograms.get(key)) if waits else row)
    return rows


def ticket_totals(parts: Split, place_id: int | None) -> dict[str, Any]:
    totals = dict.fromkeys(TICKET_COUNTS, 0)
    for counts in _ticket_counts(parts, ["place_id"], place_id).values():
        for name in TICKET_COUNTS:
            totals[name] += counts[name]
    histogram: dict[int, int] = defaultdict(int)
    for per_place in _histograms(parts, ["place_id"], place_id).values():
        for minute, tickets in per_place.items():
            histogram[minute] += tickets
    return _with_waits(totals, histogram)


def served_by_language(parts: Split, place_id: int | None) -> list[dict]:
    counts = _ticket_counts(parts, ["language"], place_id)
    return [{"language": key[0], "served": counts[key]["served"]} for key in sorted(counts) if counts[key]["served"]]


def served_series(parts: Split, place_id: int | None) -> list[dict]:
    counts = _ticket_counts(parts, ["day"], place_id)
    return _series(parts.period, ({"day": key[0], **value} for key, value in counts.items()), "served", "value")


ENQUIRY_COUNTS = ["received", "answered", "with_level", "in_time"]


def _enquiry_counts(parts: Split, group: list[str], place_id: int | None) -> dict[tuple, dict[str, int]]:
    rolled = _rolled(EnquiryDay, parts, place_id).values(*group).annotate(
        **{name: Sum(name) for name in ENQUIRY_COUNTS}
    ).order_by(*group)
    return _merge([*rolled, *daily.enquiry_counts(parts.live, group, place_id)], group, ENQUIRY_COUNTS)


def enquiry_figures(parts: Split, place_id: int | None) -> list[dict]:
    counts = _enquiry_counts(parts, ["channel", "language"], place_id)
    return [{"channel": key[0], "language": key[1], **counts[key]} for key in sorted(counts)]


def enquiry_series(parts: Split, place_id: int | None) -> list[dict]:
    counts = _enquiry_counts(parts, ["day"], place_id)
    return _series(parts.period, ({"day": key[0], **value} for key, value in counts.items()), "received", "value")


def _booking_counts(parts: Split, group: list[str], place_id: int | None) -> list[dict]:
    rolled = _rolled(BookingDay, parts, place_id)
    if "service_name" in group:
        rolled = rolled.annotate(service_name=appointment_selectors.service_name())
    rolled = rolled.values(*group).annotate(bookings=Sum("bookings")).order_by(*group)
    live = appointment_selectors.booking_counts(ranges=daily.moments(parts.live), group=group, place_id=place_id)
    return [*rolled, *live]


def booking_figures(parts: Split, place_id: int | None) -> list[dict]:
    """As `appointments.selectors.booking_figures`: per place and service, booked, kept, cancelled, no-show."""
    group = ["place_id", "service_id", "service_name"]
    figures: dict[tuple, dict[str, Any]] = {}
    for row in _booking_counts(parts, [*group, "status"], place_id):
        target = figures.setdefault(tuple(row[k] for k in group), {
            **{k: row[k] for k in group}, "booked": 0, "kept": 0, "cancelled": 0, "no_show": 0,
        })
        target["booked"] += row["bookings"]
        if row["status"] in appointment_selectors.KEPT_STATUSES:
            target["kept"] += row["bookings"]
        elif row["status"] in appointment_selectors.CANCELLED_STATUSES:
            target["cancelled"] += row["bookings"]
        elif row["status"] == "no_show":
            target["no_show"] += row["bookings"]
    return [figures[key] for key in sorted(figures, key=lambda k: (k[0], k[1]))]


def booking_series(parts: Split, place_id: int | None) -> list[dict]:
    return _series(parts.period, _booking_counts(parts, ["day"], place_id), "bookings", "booked")
