"""The editors' admin: bulletins with their workflow, revisions and trash; reference data.

Permissions are those of ``bulletins.workflow``: Authors see their own bulletins and edit them
while they are drafts; Editors and Administrators see and edit everything. State changes only
happen through the workflow functions (buttons on the change form, bulk actions), deleting
moves to the trash, and the audit log cannot be changed by anyone.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.utils import model_ngettext
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count
from django.db.models.fields.json import KT
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ecoportal.publishing import Status

from . import dashboard, revisions, workflow
from .admin_views import BulletinEditorialViewsMixin
from .forms import BulletinAdminForm
from .models import (
    AchievementItem,
    AchievementList,
    Bulletin,
    Correction,
    Publisher,
    Region,
    Topic,
    Transition,
)

SCHEDULED = "scheduled"
SENT_BACK = "sent_back"
AUDIT_LABELS = {
    workflow.TRASH: _("移入回收站"),
    workflow.UNTRASH: _("从回收站恢复"),
    workflow.RESTORE_REVISION: _("恢复修订"),
    workflow.OVERRIDE_CHECKS: _("忽略检查结果"),
    workflow.GONE_LIVE: _("按时公开"),
}


def status_badge_html(bulletin):
    if bulletin.deleted_at is not None:
        key, label = "trash", gettext("回收站")
    elif bulletin.is_scheduled:
        key = SCHEDULED
        label = gettext("定时 %s") % timezone.localtime(bulletin.publish_at).strftime("%Y-%m-%d %H:%M")
    else:
        key, label = bulletin.status, Status(bulletin.status).label
    return format_html('<span class="status-badge status-{}">{}</span>', key, label)


# List filters -------------------------------------------------------------------------------


class StatusFilter(admin.SimpleListFilter):
    """The four states, with scheduled items told apart from those already public."""

    title = _("状态")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [
            (Status.DRAFT, Status.DRAFT.label),
            (SENT_BACK, _("退回修改的草稿")),
            (Status.IN_REVIEW, _("待审核")),
            (SCHEDULED, _("已批准、定时发布")),
            (Status.PUBLISHED, _("已公开")),
            (Status.ARCHIVED, Status.ARCHIVED.label),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == SCHEDULED:
            return queryset.scheduled()
        if value == SENT_BACK:
            return dashboard.sent_back_bulletins(queryset)
        if value == Status.PUBLISHED:
            return queryset.published()
        if value in (Status.DRAFT, Status.IN_REVIEW, Status.ARCHIVED):
            return queryset.filter(status=value)
        return queryset


class MineFilter(admin.SimpleListFilter):
    """What I wrote, and what I sent to review or reviewed."""

    title = _("我的")
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return [("1", _("我创建的")), ("touched", _("我提交或审核过的"))]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.filter(created_by=request.user)
        if self.value() == "touched":
            return queryset.filter(
                pk__in=Transition.objects.filter(by=request.user, action__in=list(workflow.TRANSITIONS))
                .values("bulletin_id")
            )
        return queryset


class TrashFilter(admin.SimpleListFilter):
    """Bulletins in the trash are listed only when asked for."""

    title = _("回收站")
    parameter_name = "trash"

    def lookups(self, request, model_admin):
        return [("1", _("回收站中的公报"))]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.filter(deleted_at__isnull=False)
        return queryset.filter(deleted_at__isnull=True)


class YearFilter(admin.SimpleListFilter):
    title = _("年度")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = model_admin.get_queryset(request).dates("issued_on", "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.in_year(int(value))
        return queryset


# Inlines ------------------------------------------------------------------------------------


class FollowsBulletinInlineMixin:
    """Rows that belong to a bulletin can be changed exactly when the bulletin can."""

    def _bulletin_editable(self, request, obj):
        return obj is None or workflow.can_edit(request.user, obj)

    def has_add_permission(self, request, obj):
        return super().has_add_permission(request, obj) and self._bulletin_editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._bulletin_editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._bulletin_editable(request, obj)


class AchievementListInline(FollowsBulletinInlineMixin, admin.StackedInline):
    model = AchievementList
    fields = ["title", "slug", "year", "item_list"]
    readonly_fields = ["item_list"]
    max_num = 1
    extra = 0
    show_change_link = True
    verbose_name_plural = _("成果清单（条目在清单页中编辑）")

    @admin.display(description=_("条目"))
    def item_list(self, obj):
        if not obj.pk:
            return "—"
        items = obj.items.all()
        if not items:
            return gettext("（尚无条目，保存后点击“更改”添加）")
        return format_html(
            '<ol class="achievement-items">{}</ol>',
            format_html_join("", '<li value="{}">{}</li>', ((item.number, item.title) for item in items)),
        )


class CorrectionInline(FollowsBulletinInlineMixin, admin.TabularInline):
    model = Correction
    fields = ["original", "corrected", "note"]
    extra = 0

    def get_queryset(self, request):
        # Corrections of published figures are public records, written only with their figure's.
        return super().get_queryset(request).filter(made_at__isnull=True)


class AchievementItemInline(FollowsBulletinInlineMixin, admin.TabularInline):
    model = AchievementItem
    fields = ["number", "title", "body"]
    extra = 0

    def _bulletin_editable(self, request, obj):
        return obj is None or workflow.can_edit(request.user, obj.bulletin)


# Bulletins ----------------------------------------------------------------------------------


def findings_by_sentence(findings):
    """[(sentence, [findings])], in the order the checks gave them: the review shows each
    sentence once, with what was found about its figures beside it."""
    grouped = {}
    for finding in findings:
        grouped.setdefault(finding.quote, []).append(finding)
    return list(grouped.items())


def _run_bulk(modeladmin, request, queryset, perform, verb):
    """Run one workflow function per bulletin; report successes and each refusal."""
    done = 0
    for bulletin in queryset:
        try:
            perform(bulletin)
        except (workflow.WorkflowError, ValidationError) as error:
            text = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            modeladmin.message_user(request, f"“{bulletin}”：{text}", messages.WARNING)
        else:
            done += 1
    if done:
        modeladmin.message_user(
            request,
            gettext("已%(verb)s %(count)d 篇%(name)s。")
            % {"verb": verb, "count": done, "name": model_ngettext(modeladmin.opts, done)},
            messages.SUCCESS,
        )


@admin.register(Bulletin)
class BulletinAdmin(BulletinEditorialViewsMixin, admin.ModelAdmin):
    form = BulletinAdminForm
    formfield_overrides = {
        models.URLField: {"assume_scheme": "https"},
        # Checkboxes rather than filter_horizontal, whose search boxes screen readers cannot name.
        models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple},
    }
    change_form_template = "admin/bulletins/bulletin/change_form.html"
    change_list_template = "admin/bulletins/bulletin/change_list.html"
    delete_confirmation_template = "admin/bulletins/bulletin/delete_confirmation.html"
    list_display = [
        "title_cell", "status_badge", "region", "publisher", "created_by", "issued_on", "publish_at",
    ]
    list_select_related = ["region", "publisher", "created_by"]
    list_filter = [
        StatusFilter, MineFilter, "region", "publisher", YearFilter, "topics",
        ("created_by", admin.RelatedOnlyFieldListFilter), TrashFilter,
    ]
    search_fields = ["title", "slug", "summary", "body"]
    date_hierarchy = "issued_on"
    list_per_page = 50
    inlines = [AchievementListInline, CorrectionInline]
    #: Inlines of rows other apps keep for a bulletin (indicators: its figures), which they add
    #: here from their own admin module; shown between the achievement list and corrections.
    following_inlines = []
    readonly_fields = ["status_badge", "publish_at", "version", "created_by", "created_at", "updated_at", "content_hash", "cover_preview"]
    actions = ["submit_selected", "publish_selected", "archive_selected", "trash_selected", "untrash_selected"]
    fieldsets = [
        (None, {"fields": ["loaded_version", "title", "slug", "summary", "body"]}),
        (
            _("来源"),
            {
                "fields": [
                    ("region", "region_label"), "publisher", ("source_name", "author_name"),
                    ("issued_on", "issued_at_text"), ("period_start", "period_end"),
                    "source_url", "original_url", "topics",
                ]
            },
        ),
        (_("封面图"), {"fields": ["cover_image", "cover_alt", "cover_preview"]}),
        (_("编者按与原文"), {"fields": ["editorial_note", "raw_text", "content_hash"], "classes": ["collapse"]}),
        (_("状态"), {
            "fields": [
                "status_badge", "publish_at", "pre_announce", "version", "created_by", "created_at", "updated_at",
            ],
            "description": _(
                "发布时间在页面上方的“流程”中设定：批准时填写将来的时间即为定时发布，到时自动公开；"
                "定时的公报可在那里“改期”。"
            ),
        }),
    ]

    # display ----------------------------------------------------------------------------------

    @admin.display(description=_("状态"), ordering="status")
    def status_badge(self, obj):
        if obj.pk is None:
            return status_badge_html(Bulletin(status=Status.DRAFT))
        return status_badge_html(obj)

    @admin.display(description=_("标题"), ordering="title")
    def title_cell(self, obj):
        """One line, cut by the stylesheet; the whole title on hover and for screen readers."""
        return format_html('<span class="title-cell" title="{}">{}</span>', obj.title, obj.title)

    @admin.display(description=_("缩略图"))
    def cover_preview(self, obj):
        if obj.cover_rendition:
            return format_html('<img src="{}" alt="{}" class="cover-preview">', obj.cover_rendition.url, obj.cover_alt)
        return "—"

    def get_inlines(self, request, obj):
        first, *rest = super().get_inlines(request, obj)
        return [first, *self.following_inlines, *rest]

    # permissions ------------------------------------------------------------------------------

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        # Pre-announcing a release is the Editor's choice, like its time.
        return readonly if workflow.is_editor(request.user) else [*readonly, "pre_announce"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if not workflow.is_editor(request.user):
            queryset = queryset.filter(created_by=request.user)
        return queryset

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and (
            obj is None or workflow.can_view(request.user, obj)
        )

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return workflow.can_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is None:
            return super().has_delete_permission(request)
        return obj.deleted_at is None and workflow.can_trash(request.user, obj)

    def has_submit_permission(self, request):
        return request.user.has_perm("bulletins.submit_bulletin")

    def has_publish_permission(self, request):
        return request.user.has_perm("bulletins.publish_bulletin")

    def has_untrash_permission(self, request):
        return workflow.can_untrash(request.user, None)

    # saving -----------------------------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        # The form has checked the version and holds the row locked (BulletinAdminForm).
        if change:
            workflow.bulletin_update(obj, by=request.user, loaded_version=form.locked_version)
        else:
            workflow.bulletin_create(obj, by=request.user)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        revisions.revision_create(form.instance, by=request.user, note=gettext("保存") if change else gettext("新建"))

    # trash instead of delete ------------------------------------------------------------------

    def get_deleted_objects(self, objs, request):
        return [str(obj) for obj in objs], {}, set(), []

    def delete_model(self, request, obj):
        workflow.bulletin_trash(obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for bulletin in queryset:
            workflow.bulletin_trash(bulletin, by=request.user)

    def response_delete(self, request, obj_display, obj_id):
        if IS_POPUP_VAR in request.POST:
            return super().response_delete(request, obj_display, obj_id)
        self.message_user(request, gettext("“%s”已移入回收站，编辑可在回收站中恢复。") % obj_display, messages.SUCCESS)
        return HttpResponseRedirect(reverse(f"{self.admin_site.name}:bulletins_bulletin_changelist"))

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    # bulk actions ------------------------------------------------------------------------------

    @admin.action(description=_("提交所选公报审核"), permissions=["submit"])
    def submit_selected(self, request, queryset):
        _run_bulk(self, request, queryset, lambda b: workflow.bulletin_submit(b, by=request.user), gettext("提交"))

    @admin.action(description=_("立即发布所选（待审核的）公报"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        _run_bulk(self, request, queryset, lambda b: workflow.bulletin_publish(b, by=request.user), gettext("发布"))

    @admin.action(description=_("归档所选公报"), permissions=["publish"])
    def archive_selected(self, request, queryset):
        _run_bulk(self, request, queryset, lambda b: workflow.bulletin_archive(b, by=request.user), gettext("归档"))

    @admin.action(description=_("将所选公报移入回收站"), permissions=["delete"])
    def trash_selected(self, request, queryset):
        _run_bulk(self, request, queryset, lambda b: workflow.bulletin_trash(b, by=request.user), gettext("移入回收站"))

    @admin.action(description=_("从回收站恢复所选公报"), permissions=["untrash"])
    def untrash_selected(self, request, queryset):
        _run_bulk(self, request, queryset, lambda b: workflow.bulletin_untrash(b, by=request.user), gettext("恢复"))

    # pages ------------------------------------------------------------------------------------

    def changelist_view(self, request, extra_context=None):
        extra_context = extra_context or {}
        if workflow.is_editor(request.user):
            extra_context["awaiting_review_count"] = Bulletin.objects.alive().filter(status=Status.IN_REVIEW).count()
        return super().changelist_view(request, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            context.update(self._editorial_context(request, obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _editorial_context(self, request, obj):
        user = request.user
        labels = {**{a.name: a.label for a in workflow.TRANSITIONS.values()}, **AUDIT_LABELS}
        statuses = dict(Status.choices)
        transitions = list(obj.transitions.select_related("by").order_by("-at", "-id"))
        for row in transitions:
            row.action_label = labels.get(row.action, row.action or "—")
        revision_list = list(
            obj.revisions.select_related("by")
            .defer("data")
            .annotate(data_version=KT("data__version"), data_status=KT("data__status"))
            .order_by("-number")
        )
        for row in revision_list:
            row.status_label = statuses.get(row.data_status, row.data_status or "—")
        findings = workflow.content_findings(obj)
        return {
            "findings_by_sentence": findings_by_sentence(findings),
            "findings_blocking": sum(finding.is_blocking for finding in findings),
            "workflow_actions": workflow.available_actions(obj, user),
            "status_badge": status_badge_html(obj),
            "can_untrash": obj.deleted_at is not None and workflow.can_untrash(user, obj),
            "can_restore_revision": workflow.can_edit(user, obj),
            "transitions": transitions,
            "revision_list": revision_list,
            "latest_revision_number": revision_list[0].number if revision_list else None,
        }


# The achievement list with its items ---------------------------------------------------------


@admin.register(AchievementList)
class AchievementListAdmin(admin.ModelAdmin):
    list_display = ["title", "bulletin", "year", "item_count"]
    list_select_related = ["bulletin"]
    list_filter = ["year"]
    search_fields = ["title", "slug", "bulletin__title"]
    inlines = [AchievementItemInline]

    def get_queryset(self, request):
        queryset = super().get_queryset(request).annotate(item_total=Count("items"))
        if not workflow.is_editor(request.user):
            queryset = queryset.filter(bulletin__created_by=request.user)
        return queryset.filter(bulletin__deleted_at__isnull=True)

    @admin.display(description=_("条目数"), ordering="item_total")
    def item_count(self, obj):
        return obj.item_total

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return super().has_change_permission(request) and workflow.can_edit(request.user, obj.bulletin)

    def has_delete_permission(self, request, obj=None):
        if obj is None:
            return super().has_delete_permission(request)
        return super().has_delete_permission(request) and workflow.can_edit(request.user, obj.bulletin)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "bulletin":
            queryset = Bulletin.objects.alive()
            if not workflow.is_editor(request.user):
                queryset = queryset.filter(created_by=request.user, status=Status.DRAFT)
            kwargs["queryset"] = queryset
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        workflow.ensure_can_edit(obj.bulletin, by=request.user)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        workflow.bulletin_touch(form.instance.bulletin, by=request.user, note=gettext("修改成果清单"))

    def delete_model(self, request, obj):
        bulletin = obj.bulletin
        workflow.ensure_can_edit(bulletin, by=request.user)
        super().delete_model(request, obj)
        workflow.bulletin_touch(bulletin, by=request.user, note=gettext("删除成果清单"))

    def delete_queryset(self, request, queryset):
        for achievement_list in queryset.select_related("bulletin"):
            self.delete_model(request, achievement_list)


# The audit log and reference data -------------------------------------------------------------


@admin.register(Transition)
class TransitionAdmin(admin.ModelAdmin):
    """The audit log: readable by staff with the view permission, changeable by nobody."""

    list_display = ["at", "bulletin", "action", "from_status", "to_status", "by", "publish_at", "comment"]
    list_select_related = ["bulletin", "by"]
    list_filter = ["action", "to_status", "by"]
    search_fields = ["bulletin__title", "comment"]
    date_hierarchy = "at"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if not workflow.is_editor(request.user):
            queryset = queryset.filter(bulletin__created_by=request.user)
        return queryset

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "level", "parent", "code"]
    list_select_related = ["parent"]
    list_filter = ["level"]
    search_fields = ["name", "name_en", "slug", "code"]


@admin.register(Publisher)
class PublisherAdmin(admin.ModelAdmin):
    list_display = ["name", "official_name_en", "slug", "region", "url"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_select_related = ["region"]
    search_fields = ["name", "name_en", "official_name_en", "slug"]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "name_en"]
    search_fields = ["name", "name_en", "slug"]


# The editors' dashboard on the admin's index ---------------------------------------------------

for _panel in dashboard.PANELS:
    admin.site.register_panel(_panel)
