"""Admin of the indicator catalogue and of observations.

Observations follow their bulletin: an Author sees and changes only those of their own bulletins
while the bulletin is a draft (the same rule as ``bulletins.workflow.can_edit``), and a change
here is a change of the bulletin (new version and revision), like editing it inline.
Accepting and rejecting candidates is for editors (``review``), on the change form and as
bulk actions on the changelist; for an Author the review state is read-only.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from bulletins import workflow
from bulletins.models import Bulletin
from ecoportal.publishing import Status

from . import review
from .choices import ReviewState
from .models import Indicator, Observation


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "category", "unit", "higher_is_better", "is_headline"]
    list_filter = ["category", "is_headline"]
    search_fields = ["name", "name_en", "code"]


@admin.register(Observation)
class ObservationAdmin(admin.ModelAdmin):
    list_display = ["indicator", "value_text", "unit", "region", "period_label", "review_state", "bulletin"]
    list_select_related = ["indicator", "region", "bulletin"]
    list_filter = ["review_state", "indicator__category", "indicator", "region"]
    search_fields = ["quote", "value_text", "bulletin__title", "indicator__name"]
    autocomplete_fields = ["indicator"]
    fields = [
        "bulletin",
        ("indicator", "region"),
        ("value", "value_text", "unit"),
        ("period_start", "period_end", "period_label"),
        "quote",
        ("qualifier", "review_state"),
    ]
    actions = ["accept_candidates", "reject_candidates"]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        return readonly if review.may_review(request.user) else [*readonly, "review_state"]

    def has_review_permission(self, request):
        return review.may_review(request.user)

    def _review(self, request, queryset, state):
        try:
            count = review.observations_review(list(queryset), state=state, by=request.user)
        except PermissionDenied as refused:
            self.message_user(request, str(refused), messages.ERROR)
            return
        self.message_user(
            request,
            ngettext("%(count)d 个数值已改为“%(state)s”。", "%(count)d 个数值已改为“%(state)s”。", count)
            % {"count": count, "state": ReviewState(state).label},
            messages.SUCCESS,
        )

    @admin.action(description=_("采用所选候选数值"), permissions=["review"])
    def accept_candidates(self, request, queryset):
        self._review(request, queryset, ReviewState.ACCEPTED)

    @admin.action(description=_("驳回所选候选数值"), permissions=["review"])
    def reject_candidates(self, request, queryset):
        self._review(request, queryset, ReviewState.REJECTED)

    def get_queryset(self, request):
        queryset = super().get_queryset(request).filter(bulletin__deleted_at__isnull=True)
        if not workflow.is_editor(request.user):
            queryset = queryset.filter(bulletin__created_by=request.user)
        return queryset

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request)
        return allowed if obj is None else allowed and workflow.can_edit(request.user, obj.bulletin)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request)
        return allowed if obj is None else allowed and workflow.can_edit(request.user, obj.bulletin)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "bulletin":
            queryset = Bulletin.objects.alive()
            if not workflow.is_editor(request.user):
                queryset = queryset.filter(created_by=request.user, status=Status.DRAFT)
            kwargs["queryset"] = queryset
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        workflow.ensure_can_edit(obj.bulletin, by=request.user)
        review.observation_keep_review_state(obj, by=request.user)
        super().save_model(request, obj, form, change)
        workflow.bulletin_touch(obj.bulletin, by=request.user, note=gettext("修改观测值"))

    def delete_model(self, request, obj):
        bulletin = obj.bulletin
        workflow.ensure_can_edit(bulletin, by=request.user)
        super().delete_model(request, obj)
        workflow.bulletin_touch(bulletin, by=request.user, note=gettext("删除观测值"))

    def delete_queryset(self, request, queryset):
        for observation in queryset.select_related("bulletin"):
            self.delete_model(request, observation)
