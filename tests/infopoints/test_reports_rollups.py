"""Daily rollups of the indicator figures: they give exactly what the raw rows give, a re-run changes nothing,
today stays live, and a report reads them in a constant number of queries."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import timezone, translation

from infopoints import services
from infopoints.models import BookingDay, EnquiryDay, QueueDay, QueueWaitDay, RollupDay, Ticket
from infopoints.reports import daily
from infopoints.reports.indicators import indicator_report
from infopoints.reports.periods import Period
from portal.models import Place
from tests.infopoints.conftest import make_matter
from tests.infopoints.report_data import BEFORE, WEEK_START, build

pytestmark = pytest.mark.django_db
WEEK = Period(WEEK_START, WEEK_START + timedelta(days=6))
ROLLUPS = (QueueDay, QueueWaitDay, EnquiryDay, BookingDay, RollupDay)


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


def report(period=WEEK, place=None):
    return indicator_report(period, place=place, places=list(Place.objects.all()))


def roll_up(first=BEFORE - timedelta(days=7), last=WEEK_START + timedelta(days=13)):
    call_command("roll_up_reports", "--since", first.isoformat(), "--until", last.isoformat(), stdout=StringIO())


def served_ticket(matter, day):
    now = timezone.now()
    return Ticket.objects.create(place=matter.place, matter=matter, day=day, letter=matter.letter, number=1,
                                 status="served", issued_at=now, queued_at=now, called_at=now, finished_at=now)


def counts():
    return {model.__name__: model.objects.count() for model in ROLLUPS}


def test_the_rollups_give_the_figures_of_the_raw_rows():
    poznan, kalisz = build()
    raw = {place: report(place=place) for place in (None, poznan, kalisz)}

    roll_up()

    assert QueueDay.objects.exists() and QueueWaitDay.objects.exists()
    assert EnquiryDay.objects.exists() and BookingDay.objects.exists()
    for place, expected in raw.items():
        assert report(place=place) == expected
    # The rows are no longer read: the figures of rolled-up days outlive the raw rows (retention).
    Ticket.objects.filter(day__lte=WEEK.last_day).delete()
    assert report() == raw[None]


def test_a_period_partly_rolled_up_adds_both_sources():
    build()
    raw = report()
    longer = report(Period(WEEK_START - timedelta(days=20), WEEK.last_day))

    # Only the middle of the week and the day before it: the other days are still counted from the raw rows.
    call_command("roll_up_reports", "--since", (WEEK_START + timedelta(days=1)).isoformat(),
                 "--until", (WEEK_START + timedelta(days=3)).isoformat(), stdout=StringIO())

    assert RollupDay.objects.count() == 3
    assert report() == raw
    assert report(Period(WEEK_START - timedelta(days=20), WEEK.last_day)) == longer


def test_a_second_run_changes_nothing():
    build()
    roll_up()
    first, figures = counts(), report()

    roll_up()
    services.rollup_day_compute(day=WEEK_START + timedelta(days=1))

    assert counts() == first
    assert report() == figures


def test_the_nightly_run_rolls_up_missing_closed_days_and_not_today():
    build()
    today = timezone.localdate()
    matter = make_matter(Place.objects.get(slug="poznan"), "T")
    served_ticket(matter, today)

    days = services.rollups_pending_compute()

    assert days[0] == BEFORE and days[-1] == today - timedelta(days=1)
    assert not RollupDay.objects.filter(day__gte=today).exists()
    assert services.rollups_pending_compute() == [today - timedelta(days=n) for n in range(7, 0, -1)]
    with pytest.raises(services.RollupError):
        services.rollup_day_compute(day=today)


def test_today_is_counted_live():
    build()
    services.rollups_pending_compute()
    today = timezone.localdate()
    matter = make_matter(Place.objects.get(slug="kalisz"), "T")
    this_month = Period(today.replace(day=1), today)

    def served_today():
        return report(this_month).figure("served").value

    before = served_today()
    served_ticket(matter, today)
    assert served_today() == before + 1


def test_constant_number_of_queries_over_rollups(django_assert_num_queries):
    build()
    roll_up()
    places = list(Place.objects.all())
    # The week and the one before rolled up entirely: the rollups only. Half a year against a previous half with
    # no rollup: the rollups and the raw rows for this period, the raw rows for the previous one. A month against
    # a previous month both partly rolled up: both sources twice (the most there can be), whatever the length.
    with django_assert_num_queries(28):
        indicator_report(WEEK, place=None, places=places)
    with django_assert_num_queries(39):
        indicator_report(Period(date(2025, 10, 1), date(2026, 3, 31)), place=places[0], places=places)
    with django_assert_num_queries(46):
        indicator_report(Period(date(2026, 3, 1), date(2026, 3, 31)), place=None, places=places)
    with django_assert_num_queries(46):
        indicator_report(Period(date(2026, 3, 5), date(2026, 4, 20)), place=places[1], places=places)


def test_the_command_refuses_days_that_are_not_closed_and_bad_ranges():
    today = timezone.localdate()
    with pytest.raises(CommandError, match="closed days"):
        call_command("roll_up_reports", "--day", today.isoformat())
    with pytest.raises(CommandError, match="after"):
        call_command("roll_up_reports", "--since", "2026-03-05", "--until", "2026-03-01")
    with pytest.raises(CommandError, match="not a date"):
        call_command("roll_up_reports", "--day", "yesterday")


def test_the_rollups_run_every_night():
    entry = settings.CELERY_BEAT_SCHEDULE["report-rollups"]
    assert entry["task"] == "infopoints.tasks.roll_up_closed_days"


def test_percentiles_over_the_minute_histogram_interpolate_like_percentile_cont():
    # Waits 10, 20, 20, 40: median 20, p90 = 20 + 0.7 × 20 = 34 (percentile_cont over the same values).
    histogram = {10: 1, 20: 2, 40: 1}
    assert daily.histogram_percentile(histogram, 0.5) == timedelta(minutes=20)
    assert daily.histogram_percentile(histogram, 0.9) == timedelta(minutes=34)
    assert daily.histogram_percentile({}, 0.5) is None
    assert daily.histogram_percentile({7: 1}, 0.9) == timedelta(minutes=7)


def test_waits_are_grouped_per_whole_minute_up_to_the_last_bucket():
    poznan, _kalisz = build()
    matter = make_matter(poznan, "L")
    issued = timezone.now() - timedelta(days=40)
    Ticket.objects.bulk_create([
        Ticket(place=poznan, matter=matter, day=date(2026, 1, 5), letter="L", number=n, status="served",
               issued_at=issued, queued_at=issued, called_at=issued + wait, finished_at=issued + wait)
        for n, wait in enumerate([timedelta(seconds=59), timedelta(minutes=3, seconds=1), timedelta(hours=7)], 1)
    ])
    rows = daily.ticket_waits([(date(2026, 1, 5), date(2026, 1, 5))], ["place_id"])
    assert [(row["minute"], row["tickets"]) for row in rows] == [(0, 1), (3, 1), (180, 1)]
