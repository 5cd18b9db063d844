"""Each person's permissions and roles, read once and cached between requests instead of queries on every staff
page.

Django's ModelBackend keeps a user's permissions on the user object, which lives for one request: every staff page
(the decorator's check, the staff menu's links) asked the database again. Here they are cached for at most
`PERMISSIONS_SECONDS` under a version token (`portal.cache_versions`) that moves, once the transaction commits,
whenever anyone's groups or own permissions change or a group's permissions change: taking a role away from
someone takes effect on their next request. Whether the person is a superuser is part of the key (it is on the
user's own row, read on every request anyway); an inactive person has no permissions, as in Django. With the cache
away, the permissions are read from the database as before.
"""

from allauth.account.auth_backends import AuthenticationBackend
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

from portal.cache_versions import bump_versions_on_commit, current_version

VERSION_KEY = "auth:permissions-version"
PERMISSIONS_SECONDS = 5 * 60
SOURCES = ("user", "group")  # ModelBackend's two sources: the person's own permissions and their groups'


class StaffAuthenticationBackend(AuthenticationBackend):
    """django-allauth's backend (login by e-mail) with permissions cached as above."""

    def _get_permissions(self, user_obj, obj, from_name):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, f"_{from_name}_perm_cache"):
            key = f"auth:permissions:{current_version(VERSION_KEY)}:{user_obj.pk}:{int(user_obj.is_superuser)}"
            cached = cache.get(key)
            if not isinstance(cached, dict):
                read = super()._get_permissions
                cached = {source: frozenset(read(user_obj, obj, source)) for source in SOURCES}
                cache.set(key, cached, PERMISSIONS_SECONDS)
            for source in SOURCES:
                setattr(user_obj, f"_{source}_perm_cache", set(cached[source]))
        return getattr(user_obj, f"_{from_name}_perm_cache")


def group_names(user) -> frozenset[str]:
    """The names of the person's groups (their roles), cached like their permissions and kept on the user object
    for the rest of the request."""
    names = getattr(user, "_group_names_cache", None)
    if names is None:
        key = f"auth:groups:{current_version(VERSION_KEY)}:{user.pk}"
        names = cache.get(key)
        if not isinstance(names, frozenset):
            names = frozenset(user.groups.values_list("name", flat=True))
            cache.set(key, names, PERMISSIONS_SECONDS)
        user._group_names_cache = names
    return names


def permissions_changed(**kwargs) -> None:
    bump_versions_on_commit(VERSION_KEY)


def connect() -> None:
    from django.contrib.auth.models import Group, Permission

    from portal.models import User

    for through in (User.groups.through, User.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(permissions_changed, sender=through, dispatch_uid=f"permissions-{through.__name__}")
    for model in (Group, Permission):
        post_delete.connect(permissions_changed, sender=model, dispatch_uid=f"permissions-{model.__name__}-delete")
    post_save.connect(permissions_changed, sender=Group, dispatch_uid="permissions-Group-save")  # a renamed role
