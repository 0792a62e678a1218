"""The editorial workflow of bulletins: the only code that changes ``status``.

States and transitions (see ``TRANSITIONS``)::

    draft ──submit──▶ in_review ──publish──▶ published ──archive──▶ archived
      ▲                  │                      │
      └─request_changes──┘                      │
      └────────────────withdraw─────────────────┘

Each transition is one function, ``bulletin_<action>(bulletin, *, by, …)``, that inside one
transaction locks the row, checks the user's permission (``WorkflowPermissionError``) and the
transition table (``InvalidTransition``), validates its input (``ValidationError``), saves the
new state with a bumped ``version`` and writes a ``Transition`` audit row. Publishing with a
future ``at`` schedules: ``published_q`` makes the item public at that moment, no job needed.

Four eyes: nobody approves their own submission with ``publish``. An Administrator (the
``publish_without_review_bulletin`` permission) may instead ``publish_without_review`` with a
written reason, which the audit trail keeps; an Editor cannot publish their own work at all.

Moving to the trash and back (``bulletin_trash``/``bulletin_untrash``) keeps the state and is
audited the same way. Who may edit a bulletin's content is decided here too (``can_edit``), so
that the admin, revision restores and any other caller share one rule.

Content is written here as well, so that each rule has one writer: ``bulletin_create`` (a new
bulletin is a draft at version 1, owned by its author), ``bulletin_update`` (who may edit, a
save from a stale version refused) and ``bulletin_touch`` (a change to what follows a bulletin).
Every version bump goes through ``_save_new_version``. Writing a revision stays with the
caller, which knows when the related rows (topics, items, figures) are saved too.
"""

from dataclasses import dataclass
from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ecoportal.caching import generation
from ecoportal.publishing import Status

from . import notifications, revisions
from .models import Bulletin, Region, Transition


class WorkflowError(Exception):
    """Base of the errors a transition refuses with; ``str()`` is a message for the user."""


class InvalidTransition(WorkflowError):
    """The transition is not allowed from the bulletin's current state."""


class WorkflowPermissionError(WorkflowError, PermissionDenied):
    """The user may not perform this transition on this bulletin (a 403 if uncaught)."""


class StaleVersion(WorkflowError):
    """A save made from a version older than the bulletin's: it would overwrite a colleague's."""


@dataclass(frozen=True)
class Action:
    name: str
    label: str
    sources: frozenset
    target: str | None
    permission: str
    needs_comment: bool = False
    takes_time: bool = False
    #: Whether an Author may perform it on their own bulletin without being an editor.
    owner_may: bool = False
    #: What the required comment is called in the form (a reason rather than an opinion).
    comment_label: str = _("意见")


SUBMIT = Action("submit", _("提交审核"), frozenset({Status.DRAFT}), Status.IN_REVIEW, "bulletins.submit_bulletin", owner_may=True)
REQUEST_CHANGES = Action(
    "request_changes", _("退回修改"), frozenset({Status.IN_REVIEW}), Status.DRAFT, "bulletins.review_bulletin",
    needs_comment=True,
)
PUBLISH = Action(
    "publish", _("批准发布"), frozenset({Status.IN_REVIEW}), Status.PUBLISHED, "bulletins.publish_bulletin",
    takes_time=True,
)
WITHDRAW = Action(
    "withdraw", _("撤回"), frozenset({Status.PUBLISHED}), Status.DRAFT, "bulletins.publish_bulletin", needs_comment=True
)
ARCHIVE = Action("archive", _("归档"), frozenset({Status.PUBLISHED}), Status.ARCHIVED, "bulletins.publish_bulletin")
#: Whitehall's "force publish": no second reviewer, so the reason is required and audited.
PUBLISH_WITHOUT_REVIEW = Action(
    "publish_without_review", _("不经审核直接发布"), frozenset({Status.DRAFT, Status.IN_REVIEW}), Status.PUBLISHED,
    "bulletins.publish_without_review_bulletin", needs_comment=True, takes_time=True,
    comment_label=_("不经审核发布的理由"),
)

