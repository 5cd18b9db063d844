"""Aggregates over the queue and the enquiry desk for a period: one query each, no rows loaded into Python."""

from datetime import timedelta
from typing import Any

from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, QuerySet

from infopoints.models import Enquiry, Ticket
from infopoints.reports.percentile import PercentileCont
from infopoints.reports.periods import Period

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


def ticket_figures_by_place(period: Period, place_id: int | None = None, *, waits: bool = True) -> list[Any]:
    """Per place: tickets issued, people served, no-shows and (with `waits`) the median and 90th percentile of
    the wait (timedeltas)."""
    rows = _tickets(period, place_id).values("place_id").annotate(**_ticket_counts(waits=waits))
    return list(rows.order_by("place_id"))


def ticket_totals(period: Period, place_id: int | None = None) -> dict:
    return _tickets(period, place_id).aggregate(**_ticket_counts())


def served_by_language(period: Period, place_id: int | None = None) -> list[Any]:
    """People served per language of the service (empty: not recorded at the desk)."""
    return list(
        _tickets(period, place_id)
        .filter(status=Ticket.Status.SERVED)
        .values("language")
        .annotate(served=Count("pk"))
        .order_by("language")
    )


def served_series(period: Period, place_id: int | None = None) -> list[Any]:
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


def enquiry_figures(period: Period, place_id: int | None = None) -> list[Any]:
    """Per channel and language: received (created in the period), answered (first response in the period),
    answered with a service level, and of those answered within it."""
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


def enquiry_series(period: Period, place_id: int | None = None) -> list[Any]:
    since, until = period.bounds()
    return list(
        _enquiries(place_id)
        .filter(created_at__gte=since, created_at__lt=until)
        .annotate(bucket=period.bucket_of("created_at"))
        .values("bucket")
        .annotate(value=Count("pk"))
        .order_by("bucket")
    )


def minutes(wait: timedelta | None) -> float | None:
    return None if wait is None else round(wait.total_seconds() / 60, 1)
