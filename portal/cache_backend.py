"""The Redis cache, made to fail open: with Redis stopped the site still answers.

Redis holds only what can be rebuilt (rendered pages, counters of views, rate-limit counters), so while it is
away a read is a miss, a write is dropped and a counter starts from one: pages are rendered afresh and limits
let people through, instead of every page answering 500. A warning is logged at most once a minute per process.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

OUTAGE = (RedisConnectionError, RedisTimeoutError)
WARNING_INTERVAL = 60.0


class FailOpenRedisCache(RedisCache):
    _last_warning = 0.0

    def _outage(self, operation: str, exc: Exception):
        now = time.monotonic()
        if now - FailOpenRedisCache._last_warning > WARNING_INTERVAL:
            FailOpenRedisCache._last_warning = now
            logger.warning("Cache unavailable (%s on %s): serving without it", type(exc).__name__, operation)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version=version)
        except OUTAGE as exc:
            self._outage("add", exc)
            return False

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version=version)
        except OUTAGE as exc:
            self._outage("get", exc)
            return default

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set(key, value, timeout, version=version)
        except OUTAGE as exc:
            self._outage("set", exc)
            return None

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version=version)
        except OUTAGE as exc:
            self._outage("touch", exc)
            return False

    def delete(self, key, version=None):
        try:
            return super().delete(key, version=version)
        except OUTAGE as exc:
            self._outage("delete", exc)
            return False

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version=version)
        except OUTAGE as exc:
            self._outage("get_many", exc)
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version=version)
        except OUTAGE as exc:
            self._outage("has_key", exc)
            return False

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version=version)
        except OUTAGE as exc:
            self._outage("incr", exc)
            return delta  # a counter that cannot count starts again from here: limits fail open

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set_many(data, timeout, version=version)
        except OUTAGE as exc:
            self._outage("set_many", exc)
            return list(data)

    def delete_many(self, keys, version=None):
        try:
            return super().delete_many(keys, version=version)
        except OUTAGE as exc:
            self._outage("delete_many", exc)
            return None

    def clear(self):
        try:
            return super().clear()
        except OUTAGE as exc:
            self._outage("clear", exc)
            return None