#: A scheduled bulletin (approved, its time to come) given another time, still to come.
RESCHEDULE = Action(
    "reschedule", _("改期"), frozenset({Status.PUBLISHED}), Status.PUBLISHED, "bulletins.publish_bulletin",
    takes_time=True,
)

#: The transition table: what the admin shows as buttons and what every function checks.
TRANSITIONS = {
    action.name: action
    for action in (SUBMIT, REQUEST_CHANGES, PUBLISH, WITHDRAW, ARCHIVE, PUBLISH_WITHOUT_REVIEW, RESCHEDULE)
}

TRASH = "trash"
UNTRASH = "untrash"
RESTORE_REVISION = "restore_revision"
OVERRIDE_CHECKS = "override_checks"
#: Recorded when a scheduled bulletin's time has come (``record_gone_live``); no state changes.
GONE_LIVE = notifications.GONE_LIVE

#: Checks of a bulletin's content run at submit and at approval: callables ``bulletin →
#: findings`` (each with ``is_blocking`` and ``as_text()``), registered by the app that owns
#: the content checked (``indicators.consistency`` for figures), so this module needs none.
CONTENT_CHECKS = []


def content_findings(bulletin):
    return [finding for check in CONTENT_CHECKS for finding in check(bulletin)]


def is_editor(user):
    """Editors (and administrators) review, so they may work on anyone's bulletins."""
    return bool(user and user.is_active and user.has_perm("bulletins.review_bulletin"))


def is_owner(user, bulletin):
    return bool(user and user.pk and bulletin.created_by_id == user.pk)


def can_view(user, bulletin):
    """Staff with the view or change permission see their own bulletins; editors see all."""
    if not (user and user.is_active and user.is_staff):
        return False
    if not (user.has_perm("bulletins.view_bulletin") or user.has_perm("bulletins.change_bulletin")):
        return False
    return is_editor(user) or is_owner(user, bulletin)


def can_edit(user, bulletin):
    """Editors edit anything not in the trash; Authors only their own drafts."""
    if not (user and user.is_active and user.is_staff and user.has_perm("bulletins.change_bulletin")):
        return False
    if bulletin.deleted_at is not None:
        return False
    if is_editor(user):
        return True
    return is_owner(user, bulletin) and bulletin.status == Status.DRAFT


def may_perform(user, bulletin, action):
    """Permission alone (not the state): the user's role and, for Authors, ownership."""
    if not (user and user.is_active and user.is_staff and user.has_perm(action.permission)):
        return False
    return is_editor(user) or (action.owner_may and is_owner(user, bulletin))


def submitter_id(bulletin):
    """Who sent the bulletin to review last (its author if no submission is recorded)."""
    submitted_by = (
        Transition.objects.filter(bulletin_id=bulletin.pk, action=SUBMIT.name)
        .order_by("-at", "-id").values_list("by_id", flat=True).first()
    )
    return submitted_by or bulletin.created_by_id


def is_own_submission(user, bulletin):
    return bool(user and user.pk) and submitter_id(bulletin) == user.pk


def _four_eyes_hides(action, user, bulletin):
    """Which buttons the four-eyes rule leaves out: approving one's own submission, and
    publishing without review where an ordinary approval is open to this user."""
    if bulletin.status != Status.IN_REVIEW:
        return False
    if action is PUBLISH:
        return is_own_submission(user, bulletin)
    if action is PUBLISH_WITHOUT_REVIEW:
        return not is_own_submission(user, bulletin)
    return False


def can_trash(user, bulletin):
    if not (user and user.is_active and user.is_staff and user.has_perm("bulletins.delete_bulletin")):
        return False
    return is_editor(user) or (is_owner(user, bulletin) and bulletin.status == Status.DRAFT)


