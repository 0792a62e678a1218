"""A small portal with something of every kind, for the backup round trips.

Importable from the test process and from ``manage.py shell`` in another one.
"""

from datetime import timedelta

from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone

from bulletins.models import Bulletin, Revision, Transition
from ecoportal.publishing import Status
from tests.factories import (
    make_achievement_list,
    make_bulletin,
    make_correction,
    make_indicator,
    make_observation,
    make_publisher,
    make_region,
    make_topic,
)

# 1×1 transparent PNG
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)


def populate():
    """Create the sample; returns the slugs of the bulletins it made."""
    users = get_user_model()
    editor = users.objects.create_user("editor.wang", password="pw-Editor-2024", is_staff=True)
    author = users.objects.create_user("author.liu", password="pw-Author-2024", is_staff=True)
    users.objects.create_superuser("root.admin", password="pw-Admin-2024")
    group, _ = Group.objects.get_or_create(name="Backup test reviewers")
    group.permissions.set(Permission.objects.filter(codename__in=["change_bulletin", "view_bulletin"]))
    editor.groups.add(group)

    province = make_region(slug="bk-province", name="测试省", level="province")
    city = make_region(slug="bk-city", name="测试市", parent=province)
    publisher = make_publisher(region=city)
    topics = [make_topic(), make_topic()]
    indicator = make_indicator(code="bk-good-days")
    now = timezone.now()
    published = make_bulletin(slug="bk-published", region=city, publisher=publisher, topics=topics, created_by=editor)
    published.cover_image.save("cover.png", ContentFile(PNG), save=True)
    draft = make_bulletin(slug="bk-draft", status=Status.DRAFT, region=city, created_by=author, title="草稿《测试》\"引号\"")
    scheduled = make_bulletin(slug="bk-scheduled", publish_at=now + timedelta(days=2), region=province)
    trashed = make_bulletin(slug="bk-trashed", status=Status.ARCHIVED, publish_at=now - timedelta(days=9), deleted_at=now)
    make_achievement_list(published, items=4)
    make_observation(bulletin=published, indicator=indicator, value="312.5")
    make_correction(published)
    Transition.objects.create(bulletin=published, from_status=Status.IN_REVIEW, to_status=Status.PUBLISHED, by=editor, comment="同意发布")
    Revision.objects.create(bulletin=draft, number=1, data={"title": draft.title, "body": draft.body, "nested": [1, {"a": None}]}, by=author)
    LogEntry.objects.create(
        user=editor,
        content_type=ContentType.objects.get_for_model(Bulletin),
        object_id=str(published.pk),
        object_repr=str(published),
        action_flag=ADDITION,
        change_message="Added.",
    )
    return [published.slug, draft.slug, scheduled.slug, trashed.slug]


def print_row_digests(kind):
    """Print, as one JSON line, the digest of every row: of every table ("tables", as the
    driver returns it) or of every model a portable backup carries ("models")."""
    import json

    from ecoportal import table_checksums
    from ecoportal.backup import backed_up_models

    if kind == "tables":
        digests = {table: table_checksums.table_row_digests(table) for table in table_checksums.table_names()}
    else:
        digests = {label: table_checksums.model_row_digests(label) for label in backed_up_models()}
    print(json.dumps(digests))
