"""Version tokens that cached pieces carry in their keys: one way to say "everything cached about X is stale".

A reader asks for the current token of X and puts it in its cache key; a writer moves the token once its
transaction commits (so nobody caches the old rows under the new token). Tokens are random, never counters: if
the cache loses them (restart, eviction), a new token is drawn and nothing cached before, in Redis or in a
worker's memory, can be mistaken for current.
"""

import secrets
from functools import partial

from django.core.cache import cache
from django.db import transaction


def _new_token() -> str:
    return secrets.token_hex(6)


def current_versions(*keys: str, timeout: int | None = None) -> list[str]:
    """The current token under each key (one round trip), starting a new one where there is none. `timeout`:
    how long a new token lives (None: until moved or evicted)."""
    found = cache.get_many(keys)
    versions = []
    for key in keys:
        version = found.get(key)
        if version is None:
            version = _new_token()
            if not cache.add(key, version, timeout):  # another request started one first: theirs counts
                version = cache.get(key) or version
        versions.append(str(version))
    return versions


def current_version(key: str, *, timeout: int | None = None) -> str:
    return current_versions(key, timeout=timeout)[0]


def bump_versions(*keys: str, timeout: int | None = None) -> None:
    """Move these tokens now: for writes outside a transaction, and for what changes with the clock alone."""
    if keys:
        cache.set_many({key: _new_token() for key in keys}, timeout)


def bump_versions_on_commit(*keys: str, timeout: int | None = None) -> None:
    """Move these tokens when the current transaction commits (at once outside one); a rollback moves nothing."""
    if keys:
        transaction.on_commit(partial(bump_versions, *keys, timeout=timeout))
