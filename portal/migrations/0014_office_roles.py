from django.db import migrations

from portal import roles

GRANTS = {
    roles.CONTENT_EDITOR: [
        "view_applicationform",
        "add_applicationform",
        "change_applicationform",
        "view_applicationformfile",
        "add_applicationformfile",
    ],
    roles.COORDINATOR: ["view_projectfigure", "add_projectfigure", "change_projectfigure"],
    roles.ADMINISTRATOR: [
        "view_projectfigure",
        "add_projectfigure",
        "change_projectfigure",
        "view_applicationform",
        "add_applicationform",
        "change_applicationform",
        "delete_applicationform",
        "view_applicationformfile",
        "add_applicationformfile",
    ],
}


def grant(apps, schema_editor):
    roles.grant_role_permissions(apps, "portal", GRANTS)


class Migration(migrations.Migration):
    dependencies = [("portal", "0013_office_pages")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
