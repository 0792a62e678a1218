"""The editorial workflow: every role × state × action, scheduling, trash and the audit log."""

from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from bulletins import workflow
from bulletins.models import AchievementList, Bulletin, Revision, Transition
from ecoportal.publishing import Status
from indicators.models import Observation
from tests.factories import (
    make_achievement_list,
    make_bulletin,
    make_indicator,
    make_observation,
    make_user,
)

pytestmark = pytest.mark.django_db

ROLES = ["owner", "other_author", "editor", "administrator", "no_role"]
STATES = ["draft", "in_review", "published", "scheduled", "archived"]
ACTIONS = ["submit", "request_changes", "publish", "withdraw", "archive", "publish_without_review", "reschedule"]

# Written out by hand, not derived from workflow.TRANSITIONS, so that the table is tested.
ALLOWED_FROM = {
    "submit": {"draft"},
    "request_changes": {"in_review"},
    "publish": {"in_review"},
    "withdraw": {"published", "scheduled"},
    "archive": {"published", "scheduled"},
    "publish_without_review": {"draft", "in_review"},
    "reschedule": {"scheduled"},
}
TARGET = {
    "submit": Status.IN_REVIEW,
    "request_changes": Status.DRAFT,
    "publish": Status.PUBLISHED,
    "withdraw": Status.DRAFT,
    "archive": Status.ARCHIVED,
    "publish_without_review": Status.PUBLISHED,
    "reschedule": Status.PUBLISHED,
}
PERMITTED = {
    "owner": {"submit"},
    "other_author": set(),
    "editor": set(ACTIONS) - {"publish_without_review"},
    "administrator": set(ACTIONS),
    "no_role": set(),
}
FUNCTIONS = {
    "submit": lambda b, user: workflow.bulletin_submit(b, by=user),
    "request_changes": lambda b, user: workflow.bulletin_request_changes(b, by=user, comment="请补充数据来源"),
    "publish": lambda b, user: workflow.bulletin_publish(b, by=user),
    "withdraw": lambda b, user: workflow.bulletin_withdraw(b, by=user, comment="数据有误"),
    "archive": lambda b, user: workflow.bulletin_archive(b, by=user),
    "publish_without_review": lambda b, user: workflow.bulletin_publish_without_review(
        b, by=user, comment="局长要求今日发布，审核编辑休假"
    ),
    "reschedule": lambda b, user: workflow.bulletin_reschedule(b, by=user, at=timezone.now() + timedelta(days=3)),
}
#: Buttons left out although the function would run: an Administrator reviewing someone
#: else's submission approves it ordinarily (tests/bulletins/test_four_eyes.py).
HIDDEN = {("administrator", "in_review", "publish_without_review")}


def bulletin_in(state, *, created_by):
    if state == "scheduled":
        return make_bulletin(
            status=Status.PUBLISHED, publish_at=timezone.now() + timedelta(days=2), created_by=created_by
        )
    if state == "published":
        return make_bulletin(status=Status.PUBLISHED, created_by=created_by)
    return make_bulletin(status=state, publish_at=None, created_by=created_by)


@pytest.fixture
def people():
    owner = make_user(groups=["Author"])
    return {
        "owner": owner,
        "other_author": make_user(groups=["Author"]),
        "editor": make_user(groups=["Editor"]),
        "administrator": make_user(groups=["Administrator"]),
        "no_role": make_user(),
    }


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_transition_matrix(people, role, state, action):
    bulletin = bulletin_in(state, created_by=people["owner"])
    user = people[role]
    before = Bulletin.objects.get(pk=bulletin.pk)

    if action not in PERMITTED[role]:
        with pytest.raises(workflow.WorkflowPermissionError):
            FUNCTIONS[action](bulletin, user)
        expect_refused = True
    elif state not in ALLOWED_FROM[action]:
        with pytest.raises(workflow.InvalidTransition):
            FUNCTIONS[action](bulletin, user)
        expect_refused = True
    else:
        FUNCTIONS[action](bulletin, user)
        expect_refused = False

    after = Bulletin.objects.get(pk=bulletin.pk)
    if expect_refused:
        assert (after.status, after.version, after.publish_at) == (before.status, before.version, before.publish_at)
        assert not Transition.objects.filter(bulletin=bulletin).exists()
        assert not Revision.objects.filter(bulletin=bulletin).exists()
    else:
        assert after.status == TARGET[action]
        assert after.version == before.version + 1
        assert bulletin.status == after.status, "the caller's instance sees the new state"
        record = Transition.objects.get(bulletin=bulletin)
        assert (record.action, record.from_status, record.to_status, record.by) == (
            action, before.status, after.status, user,
        )
        assert Revision.objects.filter(bulletin=bulletin, data__version=after.version).exists()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("state", STATES)
