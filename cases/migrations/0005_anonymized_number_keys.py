from django.db import migrations


def collision_free_keys(apps, schema_editor):
    # Anonymized cases used to get the key ANON<pk>, which a real case number could normalize to; the hyphen of
    # ANON-<pk> is removed from every real number's key, so the two can no longer meet.
    case_model = apps.get_model("cases", "Case")
    for pk in case_model.objects.filter(anonymized_at__isnull=False).values_list("pk", flat=True).iterator():
        case_model.objects.filter(pk=pk, number_key=f"ANON{pk}").update(number_key=f"ANON-{pk}")


class Migration(migrations.Migration):
    dependencies = [("cases", "0004_integration_token_places")]

    operations = [migrations.RunPython(collision_free_keys, migrations.RunPython.noop)]
