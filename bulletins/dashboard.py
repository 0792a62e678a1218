"""The editors' dashboard: what each person has to do next, on the admin's index.

Each panel is a function ``request → panel or None`` (None: not for this user) registered
with the admin site (``PortalAdminSite.dashboard_panels``), and reads its list in one query
whatever the number of bulletins: the few newest rows (``LIMIT``, one more to know whether
there are others), with what the list says about each (the time it goes public, who sent it
back and why) taken in the same query. Authors see their own bulletins, as everywhere in the
admin; Editors see everyone's.
"""

from dataclasses import dataclass, field

from django.db.models import F, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ecoportal.publishing import Status

from . import workflow
from .models import Bulletin, Transition

#: Rows shown per panel; the rest are one click away in the filtered list.
LIMIT = 8


@dataclass
class Row:
    title: str
    url: str
    meta: str = ""
    note: str = ""


@dataclass
class Panel:
    id: str
    title: str
    empty: str
    rows: list = field(default_factory=list)
    more_url: str = ""
    more: bool = False
    #: Links shown under the list (the importer, the review page…): (label, url).
    links: list = field(default_factory=list)


def _changelist(query=""):
    url = reverse("admin:bulletins_bulletin_changelist")
    return f"{url}?{query}" if query else url


def _change_url(bulletin):
    return reverse("admin:bulletins_bulletin_change", args=[bulletin.pk])


def _when(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def works_with_bulletins(user):
    return user.has_perm("bulletins.view_bulletin") or user.has_perm("bulletins.change_bulletin")


def _visible(request):
    """The bulletins this user works with in the admin (an Author: their own)."""
    queryset = Bulletin.objects.alive().only("id", "title", "status", "publish_at", "updated_at", "created_by_id")
    if not workflow.is_editor(request.user):
        queryset = queryset.filter(created_by=request.user)
    return queryset


def _latest_transition(value):
    """A subquery: ``value`` of the bulletin's latest state change (not trash or restore)."""
    return Subquery(
        Transition.objects.filter(bulletin=OuterRef("pk"), action__in=list(workflow.TRANSITIONS))
        .order_by("-at", "-id").values(value)[:1]
    )


def fill(panel, queryset, row):
    bulletins = list(queryset[: LIMIT + 1])
    panel.more = len(bulletins) > LIMIT
    panel.rows = [row(bulletin) for bulletin in bulletins[:LIMIT]]
    return panel


def my_drafts(request):
    if not request.user.has_perm("bulletins.add_bulletin"):
        return None
    panel = Panel(
        "my-drafts", _("我的草稿"), _("没有草稿。"),
        more_url=_changelist(f"status={Status.DRAFT}&mine=1"),
        links=[(_("写一篇新公报"), reverse("admin:bulletins_bulletin_add")),
               (_("导入公报原文"), reverse("bulletin_import:index"))],
    )
    queryset = (
        Bulletin.objects.alive().filter(created_by=request.user, status=Status.DRAFT)
        .only("id", "title", "updated_at").order_by("-updated_at", "-id")
    )
    return fill(panel, queryset, lambda b: Row(b.title, _change_url(b), _("改于 %s") % _when(b.updated_at)))


def awaiting_my_review(request):
    """In review and not sent by this editor (nobody approves their own submission)."""
    if not workflow.is_editor(request.user):
        return None
    panel = Panel(
        "awaiting-review", _("等我审核"), _("没有等您审核的公报。"),
        more_url=_changelist(f"status={Status.IN_REVIEW}"),
    )
    submitter = Subquery(
        Transition.objects.filter(bulletin=OuterRef("pk"), action=workflow.SUBMIT.name)
        .order_by("-at", "-id").values("by__username")[:1]
    )
    queryset = (
        Bulletin.objects.alive().filter(status=Status.IN_REVIEW)
        .annotate(
            submitter_id=Coalesce(
                Subquery(
                    Transition.objects.filter(bulletin=OuterRef("pk"), action=workflow.SUBMIT.name)
                    .order_by("-at", "-id").values("by_id")[:1]
                ),
                F("created_by_id"),
                output_field=IntegerField(),
            ),
            submitter_name=submitter,
            submitted_at=_latest_transition("at"),
        )
        .exclude(submitter_id=request.user.pk)
        .only("id", "title").order_by("submitted_at", "id")
    )

    def row(bulletin):
        meta = _("%(who)s 提交于 %(at)s") % {"who": bulletin.submitter_name or "—", "at": _when(bulletin.submitted_at)}
        return Row(bulletin.title, _change_url(bulletin), meta)

    return fill(panel, queryset, row)


def scheduled(request):
    if not works_with_bulletins(request.user):
        return None
    panel = Panel(
        "scheduled", _("定时发布"), _("没有定时发布的公报。"), more_url=_changelist("status=scheduled"),
    )
    queryset = _visible(request).scheduled().order_by("publish_at", "id")
    return fill(panel, queryset, lambda b: Row(b.title, _change_url(b), _("%s 公开") % _when(b.publish_at)))


def recently_published(request):
    if not works_with_bulletins(request.user):
        return None
    panel = Panel(
        "recently-published", _("最近发布"), _("还没有已公开的公报。"),
        more_url=_changelist(f"status={Status.PUBLISHED}"),
    )
    queryset = _visible(request).published().order_by("-publish_at", "-id")
    return fill(panel, queryset, lambda b: Row(b.title, _change_url(b), _("%s 公开") % _when(b.publish_at)))


def sent_back(request):
    """Drafts whose last state change was a reviewer's "request changes", with the comment."""
    if not works_with_bulletins(request.user):
        return None
    panel = Panel(
        "sent-back", _("退回修改"), _("没有被退回的公报。"), more_url=_changelist("status=sent_back"),
    )
    queryset = (
        sent_back_bulletins(_visible(request))
        .annotate(
            reviewer=_latest_transition("by__username"),
            comment=_latest_transition("comment"),
            sent_back_at=_latest_transition("at"),
        )
        .order_by("-sent_back_at", "-id")
    )

    def row(bulletin):
        meta = _("%(who)s 退回于 %(at)s") % {"who": bulletin.reviewer or "—", "at": _when(bulletin.sent_back_at)}
        return Row(bulletin.title, _change_url(bulletin), meta, bulletin.comment)

    return fill(panel, queryset, row)


def sent_back_bulletins(queryset):
    """Drafts whose latest state change was "request changes" (what the list filter offers too)."""
    return (
        queryset.filter(status=Status.DRAFT)
        .annotate(last_action=_latest_transition("action"))
        .filter(last_action=workflow.REQUEST_CHANGES.name)
    )


PANELS = [my_drafts, awaiting_my_review, sent_back, scheduled, recently_published]
