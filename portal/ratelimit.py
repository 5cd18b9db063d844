"""Counting attempts in the shared cache: the one rate limiter of the site.

Every limit is a counter in the cache (Redis in production) under a key that is a keyed hash of what is
counted, so the cache never holds an address, an e-mail address or a case number in clear. A counter starts
with the first attempt and is gone `window` seconds later (a fixed window: simple, and cheap enough for a
cache round trip or two per request).

How to use it (from any app; it imports nothing but Django):

    from portal import ratelimit

    # Count one attempt of this reader; True once they are over 5 in the hour.
    if ratelimit.hit("notice-subscribe", ratelimit.client_bucket(address), limit=5, window=3600):
        return refused()

    # Several things counted together (an address and a case): pass a tuple as the key.
    ratelimit.hit("case-lookup-pair", (case_hash, ratelimit.client_bucket(address)), limit=5, window=3600)

    # Look without counting, forget a counter, or lock something until a given time:
    ratelimit.count("case-lookup-pair", key)             # the attempts so far in the window (0 if none)
    ratelimit.reset("case-lookup-pair", key)
    ratelimit.lock("case-lookup-case", key, seconds=300)  # and ratelimit.locked_for(...) -> seconds left, or 0

    # Per calendar day, with a key that changes every day (nothing links today's counter to yesterday's):
    ratelimit.hit("faq-feedback", (bucket, slug), limit=1, window=ratelimit.DAILY)

Registered office devices (the info points' kiosks and displays) often share one public address with strangers;
they are not counted by the per-address limits. The app that enrols devices registers a check at start-up
(`register_device_check`); `portal.selectors.client_address` then answers a `DeviceClient` key for a request the
check recognises, and `hit` never refuses such a key. Limits on anything else (an e-mail address, a case) still
apply, and so do `increment` and the locks, which count a device on its own, apart from its address.

`client_bucket` turns a client address into what is counted: the full IPv4 address (never a shortened or
stripped form, so 127.0.1.11 and 127.0.11.1 are two readers), and for IPv6 its /64 network, because one
household or phone gets a whole /64 and could otherwise step through addresses.
"""

import hashlib
import hmac
import ipaddress
import time
from collections.abc import Callable, Hashable
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone

DAILY = -1  # `window` for counters that live until midnight (Europe/Warsaw) under a key rotated every day

Key = str | tuple[Hashable, ...]


class DeviceClient(str):
    """The client key of a request from a registered office device (its name, never an address): not throttled
    by the per-address limits. Made only by `portal.selectors.client_address` after a registered check."""


DeviceCheck = Callable[[HttpRequest], str | None]
_device_checks: list[DeviceCheck] = []


def register_device_check(check: DeviceCheck) -> None:
    """Let `check` name the office device a request comes from (None: not one). Called by an app at ready()."""
    if check not in _device_checks:
        _device_checks.append(check)


def office_device(request: HttpRequest) -> DeviceClient | None:
    """The office device `request` comes from, as its client key, or None; asked once per request."""
    if not hasattr(request, "_office_device"):
        name = next((found for check in _device_checks if (found := check(request))), None)
        request._office_device = DeviceClient(f"office-device:{name}") if name else None  # type: ignore[attr-defined]
    return request._office_device  # type: ignore[attr-defined]


def _from_device(key: Key) -> bool:
    return any(isinstance(part, DeviceClient) for part in (key if isinstance(key, tuple) else (key,)))


def client_bucket(address: str) -> str:
    """What a client address counts as: the whole IPv4 address, or the /64 network of an IPv6 address.

    Text that is not an address (an e-mail address, an empty REMOTE_ADDR) is returned unchanged, so callers
    may pass any client key through it.
    """
    if isinstance(address, DeviceClient):
        return address
    text = (address or "").strip()
    try:
        parsed = ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return text
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.IPv6Network((parsed, 64), strict=False))
    return str(parsed)


def _cache_key(scope: str, key: Key, window: int) -> str:
    parts = key if isinstance(key, tuple) else (key,)
    material = "\x1f".join(str(part) for part in parts)
    if window == DAILY:
        # The day is part of the hashed material: a daily rotating key, so counters of two days cannot be linked.
        material = f"{timezone.localdate().isoformat()}\x1e{material}"
    digest = hmac.new(settings.HASHING_KEY.encode(), f"{scope}\x1d{material}".encode(), hashlib.sha256).hexdigest()
    return f"rl:{scope}:{digest}"


def _seconds(window: int) -> int:
    if window == DAILY:
        now = timezone.localtime()
        midnight = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
        return max(1, int((midnight - now).total_seconds()) + 1)
    return window


def increment(scope: str, key: Key, *, window: int) -> int:
    """Count one attempt and return the attempts in the current window, this one included.

    A counter may expire (or be evicted) between `add` finding it and `incr` raising it; then the count starts
    again at one instead of failing, which is the same as the window having just ended.
    """
    cache_key = _cache_key(scope, key, window)
    seconds = _seconds(window)
    for _attempt in range(3):
        if cache.add(cache_key, 1, seconds):
            return 1
        try:
            return cache.incr(cache_key)
        except ValueError:  # gone between add and incr: try to start it again
            continue
    cache.set(cache_key, 1, seconds)
    return 1


def hit(scope: str, key: Key, *, limit: int, window: int) -> bool:
    """Count one attempt; True when it is over `limit` in the window (the caller refuses it).

    Never True for a registered office device (`DeviceClient`): those limits are meant for strangers.
    """
    if _from_device(key):
        return False
    return increment(scope, key, window=window) > limit


def count(scope: str, key: Key, *, window: int = 0) -> int:
    """The attempts counted so far, without counting one (`window` only matters for DAILY keys)."""
    return int(cache.get(_cache_key(scope, key, window)) or 0)


def reset(scope: str, key: Key, *, window: int = 0) -> None:
    cache.delete(_cache_key(scope, key, window))


def lock(scope: str, key: Key, *, seconds: int) -> int:
    """Refuse `key` for `seconds` from now (a lock already running is kept); returns the seconds left."""
    cache_key = _cache_key(scope, key, 0)
    until = time.time() + seconds
    if not cache.add(cache_key, until, seconds):
        return locked_for(scope, key)
    return seconds


def locked_for(scope: str, key: Key) -> int:
    """Seconds until the lock on `key` ends, rounded up; 0 if it is not locked."""
    until = cache.get(_cache_key(scope, key, 0))
    if not until:
        return 0
    return max(0, int(-(-(float(until) - time.time()) // 1)))
