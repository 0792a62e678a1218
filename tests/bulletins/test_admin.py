"""The bulletin admin: who sees what, transitions by raw POST, bulk actions, queue, preview,
stale saves, trash and the audit log, and a changelist whose query count does not grow."""

from datetime import timedelta
from functools import partial

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from bulletins import workflow
from bulletins.models import Bulletin, Revision, Transition
from ecoportal.publishing import Status
from indicators.models import Observation
from tests.factories import (
    make_achievement_list,
    make_bulletin,
    make_indicator,
    make_observation,
    make_publisher,
    make_region,
    make_topic,
    make_user,
)

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:bulletins_bulletin_changelist")


def change_url(bulletin):
    return reverse("admin:bulletins_bulletin_change", args=[bulletin.pk])


def transition_url(bulletin, action):
    return reverse("admin:bulletins_bulletin_transition", args=[bulletin.pk, action])


def preview_url(bulletin):
    return reverse("admin:bulletins_bulletin_preview", args=[bulletin.pk])


def login(client, user):
    client.force_login(user)
    return client


def form_data(bulletin, **overrides):
    """What the change form posts for ``bulletin`` as loaded (no inline rows)."""
    data = {
        "loaded_version": bulletin.version,
        "title": bulletin.title,
        "slug": bulletin.slug,
        "summary": bulletin.summary,
        "body": bulletin.body,
        "raw_text": bulletin.raw_text,
        "editorial_note": bulletin.editorial_note,
        "region": bulletin.region_id or "",
        "region_label": bulletin.region_label,
        "publisher": bulletin.publisher_id or "",
        "source_name": bulletin.source_name,
        "author_name": bulletin.author_name,
        "topics": [t.pk for t in bulletin.topics.all()] if bulletin.pk else [],
        "issued_on": bulletin.issued_on.isoformat() if bulletin.issued_on else "",
        "issued_at_text": bulletin.issued_at_text,
        "period_start": "",
        "period_end": "",
        "source_url": bulletin.source_url,
        "original_url": bulletin.original_url,
        "cover_alt": bulletin.cover_alt,
    }
    for prefix in ("achievement_list", "observations", "corrections"):
        data.update({
            f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000",
        })
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


# Visibility by role --------------------------------------------------------------------------


def test_author_lists_only_own_bulletins(client, author, other_author):
    mine = make_bulletin(status=Status.DRAFT, created_by=author, title="我的草稿")
    theirs = make_bulletin(status=Status.DRAFT, created_by=other_author, title="别人的草稿")
    response = login(client, author).get(CHANGELIST)
    assert response.status_code == 200
    assert mine.title in response.text
    assert theirs.title not in response.text


def test_author_cannot_open_or_change_another_authors_draft(client, author, other_author):
    theirs = make_bulletin(status=Status.DRAFT, created_by=other_author, title="别人的草稿")
    login(client, author)
    assert client.get(change_url(theirs)).status_code == 302  # "does not exist" redirect
    response = client.post(change_url(theirs), form_data(theirs, title="篡改"))
    assert response.status_code in (302, 403, 404)
    theirs.refresh_from_db()
    assert theirs.title == "别人的草稿" and theirs.version == 1
    assert client.get(preview_url(theirs)).status_code == 404
    assert client.post(transition_url(theirs, "submit")).status_code == 404
    assert Bulletin.objects.get(pk=theirs.pk).status == Status.DRAFT


def test_author_edits_own_draft_and_a_revision_is_kept(client, author):
    bulletin = make_bulletin(status=Status.DRAFT, created_by=author)
    response = login(client, author).post(change_url(bulletin), form_data(bulletin, title="新标题"))
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    bulletin.refresh_from_db()
    assert bulletin.title == "新标题"
    assert bulletin.version == 2
    revision = Revision.objects.get(bulletin=bulletin)
    assert revision.data["fields"]["title"] == "新标题" and revision.data["version"] == 2
    assert revision.by == author


def test_new_bulletin_is_a_draft_owned_by_its_creator(client, author):
    bulletin = Bulletin(title="新公报", slug="new-one", body="正文")
    data = form_data(bulletin, loaded_version="", topics=None)
    response = login(client, author).post(reverse("admin:bulletins_bulletin_add"), data)
    assert response.status_code == 302
    created = Bulletin.objects.get(slug="new-one")
    assert created.status == Status.DRAFT and created.created_by == author and created.version == 1
    assert Revision.objects.filter(bulletin=created).count() == 1


