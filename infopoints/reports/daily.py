"""Per-day aggregates of the raw queue and enquiry rows, grouped by the dimensions asked for.

The same functions fill the daily rollups (`infopoints.services.rollups`) and give the live part of a report (today
and any day not rolled up yet), so both sources count alike. Waits are grouped per whole minute (`WaitMinutes`);
percentiles over such a histogram are `histogram_percentile`.
"""

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Count, F, Func, IntegerField, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone

from infopoints.models import WAIT_BUCKETS, Enquiry, Ticket


class WaitMinutes(Func):
    """Whole minutes between issue and call, the longest waits in the last bucket (`WAIT_BUCKETS`)."""

    output_field = IntegerField()

    def __init__(self, **extra):
        super().__init__(F("issued_at"), F("called_at"), **extra)

    def _operands(self, compiler):
        issued, issued_params = compiler.compile(self.source_expressions[0])
        called, called_params = compiler.compile(self.source_expressions[1])
        return issued, called, (*called_params, *issued_params)

    def as_postgresql(self, compiler, connection, **extra_context):
        issued, called, params = self._operands(compiler)
        return f"LEAST(FLOOR(EXTRACT(EPOCH FROM ({called} - {issued})) / 60), {WAIT_BUCKETS})::integer", params

    def as_sqlite(self, compiler, connection, **extra_context):
        issued, called, params = self._operands(compiler)
        sql = (f"MIN((CAST(strftime('%%s', {called}) AS INTEGER) - CAST(strftime('%%s', {issued}) AS INTEGER)) / 60,"
               f" {WAIT_BUCKETS})")
        return sql, params


def day_ranges(days: Iterable[date]) -> list[tuple[date, date]]:
    """Consecutive days joined into (first, last) pairs."""
    ranges: list[tuple[date, date]] = []
    for day in sorted(days):
        if ranges and ranges[-1][1] + timedelta(days=1) == day:
            ranges[-1] = (ranges[-1][0], day)
        else:
            ranges.append((day, day))
    return ranges


def moments(ranges: Sequence[tuple[date, date]]) -> list[tuple[datetime, datetime]]:
    """Day ranges as [since, until) pairs of aware moments (local midnights)."""
    zone = timezone.get_current_timezone()
    return [(datetime.combine(first, time(0), zone), datetime.combine(last + timedelta(days=1), time(0), zone))
            for first, last in ranges]


def _any_of(ranges: Sequence[tuple[Any, Any]], field: str, *, inclusive: bool) -> Q | None:
    if not ranges:
        return None
    where = Q()
    for low, high in ranges:
        where |= Q(**{f"{field}__gte": low, f"{field}__{'lte' if inclusive else 'lt'}": high})
    return where


def _tickets(ranges: Sequence[tuple[date, date]], place_id: int | None) -> QuerySet[Ticket] | None:
    where = _any_of(ranges, "day", inclusive=True)
    if where is None:
        return None
    rows = Ticket.objects.filter(where)
    return rows if place_id is None else rows.filter(place_id=place_id)


def ticket_counts(ranges: Sequence[tuple[date, date]], group: Sequence[str], place_id: int | None = None) -> list:
    """Tickets issued, served and not shown on the days of `ranges`, grouped by `group` (of `day`, `place_id`,
    `language`). No range: no rows, no query."""
    rows = _tickets(ranges, place_id)
    if rows is None:
        return []
    return list(rows.values(*group).annotate(
        issued=Count("pk"),
        served=Count("pk", filter=Q(status=Ticket.Status.SERVED)),
        no_show=Count("pk", filter=Q(status=Ticket.Status.NO_SHOW)),
    ).order_by(*group))


def ticket_waits(ranges: Sequence[tuple[date, date]], group: Sequence[str], place_id: int | None = None) -> list:
    """Called tickets per whole minute waited (`minute`, `tickets`), grouped by `group` as well."""
    rows = _tickets(ranges, place_id)
    if rows is None:
        return []
    return list(rows.filter(called_at__isnull=False).annotate(minute=WaitMinutes())
                .values(*group, "minute").annotate(tickets=Count("pk")).order_by(*group, "minute"))


def enquiry_counts(
    ranges: Sequence[tuple[date, date]], group: Sequence[str], place_id: int | None = None
) -> list[dict]:
    """Per `group` (of `day`, `place_id`, `channel`, `language`): enquiries received on the days of `ranges`,
    first answered on them, of those with a service level, and of those answered within it. Two queries (a day
    of receipt and a day of answer); a merged duplicate is the same question asked twice and is not counted."""
    if not ranges:
        return []
    spans = moments(ranges)
    base = Enquiry.objects.filter(merged_into__isnull=True)
    if place_id is not None:
        base = base.filter(place_id=place_id)
    received = (base.filter(_any_of(spans, "created_at", inclusive=False))
                .annotate(**({"day": TruncDate("created_at")} if "day" in group else {}))
                .values(*group).annotate(received=Count("pk")).order_by(*group))
    with_level = Q(first_response_due__isnull=False)
    answered = (base.filter(_any_of(spans, "first_responded_at", inclusive=False))
                .annotate(**({"day": TruncDate("first_responded_at")} if "day" in group else {})).values(*group)
                .annotate(answered=Count("pk"), with_level=Count("pk", filter=with_level),
                          in_time=Count("pk", filter=with_level & Q(first_responded_at__lte=F("first_response_due"))))
                .order_by(*group))
    merged: dict[tuple, dict] = {}
    for row in [*received, *answered]:
        key = tuple(row[name] for name in group)
        target = merged.setdefault(key, {**dict(zip(group, key, strict=True)), "received": 0, "answered": 0,
                                         "with_level": 0, "in_time": 0})
        for name in ("received", "answered", "with_level", "in_time"):
            target[name] += row.get(name, 0)
    return [merged[key] for key in sorted(merged, key=lambda k: tuple("" if v is None else str(v) for v in k))]


def histogram_percentile(counts: dict[int, int], fraction: float) -> timedelta | None:
    """The percentile of waits given as {minute: tickets}, interpolated like PostgreSQL's `percentile_cont` over
    the tickets' whole minutes."""
    total = sum(counts.values())
    if not total:
        return None
    position = (total - 1) * fraction
    low_index, high_index = int(position), min(int(position) + 1, total - 1)
    low = high = None
    seen = 0
    for minute in sorted(counts):
        seen += counts[minute]
        if low is None and seen > low_index:
            low = minute
        if seen > high_index:
            high = minute
            break
    assert low is not None and high is not None
    return timedelta(minutes=low + (high - low) * (position - low_index))
