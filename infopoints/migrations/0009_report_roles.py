"""Only coordinators see the indicators (administrators configure the system, they do not report on it)."""

from django.db import migrations

from portal.roles import COORDINATOR, grant_role_permissions

GRANTS = {COORDINATOR: ["view_indicators"]}


def grant(apps, schema_editor):
    grant_role_permissions(apps, "infopoints", GRANTS)


class Migration(migrations.Migration):
    dependencies = [("infopoints", "0008_report_job"), ("portal", "0002_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
