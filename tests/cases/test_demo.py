"""The demo shows every part of the case-status page at once after `./dev run`."""

import io

import pytest

from cases import demo
from cases.models import Case, CaseStatus, ProcessingTime
from portal.demo.loader import load_guides, load_places
from tests.cases.test_lookup import look_up
from tests.factories import url_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_output(db):
    load_places()
    load_guides()
    output = io.StringIO()
    demo.load(output)
    return output.getvalue()


def test_the_demo_prints_three_cases_that_open_and_loading_twice_changes_nothing(client, demo_output):
    count = Case.objects.count()
    demo.load(io.StringIO())
    assert Case.objects.count() == count
    printed = [line.split() for line in demo_output.splitlines() if line.strip().startswith("WSC-")]
    assert len(printed) == 3
    for number, _slash, code, *_name in printed:
        assert look_up(client, number=number, code=code).status_code == 302


def test_the_demo_has_an_open_case_in_every_status_and_figures_for_every_procedure(demo_output):
    open_statuses = set(Case.objects.filter(number__contains=".90").values_list("status__code", flat=True))
    assert open_statuses == set(CaseStatus.objects.values_list("code", flat=True))
    assert ProcessingTime.objects.filter(stage=0, sample_size__gte=10).count() == 8 * 5


def test_the_overdue_demo_case_offers_a_complaint(client, demo_output):
    look_up(client, number="WSC-II-S.6151.9002.2026", code="DEMKW-CASEB")
    assert url_in("pl", "cases:complaint") in client.get(url_in("pl", "cases:result")).content.decode()