def can_untrash(user, bulletin):
    return bool(
        user and user.is_active and user.is_staff
        and user.has_perm("bulletins.delete_bulletin") and is_editor(user)
    )


def available_actions(bulletin, user):
    """The transitions this user may perform on this bulletin now (the admin's buttons)."""
    if bulletin.pk is None or bulletin.deleted_at is not None:
        return []
    return [
        action
        for action in TRANSITIONS.values()
        if bulletin.status in action.sources and may_perform(user, bulletin, action)
        and not _four_eyes_hides(action, user, bulletin)
        and (action is not RESCHEDULE or bulletin.is_scheduled)
    ]


def _locked(bulletin):
    return Bulletin.objects.select_for_update().get(pk=bulletin.pk)


def _save_new_version(bulletin, fields):
    """Save ``fields`` of a locked ``bulletin`` as its next version: the one place it is bumped.
    In a transition or a correction (``generation.scoped``) the pages it touches are named, and
    the site's number when it is scheduled (it comes public on its own: ``generation._read``)."""
    bulletin.version += 1
    bulletin.save(update_fields=[*fields, "version", "updated_at"])
    if generation.collecting():
        # A bulletin left to come public later: the site's next moment must be read again.
        site = [generation.SITE] if bulletin.is_scheduled else []
        generation.content_changed(scopes=[f"bulletin:{bulletin.slug}", *region_scopes([bulletin.region_id]), *site])


def region_scopes(ids):
    """The scopes of the regions ``ids`` and of those above them, in one query."""
    return [f"region:{slug}" for slug in Region.objects.with_ancestors(ids).values_list("slug", flat=True)]


def _refresh(bulletin, locked):
    """Let the caller's instance see the new state, as if reloaded."""
    for field in ("status", "publish_at", "version", "deleted_at", "updated_at"):
        setattr(bulletin, field, getattr(locked, field))


def _permission_error(user, action_label):
    return WorkflowPermissionError(
        _("%(user)s 无权对此公报执行“%(action)s”。") % {"user": user or _("匿名用户"), "action": action_label}
    )


def _transition(bulletin, action, *, by, comment="", at=None, override_reason=""):
    comment = (comment or "").strip()
    override_reason = (override_reason or "").strip()
    findings = []
    with transaction.atomic(), generation.scoped():
        locked = _locked(bulletin)
        if not may_perform(by, locked, action):
            raise _permission_error(by, action.label)
        if action is PUBLISH and is_own_submission(by, locked):
            raise WorkflowPermissionError(
                _("不能批准自己提交的公报，须由另一位编辑审核；管理员可填写理由后“不经审核直接发布”。")
            )
        if locked.deleted_at is not None:
            raise InvalidTransition(_("公报在回收站中，不能“%(action)s”。") % {"action": action.label})
        if locked.status not in action.sources:
            raise InvalidTransition(
                _("状态为“%(status)s”的公报不能“%(action)s”。")
                % {"status": Status(locked.status).label, "action": action.label}
            )
        if action.needs_comment and not comment:
            raise ValidationError(
                _("“%(action)s”需要填写%(what)s。") % {"action": action.label, "what": action.comment_label},
                code="comment_required",
            )
        publishes = action in (PUBLISH, PUBLISH_WITHOUT_REVIEW)
        if action is RESCHEDULE:
            _validate_reschedule(locked, at)
            locked.publish_at = at
        if action is SUBMIT or publishes:
            findings = content_findings(locked)
        if publishes:
            _validate_publishable(locked)
            _check_findings(locked, findings, by=by, override_reason=override_reason)
            if at is not None and timezone.is_naive(at):
                raise ValidationError(_("定时发布的时间必须带时区。"), code="naive_datetime")
            if at is not None and at <= timezone.now():
                # publish_at is when the public could first read it: never backdated.
                raise ValidationError(_("定时发布的时间已过，须晚于现在；留空则立即发布。"), code="time_past")
            locked.publish_at = at or timezone.now()
        from_status = locked.status
        locked.status = action.target
        _save_new_version(locked, ["status", "publish_at"])
        Transition.objects.create(
            bulletin=locked,
            action=action.name,
            from_status=from_status,
            to_status=locked.status,
            by=by,
            comment=comment,
            publish_at=locked.publish_at if publishes or action is RESCHEDULE else None,
        )
        revisions.revision_create(locked, by=by, note=action.label)
        # Those concerned are told once the change is committed (bulletins.notifications).
        transaction.on_commit(partial(notifications.after_transition, locked.pk, action.name, by=by, comment=comment))
    _refresh(bulletin, locked)
    bulletin.findings = findings
    return bulletin


