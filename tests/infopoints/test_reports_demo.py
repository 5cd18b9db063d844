"""The demo history of the indicator dashboard: months of data at several places, made fast and only once."""

import io
import time
from datetime import timedelta

import pytest
from django.utils import timezone

from appointments import demo as appointments_demo
from infopoints import demo_queue, demo_reports
from infopoints.models import Enquiry, Ticket
from infopoints.reports.indicators import indicator_report
from infopoints.reports.periods import Period
from portal.demo.loader import load_places, load_staff
from portal.models import Place

pytestmark = pytest.mark.django_db


def test_demo_history_gives_every_chart_a_shape_and_runs_once():
    load_places()
    load_staff()
    appointments_demo.load(io.StringIO())
    demo_queue.load(io.StringIO())
    started = time.monotonic()
    demo_reports.load(io.StringIO())
    assert time.monotonic() - started < 20  # about 5 s on a quiet machine; tests share two cores
    tickets = Ticket.objects.count()
    out = io.StringIO()
    demo_reports.load(out)
    assert "already there" in out.getvalue() and Ticket.objects.count() == tickets

    today = timezone.localdate()
    report = indicator_report(Period(today - timedelta(days=90), today - timedelta(days=1)), place=None,
                              places=list(Place.objects.all()))
    assert Ticket.objects.values("place").distinct().count() == 7
    assert Enquiry.objects.filter(created_at__lt=timezone.now() - timedelta(days=60)).exists()
    for figure in ("served", "enquiries_received", "booked", "lookups", "notifications", "page_views"):
        assert report.figure(figure).value, figure
    for line in report.lines:
        assert len({value for _day, value in line.points}) > 2, line.title  # a shape, not a flat line
    assert all(len(bars.items) >= 2 for bars in report.bars)
