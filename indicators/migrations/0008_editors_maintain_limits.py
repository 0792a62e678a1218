"""Editors maintain the national limits of indicators as they maintain indicators; everyone
who sees indicators sees their limits."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "Author": ["view_indicatorlimit"],
    "Editor": ["view_indicatorlimit", "add_indicatorlimit", "change_indicatorlimit", "delete_indicatorlimit"],
    "Administrator": ["view_indicatorlimit", "add_indicatorlimit", "change_indicatorlimit", "delete_indicatorlimit"],
}


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
    limits = Permission.objects.filter(content_type__app_label="indicators", codename__endswith="_indicatorlimit")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(*limits)


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0007_rejected_figures_keep_their_proposal"),
        ("bulletins", "0003_editorial_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
