"""Queue rights for the staff roles.

Info-point staff work the queue of their places (call, serve, transfer: `change_ticket`; open a desk:
`change_desk`); coordinators watch every place's day; administrators configure matters, desks and devices.
"""

from django.db import migrations

from portal.roles import ADMINISTRATOR, COORDINATOR, INFO_POINT_STAFF, grant_role_permissions

QUEUE_MODELS = ["matter", "desk", "ticket", "device"]

GRANTS = {
    INFO_POINT_STAFF: ["view_matter", "view_desk", "change_desk", "view_ticket", "change_ticket"],
    COORDINATOR: ["view_matter", "view_desk", "view_ticket", "view_device"],
    ADMINISTRATOR: [f"{action}_{model}" for model in QUEUE_MODELS for action in ("view", "add", "change", "delete")],
}


def grant(apps, schema_editor):
    grant_role_permissions(apps, "infopoints", GRANTS)


class Migration(migrations.Migration):
    dependencies = [("infopoints", "0004_queue")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
