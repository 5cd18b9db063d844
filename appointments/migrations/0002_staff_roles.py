"""Appointment rights for the staff roles, and the right to see the people behind the bookings.

`view_booking_personal_data` is a permission of its own (not a model permission): coordinators count bookings
without seeing names, e-mail addresses or phone numbers; the desk, the case officers and the hotline see them.
"""

from django.db import migrations

from portal.roles import (
    ADMINISTRATOR,
    CASE_OFFICER,
    COORDINATOR,
    HOTLINE_CONSULTANT,
    INFO_POINT_STAFF,
    grant_role_permissions,
)

PERSONAL_DATA = "view_booking_personal_data"


def editing(models: list[str]) -> list[str]:
    return [f"{action}_{model}" for model in models for action in ("view", "add", "change", "delete")]


def viewing(models: list[str]) -> list[str]:
    return [f"view_{model}" for model in models]


CATALOGUE = ["bookableservice", "schedule", "schedulehours", "scheduleexception"]

GRANTS = {
    # Officers run the offices: they keep the schedules and closures of their places, see and handle the day's
    # bookings (check-in, no-show, cancel, booking for callers) and block times.
    CASE_OFFICER: viewing(["bookableservice", "bookingseat", "waitinglistentry", "draw", "drawrequest"])
    + ["view_schedule", "change_schedule"]
    + editing(["schedulehours", "scheduleexception"])
    + ["view_slot", "change_slot", "view_booking", "add_booking", "change_booking", PERSONAL_DATA],
    # The desk at an info point: the day's bookings of its places, check-in, booking for walk-ins, blocking times.
    INFO_POINT_STAFF: viewing(CATALOGUE + ["bookingseat"])
    + ["view_slot", "change_slot", "view_booking", "add_booking", "change_booking", PERSONAL_DATA],
    # The hotline books for callers and reads bookings back to them; it does not run the desk.
    HOTLINE_CONSULTANT: viewing(["bookableservice", "schedule", "slot", "bookingseat"])
    + ["view_booking", "add_booking", PERSONAL_DATA],
    # Coordinators report figures: every count, no personal data.
    COORDINATOR: viewing(CATALOGUE + ["slot", "booking", "draw"]),
    ADMINISTRATOR: editing(CATALOGUE)
    + ["view_slot", "change_slot", "view_booking", "view_bookingseat", PERSONAL_DATA]
    + viewing(["draw", "drawrequest", "waitinglistentry"])
    + ["delete_waitinglistentry"],
}


def grant(apps, schema_editor):
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    create_permissions(global_apps.get_app_config("appointments"), apps=apps, verbosity=0)
    content_type = apps.get_model("contenttypes", "ContentType").objects.get(
        app_label="appointments", model="booking"
    )
    apps.get_model("auth", "Permission").objects.get_or_create(
        content_type=content_type,
        codename=PERSONAL_DATA,
        defaults={"name": "Can see the names and contact details in bookings"},
    )
    grant_role_permissions(apps, "appointments", GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("appointments", "0001_initial"),
        ("portal", "0002_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
