"""Retention jobs that one bad record cannot stop: records are handled in small, independent transactions.

A nightly job that erases personal data in one transaction erases nothing when a single row fails (a constraint,
a lock timeout, a bug meeting odd data), and then fails the same way every night. `process_in_batches` gives
every app the other behaviour:

    from portal.retention import process_in_batches

    result = process_in_batches(
        Case.objects.filter(final_at__lt=cutoff, anonymized_at__isnull=True),
        lambda ids: _anonymize(ids, now),   # does the work for these ids; runs inside one transaction
        job="cases.anonymize",
    )
    result.done, result.failed                 # how many were processed, and the ids that failed

Ids are taken in primary-key order, `batch_size` at a time, each batch in its own transaction. When a batch
fails, its records are tried one by one, so only the record that fails is skipped; it is logged by id (never by
its content: an error message may quote the data) and tried again on the next run. The queryset is read again
after each batch, so records that the work removes from it are not skipped or repeated.
"""

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import QuerySet

logger = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 200


@dataclass
class BatchResult:
    done: int = 0
    failed: list = field(default_factory=list)


def process_in_batches(
    queryset: QuerySet,
    action: Callable[[list], object],
    *,
    job: str,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> BatchResult:
    """Run `action(ids)` over the records of `queryset`, a batch per transaction; see the module docstring."""
    result = BatchResult()
    last = None
    ordered = queryset.order_by("pk")
    while True:
        page = ordered if last is None else ordered.filter(pk__gt=last)
        ids = list(page.values_list("pk", flat=True)[:batch_size])
        if not ids:
            return result
        last = ids[-1]
        try:
            with transaction.atomic():
                action(ids)
        except Exception:
            _one_by_one(ids, action, job, result)
        else:
            result.done += len(ids)


def _one_by_one(ids: Iterable, action: Callable[[list], object], job: str, result: BatchResult) -> None:
    for pk in ids:
        try:
            with transaction.atomic():
                action([pk])
        except Exception as exc:
            # The id and the kind of error only: database messages quote the values they refused.
            logger.error("Retention job %s: record %s skipped (%s)", job, pk, type(exc).__name__)
            result.failed.append(pk)
        else:
            result.done += 1
