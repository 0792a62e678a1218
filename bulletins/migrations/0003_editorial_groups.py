"""The editorial roles: Author, Editor and Administrator groups with their permissions.

Permissions are named here by codename, frozen at the time of this migration. They are created
first (Django would only create them after all migrations, in post_migrate), so that the groups
can be filled on a fresh database too.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

AUTHOR = {
    "bulletins": [
        "add_bulletin", "change_bulletin", "view_bulletin", "submit_bulletin",
        "add_achievementlist", "change_achievementlist", "delete_achievementlist", "view_achievementlist",
        "add_achievementitem", "change_achievementitem", "delete_achievementitem", "view_achievementitem",
        "add_correction", "change_correction", "delete_correction", "view_correction",
        "view_region", "view_publisher", "view_topic", "view_transition", "view_revision",
    ],
    "indicators": ["add_observation", "change_observation", "delete_observation", "view_observation", "view_indicator"],
}
EDITOR_EXTRA = {
    "bulletins": [
        "delete_bulletin", "review_bulletin", "publish_bulletin",
        "add_region", "change_region", "add_publisher", "change_publisher", "add_topic", "change_topic",
    ],
    "indicators": ["add_indicator", "change_indicator"],
}
ADMINISTRATOR_EXTRA = {
    "bulletins": ["delete_region", "delete_publisher", "delete_topic"],
    "indicators": ["delete_indicator"],
    "auth": ["add_user", "change_user", "delete_user", "view_user", "view_group"],
}


def _merge(*parts):
    merged = {}
    for part in parts:
        for app_label, codenames in part.items():
            merged.setdefault(app_label, []).extend(codenames)
    return merged


GROUPS = {
    "Author": AUTHOR,
    "Editor": _merge(AUTHOR, EDITOR_EXTRA),
    "Administrator": _merge(AUTHOR, EDITOR_EXTRA, ADMINISTRATOR_EXTRA),
}


def create_groups(apps, schema_editor):
    for label in ("auth", "bulletins", "indicators"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0, using=schema_editor.connection.alias)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = []
        for app_label, codenames in wanted.items():
            found = list(
                Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
            )
            missing = set(codenames) - {p.codename for p in found}
            if missing:
                raise RuntimeError(f"Permissions missing for group {name}: {sorted(missing)}")
            permissions.extend(found)
        group.permissions.set(permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("bulletins", "0002_transition_action"),
        # Only so that the observation permissions exist; no code of indicators is imported.
        ("indicators", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
