"""Figures of the appointments for the indicator reports: aggregates only, never rows loaded into Python.

Re-exported by `appointments.selectors`, through which the other apps read them.
"""

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db.models import CharField, Count, DateField, F, Min, Q, Value
from django.db.models.functions import Coalesce, NullIf, TruncDate
from django.db.models.functions.datetime import TruncBase
from django.utils import translation

from appointments.models import Booking, Draw, WaitingListEntry


def service_name(path: str = "service"):
    """The name of the service at `path` in the active language, Polish when untranslated."""
    language = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
    suffix = language if language in ("pl", "en", "uk", "ru") else "pl"
    return Coalesce(NullIf(F(f"{path}__name_{suffix}"), Value("")), F(f"{path}__name_pl"), output_field=CharField())


def booking_counts(*, ranges: Sequence[tuple[datetime, datetime]], group: Sequence[str],
                   place_id: int | None = None) -> list[Any]:
    """Bookings whose time falls in any of `ranges` ([since, until) pairs), grouped by `group` (a subset of `day`
    (the local date of the time), `place_id`, `service_id`, `status`, `service_name`): rows with `bookings`.
    No range: no rows, and no query."""
    if not ranges:
        return []
    when = Q()
    for since, until in ranges:
        when |= Q(starts_at__gte=since, starts_at__lt=until)
    rows = Booking.objects.filter(when, status__in=BOOKED_STATUSES)
    if place_id is not None:
        rows = rows.filter(place_id=place_id)
    if "day" in group:
        rows = rows.annotate(day=TruncDate("starts_at"))
    if "service_name" in group:
        rows = rows.annotate(service_name=service_name())
    return list(rows.values(*group).annotate(bookings=Count("pk")).order_by(*group))


# A booking counts once its time was confirmed; holds that lapsed or were never confirmed are not bookings.
BOOKED_STATUSES = ["confirmed", "checked_in", "completed", "no_show", "cancelled", "cancelled_staff"]
KEPT_STATUSES = ["checked_in", "completed"]
CANCELLED_STATUSES = ["cancelled", "cancelled_staff"]


def booking_figures(*, since: datetime, until: datetime, place_id: int | None = None) -> list[Any]:
    """Bookings whose time falls in [since, until), per place and service: booked, kept, cancelled, no-show.
    One query; rows are dicts with `place_id`, `service_id`, `service_name` (in the active language, Polish when
    untranslated) and the four counts."""
    rows = Booking.objects.filter(starts_at__gte=since, starts_at__lt=until, status__in=BOOKED_STATUSES)
    if place_id is not None:
        rows = rows.filter(place_id=place_id)
    return list(
        rows.values("place_id", "service_id")
        .annotate(
            service_name=service_name(),
            booked=Count("pk"),
            kept=Count("pk", filter=Q(status__in=KEPT_STATUSES)),
            cancelled=Count("pk", filter=Q(status__in=CANCELLED_STATUSES)),
            no_show=Count("pk", filter=Q(status="no_show")),
        )
        .order_by("place_id", "service_id")
    )


def booking_series(
    *, since: datetime, until: datetime, place_id: int | None, trunc: Callable[..., TruncBase]
) -> list[Any]:
    """Booked times per day, week or month (`trunc` is TruncDate, TruncWeek or TruncMonth): `bucket`, `booked`."""
    rows = Booking.objects.filter(starts_at__gte=since, starts_at__lt=until, status__in=BOOKED_STATUSES)
    if place_id is not None:
        rows = rows.filter(place_id=place_id)
    return list(
        rows.annotate(bucket=trunc("starts_at", output_field=DateField()))
        .values("bucket")
        .annotate(booked=Count("pk"))
        .order_by("bucket")
    )


def waiting_list_figures(*, since: datetime, until: datetime, place_id: int | None = None) -> dict[str, int]:
    """People who joined a waiting list in [since, until): joined, confirmed their e-mail, got a time, left."""
    rows = WaitingListEntry.objects.filter(created_at__gte=since, created_at__lt=until)
    if place_id is not None:
        rows = rows.filter(place_id=place_id)
    return rows.aggregate(
        joined=Count("pk"),
        confirmed=Count("pk", filter=Q(confirmed_at__isnull=False)),
        booked=Count("pk", filter=Q(status="booked")),
        left=Count("pk", filter=Q(status="left")),
    )


def draw_figures(*, since: datetime, until: datetime, place_id: int | None = None) -> dict[str, int]:
    """Draws held in [since, until) and their confirmed requests: draws, entered, won (given a time), not drawn."""
    draws = Draw.objects.filter(drawn_at__gte=since, drawn_at__lt=until)
    if place_id is not None:
        draws = draws.filter(schedule__place_id=place_id)
    entered = ["entered", "won", "not_drawn"]
    return draws.aggregate(
        draws=Count("pk", distinct=True),
        entered=Count("requests", filter=Q(requests__status__in=entered)),
        won=Count("requests", filter=Q(requests__status="won")),
        not_drawn=Count("requests", filter=Q(requests__status="not_drawn")),
    )


def first_booking_start() -> datetime | None:
    """The time of the earliest booking counted in the figures (where a back-fill of daily rollups starts)."""
    return Booking.objects.filter(status__in=BOOKED_STATUSES).aggregate(first=Min("starts_at"))["first"]
