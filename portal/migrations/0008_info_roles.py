from django.db import migrations

from portal.roles import ADMINISTRATOR, CASE_OFFICER, CONTENT_EDITOR, COORDINATOR, HOTLINE_CONSULTANT, INFO_POINT_STAFF
from portal.roles import grant_role_permissions

INFO_CONTENT = ["notice", "faqentry", "partner", "partnertopic"]


def editing(models: list[str]) -> list[str]:
    return [f"{action}_{model}" for model in models for action in ("view", "add", "change", "delete")]


def viewing(models: list[str]) -> list[str]:
    return [f"view_{model}" for model in models]


GRANTS = {
    # Subscriptions hold e-mail addresses: editors never see them; administrators may view and delete (on request).
    CONTENT_EDITOR: editing(INFO_CONTENT),
    ADMINISTRATOR: editing(INFO_CONTENT) + ["view_noticesubscription", "delete_noticesubscription"],
    COORDINATOR: viewing(INFO_CONTENT),
    # Staff who answer people's questions read notices, FAQ and partners (drafts too, in preview).
    CASE_OFFICER: viewing(INFO_CONTENT),
    INFO_POINT_STAFF: viewing(INFO_CONTENT),
    HOTLINE_CONSULTANT: viewing(INFO_CONTENT),
}


def grant(apps, schema_editor):
    grant_role_permissions(apps, "portal", GRANTS)


class Migration(migrations.Migration):
    dependencies = [("portal", "0007_notices_faq_partners")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
