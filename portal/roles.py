"""Staff roles as Django groups, each with the least privilege its work needs.

Groups are created by a data migration in `portal`; each later app grants its own permissions to these roles
in its own migration with `grant_role_permissions`, so the rights for an app live next to its models.
"""

from django.utils.translation import gettext_lazy as _

CONTENT_EDITOR = "content editor"
CASE_OFFICER = "case officer"
INFO_POINT_STAFF = "info-point staff"
HOTLINE_CONSULTANT = "hotline consultant"
COORDINATOR = "coordinator"
ADMINISTRATOR = "administrator"

ALL_ROLES = [CONTENT_EDITOR, CASE_OFFICER, INFO_POINT_STAFF, HOTLINE_CONSULTANT, COORDINATOR, ADMINISTRATOR]

# Group names are stable identifiers in the database; people see these labels in their own language.
ROLE_LABELS = {
    CONTENT_EDITOR: _("content editor"),
    CASE_OFFICER: _("case officer"),
    INFO_POINT_STAFF: _("info-point staff"),
    HOTLINE_CONSULTANT: _("hotline consultant"),
    COORDINATOR: _("coordinator"),
    ADMINISTRATOR: _("administrator"),
}


def role_label(group_name: str) -> str:
    return str(ROLE_LABELS.get(group_name, group_name))


PORTAL_PERMISSIONS = {
    CONTENT_EDITOR: [
        "view_place",
        "change_place",
        "view_openinghours",
        "add_openinghours",
        "change_openinghours",
        "delete_openinghours",
        "view_service",
        "add_service",
        "change_service",
        "view_spokenlanguage",
        "add_spokenlanguage",
        "change_spokenlanguage",
    ],
    CASE_OFFICER: ["view_place", "view_openinghours", "view_service"],
    INFO_POINT_STAFF: ["view_place", "view_openinghours", "view_service"],
    HOTLINE_CONSULTANT: ["view_place", "view_openinghours", "view_service"],
    COORDINATOR: [
        "view_place",
        "view_openinghours",
        "view_service",
        "view_spokenlanguage",
        "view_outboundemail",
    ],
    ADMINISTRATOR: [
        "view_place",
        "add_place",
        "change_place",
        "delete_place",
        "view_openinghours",
        "add_openinghours",
        "change_openinghours",
        "delete_openinghours",
        "view_service",
        "add_service",
        "change_service",
        "delete_service",
        "view_spokenlanguage",
        "add_spokenlanguage",
        "change_spokenlanguage",
        "delete_spokenlanguage",
        "view_user",
        "add_user",
        "change_user",
        "view_outboundemail",
    ],
}


def grant_role_permissions(apps, app_label: str, grants: dict[str, list[str]]) -> None:
    """Create the roles if needed and give each the named permissions of `app_label` (for data migrations)."""
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations ran; a data migration needs them now.
    create_permissions(global_apps.get_app_config(app_label), apps=apps, verbosity=0)
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    for role, codenames in grants.items():
        group, _ = group_model.objects.get_or_create(name=role)
        permissions = permission_model.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        missing = set(codenames) - set(permissions.values_list("codename", flat=True))
        if missing:
            raise LookupError(f"Unknown permissions for {app_label}: {sorted(missing)}")
        group.permissions.add(*permissions)
