"""The record of successful lookups, kept off the lookup's path: a Redis list that a beat task writes to the table.

A found lookup is the common case and its row only feeds the statistics, so it goes to a list in Redis (one round
trip, no commit) with the moment it happened; `lookup_records_flush`, every minute, moves the list to `LookupRecord`
rows with those moments, so the reports count it on the right day and the retention purges it on time. Failed and
refused attempts, what the abuse review reads, are written at once, as is every record while Redis is away
(without Redis, e.g. on a laptop, always): nothing is lost when the buffer cannot take it.

The flush renames the list before reading it, so lookups arriving meanwhile start a new one; a flush that dies
before its rows commit leaves the renamed list, which the next flush writes first.
"""

import json
from datetime import UTC, datetime

from django.core.cache import caches
from django.db import transaction
from redis.exceptions import ResponseError

from cases.models import LookupRecord
from portal.cache_backend import FailOpenRedisCache

BUFFER_KEY = "cases:lookup-records"
FLUSHING_KEY = "cases:lookup-records:flushing"
FLUSH_LOCK_KEY = "cases:lookup-records:flush-lock"
FLUSH_LOCK_SECONDS = 5 * 60


def _redis() -> FailOpenRedisCache | None:
    backend = caches["default"]
    return backend if isinstance(backend, FailOpenRedisCache) else None


def record_found(*, number_hash: str) -> None:
    """Note a successful lookup now; the row is written by the next flush (or at once if Redis cannot take it)."""
    backend = _redis()
    entry = json.dumps({"number_hash": number_hash, "at": datetime.now(UTC).timestamp()})
    if backend is not None and backend.list_append(BUFFER_KEY, entry):
        return
    LookupRecord.objects.create(number_hash=number_hash, outcome=LookupRecord.Outcome.FOUND)


def lookup_records_flush() -> int:
    """Write the buffered lookups as rows; returns how many. Redis errors propagate: the next run tries again."""
    backend = _redis()
    if backend is None:
        return 0
    client = backend.redis_client()
    if not backend.add(FLUSH_LOCK_KEY, 1, FLUSH_LOCK_SECONDS):
        return 0  # another flush is running
    try:
        buffer_key, flushing_key = backend.make_key(BUFFER_KEY), backend.make_key(FLUSHING_KEY)
        if not client.exists(flushing_key):
            try:
                client.rename(buffer_key, flushing_key)
            except ResponseError:  # no such key: nothing was looked up since the last flush
                return 0
        entries = [json.loads(raw) for raw in client.lrange(flushing_key, 0, -1)]
        with transaction.atomic():
            LookupRecord.objects.bulk_create(
                [
                    LookupRecord(
                        number_hash=entry["number_hash"],
                        outcome=LookupRecord.Outcome.FOUND,
                        created_at=datetime.fromtimestamp(entry["at"], UTC),
                    )
                    for entry in entries
                ],
                batch_size=1000,
            )
        client.delete(flushing_key)
        return len(entries)
    finally:
        backend.delete(FLUSH_LOCK_KEY)
