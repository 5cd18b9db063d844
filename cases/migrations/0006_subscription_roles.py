from django.db import migrations

from portal.roles import CASE_OFFICER, grant_role_permissions

# Officers see who asked for e-mails about a case of their places and may remove an address (at the applicant's
# request); they never add or edit one: only the applicant's confirmed link does that.
GRANTS = {CASE_OFFICER: ["view_subscription", "delete_subscription"]}


def grant(apps, schema_editor):
    grant_role_permissions(apps, "cases", GRANTS)


class Migration(migrations.Migration):
    dependencies = [("cases", "0005_anonymized_number_keys")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
