"""Revisions: a snapshot at every version, readable comparison, restore under the same rules."""

import pytest
from django.urls import reverse

from bulletins import revisions, workflow
from bulletins.models import AchievementItem, Bulletin, Revision, Transition
from ecoportal.publishing import Status
from indicators.models import Observation
from tests.factories import (
    make_achievement_list,
    make_bulletin,
    make_indicator,
    make_observation,
    make_topic,
    make_user,
)

pytestmark = pytest.mark.django_db


def compare_url(bulletin, a=None, b=None):
    url = reverse("admin:bulletins_bulletin_compare", args=[bulletin.pk])
    return url + (f"?a={a}&b={b}" if a and b else "")


def restore_url(bulletin, number):
    return reverse("admin:bulletins_bulletin_restore", args=[bulletin.pk, number])


def edit(bulletin, *, by, **fields):
    """Change and save as the admin does: new version, then a revision."""
    for name, value in fields.items():
        setattr(bulletin, name, value)
    bulletin.version += 1
    bulletin.save()
    return revisions.revision_create(bulletin, by=by, note="保存")


def test_snapshot_holds_fields_topics_items_observations_and_corrections(editor):
    topic = make_topic(name="大气")
    bulletin = make_bulletin(topics=[topic], title="快照")
    make_achievement_list(bulletin, items=2)
    make_observation(bulletin=bulletin, indicator=make_indicator(name="优良天数"), value="300")
    bulletin.corrections.create(original="圆", corrected="元")
    revision = revisions.revision_create(bulletin, by=editor)
    data = Revision.objects.get(pk=revision.pk).data
    assert revision.number == 1
    assert data["version"] == bulletin.version and data["status"] == Status.PUBLISHED
    assert data["fields"]["title"] == "快照" and data["fields"]["issued_on"] == "2024-01-01"
    assert [t["name"] for t in data["topics"]] == ["大气"]
    assert [i["title"] for i in data["achievement_list"]["items"]] == ["成果1", "成果2"]
    assert data["observations"][0]["value_text"] == "300"
    assert data["observations"][0]["indicator_name"] == "优良天数"
    assert data["corrections"] == [{"original": "圆", "corrected": "元", "note": ""}]


def test_numbers_follow_each_other(editor):
    bulletin = make_bulletin()
    numbers = [revisions.revision_create(bulletin, by=editor).number for _ in range(3)]
    assert numbers == [1, 2, 3]


def test_diff_lists_changed_fields_and_a_body_table(editor):
    bulletin = make_bulletin(body="第一段。\n\n第二段。", title="旧标题", topics=[make_topic(name="水")])
    old = revisions.revision_create(bulletin, by=editor).data
    new = edit(bulletin, by=editor, body="第一段。\n\n第二段<script>x</script>改了。", title="新标题").data
    rows = {row["label"]: row for row in revisions.revision_diff(old, new)}
    assert rows["标题"]["old"] == "旧标题" and rows["标题"]["new"] == "新标题"
    table = str(rows["正文"]["table"])
    assert "<table" in table and "diff_" in table
    assert "&lt;script&gt;" in table and "<script>" not in table
    assert "主题" not in rows


def test_diff_of_identical_snapshots_is_empty(editor):
    data = revisions.revision_create(make_bulletin(), by=editor).data
    assert revisions.revision_diff(data, data) == []


def test_every_admin_save_keeps_a_revision(client, editor):
    bulletin = make_bulletin(status=Status.DRAFT, publish_at=None)
    client.force_login(editor)
    from tests.bulletins.test_admin import form_data

    for title in ("第一次", "第二次"):
        current = Bulletin.objects.get(pk=bulletin.pk)
        assert client.post(reverse("admin:bulletins_bulletin_change", args=[bulletin.pk]), form_data(current, title=title)).status_code == 302
    assert list(Revision.objects.filter(bulletin=bulletin).order_by("number").values_list("data__fields__title", flat=True)) == ["第一次", "第二次"]


def test_compare_view_shows_a_readable_diff(client, editor):
    bulletin = make_bulletin(body="原来的正文。")
    revisions.revision_create(bulletin, by=editor)
    edit(bulletin, by=editor, body="修改后的正文。<img src=x onerror=alert(1)>")
    client.force_login(editor)
    response = client.get(compare_url(bulletin, 1, 2))
    assert response.status_code == 200
    assert "原来的正文" in response.text and "修改后的正文" in response.text
    assert "<img src=x" not in response.text
    assert client.get(compare_url(bulletin)).status_code == 200  # defaults: previous vs latest
    assert client.get(compare_url(bulletin) + "?a=abc&b=999").status_code == 200


