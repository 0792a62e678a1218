"""Indicators already in the database take their reference fields from the reference catalogue.

Only empty fields are filled and no indicator is created (see indicators.catalogue_sync).
"""

from django.db import migrations


def fill_from_reference(apps, schema_editor):
    from indicators.catalogue_sync import catalogue_apply

    catalogue_apply(
        indicator_model=apps.get_model("indicators", "Indicator"),
        limit_model=apps.get_model("indicators", "IndicatorLimit"),
    )


class Migration(migrations.Migration):
    dependencies = [("indicators", "0004_reference_catalogue_fields")]

    operations = [migrations.RunPython(fill_from_reference, migrations.RunPython.noop)]
