"""Permissions cached between requests (portal.permissions_cache): read once, and never kept past a change."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal import roles
from portal.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def fresh(user: User) -> User:
    """The user as the next request loads it, without the permissions its object remembers."""
    return User.objects.get(pk=user.pk)


def permission_queries(user: User, perm: str) -> tuple[bool, int]:
    with CaptureQueriesContext(connection) as queries:
        answer = fresh(user).has_perm(perm)
    return answer, len(queries) - 1  # the user's own row is not a permission query


def test_the_next_request_reads_permissions_from_the_cache():
    user = UserFactory(role=roles.COORDINATOR)
    assert permission_queries(user, "infopoints.view_enquiry") == (True, 2)
    assert permission_queries(user, "infopoints.view_enquiry") == (True, 0)


def test_a_role_taken_away_is_gone_at_the_next_request(django_capture_on_commit_callbacks):
    user = UserFactory(role=roles.COORDINATOR)
    assert fresh(user).has_perm("infopoints.view_enquiry")
    with django_capture_on_commit_callbacks(execute=True):
        user.groups.clear()
    assert not fresh(user).has_perm("infopoints.view_enquiry")


def test_a_groups_permission_taken_away_is_gone_at_the_next_request(django_capture_on_commit_callbacks):
    user = UserFactory(role=roles.COORDINATOR)
    assert fresh(user).has_perm("infopoints.view_enquiry")
    permission = Permission.objects.get(content_type__app_label="infopoints", codename="view_enquiry")
    with django_capture_on_commit_callbacks(execute=True):
        Group.objects.get(name=roles.COORDINATOR).permissions.remove(permission)
    assert not fresh(user).has_perm("infopoints.view_enquiry")


def test_a_permission_given_to_the_person_counts_at_the_next_request(django_capture_on_commit_callbacks):
    user = UserFactory()
    assert not fresh(user).has_perm("portal.view_auditevent")
    with django_capture_on_commit_callbacks(execute=True):
        user.user_permissions.add(Permission.objects.get(content_type__app_label="portal", codename="view_auditevent"))
    assert fresh(user).has_perm("portal.view_auditevent")


def test_superuser_and_inactive_are_read_from_the_users_own_row():
    user = UserFactory()
    assert not fresh(user).has_perm("infopoints.view_enquiry")
    User.objects.filter(pk=user.pk).update(is_superuser=True)  # no signal: the key carries the flag
    assert fresh(user).has_perm("infopoints.view_enquiry")
    User.objects.filter(pk=user.pk).update(is_active=False)
    assert not fresh(user).has_perm("infopoints.view_enquiry")