def test_available_actions_match_what_the_functions_allow(people, role, state):
    bulletin = bulletin_in(state, created_by=people["owner"])
    shown = {a.name for a in workflow.available_actions(bulletin, people[role])}
    expected = {
        a for a in ACTIONS if a in PERMITTED[role] and state in ALLOWED_FROM[a] and (role, state, a) not in HIDDEN
    }
    assert shown == expected


def test_permission_error_and_invalid_transition_are_different_errors(people):
    bulletin = bulletin_in("draft", created_by=people["owner"])
    with pytest.raises(workflow.WorkflowPermissionError) as refused:
        workflow.bulletin_publish(bulletin, by=people["owner"])
    assert isinstance(refused.value, PermissionDenied)
    assert not isinstance(refused.value, workflow.InvalidTransition)
    with pytest.raises(workflow.InvalidTransition) as invalid:
        workflow.bulletin_publish(bulletin, by=people["editor"])
    assert not isinstance(invalid.value, PermissionDenied)


def test_publish_refuses_a_bulletin_still_in_draft(people):
    bulletin = bulletin_in("draft", created_by=people["owner"])
    with pytest.raises(workflow.InvalidTransition):
        workflow.bulletin_publish(bulletin, by=people["editor"])
    assert Bulletin.objects.get(pk=bulletin.pk).status == Status.DRAFT


def test_request_changes_requires_a_comment(people):
    bulletin = bulletin_in("in_review", created_by=people["owner"])
    with pytest.raises(ValidationError):
        workflow.bulletin_request_changes(bulletin, by=people["editor"], comment="   ")
    assert Bulletin.objects.get(pk=bulletin.pk).status == Status.IN_REVIEW
    assert not Transition.objects.exists()


def test_withdraw_requires_a_comment(people):
    bulletin = bulletin_in("published", created_by=people["owner"])
    with pytest.raises(ValidationError):
        workflow.bulletin_withdraw(bulletin, by=people["editor"], comment="")
    assert Bulletin.objects.get(pk=bulletin.pk).status == Status.PUBLISHED


def test_changes_requested_go_back_to_the_author_as_an_editable_draft(people):
    bulletin = bulletin_in("draft", created_by=people["owner"])
    workflow.bulletin_submit(bulletin, by=people["owner"])
    assert not workflow.can_edit(people["owner"], bulletin)
    workflow.bulletin_request_changes(bulletin, by=people["editor"], comment="第二段数据请核对")
    assert bulletin.status == Status.DRAFT
    assert workflow.can_edit(people["owner"], bulletin)
    record = Transition.objects.filter(bulletin=bulletin).order_by("-id").first()
    assert record.comment == "第二段数据请核对"
    assert (record.from_status, record.to_status) == (Status.IN_REVIEW, Status.DRAFT)


def test_publish_refuses_an_empty_body(people):
    bulletin = make_bulletin(status=Status.IN_REVIEW, publish_at=None, body=" ", created_by=people["owner"])
    with pytest.raises(ValidationError):
        workflow.bulletin_publish(bulletin, by=people["editor"])
    assert Bulletin.objects.get(pk=bulletin.pk).status == Status.IN_REVIEW


def test_publish_refuses_a_naive_time(people):
    bulletin = bulletin_in("in_review", created_by=people["owner"])
    with pytest.raises(ValidationError):
        workflow.bulletin_publish(bulletin, by=people["editor"], at=timezone.now().replace(tzinfo=None))


def test_a_stale_instance_cannot_repeat_a_transition(people):
    first = Bulletin.objects.get(pk=bulletin_in("draft", created_by=people["owner"]).pk)
    second = Bulletin.objects.get(pk=first.pk)
    workflow.bulletin_submit(first, by=people["owner"])
    # ``second`` still says draft in memory; the locked row says otherwise.
    with pytest.raises(workflow.InvalidTransition):
        workflow.bulletin_submit(second, by=people["owner"])
    assert Transition.objects.filter(bulletin=first).count() == 1


