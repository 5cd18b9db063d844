"""A version token per place that changes whenever its queue changes (`portal.cache_versions`).

The display and the phone pages are polled every second or few by many screens: they answer `304 Not Modified`
while the version (their ETag) is unchanged, without touching the database. Services move the version after their
transaction commits. If the cache loses the token (restart, eviction), a new random one is drawn, so every poller
reloads once: a lost version never hides a change.
"""

from django.core.cache import cache

from portal.cache_versions import bump_versions_on_commit, current_version

VERSION_SECONDS = 60 * 60 * 24


def _key(place_id: int) -> str:
    return f"queue:version:{place_id}"


def queue_version(place_id: int) -> str:
    return current_version(_key(place_id), timeout=VERSION_SECONDS)


def queue_changed(place_id: int) -> None:
    """Call inside a service's transaction: the version changes once the change is visible to others."""
    bump_versions_on_commit(_key(place_id), timeout=VERSION_SECONDS)


def device_cache_key(device_id: int) -> str:
    """Where a registered device's state is cached for half a minute (see `selectors.device_from_cookie`)."""
    return f"queue:device:{device_id}"


def forget_device(device_id: int) -> None:
    """After a revocation or a new enrolment link: the next request reads the device again."""
    cache.delete(device_cache_key(device_id))