def test_compare_is_only_for_those_who_may_see_the_bulletin(client, author):
    bulletin = make_bulletin(status=Status.DRAFT, created_by=make_user(groups=["Author"]))
    revisions.revision_create(bulletin, by=None)
    client.force_login(author)
    assert client.get(compare_url(bulletin)).status_code == 404


def test_restore_brings_content_back_without_changing_state(client, editor):
    topic_a, topic_b = make_topic(name="甲"), make_topic(name="乙")
    bulletin = make_bulletin(body="好的正文。", title="好的标题", topics=[topic_a])
    make_achievement_list(bulletin, items=2)
    observation = make_observation(bulletin=bulletin, indicator=make_indicator(), value="300")
    first = revisions.revision_create(bulletin, by=editor)

    bulletin.topics.set([topic_b])
    AchievementItem.objects.filter(achievement_list__bulletin=bulletin, number=2).delete()
    Observation.objects.filter(pk=observation.pk).update(quote="全市空气质量优良天数300天，有误。")
    edit(bulletin, by=editor, body="被改坏的正文。", title="坏标题")
    version_before = Bulletin.objects.get(pk=bulletin.pk).version

    client.force_login(editor)
    response = client.post(restore_url(bulletin, first.number))
    assert response.status_code == 302
    bulletin.refresh_from_db()
    assert (bulletin.title, bulletin.body) == ("好的标题", "好的正文。")
    assert bulletin.status == Status.PUBLISHED and bulletin.is_public
    assert bulletin.version == version_before + 1
    assert list(bulletin.topics.all()) == [topic_a]
    assert bulletin.achievement_list.items.count() == 2
    # A published bulletin's figures change only by a public correction (indicators.corrections).
    kept = Observation.objects.get(bulletin=bulletin)
    assert kept.pk == observation.pk and kept.quote == "全市空气质量优良天数300天，有误。"
    latest = Revision.objects.filter(bulletin=bulletin).order_by("-number").first()
    assert latest.number == 3 and "r1" in latest.note and latest.data["version"] == bulletin.version
    assert Transition.objects.filter(bulletin=bulletin, action=workflow.RESTORE_REVISION, by=editor).exists()


def test_restore_never_changes_status_even_from_a_revision_in_another_state(editor):
    bulletin = make_bulletin(status=Status.IN_REVIEW, publish_at=None)
    in_review = revisions.revision_create(bulletin, by=editor)
    workflow.bulletin_publish(bulletin, by=editor)
    revisions.revision_restore(in_review, by=editor)
    bulletin.refresh_from_db()
    assert bulletin.status == Status.PUBLISHED


def test_restore_goes_through_the_edit_permission(client, author):
    bulletin = make_bulletin(status=Status.DRAFT, publish_at=None, created_by=author, body="一")
    first = revisions.revision_create(bulletin, by=author)
    edit(bulletin, by=author, body="二")
    workflow.bulletin_submit(bulletin, by=author)
    client.force_login(author)
    assert client.post(restore_url(bulletin, first.number)).status_code == 403
    assert Bulletin.objects.get(pk=bulletin.pk).body == "二"
    with pytest.raises(workflow.WorkflowPermissionError):
        revisions.revision_restore(first, by=make_user(groups=["Author"]))
    assert client.get(restore_url(bulletin, first.number)).status_code == 405


def test_author_restores_own_draft(client, author):
    bulletin = make_bulletin(status=Status.DRAFT, publish_at=None, created_by=author, body="一")
    first = revisions.revision_create(bulletin, by=author)
    edit(bulletin, by=author, body="二")
    client.force_login(author)
    assert client.post(restore_url(bulletin, first.number)).status_code == 302
    assert Bulletin.objects.get(pk=bulletin.pk).body == "一"


def test_restore_refuses_a_slug_taken_since(client, editor):
    bulletin = make_bulletin(slug="original-slug")
    first = revisions.revision_create(bulletin, by=editor)
    edit(bulletin, by=editor, slug="renamed")
    make_bulletin(slug="original-slug")
    client.force_login(editor)
    response = client.post(restore_url(bulletin, first.number), follow=True)
    assert "original-slug" in response.text
    assert Bulletin.objects.get(pk=bulletin.pk).slug == "renamed"


def test_conflict_report_names_who_saved_and_what_changed(editor):
    other = make_user(groups=["Editor"], username="zhang")
    bulletin = make_bulletin(body="甲。")
    revisions.revision_create(bulletin, by=editor)
    loaded = bulletin.version
    edit(bulletin, by=other, body="乙。")
    report = revisions.conflict_report(Bulletin.objects.get(pk=bulletin.pk), loaded)
    assert report["names"] == ["zhang"]
    assert report["current_version"] == loaded + 1
    assert [row["label"] for row in report["diff"]] == ["正文"]