def test_inactive_or_non_staff_users_are_refused(people):
    bulletin = bulletin_in("in_review", created_by=people["owner"])
    editor = people["editor"]
    editor.is_active = False
    editor.save()
    with pytest.raises(workflow.WorkflowPermissionError):
        workflow.bulletin_publish(bulletin, by=editor)
    not_staff = make_user(groups=["Editor"], is_staff=False)
    with pytest.raises(workflow.WorkflowPermissionError):
        workflow.bulletin_publish(bulletin, by=not_staff)
    with pytest.raises(workflow.WorkflowPermissionError):
        workflow.bulletin_publish(bulletin, by=None)


def test_superuser_may_do_everything():
    admin = make_user(is_superuser=True)
    bulletin = bulletin_in("draft", created_by=make_user(groups=["Author"]))
    workflow.bulletin_submit(bulletin, by=admin)
    # Even a superuser approves their own submission only explicitly, with a reason.
    workflow.bulletin_publish_without_review(bulletin, by=admin, comment="紧急发布")
    assert bulletin.status == Status.PUBLISHED


# Scheduling -------------------------------------------------------------------------------


def test_scheduled_bulletin_is_invisible_until_its_time_then_public(people):
    bulletin = bulletin_in("in_review", created_by=people["owner"])
    make_achievement_list(bulletin)
    make_observation(bulletin=bulletin, indicator=make_indicator())
    at = timezone.now() + timedelta(hours=3)
    workflow.bulletin_publish(bulletin, by=people["editor"], at=at)

    bulletin.refresh_from_db()
    assert bulletin.status == Status.PUBLISHED and bulletin.publish_at == at
    assert bulletin.is_scheduled and not bulletin.is_public
    assert not Bulletin.objects.published().filter(pk=bulletin.pk).exists()
    assert not AchievementList.objects.published().filter(bulletin=bulletin).exists()
    assert not Observation.objects.published().filter(bulletin=bulletin).exists()
    record = Transition.objects.get(bulletin=bulletin)
    assert record.publish_at == at

    later = at + timedelta(seconds=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert Bulletin.objects.published().filter(pk=bulletin.pk).exists()
        assert AchievementList.objects.published().filter(bulletin=bulletin).exists()
        assert Observation.objects.published().filter(bulletin=bulletin).exists()
        assert Bulletin.objects.get(pk=bulletin.pk).is_public


@pytest.mark.parametrize("action", ["publish", "publish_without_review"])
def test_approving_for_a_time_already_past_is_refused_not_backdated(people, action):
    """publish_at says when the public first could read a bulletin (feeds, the calendar and the
    indicator pages "as published on" a day are built on it): an approval never backdates it."""
    bulletin = bulletin_in("in_review", created_by=people["owner"])
    past = timezone.now() - timedelta(days=400)
    by = people["administrator"] if action == "publish_without_review" else people["editor"]
    with pytest.raises(ValidationError) as refused:
        workflow.bulletin_perform(bulletin, action, by=by, at=past, comment="理由")
    assert "留空则立即发布" in " ".join(refused.value.messages)
    bulletin.refresh_from_db()
    assert (bulletin.status, bulletin.publish_at) == (Status.IN_REVIEW, None)
    assert not Transition.objects.filter(bulletin=bulletin, to_status=Status.PUBLISHED).exists()


def test_scheduled_is_what_will_become_public_later_by_itself():
    now = timezone.now()
    waiting = make_bulletin(publish_at=now + timedelta(hours=2))
    make_bulletin(publish_at=now - timedelta(hours=2))  # public already
    make_bulletin(status=Status.IN_REVIEW, publish_at=now + timedelta(hours=2))  # not approved
    make_bulletin(publish_at=now + timedelta(hours=2), deleted_at=now)  # in the trash
    assert list(Bulletin.objects.scheduled()) == [waiting]
    assert list(Bulletin.objects.scheduled(after=now + timedelta(hours=3))) == []
    assert [b.is_scheduled for b in Bulletin.objects.order_by("pk")] == [True, False, False, False]


def test_publish_without_a_time_is_public_at_once(people):
    bulletin = bulletin_in("in_review", created_by=people["owner"])
    workflow.bulletin_publish(bulletin, by=people["editor"])
    assert Bulletin.objects.published().filter(pk=bulletin.pk).exists()


def test_withdrawing_a_scheduled_bulletin_cancels_it(people):
    bulletin = bulletin_in("scheduled", created_by=people["owner"])
    workflow.bulletin_withdraw(bulletin, by=people["editor"], comment="暂缓发布")
    with mock.patch("django.utils.timezone.now", return_value=timezone.now() + timedelta(days=30)):
        assert not Bulletin.objects.published().filter(pk=bulletin.pk).exists()


def test_archived_and_withdrawn_bulletins_leave_the_public_queryset(people):
    archived = bulletin_in("published", created_by=people["owner"])
    withdrawn = bulletin_in("published", created_by=people["owner"])
    workflow.bulletin_archive(archived, by=people["editor"])
    workflow.bulletin_withdraw(withdrawn, by=people["editor"], comment="撤回")
    assert not Bulletin.objects.published().filter(pk__in=[archived.pk, withdrawn.pk]).exists()


# Trash ------------------------------------------------------------------------------------


def test_trash_hides_a_published_bulletin_and_editor_can_restore_it(people):
    bulletin = bulletin_in("published", created_by=people["owner"])
    workflow.bulletin_trash(bulletin, by=people["editor"])
    bulletin.refresh_from_db()
    assert bulletin.deleted_at is not None and bulletin.status == Status.PUBLISHED
    assert not Bulletin.objects.published().filter(pk=bulletin.pk).exists()
    assert Bulletin.objects.filter(pk=bulletin.pk).exists(), "soft delete keeps the row"
    assert Transition.objects.filter(bulletin=bulletin, action=workflow.TRASH, by=people["editor"]).exists()

    with pytest.raises(workflow.InvalidTransition):
        workflow.bulletin_archive(bulletin, by=people["editor"])
    with pytest.raises(workflow.WorkflowPermissionError):
        workflow.bulletin_untrash(bulletin, by=people["owner"])

    workflow.bulletin_untrash(bulletin, by=people["administrator"])
    assert bulletin.deleted_at is None
    assert Bulletin.objects.published().filter(pk=bulletin.pk).exists()
    assert Transition.objects.filter(bulletin=bulletin, action=workflow.UNTRASH).exists()


def test_authors_cannot_trash_and_trash_twice_is_invalid(people):
    bulletin = bulletin_in("draft", created_by=people["owner"])
    with pytest.raises(workflow.WorkflowPermissionError):
        workflow.bulletin_trash(bulletin, by=people["owner"])
    workflow.bulletin_trash(bulletin, by=people["editor"])
    with pytest.raises(workflow.InvalidTransition):
        workflow.bulletin_trash(bulletin, by=people["editor"])
    with pytest.raises(workflow.InvalidTransition):
        workflow.bulletin_untrash(make_bulletin(), by=people["editor"])


def test_nothing_may_be_edited_in_the_trash(people):
    bulletin = bulletin_in("draft", created_by=people["owner"])
    workflow.bulletin_trash(bulletin, by=people["editor"])
    assert not workflow.can_edit(people["editor"], bulletin)
    assert not workflow.can_edit(people["owner"], bulletin)
    assert workflow.available_actions(bulletin, people["editor"]) == []


# Roles --------------------------------------------------------------------------------------


def test_groups_exist_with_the_custom_permissions():
    perms = {
        name: set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))
        for name in ("Author", "Editor", "Administrator")
    }
    assert {"submit_bulletin", "add_bulletin", "change_bulletin", "add_observation"} <= perms["Author"]
    assert not {"review_bulletin", "publish_bulletin", "delete_bulletin", "change_user"} & perms["Author"]
    assert {"submit_bulletin", "review_bulletin", "publish_bulletin", "delete_bulletin"} <= perms["Editor"]
    assert "change_user" not in perms["Editor"]
    assert perms["Editor"] <= perms["Administrator"]
    assert {"add_user", "change_user", "view_user"} <= perms["Administrator"]
    for codenames in perms.values():
        assert not {"change_transition", "delete_transition", "add_transition"} & codenames


