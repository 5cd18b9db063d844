"""Shared set-up for the appointments tests: a place with open, scheduled, draw and case-tied services."""

from datetime import time, timedelta

import pytest
from django.utils import timezone

from appointments import services
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
def fingerprints(place):
    """A case-tied service (personal appearance with fingerprints), open release."""
    service = make_service("fingerprints", case_visit="personal-appearance", max_people=1)
    schedule = make_schedule(place, service)
    services.slots_generate(schedule_ids=[schedule.pk])
    return schedule


def first_bookable_slot(schedule, *, after_days: int = 2) -> Slot:
    """A bookable slot at least `after_days` ahead, starting between 10:00 and 13:59 local time: earlier slots
    stay free for other tests, and a family of up to four finds consecutive times after it before 16:00 (taking
    the next slot at any hour made the family tests fail when run in the last hour of the office day)."""
    return (
        Slot.objects.filter(
            place=schedule.place_id,
            service=schedule.service_id,
            starts_at__gte=timezone.now() + timedelta(days=after_days),
            starts_at__hour__range=(10, 13),  # in the current time zone, Europe/Warsaw
            opens_at__lte=timezone.now(),
        )
        .order_by("starts_at")
        .first()
    )
