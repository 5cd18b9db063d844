"""Tickets keep no personal data; what ends is the phone link (at the end of its day) and yesterday's open queue."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from infopoints.models import Desk, Ticket
from infopoints.tasks import close_queue_days
from tests.infopoints.conftest import issue

pytestmark = pytest.mark.django_db


def test_the_day_close_runs_on_a_beat_schedule():
    entries = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "infopoints.tasks.close_queue_days" in entries


def test_the_task_ends_yesterdays_links_and_desks_and_keeps_the_history(kiosk, matters, open_desk):
    yesterday = timezone.now() - timedelta(days=1)
    served = issue(kiosk, matters["A"], now=yesterday)
    Ticket.objects.filter(pk=served.pk).update(status="served", called_at=yesterday, finished_at=yesterday)
    waiting = issue(kiosk, matters["B"], now=yesterday)
    Desk.objects.filter(pk=open_desk.pk).update(opened_at=yesterday)

    assert close_queue_days.delay().get() == 1
    assert close_queue_days.delay().get() == 0  # safe to run again

    served.refresh_from_db()
    waiting.refresh_from_db()
    assert served.token is None and served.status == "served" and served.finished_at
    assert waiting.token is None and waiting.status == "closed"
    assert Desk.objects.get(pk=open_desk.pk).staff is None
    assert Ticket.objects.count() == 2  # the day's history stays for statistics
