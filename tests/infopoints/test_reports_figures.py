"""Each indicator against the hand-counted data set of `report_data` (what counts and what does not)."""

from datetime import date, timedelta

import pytest
from django.utils import translation

from infopoints.reports.indicators import indicator_report
from infopoints.reports.periods import Period, change, period_of
from portal.models import Place
from tests.infopoints.report_data import WEEK_START, build

pytestmark = pytest.mark.django_db
WEEK = Period(WEEK_START, WEEK_START + timedelta(days=6))


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


@pytest.fixture
def data():
    return build()


def report(place=None):
    return indicator_report(WEEK, place=place, places=list(Place.objects.all()))


def test_periods_and_the_previous_one():
    assert period_of("week", date(2026, 3, 12)) == WEEK
    assert period_of("month", date(2026, 2, 10)) == Period(date(2026, 2, 1), date(2026, 2, 28))
    assert period_of("quarter", date(2026, 11, 30)) == Period(date(2026, 10, 1), date(2026, 12, 31))
    assert period_of("day", date(2026, 3, 1)).previous() == Period(date(2026, 2, 28), date(2026, 2, 28))
    assert WEEK.previous() == Period(date(2026, 3, 2), date(2026, 3, 8))
    assert change(6, 4) == 50.0 and change(3, 0) is None and change(None, 2) is None


def test_people_served_and_waits_per_place(data):
    poznan, kalisz = data
    result = report()
    served = {row[0]: row for row in result.table("served").rows}
    # Place, issued, served, served before, change, no-shows, median wait, p90 wait
    assert served["Poznań"] == ["Poznań", 6, 4, 0, None, 1, 30.0, 46.0]
    assert served["Kalisz"] == ["Kalisz", 1, 1, 2, -50.0, 0, 5.0, 5.0]
    assert result.figure("served").value == 5 and result.figure("served").previous == 2
    assert result.figure("issued").value == 7
    # Waits of all called tickets: 5, 10, 20, 30, 40, 50 → median 25, p90 45.
    assert result.figure("median_wait").value == 25.0
    assert result.figure("p90_wait").value == 45.0
    languages = dict((row[0], row[1]) for row in result.table("languages").rows)
    assert languages == {"Українська": 2, "Русский": 1, "Polski": 1, "English": 1}


def test_one_place_only(data):
    poznan, _kalisz = data
    result = report(poznan)
    assert [row[0] for row in result.table("served").rows] == ["Poznań"]
    assert result.figure("served").value == 4
    assert result.figure("enquiries_received").value == 1  # the helpline's and Kalisz's are not Poznań's
    assert result.figure("enquiries_answered").value == 2


def test_enquiries_by_channel_language_and_service_level(data):
    result = report()
    rows = {(row[0], row[1]): row[2:] for row in result.table("enquiries").rows}
    assert rows == {
        ("e-mail", "English"): [1, 1, 0.0],
        ("phone", "Polski"): [1, 0, None],
        ("web form", "Українська"): [1, 2, 100.0],
    }
    assert result.figure("enquiries_received").value == 3  # the merged duplicate is not counted
    assert result.figure("enquiries_received").previous == 1
    assert result.figure("enquiries_answered").value == 3
    assert result.figure("in_time").value == pytest.approx(66.7)


def test_appointments_waiting_lists_and_draws(data):
    result = report()
    assert result.table("appointments").rows == [["Poznań", "Visit TRC", 6, 2, 2, 1]]
    assert result.figure("booked").value == 6 and result.figure("booked").previous == 1
    assert result.figure("kept").change == 100.0
    lists = {row[0]: row[1:] for row in result.table("waiting-list").rows}
    assert lists["Joined a waiting list"] == [4, 0, None]
    assert lists["Confirmed their place on the list"][0] == 3
    assert lists["Got a time from the list"][0] == 1 and lists["Left the list"][0] == 1
    assert lists["Draws held"][0] == 1
    assert lists["Requests in the draws"][0] == 4  # the unconfirmed request never entered
    assert lists["Requests given a time"][0] == 2 and lists["Requests not drawn"][0] == 1


def test_case_status_lookups_notifications_and_page_views(data):
    result = report()
    cases = {row[0]: row[1:] for row in result.table("case-status").rows}
    assert cases["Case-status lookups"] == [4, 1, 300.0]
    assert cases["Lookups that found the case"][0] == 2
    assert cases["Wrong number or code"][0] == 1 and cases["Refused: too many attempts"][0] == 1
    assert cases["Status notifications sent"] == [1, 0, None]  # failed and other kinds of e-mail do not count
    pages = {row[0]: row[1:] for row in result.table("page-views").rows}
    assert pages["guides"] == [3, 0, 8, 0, 11]  # pl, en, uk, ru, total
    assert pages["fees"] == [0, 2, 0, 0, 2]
    assert result.figure("page_views").value == 13 and result.figure("page_views").previous == 4
    assert result.table("searches").rows == [["karta polaka", "Русский", 2]]


def test_time_lines_have_a_point_per_day(data):
    result = report()
    served = next(line for line in result.lines if line.title == "People served over time")
    assert [value for _day, value in served.points] == [0, 4, 0, 0, 0, 0, 1]


def test_constant_number_of_queries(data, django_assert_num_queries):
    places = list(Place.objects.all())
    with django_assert_num_queries(25):
        indicator_report(WEEK, place=None, places=places)
    with django_assert_num_queries(25):
        indicator_report(Period(date(2025, 10, 1), date(2026, 3, 31)), place=places[0], places=places)
