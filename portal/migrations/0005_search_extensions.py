"""PostgreSQL extensions for the guide search (portal/search.py): pg_trgm for typo-tolerant matching, unaccent for
matching without accents. On SQLite (development, tests) both operations do nothing, in either direction."""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations


class PostgreSQLOnly:
    """Skip the operation on any database but PostgreSQL (Django skips only the forward direction by itself)."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class CreateTrigramExtension(PostgreSQLOnly, TrigramExtension):
    pass


class CreateUnaccentExtension(PostgreSQLOnly, UnaccentExtension):
    pass


class Migration(migrations.Migration):

    dependencies = [
        ("portal", "0004_guide_roles"),
    ]

    operations = [
        CreateTrigramExtension(),
        CreateUnaccentExtension(),
    ]
