"""An index in the achievement lists' order, for the home page's newest three.

Without it PostgreSQL joined every public bulletin to every list and sorted them: 40 ms at
100,000 bulletins; through it, it walks the lists in order and checks each one's bulletin by its
key (0.05 ms). Written per database: SQLite cannot index ``NULLS LAST`` (its NULLs already sort
last descending), and Django's ``Index`` writes it on both."""

from django.db import migrations


def create(apps, schema_editor):
    year = "year DESC NULLS LAST" if schema_editor.connection.vendor == "postgresql" else "year DESC"
    schema_editor.execute(f"CREATE INDEX achievement_order_idx ON bulletins_achievementlist ({year}, slug)")


def drop(apps, schema_editor):
    schema_editor.execute("DROP INDEX achievement_order_idx")


class Migration(migrations.Migration):

    dependencies = [
        ("bulletins", "0014_bulletin_order_undated_last"),
    ]

    operations = [migrations.RunPython(create, drop)]
