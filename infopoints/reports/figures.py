"""Aggregates over the queue, the enquiry desk and the bookings for a period: one query each, no rows loaded into
Python. A period with rolled-up days is read through `infopoints.reports.rolled` (the daily rollups, and the raw
rows for the other days); a period without any is counted from the raw rows alone, waits to the second."""

from datetime import timedelta
from typing import Any

from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, QuerySet

from appointments import selectors as appointment_selectors
from infopoints.models import Enquiry, Ticket
from infopoints.reports import rolled
from infopoints.reports.percentile import PercentileCont
from infopoints.reports.periods import Period
from infopoints.reports.rolled import Split

WAIT = ExpressionWrapper(F("called_at") - F("issued_at"), output_field=DurationField())


def _tickets(period: Period, place_id: int | None) -> QuerySet[Ticket]:
    rows = Ticket.objects.filter(day__gte=period.first_day, day__lte=period.last_day)
    return rows if place_id is None else rows.filter(place_id=place_id)


def _ticket_counts(*, waits: bool = True) -> dict[str, Any]:
    counts: dict[str, Any] = {
        "issued": Count("pk"),
        "served": Count("pk", filter=Q(status=Ticket.Status.SERVED)),
        "no_show": Count("pk", filter=Q(status=Ticket.Status.NO_SHOW)),
    }
    if waits:  # percentiles sort the period's rows: asked for only where they are shown
        counts.update(median_wait=PercentileCont(WAIT, 0.5), p90_wait=PercentileCont(WAIT, 0.9))
    return counts


def ticket_figures_by_place(parts: Split, place_id: int | None = None, *, waits: bool = True) -> list[Any]:
    """Per place: tickets issued, people served, no-shows and (with `waits`) the median and 90th percentile of
    the wait (timedeltas)."""
    if parts.rolled:
        return rolled.ticket_figures_by_place(parts, place_id, waits=waits)
    period = parts.period
    rows = _tickets(period, place_id).values("place_id").annotate(**_ticket_counts(waits=waits))
    return list(rows.order_by("place_id"))


def ticket_totals(parts: Split, place_id: int | None = None) -> dict:
    if parts.rolled:
        return rolled.ticket_totals(parts, place_id)
    period = parts.period
    return _tickets(period, place_id).aggregate(**_ticket_counts())


def served_by_language(parts: Split, place_id: int | None = None) -> list[Any]:
    """People served per language of the service (empty: not recorded at the desk)."""
    if parts.rolled:
        return rolled.served_by_language(parts, place_id)
    period = parts.period
    return list(
        _tickets(period, place_id)
        .filter(status=Ticket.Status.SERVED)
        .values("language")
        .annotate(served=Count("pk"))
        .order_by("language")
    )


def served_series(parts: Split, place_id: int | None = None) -> list[Any]:
    if parts.rolled:
        return rolled.served_series(parts, place_id)
    period = parts.period
    return list(
        _tickets(period, place_id)
        .filter(status=Ticket.Status.SERVED)
        .annotate(bucket=period.bucket_of("day", date_field=True))
        .values("bucket")
        .annotate(value=Count("pk"))
        .order_by("bucket")
    )


def _enquiries(place_id: int | None) -> QuerySet[Enquiry]:
    # A duplicate merged into another enquiry is the same question asked twice: it is not counted again.
    rows = Enquiry.objects.filter(merged_into__isnull=True)
    return rows if place_id is None else rows.filter(place_id=place_id)


def enquiry_figures(parts: Split, place_id: int | None = None) -> list[Any]:
    """Per channel and language: received (created in the period), answered (first response in the period),
    answered with a service level, and of those answered within it."""
    if parts.rolled:
        return rolled.enquiry_figures(parts, place_id)
    period = parts.period
    since, until = period.bounds()
    received = Q(created_at__gte=since, created_at__lt=until)
    answered = Q(first_responded_at__gte=since, first_responded_at__lt=until)
    with_level = answered & Q(first_response_due__isnull=False)
    return list(
        _enquiries(place_id)
        .filter(received | answered)
        .values("channel", "language")
        .annotate(
            received=Count("pk", filter=received),
            answered=Count("pk", filter=answered),
            with_level=Count("pk", filter=with_level),
            in_time=Count("pk", filter=with_level & Q(first_responded_at__lte=F("first_response_due"))),
        )
        .order_by("channel", "language")
    )


def enquiry_series(parts: Split, place_id: int | None = None) -> list[Any]:
    if parts.rolled:
        return rolled.enquiry_series(parts, place_id)
    period = parts.period
    since, until = period.bounds()
    return list(
        _enquiries(place_id)
        .filter(created_at__gte=since, created_at__lt=until)
        .annotate(bucket=period.bucket_of("created_at"))
        .values("bucket")
        .annotate(value=Count("pk"))
        .order_by("bucket")
    )


def booking_figures(parts: Split, place_id: int | None = None) -> list[Any]:
    """Per place and service: `service_name`, booked, kept, cancelled and no-show (see appointments' selectors)."""
    if parts.rolled:
        return rolled.booking_figures(parts, place_id)
    since, until = parts.period.bounds()
    return appointment_selectors.booking_figures(since=since, until=until, place_id=place_id)


def booking_series(parts: Split, place_id: int | None = None) -> list[Any]:
    if parts.rolled:
        return rolled.booking_series(parts, place_id)
    since, until = parts.period.bounds()
    return appointment_selectors.booking_series(
        since=since, until=until, place_id=place_id, trunc=parts.period.trunc
    )


def minutes(wait: timedelta | None) -> float | None:
    return None if wait is None else round(wait.total_seconds() / 60, 1)
