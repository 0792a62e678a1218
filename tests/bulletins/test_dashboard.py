"""The admin's index is the editors' dashboard: each person's lists, in a fixed number of
queries, and the technical models only for Administrators, in their own section."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bulletins import dashboard, workflow
from ecoportal.publishing import Status
from indicators.choices import ReviewState
from tests.factories import make_bulletin, make_indicator, make_observation, make_user

pytestmark = pytest.mark.django_db

INDEX = "/admin/"


def panel(response, panel_id):
    """The panel's rows as (title, meta, note), or None when the page has no such panel."""
    for found in response.context["dashboard"]:
        if found.id == panel_id:
            return [(row.title, row.meta, row.note) for row in found.rows]
    return None


def submitted(by, **kwargs):
    bulletin = make_bulletin(status=Status.DRAFT, created_by=by, **kwargs)
    workflow.bulletin_submit(bulletin, by=by)
    return bulletin


def test_an_author_sees_their_drafts_and_what_was_sent_back_with_the_comment(client, author, other_author, editor):
    make_bulletin(status=Status.DRAFT, created_by=author, title="我写的草稿")
    make_bulletin(status=Status.DRAFT, created_by=other_author, title="别人的草稿")
    returned = submitted(author, title="被退回的")
    workflow.bulletin_request_changes(returned, by=editor, comment="请核对第二段的数字。")
    client.force_login(author)
    response = client.get(INDEX)
    drafts = [title for title, _, _ in panel(response, "my-drafts")]
    assert set(drafts) == {"我写的草稿", "被退回的"}
    [(title, meta, note)] = panel(response, "sent-back")
    assert (title, note) == ("被退回的", "请核对第二段的数字。") and meta.startswith("editor 退回于")
    # Review and candidate figures are editors' work.
    assert panel(response, "awaiting-review") is None and panel(response, "candidate-figures") is None
    html = response.text
    assert 'href="/admin/bulletins/import/"' in html and 'href="/admin/bulletins/bulletin/add/"' in html


def test_an_editor_is_not_asked_to_review_their_own_submission(client, editor, second_editor, author):
    submitted(author, title="作者提交的")
    submitted(editor, title="我自己提交的")
    client.force_login(editor)
    assert [row[0] for row in panel(client.get(INDEX), "awaiting-review")] == ["作者提交的"]
    client.force_login(second_editor)
    assert {row[0] for row in panel(client.get(INDEX), "awaiting-review")} == {"作者提交的", "我自己提交的"}


def test_scheduled_with_their_times_published_newest_first_and_candidate_figures(client, editor):
    at = timezone.now() + timedelta(days=2)
    make_bulletin(publish_at=at, title="后天公开")
    make_bulletin(publish_at=timezone.now() - timedelta(days=3), title="三天前公开")
    make_bulletin(publish_at=timezone.now() - timedelta(hours=1), title="刚公开")
    with_figures = make_bulletin(status=Status.DRAFT, title="有候选数值")
    indicator = make_indicator()
    for value in ("1", "2"):
        make_observation(bulletin=with_figures, indicator=indicator, value=value, review_state=ReviewState.CANDIDATE)
    make_observation(bulletin=with_figures, indicator=indicator, value="3", review_state=ReviewState.ACCEPTED)
    client.force_login(editor)
    response = client.get(INDEX)
    assert panel(response, "scheduled") == [("后天公开", f"{timezone.localtime(at):%Y-%m-%d %H:%M} 公开", "")]
    assert [row[0] for row in panel(response, "recently-published")] == ["刚公开", "三天前公开"]
    assert panel(response, "candidate-figures") == [("有候选数值", "2 个候选数值", "")]
    assert f"bulletin__id__exact={with_figures.pk}" in response.text


def _index_queries(client):
    with CaptureQueriesContext(connection) as context:
        response = client.get(INDEX)
    assert response.status_code == 200
    return len(context.captured_queries), response


@pytest.mark.parametrize("role", ["author", "editor"])
def test_the_dashboard_costs_the_same_queries_for_one_or_many_bulletins_in_every_list(
    client, author, editor, second_editor, role
):
    indicator = make_indicator()

    def populate(count):
        for _ in range(count):
            make_bulletin(status=Status.DRAFT, created_by=author)
            make_bulletin(status=Status.DRAFT, created_by=editor)
            submitted(author)
            returned = submitted(author)
            workflow.bulletin_request_changes(returned, by=second_editor, comment="改一改")
            make_bulletin(created_by=author)
            make_bulletin(publish_at=timezone.now() + timedelta(days=1), created_by=author)
            make_observation(
                bulletin=make_bulletin(status=Status.DRAFT), indicator=indicator, review_state=ReviewState.CANDIDATE
            )

    client.force_login(author if role == "author" else editor)
    populate(1)
    few, response = _index_queries(client)
    assert [found.id for found in response.context["dashboard"] if not found.rows] == []
    populate(dashboard.LIMIT + 2)
    many, response = _index_queries(client)
    assert all(len(found.rows) == dashboard.LIMIT and found.more for found in response.context["dashboard"])
    assert many == few, (few, many)
    assert many <= 20


def test_accounts_groups_and_sign_in_records_are_an_administrators_own_section(client, editor, administrator):
    client.force_login(administrator)
    apps = client.get(INDEX).context["app_list"]
    names = [str(app["name"]) for app in apps]
    assert names[-1] == "账号与登录安全（管理员）"
    technical = {model["object_name"] for model in apps[-1]["models"]}
    assert {"User", "AccessAttempt"} <= technical
    assert all(app["app_label"] not in ("auth", "axes") for app in apps[:-1])
    # An Editor holding a view permission on groups still does not see the section.
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="view_group"))
    client.force_login(editor)
    response = client.get(INDEX)
    assert "账号与登录安全" not in response.text
    assert all(app["app_label"] not in ("auth", "axes") for app in response.context["app_list"])


def test_staff_who_do_not_work_with_bulletins_get_no_lists(client):
    make_bulletin(status=Status.DRAFT)
    client.force_login(make_user())
    response = client.get(INDEX)
    assert response.status_code == 200 and response.context["dashboard"] == []