def _check_findings(bulletin, findings, *, by, override_reason):
    """Blocking findings stop an approval unless an Editor gives a reason to override them,
    which the audit trail keeps with the findings it overrode."""
    blocking = [finding for finding in findings if finding.is_blocking]
    if not blocking:
        return
    if not override_reason:
        raise ValidationError(
            _("有 %(count)d 项阻止发布的检查结果；请更正，或由编辑填写理由后批准。") % {"count": len(blocking)},
            code="blocking_findings",
        )
    if not is_editor(by):
        raise _permission_error(by, _("忽略检查结果"))
    lines = "\n".join(finding.as_text() for finding in blocking)
    _audit(bulletin, OVERRIDE_CHECKS, by=by, comment=f"{override_reason}\n{lines}")


def _validate_reschedule(bulletin, at):
    if not bulletin.is_scheduled:
        raise InvalidTransition(_("只有尚未公开的定时发布公报可以改期。"))
    if at is None:
        raise ValidationError(_("改期需要填写新的公开时间。"), code="time_required")
    if timezone.is_naive(at):
        raise ValidationError(_("定时发布的时间必须带时区。"), code="naive_datetime")
    if at <= timezone.now():
        raise ValidationError(_("新的公开时间须晚于现在；要立即公开，请先撤回再批准。"), code="time_past")


def _validate_publishable(bulletin):
    errors = {}
    if not bulletin.title.strip():
        errors["title"] = _("发布前需要标题。")
    if not bulletin.body.strip():
        errors["body"] = _("发布前需要正文。")
    if bulletin.cover_image and not bulletin.cover_alt.strip():
        errors["cover_alt"] = _("有封面图时需要替代文字。")
    if errors:
        raise ValidationError(errors)


def bulletin_submit(bulletin, *, by, comment=""):
    """An Author (or an editor) sends a draft to review."""
    return _transition(bulletin, SUBMIT, by=by, comment=comment)


def bulletin_request_changes(bulletin, *, by, comment):
    """A reviewer sends an item in review back to draft, saying what to change."""
    return _transition(bulletin, REQUEST_CHANGES, by=by, comment=comment)


def bulletin_publish(bulletin, *, by, at=None, comment="", override_reason=""):
    """Approve an item in review: public now, or from ``at`` if that is in the future.

    Refused while the content checks find something blocking, unless ``override_reason``."""
    return _transition(bulletin, PUBLISH, by=by, at=at, comment=comment, override_reason=override_reason)


def bulletin_publish_without_review(bulletin, *, by, comment, at=None, override_reason=""):
    """An Administrator publishes (a draft, or their own submission) with no second reviewer;
    ``comment`` is the required reason, kept in the audit trail."""
    return _transition(
        bulletin, PUBLISH_WITHOUT_REVIEW, by=by, at=at, comment=comment, override_reason=override_reason
    )


def bulletin_reschedule(bulletin, *, by, at, comment=""):
    """Give a scheduled bulletin another publish time, still to come (an Editor's act)."""
    return _transition(bulletin, RESCHEDULE, by=by, at=at, comment=comment)


def bulletin_withdraw(bulletin, *, by, comment):
    """Take a published (or scheduled) item back to draft; the reason is recorded."""
    return _transition(bulletin, WITHDRAW, by=by, comment=comment)