def test_who_may_edit_what(people):
    own_draft = bulletin_in("draft", created_by=people["owner"])
    own_review = bulletin_in("in_review", created_by=people["owner"])
    published = bulletin_in("published", created_by=people["owner"])
    assert workflow.can_edit(people["owner"], own_draft)
    assert not workflow.can_edit(people["owner"], own_review)
    assert not workflow.can_edit(people["owner"], published)
    assert not workflow.can_edit(people["other_author"], own_draft)
    assert not workflow.can_view(people["other_author"], own_draft)
    assert workflow.can_view(people["owner"], own_review)
    for role in ("editor", "administrator"):
        for bulletin in (own_draft, own_review, published):
            assert workflow.can_edit(people[role], bulletin)
    assert not workflow.can_edit(people["no_role"], own_draft)


# Content: one writer for creating and saving -----------------------------------------------------


def test_bulletin_create_saves_a_draft_at_version_one_owned_by_its_author_whatever_it_was_given():
    author = make_user(groups=["Author"])
    given = Bulletin(
        title="新公报", slug="new-bulletin", body="正文。", status=Status.PUBLISHED,
        publish_at=timezone.now(), version=7,
    )
    workflow.bulletin_create(given, by=author)
    saved = Bulletin.objects.get(slug="new-bulletin")
    assert (saved.status, saved.version, saved.publish_at, saved.created_by) == (Status.DRAFT, 1, None, author)
    assert not Bulletin.objects.published().filter(pk=saved.pk).exists()


