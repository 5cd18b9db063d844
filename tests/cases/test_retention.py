"""Personal data of cases is erased on schedule; anonymized cases still count in the figures."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cases import services, tasks
from cases.models import LookupRecord, StatusEvent, Subscription

pytestmark = pytest.mark.django_db


def test_contact_data_and_subscriptions_go_some_days_after_a_final_status(make_case, settings):
    case = make_case("filed", "review", "closed", days_apart=1)
    case.contact_email, case.contact_consent_at = "anna@example.org", timezone.now()
    case.save()
    Subscription.objects.create(case=case, email="anna@example.org", language="pl", confirmed_at=timezone.now())
    open_case = make_case("filed", number="WSC-OPEN")
    Subscription.objects.create(case=open_case, email="b@example.org", language="pl")

    assert services.cases_retention_apply() == (0, 0)  # too early
    later = timezone.now() + timedelta(days=settings.CASE_CONTACT_RETENTION_DAYS + 1)
    assert services.cases_retention_apply(now=later) == (1, 0)
    case.refresh_from_db()
    assert case.contact_email == "" and case.contact_consent_at is None
    assert list(Subscription.objects.values_list("email", flat=True)) == ["b@example.org"]


def test_old_closed_cases_are_anonymized_and_keep_their_dates(make_case, settings, statuses):
    case = make_case("filed", "review", "closed", days_apart=1)
    services.case_status_set(
        case=case,
        status=statuses["closed"],
        occurred_at=timezone.now() - timedelta(hours=1),
        channel=StatusEvent.Channel.ADMIN,
        note_to_applicant="Dla Pani Anny",
        internal_note="tel. 600 000 000",
    )
    later = timezone.now() + timedelta(days=settings.CASE_RETENTION_DAYS + 1)
    assert services.cases_retention_apply(now=later)[1] == 1
    case.refresh_from_db()
    assert case.number.startswith("ANON-") and case.access_code_hash == "" and case.anonymized_at
    assert case.events.count() == 4 and not case.events.exclude(internal_note="").exists()
    assert not case.events.exclude(note_to_applicant_pl="").exists()


def test_lookup_records_are_purged_by_the_beat_task(settings, db):
    old = LookupRecord.objects.create(number_hash="a" * 64, outcome="found")
    LookupRecord.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=settings.CASE_LOOKUP_RECORD_RETENTION_DAYS + 1)
    )
    LookupRecord.objects.create(number_hash="b" * 64, outcome="found")
    assert tasks.purge_lookup_records() == 1
    assert settings.CELERY_BEAT_SCHEDULE["case-lookup-records"]["task"] == "cases.tasks.purge_lookup_records"
    assert settings.CELERY_BEAT_SCHEDULE["case-retention"]["task"] == "cases.tasks.apply_case_retention"


def test_expired_sessions_holding_a_lookup_are_cleared(client, make_case, settings):
    from django.contrib.sessions.models import Session

    from portal import tasks as portal_tasks
    from tests.cases.test_lookup import look_up

    make_case()
    look_up(client)
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    portal_tasks.clear_expired_sessions()
    assert not Session.objects.exists()
    assert settings.CELERY_BEAT_SCHEDULE["clear-expired-sessions"]["task"] == "portal.tasks.clear_expired_sessions"
