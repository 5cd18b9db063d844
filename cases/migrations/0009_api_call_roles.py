from django.db import migrations

from portal.roles import ADMINISTRATOR, grant_role_permissions


def grant(apps, schema_editor):
    # Administrators manage the integration tokens, so they see what each token did.
    grant_role_permissions(apps, "cases", {ADMINISTRATOR: ["view_apicall"]})


class Migration(migrations.Migration):
    dependencies = [("cases", "0008_integration_api_scopes")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
