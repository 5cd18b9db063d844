"""Retention that one bad record cannot stop, anonymized numbers that cannot collide, and stale subscriptions."""

from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone

from cases import codes, retention, services, tasks
from cases.models import Case, Subscription

pytestmark = pytest.mark.django_db


def test_a_case_numbered_like_an_anonymized_one_does_not_stop_anonymization(make_case, settings):
    old = make_case("filed", "closed", days_apart=1)
    # A real case whose number normalizes to what the old scheme gave the first case (ANON<pk>).
    lookalike = make_case("filed", number=f"ANON {old.pk}")
    assert lookalike.number_key == f"ANON{old.pk}"
    later = timezone.now() + timedelta(days=settings.CASE_RETENTION_DAYS + 1)
    assert services.cases_retention_apply(now=later) == (1, 1)
    old.refresh_from_db()
    assert old.anonymized_at and old.number_key != lookalike.number_key
    # no real number, however typed, normalizes to an anonymized key
    assert codes.number_key(old.number_key) != old.number_key


def test_one_failing_case_is_logged_by_id_and_skipped_and_the_others_are_processed(make_case, settings, caplog):
    cases = [make_case("filed", "closed", days_apart=1, number=f"WSC-II-S.6151.{n}.2026") for n in range(4)]
    for case in cases:
        Case.objects.filter(pk=case.pk).update(contact_email="a@example.org", contact_consent_at=timezone.now())
    poisoned = cases[1]
    real_anonymize = retention._anonymize
    real_erase = retention._contact_erase

    def anonymize(ids, now):
        if poisoned.pk in ids:
            raise RuntimeError(f"cannot anonymize {poisoned.number}")
        real_anonymize(ids, now)

    def erase(ids, now):
        if poisoned.pk in ids:
            raise RuntimeError("a@example.org")
        real_erase(ids, now)

    later = timezone.now() + timedelta(days=settings.CASE_RETENTION_DAYS + 1)
    with mock.patch.object(retention, "_anonymize", anonymize), mock.patch.object(retention, "_contact_erase", erase):
        assert services.cases_retention_apply(now=later) == (3, 3)
    states = dict(Case.objects.values_list("pk", "anonymized_at"))
    assert states[poisoned.pk] is None
    assert all(states[case.pk] for case in cases if case != poisoned)
    assert Case.objects.get(pk=poisoned.pk).contact_email == "a@example.org"
    assert str(poisoned.pk) in caplog.text and "RuntimeError" in caplog.text
    assert poisoned.number not in caplog.text and "a@example.org" not in caplog.text
    # the next run (the bug fixed) picks up the one left behind
    assert services.cases_retention_apply(now=later) == (1, 1)


def test_unconfirmed_case_subscriptions_are_purged_after_a_week_by_the_beat_task(make_case, settings):
    case = make_case("filed")
    stale = Subscription.objects.create(case=case, email="stale@example.org", language="pl")
    Subscription.objects.filter(pk=stale.pk).update(created_at=timezone.now() - timedelta(days=8))
    confirmed = Subscription.objects.create(case=case, email="yes@example.org", language="pl")
    Subscription.objects.filter(pk=confirmed.pk).update(
        created_at=timezone.now() - timedelta(days=30), confirmed_at=timezone.now() - timedelta(days=29)
    )
    Subscription.objects.create(case=case, email="fresh@example.org", language="pl")
    assert tasks.purge_unconfirmed_subscriptions() == 1
    assert sorted(Subscription.objects.values_list("email", flat=True)) == ["fresh@example.org", "yes@example.org"]
    schedule = settings.CELERY_BEAT_SCHEDULE["case-unconfirmed-subscriptions"]
    assert schedule["task"] == "cases.tasks.purge_unconfirmed_subscriptions"


def test_stale_unconfirmed_requests_do_not_lock_out_a_real_subscriber(make_case):
    case = make_case("filed")
    for number in range(services.SUBSCRIPTIONS_PER_CASE):
        stale = Subscription.objects.create(case=case, email=f"p{number}@example.org", language="pl")
        Subscription.objects.filter(pk=stale.pk).update(created_at=timezone.now() - timedelta(days=8))
    outcome = services.subscription_request(case_id=case.pk, email="owner@example.org", language="pl")
    assert outcome == services.SubscribeOutcome.CONFIRMATION_SENT
    # young unconfirmed requests still count
    for number in range(services.SUBSCRIPTIONS_PER_CASE - 1):
        Subscription.objects.create(case=case, email=f"young{number}@example.org", language="pl")
    outcome = services.subscription_request(case_id=case.pk, email="late@example.org", language="pl")
    assert outcome == services.SubscribeOutcome.TOO_MANY


def test_a_record_the_database_refuses_is_skipped_and_later_batches_still_run(make_case):
    """A real constraint violation (on PostgreSQL it aborts the transaction it happens in): only its savepoint is
    lost, so the following records and batches are processed."""
    from portal.retention import process_in_batches

    cases = [make_case("filed", number=f"WSC-II-S.6151.{n}.2026") for n in range(5)]
    poisoned = cases[2]

    def add_contact(ids):
        for pk in ids:
            consent = None if pk == poisoned.pk else timezone.now()  # an address without consent: refused
            Case.objects.filter(pk=pk).update(contact_email="x@example.org", contact_consent_at=consent)

    result = process_in_batches(Case.objects.all(), add_contact, job="test", batch_size=2)
    assert result.failed == [poisoned.pk] and result.done == 4
    assert Case.objects.filter(contact_email="x@example.org").count() == 4
