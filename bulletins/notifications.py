"""E-mails the workflow sends: who is told what, with a link to the bulletin in the admin.

* submitted for review → the Editors (anyone who may review), but not the one who submitted;
* sent back, approved (or scheduled), published without review, rescheduled (改期) → its
  author and whoever submitted it, but not the one who acted;
* a scheduled bulletin gone public (``workflow.record_gone_live``, run by
  ``manage.py notify_gone_live``) → its author, submitter and approver.

Sent after the change commits, through Django's mail framework (the console in development,
SMTP by settings: docs/operations.md). Each person may turn them off in the admin ("邮件通知",
``NotificationPreference``); people without an e-mail address or inactive are skipped. A
failure to send is logged and does not undo the change.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from .models import Bulletin, NotificationPreference, Transition

logger = logging.getLogger(__name__)

SUBMITTED = "submit"
SENT_BACK = "request_changes"
APPROVED = "publish"
PUBLISHED_WITHOUT_REVIEW = "publish_without_review"
RESCHEDULED = "reschedule"
GONE_LIVE = "gone_live"
#: The workflow actions that tell someone.
NOTIFIED_ACTIONS = {SUBMITTED, SENT_BACK, APPROVED, PUBLISHED_WITHOUT_REVIEW, RESCHEDULED}

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def wants_email(users):
    """Those of ``users`` with an address, active, who have not turned the e-mails off."""
    off = set(
        NotificationPreference.objects.filter(user__in=[u.pk for u in users], email_enabled=False)
        .values_list("user_id", flat=True)
    )
    return [user for user in users if user.is_active and user.email and user.pk not in off]


def reviewers():
    return list(
        get_user_model().objects.with_perm("bulletins.review_bulletin", backend=MODEL_BACKEND).filter(is_staff=True)
    )


def people_of(bulletin, *actions):
    """The author and the last one to perform each of ``actions`` on the bulletin."""
    ids = {bulletin.created_by_id}
    for action in actions:
        last = (
            Transition.objects.filter(bulletin_id=bulletin.pk, action=action)
            .order_by("-at", "-id").values_list("by_id", flat=True).first()
        )
        ids.add(last)
    return list(get_user_model().objects.filter(pk__in=[pk for pk in ids if pk]))


def admin_link(bulletin):
    return settings.SITE_URL.rstrip("/") + reverse("admin:bulletins_bulletin_change", args=[bulletin.pk])


def _when(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else "—"


def _time_before(bulletin):
    """The publish time a rescheduling replaced: the one its approval or last rescheduling set."""
    times = (
        Transition.objects.filter(bulletin_id=bulletin.pk, action__in=(APPROVED, PUBLISHED_WITHOUT_REVIEW, RESCHEDULED))
        .exclude(publish_at=None).order_by("-at", "-id").values_list("publish_at", flat=True)[:2]
    )
    return times[1] if len(times) > 1 else None


def _message(kind, bulletin, by, comment):
    """(subject, first lines) of the e-mail of ``kind``."""
    who = by.get_username() if by else _("系统")
    title = bulletin.title
    if kind == SUBMITTED:
        return _("待审核：%s") % title, [_("%(who)s 提交了《%(title)s》，等待审核。") % {"who": who, "title": title}]
    if kind == SENT_BACK:
        return _("退回修改：%s") % title, [
            _("%(who)s 退回了《%(title)s》，请按意见修改后再次提交。") % {"who": who, "title": title},
            _("意见：%s") % comment,
        ]
    if kind in (APPROVED, PUBLISHED_WITHOUT_REVIEW):
        if bulletin.publish_at and bulletin.publish_at > timezone.now():
            line = _("%(who)s 批准了《%(title)s》，将于 %(at)s 公开。") % {
                "who": who, "title": title, "at": _when(bulletin.publish_at)}
            subject = _("已批准，定时公开：%s") % title
        else:
            line = _("%(who)s 批准了《%(title)s》，已经公开。") % {"who": who, "title": title}
            subject = _("已公开：%s") % title
        lines = [line]
        if kind == PUBLISHED_WITHOUT_REVIEW:
            lines.append(_("未经第二位编辑审核，理由：%s") % comment)
        return subject, lines
    if kind == RESCHEDULED:
        lines = [_("%(who)s 将《%(title)s》的公开时间由 %(before)s 改为 %(at)s。") % {
            "who": who, "title": title, "before": _when(_time_before(bulletin)), "at": _when(bulletin.publish_at)}]
        if comment:
            lines.append(_("说明：%s") % comment)
        return _("改期：%s") % title, lines
    if kind == GONE_LIVE:
        return _("已公开：%s") % title, [
            _("《%(title)s》已于 %(at)s 按计划公开。") % {"title": title, "at": _when(bulletin.publish_at)}
        ]
    raise ValueError(f"no e-mail for {kind!r}")


def recipients(kind, bulletin, by):
    if kind == SUBMITTED:
        people = reviewers()
    elif kind == GONE_LIVE:
        people = people_of(bulletin, SUBMITTED, APPROVED, PUBLISHED_WITHOUT_REVIEW)
    else:
        people = people_of(bulletin, SUBMITTED)
    return [user for user in wants_email(people) if not (by and user.pk == by.pk)]


def notify(kind, bulletin, *, by=None, comment=""):
    """Send the e-mail of ``kind`` about ``bulletin`` to those concerned; returns how many."""
    people = recipients(kind, bulletin, by)
    if not people:
        return 0
    with override(settings.LANGUAGE_CODE):
        subject, lines = _message(kind, bulletin, by, comment)
        footer = [
            "",
            _("打开这篇公报：%s") % admin_link(bulletin),
            "",
            _("不想收到这类邮件？在编辑后台右上角的“邮件通知”中关闭：%s")
            % (settings.SITE_URL.rstrip("/") + reverse("admin:bulletins_bulletin_notifications")),
        ]
    body = "\n".join([*lines, *footer])
    messages = [EmailMessage(subject, body, to=[user.email]) for user in people]
    try:
        return get_connection().send_messages(messages) or 0
    except Exception:  # a mail server down must not undo an editor's work
        logger.exception("notification e-mail %s about bulletin %s not sent", kind, bulletin.pk)
        return 0


def after_transition(bulletin_id, action, *, by, comment):
    """What the workflow calls once a transition has committed."""
    if action not in NOTIFIED_ACTIONS:
        return
    bulletin = Bulletin.objects.filter(pk=bulletin_id).first()
    if bulletin is not None:
        notify(action, bulletin, by=by, comment=comment)