def test_status_is_not_a_form_field(client, author):
    bulletin = make_bulletin(status=Status.DRAFT, created_by=author)
    response = login(client, author).post(
        change_url(bulletin), form_data(bulletin, status="published", publish_at="2020-01-01 00:00")
    )
    assert response.status_code == 302
    bulletin.refresh_from_db()
    assert bulletin.status == Status.DRAFT and bulletin.publish_at is None


def test_author_can_view_but_not_change_own_bulletin_in_review(client, author):
    bulletin = make_bulletin(status=Status.IN_REVIEW, publish_at=None, created_by=author, title="审核中")
    login(client, author)
    response = client.get(change_url(bulletin))
    assert response.status_code == 200
    assert 'name="title"' not in response.text  # read-only
    response = client.post(change_url(bulletin), form_data(bulletin, title="偷偷改"))
    assert response.status_code == 403
    assert Bulletin.objects.get(pk=bulletin.pk).title == "审核中"


def test_editor_sees_and_edits_everyone_s_bulletins(client, author, editor):
    bulletin = make_bulletin(status=Status.PUBLISHED, created_by=author)
    login(client, editor)
    assert bulletin.title in client.get(CHANGELIST).text
    response = client.post(change_url(bulletin), form_data(bulletin, summary="编辑改过的摘要"))
    assert response.status_code == 302
    bulletin.refresh_from_db()
    assert bulletin.summary == "编辑改过的摘要" and bulletin.status == Status.PUBLISHED


def test_only_administrators_manage_users(client, editor, administrator):
    users = reverse("admin:auth_user_changelist")
    assert login(client, editor).get(users).status_code == 403
    assert login(client, administrator).get(users).status_code == 200


# Transitions through the admin ----------------------------------------------------------------


def test_author_forging_a_publish_post_changes_nothing(client, author):
    bulletin = make_bulletin(status=Status.IN_REVIEW, publish_at=None, created_by=author)
    response = login(client, author).post(transition_url(bulletin, "publish"), {"comment": ""})
    assert response.status_code == 403
    bulletin.refresh_from_db()
    assert bulletin.status == Status.IN_REVIEW and bulletin.version == 1
    assert not Transition.objects.exists()


def test_transition_urls_refuse_get(client, editor):
    bulletin = make_bulletin(status=Status.IN_REVIEW, publish_at=None)
    assert login(client, editor).get(transition_url(bulletin, "publish")).status_code == 405
    assert Bulletin.objects.get(pk=bulletin.pk).status == Status.IN_REVIEW


def test_transition_posts_need_a_csrf_token(author):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    bulletin = make_bulletin(status=Status.DRAFT, created_by=author)
    client.force_login(author)
    assert client.post(transition_url(bulletin, "submit")).status_code == 403
    assert Bulletin.objects.get(pk=bulletin.pk).status == Status.DRAFT


def test_author_submits_and_sees_only_the_submit_button(client, author):
    bulletin = make_bulletin(status=Status.DRAFT, created_by=author)
    login(client, author)
    page = client.get(change_url(bulletin)).text
    assert 'id="transition-submit"' in page
    assert 'id="transition-publish"' not in page
    response = client.post(transition_url(bulletin, "submit"), {"comment": "请审核"})
    assert response.status_code == 302
    assert Bulletin.objects.get(pk=bulletin.pk).status == Status.IN_REVIEW


def test_editor_sees_review_buttons_and_publishes(client, author, editor):
    bulletin = make_bulletin(status=Status.IN_REVIEW, publish_at=None, created_by=author)
    login(client, editor)
    page = client.get(change_url(bulletin)).text
    assert 'id="transition-publish"' in page and 'id="transition-request_changes"' in page
    assert 'id="transition-submit"' not in page
    client.post(transition_url(bulletin, "publish"), {"comment": "同意"})
    bulletin.refresh_from_db()
    assert bulletin.status == Status.PUBLISHED and bulletin.is_public
    record = Transition.objects.get(bulletin=bulletin)
    assert (record.by, record.comment, record.to_status) == (editor, "同意", Status.PUBLISHED)


