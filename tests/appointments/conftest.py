"""Shared set-up for the appointments tests: a place with open, scheduled, draw and case-tied services."""

from datetime import time, timedelta

import pytest
from django.utils import timezone

from appointments import services
from appointments.dates import LOCAL_TIME
from appointments.models import BookableService, Schedule, ScheduleHours, Slot
from tests.cases.conftest import ACCESS_CODE, make_case, procedures, statuses  # noqa: F401 (fixtures)

CLIENT = "203.0.113.7"


def make_service(code: str, **fields) -> BookableService:
    names = {
        "name_pl": f"Wizyta {code}",
        "name_en": f"Visit {code}",
        "name_uk": f"Візит {code}",
        "name_ru": f"Визит {code}",
        "what_to_bring_pl": "Paszport\nZdjęcie",
        "what_to_bring_en": "Passport\nPhoto",
    }
    return BookableService.objects.create(code=code, **{**names, **fields})


def make_schedule(place, service, *, policy=Schedule.ReleasePolicy.OPEN, desks=2, slot_minutes=30, **fields):
    """Every day of the week 08:00-16:00 (holidays still close it), so some day ahead is always bookable."""
    schedule = Schedule.objects.create(place=place, service=service, release_policy=policy, **fields)
    ScheduleHours.objects.bulk_create(
        ScheduleHours(schedule=schedule, weekday=weekday, starts=time(8), ends=time(16), slot_minutes=slot_minutes,
                      desks=desks)
        for weekday in range(7)
    )
    return schedule


@pytest.fixture
def consultation(place):
    """An open service at `place`, 2 desks every 30 minutes, slots generated for the 30-day horizon."""
    service = make_service("consultation", max_people=4)
    schedule = make_schedule(place, service)
    services.slots_generate(schedule_ids=[schedule.pk])
    return schedule


@pytest.fixture
def card_collection(place):
    """A case-tied service (collecting the residence card, at any place), open release."""
    service = make_service("card-collection", case_visit="card-collection", max_people=1)
    schedule = make_schedule(place, service)
    services.slots_generate(schedule_ids=[schedule.pk])
    return schedule


def first_bookable_slot(schedule, *, after_days: int = 2) -> Slot:
    """A bookable slot at least `after_days` ahead, between 10:00 and 12:00 Polish time: earlier slots stay free for
    the tests that need them, and enough later ones follow on the same day for a family (whatever the hour the
    tests run at)."""
    slots = Slot.objects.filter(
        place=schedule.place_id,
        service=schedule.service_id,
        starts_at__gte=timezone.now() + timedelta(days=after_days),
        opens_at__lte=timezone.now(),
    ).order_by("starts_at")
    return next(
        (slot for slot in slots if 10 <= timezone.localtime(slot.starts_at, LOCAL_TIME).hour < 12), None
    )
