"""The version tokens cached pieces carry in their keys (portal.cache_versions)."""

import pytest
from django.core.cache import cache
from django.db import transaction

from portal.cache_versions import bump_versions, bump_versions_on_commit, current_version, current_versions


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def test_a_token_stays_until_moved():
    first = current_version("v:a")
    assert current_version("v:a") == first
    bump_versions("v:a")
    assert current_version("v:a") != first


def test_several_tokens_in_one_call_are_independent():
    a, b = current_versions("v:a", "v:b")
    bump_versions("v:b")
    a_again, b_again = current_versions("v:a", "v:b")
    assert a_again == a
    assert b_again != b


def test_a_lost_token_is_never_the_old_one_again():
    # A counter would restart at 1 after Redis lost its data and match pieces cached under the old 1.
    first = current_version("v:a")
    cache.delete("v:a")
    assert current_version("v:a") != first


@pytest.mark.django_db(transaction=True)
def test_moved_only_when_the_transaction_commits():
    first = current_version("v:a")
    with pytest.raises(RuntimeError), transaction.atomic():
        bump_versions_on_commit("v:a")
        raise RuntimeError
    assert current_version("v:a") == first
    with transaction.atomic():
        bump_versions_on_commit("v:a")
        assert current_version("v:a") == first  # not yet: readers would cache the old rows under the new token
    assert current_version("v:a") != first
