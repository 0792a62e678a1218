from django.db import migrations, models

SERIES_INDEX = models.Index(fields=["indicator", "region", "qualifier", "period_end"], name="obs_series_idx")


def create(apps, schema_editor):
    """On PostgreSQL the index lists undated figures last, as the series are read
    (``period_end DESC NULLS LAST``): read backwards, an ascending index would list them first
    and every figure of a series would be sorted. SQLite lists them last when it reads an
    ascending index backwards, and does not take NULLS LAST in an index."""
    model = apps.get_model("indicators", "Observation")
    if schema_editor.connection.vendor == "postgresql":
        table = schema_editor.quote_name(model._meta.db_table)
        schema_editor.execute(
            f"CREATE INDEX {schema_editor.quote_name(SERIES_INDEX.name)} ON {table} "
            '("indicator_id", "region_id", "qualifier", "period_end" DESC NULLS LAST)'
        )
    else:
        schema_editor.add_index(model, SERIES_INDEX)


def drop(apps, schema_editor):
    schema_editor.remove_index(apps.get_model("indicators", "Observation"), SERIES_INDEX)


class Migration(migrations.Migration):
    dependencies = [
        ("bulletins", "0005_public_index_covers_the_trash"),
        ("indicators", "0002_observation_ordering_indexes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.AddIndex(model_name="observation", index=SERIES_INDEX)],
            database_operations=[migrations.RunPython(create, drop)],
        ),
    ]