def test_editor_schedules_with_a_datetime(client, editor):
    bulletin = make_bulletin(status=Status.IN_REVIEW, publish_at=None)
    at = timezone.localtime(timezone.now() + timedelta(days=1)).replace(second=0, microsecond=0)
    login(client, editor).post(transition_url(bulletin, "publish"), {"at": at.strftime("%Y-%m-%dT%H:%M")})
    bulletin.refresh_from_db()
    assert bulletin.status == Status.PUBLISHED and bulletin.publish_at == at
    assert not Bulletin.objects.published().filter(pk=bulletin.pk).exists()
    page = client.get(change_url(bulletin)).text
    assert "status-scheduled" in page


def test_request_changes_without_a_comment_is_refused_with_a_message(client, editor):
    bulletin = make_bulletin(status=Status.IN_REVIEW, publish_at=None)
    response = login(client, editor).post(transition_url(bulletin, "request_changes"), {"comment": ""}, follow=True)
    assert "需要填写意见" in response.text
    assert Bulletin.objects.get(pk=bulletin.pk).status == Status.IN_REVIEW
    client.post(transition_url(bulletin, "request_changes"), {"comment": "标题请改短"})
    assert Bulletin.objects.get(pk=bulletin.pk).status == Status.DRAFT


def test_invalid_transition_is_a_message_not_an_error_page(client, editor):
    bulletin = make_bulletin(status=Status.ARCHIVED, publish_at=None)
    response = login(client, editor).post(transition_url(bulletin, "publish"), follow=True)
    assert response.status_code == 200
    assert "不能" in response.text
    assert Bulletin.objects.get(pk=bulletin.pk).status == Status.ARCHIVED


def test_history_shows_transitions_and_revisions(client, author, editor):
    bulletin = make_bulletin(status=Status.DRAFT, created_by=author)
    login(client, author).post(transition_url(bulletin, "submit"), {"comment": "初稿完成"})
    login(client, editor).post(transition_url(bulletin, "request_changes"), {"comment": "请补充图片说明"})
    page = client.get(change_url(bulletin)).text
    assert 'id="transition-history"' in page and 'id="revision-history"' in page
    assert "初稿完成" in page and "请补充图片说明" in page
    assert "r2" in page


# Bulk actions ------------------------------------------------------------------------------------


def test_bulk_publish_reports_each_refusal(client, editor):
    ready = make_bulletin(status=Status.IN_REVIEW, publish_at=None, title="待审甲")
    draft = make_bulletin(status=Status.DRAFT, publish_at=None, title="草稿乙")
    response = login(client, editor).post(
        CHANGELIST, {"action": "publish_selected", "_selected_action": [ready.pk, draft.pk]}, follow=True
    )
    assert Bulletin.objects.get(pk=ready.pk).status == Status.PUBLISHED
    assert Bulletin.objects.get(pk=draft.pk).status == Status.DRAFT
    text = [str(m) for m in response.context["messages"]]
    assert any("草稿乙" in m for m in text)
    assert any("1" in m and "发布" in m for m in text)


def test_bulk_actions_respect_permissions(client, author):
    mine = make_bulletin(status=Status.IN_REVIEW, publish_at=None, created_by=author)
    login(client, author)
    page = client.get(CHANGELIST).text
    assert "submit_selected" in page
    assert "publish_selected" not in page and "archive_selected" not in page
    client.post(CHANGELIST, {"action": "publish_selected", "_selected_action": [mine.pk]})
    assert Bulletin.objects.get(pk=mine.pk).status == Status.IN_REVIEW


def test_bulk_submit_and_archive(client, author, editor):
    drafts = [make_bulletin(status=Status.DRAFT, publish_at=None, created_by=author) for _ in range(2)]
    login(client, author).post(CHANGELIST, {"action": "submit_selected", "_selected_action": [b.pk for b in drafts]})
    assert set(Bulletin.objects.filter(pk__in=[b.pk for b in drafts]).values_list("status", flat=True)) == {Status.IN_REVIEW}
    published = make_bulletin()
    login(client, editor).post(CHANGELIST, {"action": "archive_selected", "_selected_action": [published.pk]})
    assert Bulletin.objects.get(pk=published.pk).status == Status.ARCHIVED


