"""Editors keep the wordings the importer learnt from their filings (correct or remove one) as
they keep indicators; authors see them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ALL = ["view_wording", "add_wording", "change_wording", "delete_wording"]
GRANTS = {"Author": ["view_wording"], "Editor": ALL, "Administrator": ALL}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("indicators")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0, using=schema_editor.connection.alias)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(
                *Permission.objects.filter(content_type__app_label="indicators", codename__in=codenames)
            )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    wordings = Permission.objects.filter(content_type__app_label="indicators", codename__in=ALL)
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(*wordings)


class Migration(migrations.Migration):
    dependencies = [("indicators", "0013_wordings"), ("bulletins", "0003_editorial_groups")]

    operations = [migrations.RunPython(grant, revoke)]
