from django.db import migrations

from portal.roles import ADMINISTRATOR, CASE_OFFICER, COORDINATOR, grant_role_permissions

CATALOGUE = ["casestatus", "procedure"]


def editing(models: list[str]) -> list[str]:
    return [f"{action}_{model}" for model in models for action in ("view", "add", "change", "delete")]


GRANTS = {
    # Officers work on the cases of their places (scoped in the admin) and import status changes.
    CASE_OFFICER: ["view_case", "add_case", "change_case", "view_statusevent", "add_statusevent"]
    + [f"view_{model}" for model in CATALOGUE],
    ADMINISTRATOR: editing(CATALOGUE)
    + editing(["integrationtoken"])
    + ["view_case", "view_statusevent", "view_lookuprecord", "view_processingtime"],
    # Coordinators report figures: no personal data, only the catalogue, processing times and lookup counts.
    COORDINATOR: [f"view_{model}" for model in CATALOGUE] + ["view_processingtime", "view_lookuprecord"],
}


def grant(apps, schema_editor):
    grant_role_permissions(apps, "cases", GRANTS)


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_cases"), ("portal", "0002_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