# The queue and the filters -----------------------------------------------------------------


def test_editor_sees_the_review_queue(client, editor, author):
    make_bulletin(status=Status.IN_REVIEW, publish_at=None, title="等审核一")
    make_bulletin(status=Status.IN_REVIEW, publish_at=None, title="等审核二")
    make_bulletin(status=Status.DRAFT, publish_at=None, title="还在写")
    login(client, editor)
    response = client.get(CHANGELIST)
    assert response.context["awaiting_review_count"] == 2
    assert 'id="review-queue"' in response.text
    queue = client.get(CHANGELIST + "?status=in_review").text
    assert "等审核一" in queue and "等审核二" in queue and "还在写" not in queue
    assert 'id="review-queue"' not in login(client, author).get(CHANGELIST).text


def changelist_titles(client, query):
    response = client.get(CHANGELIST + query)
    assert response.status_code == 200, query
    return {b.title for b in response.context["cl"].result_list}


def test_filters_status_scheduled_year_author_region_topic(client, editor, author):
    region, topic, publisher = make_region(), make_topic(), make_publisher()
    scheduled = make_bulletin(publish_at=timezone.now() + timedelta(days=1), title="定时的")
    live = make_bulletin(title="已公开的", region=region, topics=[topic], publisher=publisher)
    old = make_bulletin(title="旧年的", issued_on=timezone.now().date().replace(year=2019), created_by=author)
    login(client, editor)

    titles = partial(changelist_titles, client)

    assert titles("?status=scheduled") == {scheduled.title}
    assert live.title in titles("?status=published") and scheduled.title not in titles("?status=published")
    assert titles("?year=2019") == {old.title}
    assert titles(f"?created_by__id__exact={author.pk}") == {old.title}
    assert titles(f"?region__id__exact={region.pk}") == {live.title}
    assert titles(f"?topics__id__exact={topic.pk}") == {live.title}
    assert titles(f"?publisher__id__exact={publisher.pk}") == {live.title}
    assert titles("?q=定时") == {scheduled.title}
    assert titles("?issued_on__year=2019") == {old.title}


def test_filters_mine_and_sent_back_and_search_in_the_body(client, editor, author):
    mine = make_bulletin(status=Status.DRAFT, title="编辑自己写的", created_by=editor)
    returned = make_bulletin(status=Status.DRAFT, title="退回的", created_by=author, body="湿地补水工程完工。")
    workflow.bulletin_submit(returned, by=author)
    workflow.bulletin_request_changes(returned, by=editor, comment="补充面积。")
    make_bulletin(status=Status.DRAFT, title="从未提交的", created_by=author)
    login(client, editor)

    titles = partial(changelist_titles, client)

    assert titles("?mine=1") == {mine.title}
    assert titles("?mine=touched") == {returned.title}
    assert titles("?status=sent_back") == {returned.title}
    assert titles("?q=补水工程") == {returned.title}
    page = client.get(CHANGELIST).text
    assert f'title="{returned.title}"' in page and 'class="title-cell"' in page


# Preview -----------------------------------------------------------------------------------------


def test_preview_renders_the_public_template_for_a_draft(client, author):
    bulletin = make_bulletin(status=Status.DRAFT, created_by=author, body="## 小标题\n\n草稿正文<script>alert(1)</script>")
    make_achievement_list(bulletin)
    make_observation(bulletin=bulletin, indicator=make_indicator(name="优良天数"))
    response = login(client, author).get(preview_url(bulletin))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert "bulletins/bulletin_detail.html" in [t.name for t in response.templates]
    assert "<h2>小标题</h2>" in response.text
    assert "<script>alert" not in response.text
    assert "优良天数" in response.text
    assert "成果1" in response.text


def test_preview_of_unsaved_changes_saves_nothing(client, author):
    bulletin = make_bulletin(status=Status.DRAFT, created_by=author, title="原标题")
    response = login(client, author).post(preview_url(bulletin), form_data(bulletin, title="还没保存的标题"))
    assert response.status_code == 200
    assert "还没保存的标题" in response.text
    assert response["Cache-Control"] == "private, no-store"
    bulletin.refresh_from_db()
    assert bulletin.title == "原标题" and bulletin.version == 1


