"""portal.retention.process_in_batches: small independent transactions, one failure logged by id and skipped."""

from datetime import timedelta

import pytest
from django.utils import timezone

from portal import services
from portal.models import MistakeReport, NoticeSubscription
from portal.retention import process_in_batches

pytestmark = pytest.mark.django_db


def reports(count: int, days_old: int = 400) -> list[MistakeReport]:
    made = [
        MistakeReport.objects.create(page_path="/pl/", language="pl", message=f"m{n}", email=f"r{n}@example.org")
        for n in range(count)
    ]
    MistakeReport.objects.update(created_at=timezone.now() - timedelta(days=days_old))
    return made


def test_a_poisoned_record_is_skipped_and_logged_by_id_while_the_rest_are_processed(caplog):
    made = reports(7)
    poisoned = made[3]

    def delete(ids):
        if poisoned.pk in ids:
            raise ValueError(f"refused {poisoned.email}")
        MistakeReport.objects.filter(pk__in=ids).delete()

    result = process_in_batches(MistakeReport.objects.all(), delete, job="test", batch_size=3)
    assert result.done == 6 and result.failed == [poisoned.pk]
    assert list(MistakeReport.objects.values_list("pk", flat=True)) == [poisoned.pk]
    assert f"record {poisoned.pk} skipped (ValueError)" in caplog.text
    assert poisoned.email not in caplog.text


def test_records_the_work_removes_from_the_queryset_are_neither_skipped_nor_repeated():
    reports(10)
    seen = []

    def delete(ids):
        seen.extend(ids)
        MistakeReport.objects.filter(pk__in=ids).delete()

    assert process_in_batches(MistakeReport.objects.all(), delete, job="test", batch_size=4).done == 10
    assert len(seen) == len(set(seen)) == 10


def test_mistake_reports_and_unconfirmed_notice_subscriptions_are_purged_in_batches(settings):
    reports(3, days_old=settings.MISTAKE_REPORT_RETENTION_DAYS + 1)
    reports_kept = MistakeReport.objects.create(page_path="/pl/", language="pl", message="new")
    assert services.mistake_reports_purge() == 3
    assert list(MistakeReport.objects.all()) == [reports_kept]
    stale = NoticeSubscription.objects.create(email="old@example.org", language="pl")
    NoticeSubscription.objects.filter(pk=stale.pk).update(created_at=timezone.now() - timedelta(days=8))
    assert services.notice_subscriptions_purge_unconfirmed() == 1
