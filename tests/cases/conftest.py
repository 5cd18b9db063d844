"""Shared set-up for the cases tests: the demo status catalogue and procedures, and a helper to make a case."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cases import services
from cases.demo import catalogue_load, procedures_load
from cases.models import StatusEvent

ACCESS_CODE = "K7PX3-MQAB9"


@pytest.fixture
def statuses(db):
    return catalogue_load()


@pytest.fixture
def procedures(statuses):
    return procedures_load()


@pytest.fixture
def make_case(statuses, procedures, place):
    """make_case("review", days_ago=...) -> a case whose history walks the given statuses, oldest first."""

    def make(
        *history: str,
        number: str = "WSC-II-S.6151.1234.2026",
        days_apart: int = 10,
        start_days_ago=None,
        procedure: str = "temporary-residence-work",
        case_place=None,
        access_code: str = ACCESS_CODE,
    ):
        history = history or ("filed",)
        # Anchored at noon local time: adding whole days then never moves a date across midnight when summer
        # time ends in between (which made day counts one short late in the evening).
        now = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0)
        start = now - timedelta(days=start_days_ago if start_days_ago is not None else days_apart * len(history))
        case = services.case_create(
            number=number,
            procedure=procedures[procedure],
            place=case_place or place,
            filed_on=timezone.localdate(start),
            status=statuses[history[0]],
            occurred_at=start,
            channel=StatusEvent.Channel.ADMIN,
            access_code=access_code,
        )
        for index, code in enumerate(history[1:], start=1):
            services.case_status_set(
                case=case,
                status=statuses[code],
                occurred_at=start + timedelta(days=days_apart * index),
                channel=StatusEvent.Channel.ADMIN,
            )
        case.refresh_from_db()
        return case

    return make
