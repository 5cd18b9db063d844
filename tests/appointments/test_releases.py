"""The public release calendar: what each service and place releases next, in a fixed number of queries."""

from datetime import timedelta

import pytest
from django.utils import timezone

from appointments import draws, releases, selectors, services
from appointments.models import Schedule
from tests.appointments.conftest import make_schedule, make_service
from tests.appointments.helpers_waiting import make_draw_schedule
from tests.factories import URGENT_BANNER_QUERIES, PlaceFactory, url_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_policies(place, consultation):
    scheduled = make_schedule(
        place, make_service("inspection"), policy=Schedule.ReleasePolicy.SCHEDULED, release_days_ahead=7
    )
    services.slots_generate(schedule_ids=[scheduled.pk])
    drawn = make_draw_schedule(place)
    draws.draws_ensure()
    return consultation, scheduled, drawn


def test_each_policy_says_when_times_come(client, three_policies):
    open_schedule, scheduled, drawn = three_policies
    page = client.get(url_in("en", "appointments:releases"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "bookable now, up to 30 days ahead" in text
    assert "next times released on" in text
    assert "requests for the week of" in text
    assert "?service=card-collection&amp;place=poznan-foreigners-department" in text
    assert text.count("<h1") == 1

    rows = {row.schedule.pk: row for row in releases.release_calendar()}
    assert rows[scheduled.pk].next_release == selectors.next_release(schedule=scheduled)
    release = timezone.localtime(rows[scheduled.pk].next_release, services.LOCAL_TIME)
    assert (release.hour, release.minute) == (7, 0)
    open_draw = draws.draw_open_for(schedule=drawn)
    assert rows[drawn.pk].draw_week == open_draw.week_starts_on
    assert rows[drawn.pk].draw_closes_at == open_draw.closes_at
    assert rows[drawn.pk].draw_is_open


def test_a_drawn_week_gives_way_to_the_next_draw(three_policies):
    _open, _scheduled, drawn = three_policies
    first = draws.draw_open_for(schedule=drawn)
    draws.draw_run(draw_id=first.pk, now=first.closes_at + timedelta(minutes=1))
    row = next(r for r in releases.release_calendar(now=first.closes_at + timedelta(minutes=2)) if r.schedule == drawn)
    assert row.draw_week == first.week_starts_on + timedelta(days=7)


def test_the_page_is_translated(client, three_policies):
    page = client.get(url_in("uk", "appointments:releases"))
    assert page.status_code == 200
    assert 'lang="uk"' in page.content.decode()


@pytest.mark.parametrize("count", [2, 10])
def test_the_page_uses_the_same_number_of_queries_whatever_the_number_of_schedules(
    client, place, count, django_assert_num_queries
):
    places = [place, PlaceFactory(slug="kalisz", city="Kalisz")]
    policies = list(Schedule.ReleasePolicy)
    for number in range(count):
        make_schedule(
            places[number % 2], make_service(f"service-{number}"), policy=policies[number % 3]
        )
    draws.draws_ensure()
    with django_assert_num_queries(1 + URGENT_BANNER_QUERIES):
        assert client.get(url_in("en", "appointments:releases")).status_code == 200
