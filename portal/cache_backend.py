"""The Redis cache, made to fail open: with Redis stopped the site still answers.

Redis holds only what can be rebuilt (rendered pages, counters of views, rate-limit counters), so while it is
away a read is a miss, a write is dropped and a counter starts from one: pages are rendered afresh and limits
let people through, instead of every page answering 500. After a failure the cache is not asked again for
`PAUSE_AFTER_FAILURE` seconds, so pages do not wait for a refused connection at every step. A warning is logged
at most once a minute per process.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

OUTAGE = (RedisConnectionError, RedisTimeoutError)
# INCR, and on the increment that created the key its expiry, atomically in Redis (a script runs as one command).
COUNTER_WITH_EXPIRY = "local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end"
PAUSE_AFTER_FAILURE = 5.0
WARNING_INTERVAL = 60.0


class ReusedClientRedisCacheClient(RedisCacheClient):
    """One redis.Redis per connection pool instead of a new one per cache call.

    Django builds a client object for every get and set; with redis-py 8 that copies some 170 response callbacks
    each time, which cost more CPU than the round trip itself on a page served from the cache. A client is only a
    handle on its pool (thread-safe, reset after a fork), so one per pool serves every call.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients: dict = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)  # type: ignore[attr-defined]
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)  # type: ignore[attr-defined]
        return client


class FailOpenRedisCache(RedisCache):
    _down_until = 0.0
    _last_warning = 0.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient

    def _guarded(self, operation: str, fallback, call):
        now = time.monotonic()
        if now < FailOpenRedisCache._down_until:
            return fallback
        try:
            return call()
        except OUTAGE as exc:
            FailOpenRedisCache._down_until = now + PAUSE_AFTER_FAILURE
            if now - FailOpenRedisCache._last_warning > WARNING_INTERVAL:
                FailOpenRedisCache._last_warning = now
                logger.warning("Cache unavailable (%s on %s): serving without it", type(exc).__name__, operation)
            return fallback

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded("add", False, lambda: super(FailOpenRedisCache, self).add(key, value, timeout, version))

    def get(self, key, default=None, version=None):
        return self._guarded("get", default, lambda: super(FailOpenRedisCache, self).get(key, default, version))

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded("set", None, lambda: super(FailOpenRedisCache, self).set(key, value, timeout, version))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded("touch", False, lambda: super(FailOpenRedisCache, self).touch(key, timeout, version))

    def delete(self, key, version=None):
        return self._guarded("delete", False, lambda: super(FailOpenRedisCache, self).delete(key, version))

    def get_many(self, keys, version=None):
        return self._guarded("get_many", {}, lambda: super(FailOpenRedisCache, self).get_many(keys, version))

    def has_key(self, key, version=None):
        return self._guarded("has_key", False, lambda: super(FailOpenRedisCache, self).has_key(key, version))

    def incr(self, key, delta=1, version=None):
        # A counter that cannot count starts again from here: limits fail open.
        return self._guarded("incr", delta, lambda: super(FailOpenRedisCache, self).incr(key, delta, version))

    def counter_increment(self, key, timeout=DEFAULT_TIMEOUT, version=None) -> None:
        """Add one to a counter, creating it at 1 (expiring after `timeout`) if it is missing, in one round trip.

        Django's add-then-incr takes three (SET NX, EXISTS, INCRBY); a page view is counted on every cached page.
        Counts are stored as plain integers, which is how Django's Redis cache stores an int, so get() reads them.
        """

        def call():
            redis_key = self.make_and_validate_key(key, version=version)
            expiry = self.get_backend_timeout(timeout)
            client = self._cache.get_client(redis_key, write=True)
            if expiry is None:
                client.incr(redis_key)
            else:
                client.eval(COUNTER_WITH_EXPIRY, 1, redis_key, int(expiry))

        self._guarded("counter_increment", None, call)

    def list_append(self, key, value: str, version=None) -> bool:
        """RPUSH `value` onto the list at `key` (no expiry); False when Redis is away, so the caller can write
        elsewhere instead (a buffer of rows, not something that can be rebuilt)."""

        def call():
            redis_key = self.make_and_validate_key(key, version=version)
            return bool(self._cache.get_client(redis_key, write=True).rpush(redis_key, value))

        return self._guarded("list_append", False, call)

    def redis_client(self):
        """The redis-py client itself, for a task that reads and renames lists and must see Redis errors (not
        fail open). Keys go through `make_key` like every cache key."""
        return self._cache.get_client(write=True)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(
            "set_many", list(data), lambda: super(FailOpenRedisCache, self).set_many(data, timeout, version)
        )

    def delete_many(self, keys, version=None):
        return self._guarded("delete_many", None, lambda: super(FailOpenRedisCache, self).delete_many(keys, version))

    def clear(self):
        return self._guarded("clear", None, lambda: super(FailOpenRedisCache, self).clear())