def bulletin_archive(bulletin, *, by, comment=""):
    """Retire a published item: it leaves every public surface and stays in the admin."""
    return _transition(bulletin, ARCHIVE, by=by, comment=comment)


ACTION_FUNCTIONS = {
    SUBMIT.name: bulletin_submit,
    REQUEST_CHANGES.name: bulletin_request_changes,
    PUBLISH.name: bulletin_publish,
    WITHDRAW.name: bulletin_withdraw,
    ARCHIVE.name: bulletin_archive,
    PUBLISH_WITHOUT_REVIEW.name: bulletin_publish_without_review,
    RESCHEDULE.name: bulletin_reschedule,
}


def bulletin_perform(bulletin, action_name, *, by, comment="", at=None, override_reason=""):
    """Run the transition named ``action_name`` (for forms and bulk actions)."""
    try:
        action = TRANSITIONS[action_name]
    except KeyError:
        raise InvalidTransition(_("未知的操作“%(action)s”。") % {"action": action_name}) from None
    kwargs = {"by": by, "comment": comment}
    if action.takes_time:
        kwargs["at"] = at
    if action in (PUBLISH, PUBLISH_WITHOUT_REVIEW):
        kwargs["override_reason"] = override_reason
    return ACTION_FUNCTIONS[action.name](bulletin, **kwargs)


def _audit(bulletin, action, *, by, comment=""):
    Transition.objects.create(
        bulletin=bulletin, action=action, from_status=bulletin.status, to_status=bulletin.status,
        by=by, comment=str(comment),
    )


def bulletin_trash(bulletin, *, by, comment=""):
    """Move to the trash: gone from every surface, restorable by an editor; state is kept."""
    with transaction.atomic():
        locked = _locked(bulletin)
        if not can_trash(by, locked):
            raise _permission_error(by, _("删除"))
        if locked.deleted_at is not None:
            raise InvalidTransition(_("公报已在回收站中。"))
        locked.deleted_at = timezone.now()
        _save_new_version(locked, ["deleted_at"])
        _audit(locked, TRASH, by=by, comment=comment)
        revisions.revision_create(locked, by=by, note=_("移入回收站"))
    _refresh(bulletin, locked)
    return bulletin


def bulletin_untrash(bulletin, *, by, comment=""):
    """Bring a bulletin back from the trash in the state it had."""
    with transaction.atomic():
        locked = _locked(bulletin)
        if not can_untrash(by, locked):
            raise _permission_error(by, _("从回收站恢复"))
        if locked.deleted_at is None:
            raise InvalidTransition(_("公报不在回收站中。"))
        locked.deleted_at = None
        _save_new_version(locked, ["deleted_at"])
        _audit(locked, UNTRASH, by=by, comment=comment)
        revisions.revision_create(locked, by=by, note=_("从回收站恢复"))
    _refresh(bulletin, locked)
    return bulletin


def record_gone_live(now=None):
    """Record (audit row ``gone_live``) and announce (e-mail) each bulletin approved for a later
    time whose time has come since; each once. Returns how many. Run by ``manage.py
    notify_gone_live`` every few minutes: the bulletin is public at its time whether this runs or
    not (``published_q``), only the record and the e-mail wait for it."""
    now = now or timezone.now()
    approval = Transition.objects.filter(
        bulletin=OuterRef("pk"), action__in=[PUBLISH.name, PUBLISH_WITHOUT_REVIEW.name, RESCHEDULE.name]
    ).order_by("-at", "-id")
    due = (
        Bulletin.objects.filter(status=Status.PUBLISHED, deleted_at__isnull=True, publish_at__lte=now)
        .annotate(approved_at=Subquery(approval.values("at")[:1]), approved_for=Subquery(approval.values("publish_at")[:1]))
        .filter(approved_for__gt=F("approved_at"), approved_for=F("publish_at"))
        .exclude(Exists(Transition.objects.filter(bulletin=OuterRef("pk"), action=GONE_LIVE, at__gte=OuterRef("approved_at"))))
    )
    recorded = 0
    for bulletin in due:
        with transaction.atomic():
            locked = _locked(bulletin)
            already = Transition.objects.filter(bulletin=locked, action=GONE_LIVE, at__gte=bulletin.approved_at)
            if locked.status != Status.PUBLISHED or locked.publish_at != bulletin.publish_at or already.exists():
                continue
            _audit(locked, GONE_LIVE, by=None)
            transaction.on_commit(partial(notifications.notify, GONE_LIVE, locked))
        recorded += 1
    return recorded


