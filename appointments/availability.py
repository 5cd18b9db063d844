"""The version of the public's free seats per (service, place), which the cached calendar and times carry in
their key (`appointments.picker`).

Every write that changes a time's free seats or whether the public may book it (a hold, a booking at the desk, by
draw or from the waiting list, a move, a cancellation, an expired hold, a seat returned after its delay, a time
blocked, slots generated) calls `seats_changed` inside its transaction. The version moves when that transaction
commits: the next reader builds the page afresh and sees the change at once, and a rolled-back write (a refused
hold) moves nothing. What changes with time alone (a scheduled release, a time coming inside the booking lead)
is covered by the cached piece's own end (`selectors.picker_valid_until`).

Below the services and the selectors: this module imports neither.
"""

from collections.abc import Iterable
from functools import partial

from django.core.cache import cache
from django.db import transaction


def _key(service_id: int, place_id: int) -> str:
    return f"appointments:seats-version:{service_id}:{place_id}"


def seats_version(*, service_id: int, place_id: int) -> int:
    """The current version (never expires; starts at 1). With the cache away every read is a miss anyway."""
    key = _key(service_id, place_id)
    version = cache.get(key)
    if version is None:
        version = 1
        cache.add(key, version, None)
    return int(version)


def _bump(keys: list[str]) -> None:
    for key in keys:
        try:
            cache.incr(key)
        except ValueError:  # never read yet (or evicted): any value but the starting one will do
            cache.set(key, 2, None)


def seats_changed(pairs: Iterable[tuple[int, int]]) -> None:
    """Move the versions of these (service id, place id) pairs once the current transaction commits."""
    keys = sorted({_key(service_id, place_id) for service_id, place_id in pairs})
    if keys:
        transaction.on_commit(partial(_bump, keys))
