"""The Redis cache fails open: with Redis away the site answers, counters start from one, nothing raises."""

import time

from portal import cache_backend
from portal.cache_backend import FailOpenRedisCache


def unreachable() -> FailOpenRedisCache:
    # Both the pause and the once-a-minute warning are per process: an earlier test (a fault drill) may have set them.
    cache_backend.FailOpenRedisCache._down_until = 0.0
    cache_backend.FailOpenRedisCache._last_warning = 0.0
    return FailOpenRedisCache("redis://127.0.0.1:1/0", {"OPTIONS": {"socket_connect_timeout": 0.5}})


def test_with_redis_away_reads_miss_writes_are_dropped_and_counters_fail_open(caplog):
    cache = unreachable()
    assert cache.get("page", "default") == "default"
    assert cache.add("limit", 0, 60) is False
    assert cache.incr("limit") == 1
    assert cache.counter_increment("page-views", 60) is None  # a page view is not counted, and nothing raises
    assert cache.get_many(["a", "b"]) == {}
    assert cache.set("page", "html", 60) is None
    assert cache.delete("page") is False
    assert "Cache unavailable" in caplog.text
    assert caplog.text.count("Cache unavailable") == 1  # one warning, not one per call


def test_after_a_failure_redis_is_not_asked_again_for_a_few_seconds():
    cache = unreachable()
    cache.get("page")
    started = time.monotonic()
    for _ in range(200):
        cache.get("page")
    assert time.monotonic() - started < 0.5
    assert cache_backend.FailOpenRedisCache._down_until > time.monotonic()
    cache_backend.FailOpenRedisCache._down_until = 0.0