def test_preview_is_for_staff_with_access_only(client, author, other_author):
    bulletin = make_bulletin(status=Status.DRAFT, created_by=author, title="保密草稿")
    response = client.get(preview_url(bulletin))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert login(client, other_author).get(preview_url(bulletin)).status_code == 404
    not_staff = make_user(groups=["Editor"], is_staff=False)
    assert login(client, not_staff).get(preview_url(bulletin)).status_code == 302


def test_preview_of_a_scheduled_bulletin_says_when_it_goes_public(client, editor):
    bulletin = make_bulletin(publish_at=timezone.now() + timedelta(days=3))
    response = login(client, editor).get(preview_url(bulletin))
    assert response.status_code == 200
    assert "定时于" in response.text


# Optimistic locking ----------------------------------------------------------------------------


def test_stale_save_shows_a_conflict_and_loses_nothing(client, editor, second_editor):
    bulletin = make_bulletin(status=Status.DRAFT, body="第一段。\n\n第二段。", title="共同编辑")
    # Both editors open the form at version 1; a first save gives a revision to start from.
    login(client, editor)
    client.post(change_url(bulletin), form_data(bulletin, body="第一段。\n\n第二段。"))
    bulletin.refresh_from_db()
    loaded = Bulletin.objects.get(pk=bulletin.pk)

    login(client, second_editor)
    client.post(change_url(bulletin), form_data(loaded, body="第一段。\n\n第二段，已由二号编辑修改。"))
    assert Bulletin.objects.get(pk=bulletin.pk).version == loaded.version + 1

    login(client, editor)
    mine = "第一段，已由一号编辑修改。\n\n第二段。"
    response = client.post(change_url(bulletin), form_data(loaded, body=mine))
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.conflict is not None
    assert form.conflict["names"] == ["editor2"]
    assert "editor2" in response.text and "保存冲突" in response.text
    assert "第二段，已由二号编辑修改。" in response.text  # what the other changed (diff)
    assert mine.split("\n")[0] in response.text  # my text is still in the form
    current = Bulletin.objects.get(pk=bulletin.pk)
    assert current.body == "第一段。\n\n第二段，已由二号编辑修改。"  # no silent overwrite
    # The re-displayed form now carries the current version: a deliberate second save wins.
    assert form["loaded_version"].value() == current.version
    response = client.post(change_url(bulletin), form_data(current, body=mine + "\n\n合并了二号的修改。"))
    assert response.status_code == 302
    assert Bulletin.objects.get(pk=bulletin.pk).body.endswith("合并了二号的修改。")


def test_a_transition_in_between_also_makes_a_save_stale(client, author, editor):
    bulletin = make_bulletin(status=Status.DRAFT, created_by=author)
    loaded = Bulletin.objects.get(pk=bulletin.pk)
    login(client, editor).post(transition_url(bulletin, "submit"))
    response = client.post(change_url(bulletin), form_data(loaded, title="改标题"))
    assert response.status_code == 200
    assert response.context["adminform"].form.conflict["names"] == ["editor"]
    assert Bulletin.objects.get(pk=bulletin.pk).title == loaded.title


@pytest.mark.parametrize("version", [None, ""])
def test_a_save_without_the_version_it_was_made_on_is_refused(client, editor, version):
    bulletin = make_bulletin(status=Status.DRAFT, title="原标题")
    response = login(client, editor).post(change_url(bulletin), form_data(bulletin, title="改标题", loaded_version=version))
    assert response.status_code == 200
    assert "缺少所编辑的版本号" in response.text
    bulletin.refresh_from_db()
    assert (bulletin.title, bulletin.version) == ("原标题", 1)


# Inlines -------------------------------------------------------------------------------------------


def test_observation_inline_is_validated_against_its_quote(client, author):
    bulletin = make_bulletin(status=Status.DRAFT, created_by=author)
    indicator = make_indicator(unit="天")
    data = form_data(bulletin, **{
        "observations-TOTAL_FORMS": "1",
        "observations-0-indicator": indicator.pk,
        "observations-0-value": "300",
        "observations-0-value_text": "300",
        "observations-0-unit": "天",
        "observations-0-quote": "全年优良天数为299天。",
        "observations-0-review_state": "accepted",
    })
    response = login(client, author).post(change_url(bulletin), data)
    assert response.status_code == 200
    assert not Observation.objects.exists()
    assert Bulletin.objects.get(pk=bulletin.pk).version == 1
    data["observations-0-quote"] = "全年优良天数为300天。"
    assert client.post(change_url(bulletin), data).status_code == 302
    assert Observation.objects.get(bulletin=bulletin).value_text == "300"


