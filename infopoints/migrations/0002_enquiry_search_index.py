"""A GIN index for the desk's full-text search on PostgreSQL (the expression `selectors.enquiries._search` uses).

SQLite (development and tests) searches with LIKE and gets no index."""

from django.db import migrations

INDEX = "enquiry_search_text_fts"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON infopoints_enquiry "
            "USING gin (to_tsvector('simple'::regconfig, search_text))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("infopoints", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
