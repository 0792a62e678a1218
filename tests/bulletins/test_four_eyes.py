"""Four eyes: nobody approves their own submission; an Administrator may publish without
review only explicitly, with a written reason that the audit trail and the history keep."""

import pytest
from django.urls import reverse

from bulletins import workflow
from bulletins.models import Bulletin, Transition
from ecoportal.publishing import Status
from tests.factories import make_bulletin, make_user

pytestmark = pytest.mark.django_db


def transition_url(bulletin, action):
    return reverse("admin:bulletins_bulletin_transition", args=[bulletin.pk, action])


def change_url(bulletin):
    return reverse("admin:bulletins_bulletin_change", args=[bulletin.pk])


def submitted_by(user, **fields):
    bulletin = make_bulletin(status=Status.DRAFT, publish_at=None, created_by=user, **fields)
    workflow.bulletin_submit(bulletin, by=user)
    return bulletin


def unchanged_in_review(bulletin):
    stored = Bulletin.objects.get(pk=bulletin.pk)
    return stored.status == Status.IN_REVIEW and stored.version == 2 and stored.publish_at is None


@pytest.mark.parametrize("groups", [["Editor"], ["Administrator"]])
def test_nobody_approves_their_own_submission(groups):
    user = make_user(groups=groups)
    bulletin = submitted_by(user)
    with pytest.raises(workflow.WorkflowPermissionError):
        workflow.bulletin_publish(bulletin, by=user)
    assert unchanged_in_review(bulletin)


def test_superuser_does_not_approve_own_submission_either():
    root = make_user(is_superuser=True)
    bulletin = submitted_by(root)
    with pytest.raises(workflow.WorkflowPermissionError):
        workflow.bulletin_publish(bulletin, by=root)
    assert unchanged_in_review(bulletin)


def test_the_submitter_counts_not_only_the_author():
    """An Editor who submitted a colleague's draft has made it their submission."""
    author, editor = make_user(groups=["Author"]), make_user(groups=["Editor"])
    bulletin = make_bulletin(status=Status.DRAFT, publish_at=None, created_by=author)
    workflow.bulletin_submit(bulletin, by=editor)
    with pytest.raises(workflow.WorkflowPermissionError):
        workflow.bulletin_publish(bulletin, by=editor)
    workflow.bulletin_publish(bulletin, by=make_user(groups=["Editor"]))
    assert bulletin.status == Status.PUBLISHED


def test_a_second_editor_approves():
    author, reviewer = make_user(groups=["Editor"]), make_user(groups=["Editor"])
    bulletin = submitted_by(author)
    workflow.bulletin_publish(bulletin, by=reviewer)
    assert Bulletin.objects.get(pk=bulletin.pk).status == Status.PUBLISHED


def test_editors_may_not_publish_without_review():
    editor = make_user(groups=["Editor"])
    bulletin = submitted_by(editor)
    with pytest.raises(workflow.WorkflowPermissionError):
        workflow.bulletin_publish_without_review(bulletin, by=editor, comment="急")
    assert unchanged_in_review(bulletin)


def test_publish_without_review_needs_a_written_reason():
    admin = make_user(groups=["Administrator"])
    bulletin = submitted_by(admin)
    with pytest.raises(workflow.ValidationError):
        workflow.bulletin_publish_without_review(bulletin, by=admin, comment="   ")
    assert unchanged_in_review(bulletin)


@pytest.mark.parametrize("start", [Status.DRAFT, Status.IN_REVIEW])
def test_administrator_publishes_without_review_and_the_reason_is_audited(start):
    admin = make_user(groups=["Administrator"])
    bulletin = make_bulletin(status=Status.DRAFT, publish_at=None, created_by=admin)
    if start == Status.IN_REVIEW:
        workflow.bulletin_submit(bulletin, by=admin)
    workflow.bulletin_publish_without_review(bulletin, by=admin, comment="汛期预警，须当日发布")
    assert Bulletin.objects.get(pk=bulletin.pk).status == Status.PUBLISHED
    record = Transition.objects.filter(bulletin=bulletin).order_by("-id").first()
    assert (record.action, record.by, record.comment, record.from_status, record.to_status) == (
        "publish_without_review", admin, "汛期预警，须当日发布", start, Status.PUBLISHED,
    )
    assert record.publish_at is not None


def test_buttons_follow_the_rule():
    admin, editor = make_user(groups=["Administrator"]), make_user(groups=["Editor"])
    own = submitted_by(admin)
    others = submitted_by(editor)
    names = lambda bulletin, user: {a.name for a in workflow.available_actions(bulletin, user)}  # noqa: E731
    assert "publish" not in names(own, admin) and "publish_without_review" in names(own, admin)
    assert "publish" in names(others, admin) and "publish_without_review" not in names(others, admin)
    assert not {"publish", "publish_without_review"} & names(others, editor)


# Through the admin, as a browser (or a forger) would post ---------------------------------


def test_editor_forging_an_approval_of_own_submission_gets_403(client):
    editor = make_user(groups=["Editor"])
    bulletin = submitted_by(editor)
    client.force_login(editor)
    page = client.get(change_url(bulletin)).text
    assert 'id="transition-publish"' not in page and 'id="transition-publish_without_review"' not in page
    assert client.post(transition_url(bulletin, "publish"), {"comment": "同意"}).status_code == 403
    assert client.post(
        transition_url(bulletin, "publish_without_review"), {"comment": "我自己批准"}
    ).status_code == 403
    assert unchanged_in_review(bulletin)
    assert not Transition.objects.filter(bulletin=bulletin, to_status=Status.PUBLISHED).exists()


def test_editor_forging_a_bulk_publish_of_own_submission_changes_nothing(client):
    editor = make_user(groups=["Editor"])
    bulletin = submitted_by(editor, title="自审稿")
    client.force_login(editor)
    response = client.post(
        reverse("admin:bulletins_bulletin_changelist"),
        {"action": "publish_selected", "_selected_action": [bulletin.pk]}, follow=True,
    )
    assert unchanged_in_review(bulletin)
    assert any("自审稿" in str(m) for m in response.context["messages"])


def test_administrator_without_a_reason_is_told_and_nothing_changes(client):
    admin = make_user(groups=["Administrator"])
    bulletin = submitted_by(admin)
    client.force_login(admin)
    response = client.post(transition_url(bulletin, "publish_without_review"), {"comment": ""}, follow=True)
    assert response.status_code == 200
    assert any("理由" in str(m) for m in response.context["messages"])
    assert unchanged_in_review(bulletin)


def test_publishing_without_review_shows_in_the_history(client):
    admin = make_user(groups=["Administrator"], username="admin.li")
    bulletin = submitted_by(admin)
    client.force_login(admin)
    page = client.get(change_url(bulletin)).text
    assert 'id="transition-publish_without_review"' in page and 'id="transition-publish"' not in page
    response = client.post(
        transition_url(bulletin, "publish_without_review"), {"comment": "审核编辑休假，局长同意发布"}, follow=True
    )
    assert Bulletin.objects.get(pk=bulletin.pk).status == Status.PUBLISHED
    history = response.text.split('id="transition-history"', 1)[1]
    assert "不经审核直接发布" in history and "审核编辑休假，局长同意发布" in history and "admin.li" in history
