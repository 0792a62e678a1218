"""Only Administrators may publish without a second reviewer (with a written reason).

Editors review others' submissions; approving one's own needs this permission, which the
Administrator group holds (and superusers, who hold every permission).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAME = "publish_without_review_bulletin"


def grant(apps, schema_editor):
    app_config = apps.get_app_config("bulletins")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0, using=schema_editor.connection.alias)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(content_type__app_label="bulletins", codename=CODENAME)
    Group.objects.get(name="Administrator").permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Administrator").first()
    if group:
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="bulletins", codename=CODENAME))


class Migration(migrations.Migration):

    dependencies = [
        ("bulletins", "0009_bulletin_pre_announce"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="bulletin",
            options={
                "ordering": ["-issued_on", "-publish_at", "-id"],
                "permissions": [
                    ("submit_bulletin", "可提交公报审核"),
                    ("review_bulletin", "可审核公报"),
                    ("publish_bulletin", "可发布、定时发布、撤回与归档公报"),
                    ("publish_without_review_bulletin", "可不经他人审核直接发布公报（须填写理由）"),
                ],
                "verbose_name": "公报",
                "verbose_name_plural": "公报",
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
