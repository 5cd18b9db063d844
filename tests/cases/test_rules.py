"""The rules behind the result page: the statutory time limit, delays, deadlines and the progress line."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from cases import selectors, services
from cases.models import ProcessingTime, StatusEvent

pytestmark = pytest.mark.django_db


def overview(case, **kwargs):
    return selectors.case_overview(case_id=case.pk, **kwargs)


def test_the_time_limit_starts_when_the_case_enters_review(make_case):
    case = make_case("filed", "formal-check", "personal-appearance", "review", days_apart=5, start_days_ago=100)
    result = overview(case)
    review_day = timezone.localdate(case.events.get(status__code="review").occurred_at)
    assert result.time_limit_start == review_day
    assert result.time_limit_end == review_day + timedelta(days=60)
    assert result.overdue  # 85 days in review
    assert result.complaint_offered


def test_a_request_for_documents_restarts_the_time_limit(make_case):
    case = make_case("filed", "review", "documents-requested", "review", days_apart=20, start_days_ago=70)
    result = overview(case)
    assert result.time_limit_start == timezone.localdate(case.events.order_by("-occurred_at")[0].occurred_at)
    assert not result.overdue


def test_time_before_the_end_of_the_suspension_does_not_count(make_case, settings):
    settings.CASE_TIME_LIMITS_SUSPENDED_UNTIL = timezone.localdate() - timedelta(days=10)
    case = make_case("filed", "review", days_apart=5, start_days_ago=200)
    result = overview(case)
    assert result.time_limit_start == settings.CASE_TIME_LIMITS_SUSPENDED_UNTIL + timedelta(days=1)
    assert not result.overdue


def test_no_time_limit_before_review_and_no_complaint_once_decided(make_case):
    assert overview(make_case("filed", "formal-check", start_days_ago=300)).time_limit_start is None
    decided = make_case("filed", "review", "decision-granted", number="WSC-2", days_apart=100, start_days_ago=300)
    assert not overview(decided).complaint_offered


def test_waiting_well_beyond_similar_cases_offers_the_complaint(make_case, procedures, place):
    case = make_case("filed", "formal-check", start_days_ago=200)
    ProcessingTime.objects.create(
        procedure=procedures["temporary-residence-work"],
        place=place,
        stage=ProcessingTime.WHOLE_CASE,
        median_days=90,
        p80_days=120,
        sample_size=40,
        computed_at=timezone.now(),
    )
    result = overview(case)
    assert result.protracted and not result.overdue and result.complaint_offered
    assert overview(case, today=case.filed_on + timedelta(days=140)).protracted is False


def test_figures_from_too_few_cases_are_not_shown(make_case, procedures, place):
    case = make_case("filed")
    ProcessingTime.objects.create(
        procedure=procedures["temporary-residence-work"],
        place=place,
        stage=0,
        median_days=9,
        p80_days=9,
        sample_size=selectors.MIN_SAMPLE_SIZE - 1,
        computed_at=timezone.now(),
    )
    assert overview(case).whole_case is None


def test_the_appeal_deadline_counts_from_the_status_date(make_case):
    case = make_case("filed", "review", "decision-refused", days_apart=3)
    refused_on = timezone.localdate(case.events.get(status__code="decision-refused").occurred_at)
    assert overview(case).action_deadline == selectors.working_day_on_or_after(refused_on + timedelta(days=14))
    assert overview(make_case("filed", number="WSC-3")).action_deadline is None


def test_a_refusal_ends_the_progress_line_without_the_card_stages(make_case):
    refused = selectors.case_overview(case_id=make_case("filed", "review", "decision-refused", "closed").pk).steps
    assert [step.stage for step in refused][-2:] == [60, 90]
    assert [step.state for step in refused] == ["done"] * 5 + ["current"]
    granted = selectors.case_overview(case_id=make_case("filed", "decision-granted", "card-ready", number="W-2").pk)
    assert [step.state for step in granted.steps] == ["done"] * 6 + ["current", "next"]


def test_missing_documents_appear_on_the_line_only_for_cases_that_had_a_request(make_case):
    plain = selectors.case_overview(case_id=make_case("filed", "review").pk).steps
    detour = selectors.case_overview(case_id=make_case("filed", "formal-deficiencies", "review", number="W-3").pk).steps
    assert 30 not in [step.stage for step in plain]
    assert [step.state for step in detour if step.stage == 30] == ["done"]


def test_a_late_import_joins_the_history_without_moving_the_case_back(make_case, statuses):
    case = make_case("filed", "review", days_apart=5)
    _event, created = services.case_status_set(
        case=case,
        status=statuses["formal-check"],
        occurred_at=case.events.get(status__code="filed").occurred_at + timedelta(days=1),
        channel=StatusEvent.Channel.IMPORT,
    )
    case.refresh_from_db()
    assert created and case.status.code == "review" and case.events.count() == 3


def test_processing_times_are_computed_from_decided_cases(make_case, procedures, place):
    for number in range(12):
        make_case("filed", "review", "decision-granted", number=f"WSC-{number}", days_apart=10 + number)
    assert services.processing_times_refresh() > 0
    whole = ProcessingTime.objects.get(stage=ProcessingTime.WHOLE_CASE)
    assert whole.sample_size == 12
    assert whole.median_days in (31, 32, 33)  # (20..42 days, median of 12 values)
    assert whole.p80_days >= whole.median_days
    in_review = ProcessingTime.objects.get(stage=50)
    assert in_review.sample_size == 12


def test_processing_times_ignore_cases_decided_more_than_a_year_ago(make_case):
    make_case("filed", "review", "decision-granted", days_apart=200, start_days_ago=800)
    services.processing_times_refresh(today=date.today())
    assert not ProcessingTime.objects.filter(stage=ProcessingTime.WHOLE_CASE).exists()


def test_a_time_limit_in_months_ends_on_the_same_day_of_the_month_not_after_180_days(make_case):
    case = make_case("filed", "review", days_apart=5, start_days_ago=100, procedure="permanent-residence")
    result = overview(case)
    review_day = timezone.localdate(case.events.get(status__code="review").occurred_at)
    assert result.time_limit_start == review_day
    assert result.time_limit_end == selectors.add_months(review_day, 6)
    assert case.procedure.time_limit_days is None and case.procedure.time_limit_months == 6


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (date(2026, 3, 5), 6, date(2026, 9, 5)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2027, 8, 31), 6, date(2028, 2, 29)),
        (date(2026, 11, 15), 2, date(2027, 1, 15)),
    ],
)
def test_months_are_counted_to_the_same_day_or_the_last_day_of_a_shorter_month(start, months, end):
    assert selectors.add_months(start, months) == end


def test_the_eu_long_term_residence_time_limit_agrees_with_its_guide(procedures):
    assert procedures["eu-long-term-residence"].time_limit_months == 6


@pytest.mark.parametrize(
    ("last_day", "moved_to"),
    [
        (date(2026, 12, 4), date(2026, 12, 4)),  # a Friday stays
        (date(2026, 12, 5), date(2026, 12, 7)),  # Saturday -> Monday
        (date(2026, 12, 6), date(2026, 12, 7)),  # Sunday -> Monday
        (date(2026, 11, 11), date(2026, 11, 12)),  # Independence Day (Wednesday) -> Thursday
        (date(2026, 12, 24), date(2026, 12, 28)),  # Christmas Eve (a holiday from 2025), Christmas, Saturday, Sunday
    ],
)
def test_a_time_limit_ending_on_a_saturday_or_a_holiday_ends_on_the_next_working_day(last_day, moved_to):
    assert selectors.working_day_on_or_after(last_day) == moved_to
