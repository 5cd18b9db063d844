"""The one rate limiter: what an address counts as, counters that expire mid-way, locks and daily keys."""

import pytest
from django.core.cache import cache

from portal import ratelimit


@pytest.mark.parametrize(
    "address, bucket",
    [
        ("127.0.1.11", "127.0.1.11"),
        ("127.0.11.1", "127.0.11.1"),
        ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
        ("2001:DB8:1:2::ffff", "2001:db8:1:2::/64"),
        ("::ffff:192.0.2.1", "192.0.2.1"),
        ("fe80::1%eth0", "fe80::/64"),
        ("person@example.org", "person@example.org"),
        ("", ""),
    ],
)
def test_a_client_counts_as_its_full_ipv4_address_or_its_ipv6_network(address, bucket):
    assert ratelimit.client_bucket(address) == bucket


def test_counts_go_over_the_limit_and_keys_never_hold_the_address_in_clear():
    for _ in range(3):
        assert not ratelimit.hit("test", "10.0.0.1", limit=3, window=60)
    assert ratelimit.hit("test", "10.0.0.1", limit=3, window=60)
    assert ratelimit.count("test", "10.0.0.1") == 4
    assert not ratelimit.hit("test", "10.0.0.2", limit=3, window=60)
    assert "10.0.0" not in ratelimit._cache_key("test", "10.0.0.1", 60)


def test_a_counter_that_expires_between_add_and_incr_starts_again_at_one(monkeypatch):
    ratelimit.increment("test", "k", window=60)
    real_incr = cache.incr
    calls = []

    def incr_after_expiry(key, delta=1, version=None):
        if not calls:
            calls.append(key)
            cache.delete(key)  # the window ended just after `add` saw the counter
        return real_incr(key, delta, version)

    monkeypatch.setattr(cache, "incr", incr_after_expiry)
    assert ratelimit.increment("test", "k", window=60) == 1
    assert ratelimit.count("test", "k") == 1


def test_a_lock_reports_the_seconds_left_and_is_not_extended_by_a_second_lock():
    assert ratelimit.locked_for("test-lock", "k") == 0
    assert ratelimit.lock("test-lock", "k", seconds=300) == 300
    assert 299 <= ratelimit.lock("test-lock", "k", seconds=900) <= 300
    ratelimit.reset("test-lock", "k")
    assert ratelimit.locked_for("test-lock", "k") == 0


def test_daily_counters_use_a_key_that_changes_with_the_day():
    from datetime import date
    from unittest import mock

    with mock.patch("django.utils.timezone.localdate", return_value=date(2026, 12, 1)):
        assert not ratelimit.hit("daily", "k", limit=1, window=ratelimit.DAILY)
        assert ratelimit.hit("daily", "k", limit=1, window=ratelimit.DAILY)
        first_key = ratelimit._cache_key("daily", "k", ratelimit.DAILY)
    with mock.patch("django.utils.timezone.localdate", return_value=date(2026, 12, 2)):
        assert ratelimit.count("daily", "k", window=ratelimit.DAILY) == 0
        assert not ratelimit.hit("daily", "k", limit=1, window=ratelimit.DAILY)
        assert ratelimit._cache_key("daily", "k", ratelimit.DAILY) != first_key
