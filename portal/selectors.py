"""Reads with a rule attached: what the public may see of places, and in which shape pages need it."""

from dataclasses import dataclass
from datetime import time

from django.db.models import Prefetch, QuerySet

from portal.models import OpeningHours, Place


def places_published() -> QuerySet[Place]:
    """Published places with everything their list and detail pages show, in a fixed number of queries."""
    return Place.objects.filter(is_published=True).prefetch_related(
        Prefetch("opening_hours", queryset=OpeningHours.objects.order_by("weekday", "opens")),
        "staff_languages",
        "services",
    )


def place_get_published(*, slug: str) -> Place:
    """The published place with this slug; raises Place.DoesNotExist otherwise (drafts stay hidden)."""
    return places_published().get(slug=slug)


@dataclass(frozen=True)
class DayHours:
    weekday: int
    label: str
    periods: list[tuple[time, time]]


def place_week(place: Place) -> list[DayHours]:
    """The seven days of the week with the place's opening periods (empty list = closed), from prefetched rows."""
    periods: dict[int, list[tuple[time, time]]] = {day: [] for day in OpeningHours.Weekday.values}
    for hours in place.opening_hours.all():
        periods[hours.weekday].append((hours.opens, hours.closes))
    return [DayHours(day, str(label), periods[day]) for day, label in OpeningHours.Weekday.choices]
