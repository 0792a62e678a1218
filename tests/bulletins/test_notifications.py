"""E-mails of the workflow: who is told of a submission, a sending back, an approval and a
scheduled bulletin gone public, with a link to it; nobody is told of their own act; each
person may turn them off; a mail server down undoes nothing."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from bulletins import notifications, workflow
from bulletins.models import NotificationPreference, Transition
from ecoportal.publishing import Status
from tests.factories import make_bulletin, make_user

pytestmark = pytest.mark.django_db

PREFERENCES = reverse("admin:bulletins_bulletin_notifications")


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the e-mails), as a request's transaction would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def sent():
    return {address: message for message in mail.outbox for address in message.to}


def test_a_submission_tells_the_editors_but_not_the_submitter(commit, author, editor, second_editor, administrator):
    make_user(groups=["Editor"], email="")  # no address: skipped
    NotificationPreference.objects.create(user=second_editor, email_enabled=False)
    bulletin = make_bulletin(status=Status.DRAFT, created_by=author, title="湿地市通报")
    with commit():
        workflow.bulletin_submit(bulletin, by=author)
    assert set(sent()) == {editor.email, administrator.email}
    message = sent()[editor.email]
    assert message.subject == "待审核：湿地市通报"
    link = "http://127.0.0.1:8000" + reverse("admin:bulletins_bulletin_change", args=[bulletin.pk])
    assert link in message.body and PREFERENCES in message.body


def test_sending_back_tells_the_author_the_comment(commit, author, editor):
    bulletin = make_bulletin(status=Status.DRAFT, created_by=author, title="湿地市通报")
    workflow.bulletin_submit(bulletin, by=author)
    mail.outbox.clear()
    with commit():
        workflow.bulletin_request_changes(bulletin, by=editor, comment="请补充修复面积。")
    assert list(sent()) == [author.email]
    assert "请补充修复面积。" in sent()[author.email].body


def test_approval_for_later_then_the_time_coming_tells_author_and_approver_once(commit, author, editor):
    bulletin = make_bulletin(status=Status.DRAFT, created_by=author, title="湿地市通报")
    workflow.bulletin_submit(bulletin, by=author)
    at = timezone.now() + timedelta(hours=2)
    mail.outbox.clear()
    with commit():
        workflow.bulletin_publish(bulletin, by=editor, at=at)
    assert list(sent()) == [author.email]
    assert sent()[author.email].subject == "已批准，定时公开：湿地市通报"
    assert f"将于 {timezone.localtime(at):%Y-%m-%d %H:%M} 公开" in sent()[author.email].body

    mail.outbox.clear()
    with commit():
        assert workflow.record_gone_live(now=timezone.now()) == 0  # not yet
        assert workflow.record_gone_live(now=at + timedelta(minutes=1)) == 1
        assert workflow.record_gone_live(now=at + timedelta(minutes=6)) == 0  # once
    assert set(sent()) == {author.email, editor.email}
    assert sent()[editor.email].subject == "已公开：湿地市通报"
    assert Transition.objects.filter(bulletin=bulletin, action=workflow.GONE_LIVE).count() == 1


def test_a_bulletin_published_at_once_is_not_announced_again_as_gone_live(commit, author, editor):
    bulletin = make_bulletin(status=Status.DRAFT, created_by=author)
    workflow.bulletin_submit(bulletin, by=author)
    workflow.bulletin_publish(bulletin, by=editor)
    make_bulletin()  # published by the fixtures, with no approval recorded
    assert workflow.record_gone_live(now=timezone.now() + timedelta(days=1)) == 0


def test_publishing_without_review_tells_the_author_the_reason(commit, author, administrator):
    bulletin = make_bulletin(status=Status.DRAFT, created_by=author, title="湿地市通报")
    with commit():
        workflow.bulletin_publish_without_review(bulletin, by=administrator, comment="汛期紧急通告。")
    assert list(sent()) == [author.email]
    assert "汛期紧急通告。" in sent()[author.email].body


def test_each_person_turns_the_emails_off_and_on_in_the_admin(client, commit, author, editor):
    client.force_login(editor)
    page = client.get(PREFERENCES)
    assert page.status_code == 200 and editor.email in page.text
    assert client.get(reverse("admin:index")).text.count(f'href="{PREFERENCES}"') == 1  # in the user links
    response = client.post(PREFERENCES, {})  # the box unticked
    assert response.status_code == 302
    assert NotificationPreference.objects.get(user=editor).email_enabled is False
    bulletin = make_bulletin(status=Status.DRAFT, created_by=author)
    with commit():
        workflow.bulletin_submit(bulletin, by=author)
    assert editor.email not in sent()
    client.post(PREFERENCES, {"email_enabled": "on"})
    assert NotificationPreference.objects.get(user=editor).email_enabled is True
    # An Author's preference is their own too.
    client.force_login(author)
    client.post(PREFERENCES, {})
    assert NotificationPreference.objects.get(user=author).email_enabled is False
    assert NotificationPreference.objects.get(user=editor).email_enabled is True


def test_a_mail_server_down_leaves_the_transition_done(commit, author, editor, monkeypatch):
    class Down:
        def send_messages(self, messages):
            raise OSError("connection refused")

    monkeypatch.setattr(notifications, "get_connection", Down)
    bulletin = make_bulletin(status=Status.DRAFT, created_by=author)
    with commit():
        workflow.bulletin_submit(bulletin, by=author)
    bulletin.refresh_from_db()
    assert bulletin.status == Status.IN_REVIEW


def test_the_gone_live_command_runs(commit, capsys):
    from django.core.management import call_command

    call_command("notify_gone_live")
    assert "0 scheduled bulletin(s)" in capsys.readouterr().out


def test_a_rescheduled_bulletin_is_announced_at_its_new_time(commit, author, editor, second_editor):
    bulletin = make_bulletin(status=Status.DRAFT, created_by=author)
    workflow.bulletin_submit(bulletin, by=author)
    first = timezone.now() + timedelta(hours=1)
    workflow.bulletin_publish(bulletin, by=editor, at=first)
    second = first + timedelta(days=1)
    workflow.bulletin_reschedule(bulletin, by=second_editor, at=second)
    assert workflow.record_gone_live(now=first + timedelta(minutes=5)) == 0
    assert workflow.record_gone_live(now=second + timedelta(minutes=5)) == 1


def test_rescheduling_tells_the_author_and_submitter_the_new_time(commit, author, editor, second_editor):
    # Submitted by an editor on the author's behalf: both are told, as of an approval; whoever
    # moves the time is not told of their own act, nor anyone who has turned the e-mails off.
    submitter = make_user(groups=["Editor"], email="submitter@example.org")
    bulletin = make_bulletin(status=Status.DRAFT, created_by=author, title="湿地市通报")
    workflow.bulletin_submit(bulletin, by=submitter)
    first = timezone.now() + timedelta(hours=1)
    workflow.bulletin_publish(bulletin, by=editor, at=first)
    second = first + timedelta(days=1)
    mail.outbox.clear()
    with commit():
        workflow.bulletin_reschedule(bulletin, by=second_editor, at=second, comment="等发布会后公开。")
    assert set(sent()) == {author.email, submitter.email}
    message = sent()[author.email]
    assert message.subject == "改期：湿地市通报"
    assert f"{timezone.localtime(first):%Y-%m-%d %H:%M}" in message.body
    assert f"改为 {timezone.localtime(second):%Y-%m-%d %H:%M}" in message.body
    assert "等发布会后公开。" in message.body
    assert reverse("admin:bulletins_bulletin_change", args=[bulletin.pk]) in message.body

    mail.outbox.clear()
    with commit():
        workflow.bulletin_reschedule(bulletin, by=submitter, at=second + timedelta(hours=1))
    assert list(sent()) == [author.email]  # the submitter moved it this time

    NotificationPreference.objects.create(user=author, email_enabled=False)
    mail.outbox.clear()
    with commit():
        workflow.bulletin_reschedule(bulletin, by=editor, at=second + timedelta(hours=2))
    assert list(sent()) == [submitter.email]
