"""Erasing the personal data of cases on schedule, a record at a time so that one bad record blocks nothing.

Every job goes through `portal.retention.process_in_batches`: small independent transactions, a failing record
logged by id and skipped (and tried again the next night), the others processed.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from cases import result_cache
from cases.models import Case, LookupRecord, StatusEvent, Subscription
from portal.retention import process_in_batches

# Unconfirmed requests to hear of a case: kept as long as the confirmation could still matter, then erased (the
# address may belong to someone who asked for nothing). Older ones no longer count toward the limit per case.
UNCONFIRMED_SUBSCRIPTION_DAYS = 7


def anonymized_number_key(pk: int) -> str:
    """The lookup key of an anonymized case: it holds a hyphen, which `codes.number_key` removes from every real
    number, so it can never equal the key of a real case (and no lookup can ever find it)."""
    return f"ANON-{pk}"


def cases_retention_apply(*, now=None) -> tuple[int, int]:
    """Erase contact data and subscriptions some days after a final status; anonymize old closed cases.

    Returns (cases whose contact data was erased, cases anonymized). Anonymized cases keep their procedure,
    place, dates and statuses, which the processing-time figures need, and lose everything that identifies them.
    """
    now = now or timezone.now()
    contact_cutoff = now - timedelta(days=settings.CASE_CONTACT_RETENTION_DAYS)
    erased = process_in_batches(
        Case.objects.filter(final_at__lt=contact_cutoff, contact_erased_at__isnull=True),
        lambda ids: _contact_erase(ids, now),
        job="cases.contact_erase",
    )
    case_cutoff = now - timedelta(days=settings.CASE_RETENTION_DAYS)
    anonymized = process_in_batches(
        Case.objects.filter(final_at__lt=case_cutoff, anonymized_at__isnull=True),
        lambda ids: _anonymize(ids, now),
        job="cases.anonymize",
    )
    return erased.done, anonymized.done


def _contact_erase(ids: list[int], now) -> None:
    Subscription.objects.filter(case_id__in=ids).delete()
    Case.objects.filter(pk__in=ids).update(contact_email="", contact_consent_at=None, contact_erased_at=now)
    result_cache.case_changed(*ids)


def _anonymize(ids: list[int], now) -> None:
    for pk in ids:
        Case.objects.filter(pk=pk).update(
            number=f"ANON-{pk}", number_key=anonymized_number_key(pk), access_code_hash="", anonymized_at=now
        )
    Subscription.objects.filter(case_id__in=ids).delete()
    StatusEvent.objects.filter(case_id__in=ids).update(
        internal_note="", **{f"note_to_applicant_{code}": "" for code, _name in settings.LANGUAGES}
    )
    result_cache.case_changed(*ids)


def lookup_records_purge(*, now=None) -> int:
    cutoff = (now or timezone.now()) - timedelta(days=settings.CASE_LOOKUP_RECORD_RETENTION_DAYS)
    return process_in_batches(
        LookupRecord.objects.filter(created_at__lt=cutoff),
        lambda ids: LookupRecord.objects.filter(pk__in=ids).delete(),
        job="cases.lookup_records",
        batch_size=1000,
    ).done


def unconfirmed_subscription_cutoff(now=None):
    return (now or timezone.now()) - timedelta(days=UNCONFIRMED_SUBSCRIPTION_DAYS)


def subscriptions_current() -> Q:
    """Subscriptions that count toward the limit per case: confirmed ones, and requests still young enough."""
    return Q(confirmed_at__isnull=False) | Q(created_at__gte=unconfirmed_subscription_cutoff())


def subscriptions_purge_unconfirmed(*, now=None) -> int:
    """Erase requests to hear of a case never confirmed within UNCONFIRMED_SUBSCRIPTION_DAYS."""
    return process_in_batches(
        Subscription.objects.filter(confirmed_at__isnull=True, created_at__lt=unconfirmed_subscription_cutoff(now)),
        lambda ids: Subscription.objects.filter(pk__in=ids, confirmed_at__isnull=True).delete(),
        job="cases.unconfirmed_subscriptions",
    ).done
