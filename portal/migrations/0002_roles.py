from django.db import migrations

from portal.roles import ALL_ROLES, PORTAL_PERMISSIONS, grant_role_permissions


def create_roles(apps, schema_editor):
    group_model = apps.get_model("auth", "Group")
    for role in ALL_ROLES:
        group_model.objects.get_or_create(name=role)
    grant_role_permissions(apps, "portal", PORTAL_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