def test_bulletin_create_refuses_a_bulletin_already_saved():
    with pytest.raises(ValueError):
        workflow.bulletin_create(make_bulletin(status=Status.DRAFT), by=make_user(groups=["Editor"]))


def test_bulletin_update_saves_the_content_as_the_next_version_and_leaves_the_state_alone():
    bulletin = make_bulletin(status=Status.IN_REVIEW)
    bulletin.status = Status.PUBLISHED  # not content: a save never changes it
    workflow.bulletin_update(bulletin, by=make_user(groups=["Editor"]), loaded_version=1, title="改后的标题")
    bulletin.refresh_from_db()
    assert (bulletin.title, bulletin.version, bulletin.status) == ("改后的标题", 2, Status.IN_REVIEW)


def test_bulletin_update_refuses_a_save_from_a_stale_version():
    editor = make_user(groups=["Editor"])
    bulletin = make_bulletin(status=Status.DRAFT)
    workflow.bulletin_update(bulletin, by=editor, loaded_version=1, title="同事的修改")
    with pytest.raises(workflow.StaleVersion):
        workflow.bulletin_update(Bulletin.objects.get(pk=bulletin.pk), by=editor, loaded_version=1, title="覆盖")
    bulletin.refresh_from_db()
    assert (bulletin.title, bulletin.version) == ("同事的修改", 2)


def test_bulletin_update_refuses_an_author_saving_someone_elses_bulletin():
    bulletin = make_bulletin(status=Status.DRAFT, created_by=make_user(groups=["Author"]))
    with pytest.raises(workflow.WorkflowPermissionError):
        workflow.bulletin_update(bulletin, by=make_user(groups=["Author"]), loaded_version=1, title="改")
    assert Bulletin.objects.get(pk=bulletin.pk).version == 1


def test_bulletin_update_takes_no_state_as_a_change():
    bulletin = make_bulletin(status=Status.DRAFT)
    with pytest.raises(ValueError):
        workflow.bulletin_update(bulletin, by=make_user(groups=["Editor"]), loaded_version=1, status=Status.PUBLISHED)


def test_bulletin_touch_bumps_the_version_and_writes_a_revision():
    bulletin = make_bulletin(status=Status.DRAFT)
    revision = workflow.bulletin_touch(bulletin, by=make_user(groups=["Editor"]), note="修改观测值")
    assert Bulletin.objects.get(pk=bulletin.pk).version == 2
    assert (revision.data["version"], revision.note) == (2, "修改观测值")


def test_a_scheduled_bulletin_is_rescheduled_to_a_time_still_to_come(people):
    bulletin = bulletin_in("scheduled", created_by=people["owner"])
    editor = people["editor"]
    with pytest.raises(ValidationError):
        workflow.bulletin_reschedule(bulletin, by=editor, at=timezone.now() - timedelta(minutes=1))
    with pytest.raises(ValidationError):
        workflow.bulletin_reschedule(bulletin, by=editor, at=None)
    later = timezone.now() + timedelta(days=5)
    workflow.bulletin_reschedule(bulletin, by=editor, at=later, comment="等发布会")
    bulletin.refresh_from_db()
    assert bulletin.publish_at == later and bulletin.is_scheduled
    record = Transition.objects.get(bulletin=bulletin, action="reschedule")
    assert (record.publish_at, record.comment) == (later, "等发布会")
