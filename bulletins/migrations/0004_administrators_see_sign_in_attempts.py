"""Administrators see failed sign-ins and lift lock-outs in the admin (django-axes' models).

Without these, only superusers could see who is locked out, though lifting a lock-out is part
of managing users.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

AXES_PERMISSIONS = [
    "view_accessattempt", "delete_accessattempt",
    "view_accessfailurelog", "view_accesslog",
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("axes")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0, using=schema_editor.connection.alias)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    found = list(Permission.objects.filter(content_type__app_label="axes", codename__in=AXES_PERMISSIONS))
    missing = set(AXES_PERMISSIONS) - {p.codename for p in found}
    if missing:
        raise RuntimeError(f"Permissions missing for group Administrator: {sorted(missing)}")
    Group.objects.get(name="Administrator").permissions.add(*found)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Administrator").first()
    if group:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="axes", codename__in=AXES_PERMISSIONS)
        )


class Migration(migrations.Migration):

    dependencies = [
        ("bulletins", "0003_editorial_groups"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