def test_achievement_list_admin_follows_the_bulletin(client, author, other_author, editor):
    bulletin = make_bulletin(status=Status.IN_REVIEW, publish_at=None, created_by=author)
    achievement_list = make_achievement_list(bulletin, items=2)
    url = reverse("admin:bulletins_achievementlist_change", args=[achievement_list.pk])
    assert login(client, other_author).get(url).status_code == 302  # not theirs
    response = login(client, author).get(url)
    assert response.status_code == 200 and 'name="title"' not in response.text  # in review
    response = login(client, editor).get(url)
    assert 'name="items-0-title"' in response.text


# Trash ----------------------------------------------------------------------------------------------


def test_delete_moves_to_the_trash_and_an_editor_restores(client, editor):
    bulletin = make_bulletin(title="要删除的")
    login(client, editor)
    delete = reverse("admin:bulletins_bulletin_delete", args=[bulletin.pk])
    assert "回收站" in client.get(delete).text
    response = client.post(delete, {"post": "yes"})
    assert response.status_code == 302
    bulletin.refresh_from_db()
    assert bulletin.deleted_at is not None
    assert Transition.objects.filter(bulletin=bulletin, action="trash", by=editor).exists()
    assert not Bulletin.objects.published().filter(pk=bulletin.pk).exists()
    assert bulletin not in client.get(CHANGELIST).context["cl"].result_list
    assert bulletin in client.get(CHANGELIST + "?trash=1").context["cl"].result_list
    response = client.post(reverse("admin:bulletins_bulletin_untrash", args=[bulletin.pk]))
    assert response.status_code == 302
    bulletin.refresh_from_db()
    assert bulletin.deleted_at is None and bulletin.is_public


def test_bulk_delete_is_replaced_by_trash(client, editor):
    bulletins = [make_bulletin() for _ in range(2)]
    login(client, editor)
    assert "delete_selected" not in client.get(CHANGELIST).text
    client.post(CHANGELIST, {"action": "trash_selected", "_selected_action": [b.pk for b in bulletins]})
    assert Bulletin.objects.filter(deleted_at__isnull=False).count() == 2
    client.post(CHANGELIST + "?trash=1", {"action": "untrash_selected", "_selected_action": [b.pk for b in bulletins]})
    assert Bulletin.objects.filter(deleted_at__isnull=True).count() == 2


def test_authors_cannot_delete(client, author):
    bulletin = make_bulletin(status=Status.DRAFT, created_by=author)
    login(client, author)
    response = client.post(reverse("admin:bulletins_bulletin_delete", args=[bulletin.pk]), {"post": "yes"})
    assert response.status_code == 403
    assert Bulletin.objects.get(pk=bulletin.pk).deleted_at is None


# Audit log ---------------------------------------------------------------------------------------


def test_audit_log_is_read_only_for_everyone(client, administrator):
    bulletin = make_bulletin(status=Status.IN_REVIEW, publish_at=None)
    from bulletins import workflow

    workflow.bulletin_publish(bulletin, by=administrator)
    record = Transition.objects.get()
    superuser = make_user(is_superuser=True)
    for user in (administrator, superuser):
        login(client, user)
        assert client.get(reverse("admin:bulletins_transition_changelist")).status_code == 200
        assert client.get(reverse("admin:bulletins_transition_add")).status_code == 403
        change = client.post(reverse("admin:bulletins_transition_change", args=[record.pk]), {"comment": "改"})
        assert change.status_code == 403
        delete = client.post(reverse("admin:bulletins_transition_delete", args=[record.pk]), {"post": "yes"})
        assert delete.status_code == 403
    record.refresh_from_db()
    assert record.comment == ""


