"""The public release calendar: when the next times of each service at each place become available.

One query for every schedule together (the next release moment and the next draw are subqueries), so the page
costs the same whatever the number of services and places. It answers the same as `selectors.next_release`.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from appointments.models import Draw, Schedule, Slot


@dataclass(frozen=True)
class ReleaseRow:
    schedule: Schedule
    next_release: datetime | None  # scheduled release: when the next day's times open
    draw_week: date | None  # draw: the next week whose requests are (or will be) accepted
    draw_opens_at: datetime | None
    draw_closes_at: datetime | None
    now: datetime

    @property
    def policy(self) -> str:
        return self.schedule.release_policy

    @property
    def draw_is_open(self) -> bool:
        return self.draw_opens_at is not None and self.draw_opens_at <= self.now


def release_calendar(*, now: datetime | None = None) -> list[ReleaseRow]:
    """Every active schedule (service × place) shown to the public, by service then place."""
    now = now or timezone.now()
    next_release = (
        Slot.objects.filter(place=OuterRef("place"), service=OuterRef("service"), opens_at__gt=now)
        .order_by("opens_at")
        .values("opens_at")[:1]
    )
    next_draw = Draw.objects.filter(schedule=OuterRef("pk"), closes_at__gt=now, drawn_at__isnull=True).order_by(
        "closes_at"
    )
    schedules = (
        Schedule.objects.filter(is_active=True, service__is_active=True, place__is_published=True)
        .select_related("service", "place")
        .annotate(
            next_release=Subquery(next_release),
            draw_week=Subquery(next_draw.values("week_starts_on")[:1]),
            draw_opens_at=Subquery(next_draw.values("opens_at")[:1]),
            draw_closes_at=Subquery(next_draw.values("closes_at")[:1]),
        )
        .order_by("service__order", "service__code", "place__order", "place__slug")
    )
    return [
        ReleaseRow(
            schedule=schedule,
            next_release=schedule.next_release,
            draw_week=schedule.draw_week,
            draw_opens_at=schedule.draw_opens_at,
            draw_closes_at=schedule.draw_closes_at,
            now=now,
        )
        for schedule in schedules
    ]