# Content ----------------------------------------------------------------------------------

#: What a content save writes; state, schedule and trash only change through the transitions.
CONTENT_SAVED_FIELDS = [
    field.name for field in Bulletin._meta.concrete_fields
    if field.name not in {"id", "status", "publish_at", "deleted_at", "version", "created_by", "created_at", "updated_at"}
]

#: What ``bulletin_update`` accepts as changes: each field by its name or, for a relation, its column.
_CONTENT_NAMES = {
    name for field_name in CONTENT_SAVED_FIELDS
    for name in (field_name, Bulletin._meta.get_field(field_name).attname)
}


def bulletin_create(bulletin, *, by):
    """Save the new, unsaved ``bulletin``: a draft at version 1, created by ``by``.

    The caller has validated the content (a form, or ``full_clean``) and decided that ``by`` may
    add bulletins; whatever state or version the instance was given is not taken.
    """
    if bulletin.pk is not None:
        raise ValueError("bulletin_create() saves a new bulletin; use bulletin_update() for an existing one")
    bulletin.status = Status.DRAFT
    bulletin.version = 1
    bulletin.publish_at = None
    bulletin.deleted_at = None
    bulletin.created_by = by
    bulletin.save(force_insert=True)
    return bulletin


def bulletin_update(bulletin, *, by, loaded_version, **changes):
    """Save ``bulletin``'s content (with ``changes`` applied) as its next version.

    ``loaded_version`` is the version the change was made on: if the bulletin has moved on since,
    the save would overwrite someone else's and is refused (``StaleVersion``). Only
    ``CONTENT_SAVED_FIELDS`` are written; state, schedule and trash are left as they are.
    """
    unknown = set(changes) - _CONTENT_NAMES
    if unknown:
        raise ValueError(f"not content fields: {sorted(unknown)}")
    with transaction.atomic():
        locked = _locked(bulletin)
        ensure_can_edit(locked, by=by)
        if loaded_version != locked.version:
            raise StaleVersion(
                _("公报已从版本 %(loaded)s 改为版本 %(current)s，此次保存会覆盖他人的修改。")
                % {"loaded": loaded_version, "current": locked.version}
            )
        for name, value in changes.items():
            setattr(bulletin, name, value)
        bulletin.version = locked.version
        _save_new_version(bulletin, CONTENT_SAVED_FIELDS)
    return bulletin


def bulletin_touch(bulletin, *, by, note=""):
    """A change to what follows a bulletin (achievement items, observations) saved elsewhere
    is a change of the bulletin: a new version, so open forms see a conflict, and a revision."""
    with transaction.atomic():
        locked = _locked(bulletin)
        _save_new_version(locked, [])
        return revisions.revision_create(locked, by=by, note=note)


def ensure_can_edit(bulletin, *, by):
    """Raise ``WorkflowPermissionError`` unless ``by`` may change this bulletin's content."""
    if not can_edit(by, bulletin):
        raise _permission_error(by, _("编辑"))


def audit_revision_restore(bulletin, *, by, revision_number):
    """Record that content was restored from an earlier revision (state is unchanged)."""
    _audit(bulletin, RESTORE_REVISION, by=by, comment=str(_("恢复到修订 r%(n)s") % {"n": revision_number}))