@pytest.mark.parametrize("status, shown", [("scheduled", "waiting"), ("published", "public")])
def test_the_status_filter_tells_scheduled_bulletins_from_public_ones(client, editor, status, shown):
    now = timezone.now()
    make_bulletin(slug="waiting", title="waiting", publish_at=now + timedelta(hours=2))
    make_bulletin(slug="public", title="public", publish_at=now - timedelta(hours=2))
    make_bulletin(slug="binned", title="binned", publish_at=now + timedelta(hours=2), deleted_at=now)
    response = login(client, editor).get(f"{CHANGELIST}?status={status}")
    assert [b.slug for b in response.context["cl"].result_list] == [shown]


# Query count -------------------------------------------------------------------------------------


def _changelist_queries(client, query=""):
    with CaptureQueriesContext(connection) as context:
        response = client.get(CHANGELIST + query)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize(
    "query", ["", "?status=in_review", "?trash=1", "?status=sent_back", "?mine=1", "?mine=touched", "?q=正文", "?year=2024"]
)
def test_changelist_query_count_does_not_grow_with_bulletins(client, editor, author, query):
    region, publisher, topic = make_region(), make_publisher(), make_topic()

    def populate(count):
        for i in range(count):
            make_bulletin(
                status=[Status.DRAFT, Status.IN_REVIEW, Status.PUBLISHED][i % 3],
                region=region, publisher=publisher, topics=[topic], created_by=author,
            )

    login(client, editor)
    populate(3)
    few = _changelist_queries(client, query)
    populate(27)
    many = _changelist_queries(client, query)
    assert many == few, (few, many)
    assert many <= 20


def test_change_form_query_count_does_not_grow_with_figures_and_items(client, editor):
    bulletin = make_bulletin(status=Status.DRAFT)
    achievements = make_achievement_list(bulletin=bulletin)
    indicators = [make_indicator() for _ in range(3)]
    regions = [make_region() for _ in range(3)]

    def populate(count):
        for i in range(count):
            make_observation(
                bulletin=bulletin, indicator=indicators[i % 3], region=regions[i % 3], value=str(100 + i)
            )
            achievements.items.create(number=achievements.items.count() + 1, title=f"第{i}项")

    def queries():
        with CaptureQueriesContext(connection) as context:
            response = client.get(change_url(bulletin))
        assert response.status_code == 200
        return len(context.captured_queries)

    login(client, editor)
    populate(2)
    queries()  # the first page of a sign-in also reads the user's permissions
    few = queries()
    populate(28)
    many = queries()
    assert Observation.objects.filter(bulletin=bulletin).count() == 30
    assert many == few, (few, many)


# Every admin page opens for every role ---------------------------------------------------------


@pytest.mark.parametrize("role", ["Author", "Editor", "Administrator"])
def test_admin_pages_open_for_every_role(client, role):
    user = make_user(groups=[role])
    bulletin = make_bulletin(status=Status.DRAFT, publish_at=None, created_by=user)
    make_achievement_list(bulletin)
    make_observation(bulletin=bulletin, indicator=make_indicator())
    login(client, user)
    for name in (
        "admin:index", "admin:bulletins_bulletin_changelist", "admin:bulletins_bulletin_add",
        "admin:bulletins_achievementlist_changelist", "admin:bulletins_transition_changelist",
        "admin:indicators_observation_changelist", "admin:indicators_indicator_changelist",
        "admin:bulletins_region_changelist", "admin:bulletins_topic_changelist",
    ):
        assert client.get(reverse(name)).status_code == 200, name
    for url in (
        change_url(bulletin), preview_url(bulletin),
        reverse("admin:bulletins_achievementlist_change", args=[bulletin.achievement_list.pk]),
        reverse("admin:indicators_observation_change", args=[bulletin.observations.get().pk]),
    ):
        assert client.get(url).status_code == 200, url


def test_observation_admin_refuses_changes_once_the_bulletin_is_in_review(client, author):
    bulletin = make_bulletin(status=Status.IN_REVIEW, publish_at=None, created_by=author)
    observation = make_observation(bulletin=bulletin, indicator=make_indicator())
    login(client, author)
    url = reverse("admin:indicators_observation_change", args=[observation.pk])
    response = client.post(url, {"bulletin": bulletin.pk, "quote": "改了"})
    assert response.status_code == 403
    assert Observation.objects.get(pk=observation.pk).quote != "改了"
