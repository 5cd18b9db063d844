from django.db import migrations

from portal.roles import ADMINISTRATOR, CASE_OFFICER, CONTENT_EDITOR, COORDINATOR, HOTLINE_CONSULTANT, INFO_POINT_STAFF
from portal.roles import grant_role_permissions

GUIDE_CONTENT = [
    "category",
    "guide",
    "guidestep",
    "guidedocument",
    "guidefee",
    "guidemistake",
    "guidefaq",
    "guidesource",
    "guidechange",
    "glossaryterm",
]


def editing(models: list[str]) -> list[str]:
    return [f"{action}_{model}" for model in models for action in ("view", "add", "change", "delete")]


def viewing(models: list[str]) -> list[str]:
    return [f"view_{model}" for model in models]


GRANTS = {
    CONTENT_EDITOR: editing(GUIDE_CONTENT)
    + ["view_mistakereport", "change_mistakereport", "view_contentrevision", "view_translationstatus"],
    ADMINISTRATOR: editing(GUIDE_CONTENT)
    + editing(["mistakereport"])
    + ["view_contentrevision", "view_translationstatus"],
    COORDINATOR: viewing(GUIDE_CONTENT + ["mistakereport", "contentrevision", "translationstatus"]),
    # Staff who answer people's questions read the guides (including drafts in preview) to give the same answers.
    CASE_OFFICER: viewing(["guide", "category", "glossaryterm"]),
    INFO_POINT_STAFF: viewing(["guide", "category", "glossaryterm"]),
    HOTLINE_CONSULTANT: viewing(["guide", "category", "glossaryterm"]),
}


def grant(apps, schema_editor):
    grant_role_permissions(apps, "portal", GRANTS)


class Migration(migrations.Migration):
    dependencies = [("portal", "0003_guides")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
