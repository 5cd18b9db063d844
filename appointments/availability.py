"""The version of the public's free seats per (service, place), which the cached calendar and times carry in
their key (`appointments.picker`): a token of `portal.cache_versions`.

Every write that changes a time's free seats or whether the public may book it (a hold, a booking at the desk, by
draw or from the waiting list, a move, a cancellation, an expired hold, a seat returned after its delay, a time
blocked, slots generated) calls `seats_changed` inside its transaction. The version moves when that transaction
commits: the next reader builds the page afresh and sees the change at once, and a rolled-back write (a refused
hold) moves nothing. What changes with time alone (a scheduled release, a time coming inside the booking lead)
is covered by the cached piece's own end (`selectors.picker_valid_until`).

Below the services and the selectors: this module imports neither.
"""

from collections.abc import Iterable

from portal.cache_versions import bump_versions_on_commit, current_version


def _key(service_id: int, place_id: int) -> str:
    # Not the key of the counter this replaced: a worker of the previous release would INCR a token there.
    return f"appointments:seats-token:{service_id}:{place_id}"


def seats_version(*, service_id: int, place_id: int) -> str:
    """The current version, an opaque token (compare it only for equality). It never expires; with the cache away
    every read draws a new one, so nothing cached is served."""
    return current_version(_key(service_id, place_id))


def seats_changed(pairs: Iterable[tuple[int, int]]) -> None:
    """Move the versions of these (service id, place id) pairs once the current transaction commits."""
    bump_versions_on_commit(*sorted({_key(service_id, place_id) for service_id, place_id in pairs}))
