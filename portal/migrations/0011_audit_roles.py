from django.db import migrations

from portal.roles import ADMINISTRATOR, COORDINATOR, grant_role_permissions

# The audit trail names staff members and what they did: coordinators and administrators read it, nobody edits it.
GRANTS = {COORDINATOR: ["view_auditevent"], ADMINISTRATOR: ["view_auditevent"]}

# On PostgreSQL the database itself refuses to change a recorded event (retention may still delete old ones).
APPEND_ONLY_SQL = """
CREATE OR REPLACE FUNCTION portal_auditevent_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit events are append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER portal_auditevent_no_update BEFORE UPDATE ON portal_auditevent
  FOR EACH ROW EXECUTE FUNCTION portal_auditevent_append_only();
"""
DROP_SQL = """
DROP TRIGGER IF EXISTS portal_auditevent_no_update ON portal_auditevent;
DROP FUNCTION IF EXISTS portal_auditevent_append_only();
"""


def grant(apps, schema_editor):
    grant_role_permissions(apps, "portal", GRANTS)


def append_only(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(APPEND_ONLY_SQL)


def drop_append_only(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_SQL)


class Migration(migrations.Migration):
    dependencies = [("portal", "0010_audit_event")]

    operations = [
        migrations.RunPython(grant, migrations.RunPython.noop),
        migrations.RunPython(append_only, drop_append_only),
    ]
