from django.db import migrations

from portal import roles

DESK = ["view_enquiry", "add_enquiry", "change_enquiry", "view_cannedanswer"]
GRANTS = {
    roles.HOTLINE_CONSULTANT: DESK,
    roles.INFO_POINT_STAFF: DESK,
    roles.COORDINATOR: [*DESK, "add_cannedanswer", "change_cannedanswer", "view_enquiry_report"],
    roles.CONTENT_EDITOR: ["view_cannedanswer", "add_cannedanswer", "change_cannedanswer", "view_enquiry_report"],
    roles.ADMINISTRATOR: [
        *DESK,
        "add_cannedanswer",
        "change_cannedanswer",
        "delete_cannedanswer",
        "view_enquiry_report",
    ],
}


def grant(apps, schema_editor):
    roles.grant_role_permissions(apps, "infopoints", GRANTS)


class Migration(migrations.Migration):
    dependencies = [("infopoints", "0002_enquiry_search_index"), ("portal", "0002_roles"), ("contenttypes", "0002_remove_content_type_name")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
