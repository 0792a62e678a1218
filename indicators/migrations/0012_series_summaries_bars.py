"""The series summaries' parts now say what places each newest figure's bar (``bar``): the
summaries are emptied here and written afresh by ``summaries.fill_if_empty`` after ``migrate``."""

from django.db import migrations


def empty(apps, schema_editor):
    apps.get_model("indicators", "SeriesSummary").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0011_observation_corrections_index"),
    ]

    operations = [migrations.RunPython(empty, migrations.RunPython.noop)]
