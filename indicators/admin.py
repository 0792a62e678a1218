"""Admin of the indicator catalogue and of observations.

Observations follow their bulletin: an Author sees and changes only those of their own bulletins
while the bulletin is a draft (the same rule as ``bulletins.workflow.can_edit``), and a change
here is a change of the bulletin (new version and revision), like editing it inline.
Accepting and rejecting candidates is for editors (``review``), on the change form and as
bulk actions on the changelist; for an Author the review state is read-only.

The changelist is the review of candidate figures: each figure beside its sentence (the value
marked in it), with the reasons the importer gave and what it proposes (a new indicator, a new
region). Accepting in bulk creates what is proposed first (``proposals``); dropping the
proposals rejects the figures that had no indicator. Filtered by bulletin, it reads in the
order of the text.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from bulletins import dashboard, workflow
from bulletins.admin import BulletinAdmin, FollowsBulletinInlineMixin
from bulletins.models import Bulletin, Region
from ecoportal.publishing import Status

from . import corrections, history, proposals, review, wordings
from .admin_corrections import ObservationCorrectionsMixin
from .choices import ObservationKind, ReviewState
from .models import Indicator, IndicatorLimit, Observation, VersionEvent, Wording


class ObservationInline(FollowsBulletinInlineMixin, admin.StackedInline):
    model = Observation
    fields = [
        ("indicator", "region"),
        ("value", "value_text", "unit"),
        ("period_start", "period_end", "period_label"),
        "quote",
        ("qualifier", "review_state"),
    ]
    extra = 0
    classes = ["collapse"]
    verbose_name_plural = _("观测值（数值须与原句一致）")

    def _bulletin_editable(self, request, obj):
        # An approved bulletin's figures change only by a public correction (``corrections``).
        return super()._bulletin_editable(request, obj) and (obj is None or not corrections.figures_locked(obj))

    def get_readonly_fields(self, request, obj=None):
        # Accepting a candidate is an editor's act (indicators.review); Authors see the state.
        readonly = list(super().get_readonly_fields(request, obj))
        return readonly if review.may_review(request.user) else [*readonly, "review_state"]

    def get_formset(self, request, obj=None, **kwargs):
        formset_class = super().get_formset(request, obj, **kwargs)
        by = request.user

        class KeepsReviewState(formset_class):
            """A forged review_state from an Author is not taken (``review``)."""

            def save_new(self, form, commit=True):
                return self._save(form, commit)

            def save_existing(self, form, obj, commit=True):
                return self._save(form, commit)

            def _save(self, form, commit):
                observation = form.save(commit=False)
                corrections.ensure_not_locked(self.instance)
                created = observation.pk is None
                review.observation_keep_review_state(observation, by=by)
                if commit:
                    observation.save()
                    form.save_m2m()
                    history.version_record(observation, VersionEvent.CREATED if created else VersionEvent.CHANGED, by=by)
                return observation

            def delete_existing(self, obj, commit=True):
                corrections.ensure_not_locked(self.instance)
                super().delete_existing(obj, commit)

        return KeepsReviewState

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name in ("indicator", "region"):
            # Every figure's form offers the same indicators and regions: read them once for the
            # formset, not once per figure (a bulletin may state seventy figures).
            field.choices = list(field.choices)
        return field


# The bulletin's change form edits its figures too.
if ObservationInline not in BulletinAdmin.following_inlines:
    BulletinAdmin.following_inlines.append(ObservationInline)


class IndicatorLimitInline(admin.TabularInline):
    model = IndicatorLimit
    fields = ["value", "unit_code", "basis", "basis_en"]
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "category", "unit", "higher_is_better", "is_headline"]
    list_filter = ["category", "is_headline"]
    search_fields = ["name", "name_en", "code", "aliases_zh", "aliases_en"]
    fieldsets = [
        (None, {"fields": [
            ("code", "category"), ("name", "name_en"), ("unit", "unit_en", "unit_code"),
            ("higher_is_better", "is_headline"), "description",
        ]}),
        (_("参考目录"), {"fields": [
            ("aliases_zh", "aliases_en"), ("definition", "definition_en"), ("other_unit_codes", "same_as"),
        ]}),
    ]
    inlines = [IndicatorLimitInline]


@admin.register(Wording)
class WordingAdmin(admin.ModelAdmin):
    """The wordings the importer learnt from editors' filings, one region each: an editor
    corrects or removes one here (``indicators.wordings``)."""

    list_display = ["text", "indicator", "region", "created_by", "created_at"]
    list_select_related = ["indicator", "region", "created_by"]
    search_fields = ["text", "indicator__name", "region__name"]
    autocomplete_fields = ["indicator", "region"]
    readonly_fields = ["created_by", "created_at"]

    def save_model(self, request, obj, form, change):
        obj.created_by = request.user
        super().save_model(request, obj, form, change)


class ProposalFilter(admin.SimpleListFilter):
    title = _("建议")
    parameter_name = "proposal"

    def lookups(self, request, model_admin):
        return [("indicator", _("建议新指标")), ("region", _("建议新地区")), ("none", _("无建议"))]

    def queryset(self, request, queryset):
        if self.value() == "indicator":
            return queryset.exclude(proposed_indicator_name="")
        if self.value() == "region":
            return queryset.exclude(proposed_region_name="")
        if self.value() == "none":
            return queryset.filter(proposed_indicator_name="", proposed_region_name="")
        return queryset


class FixFiguresForm(forms.Form):
    """What the bulk fix gives every selected figure; a field left empty is left as it is."""

    region = forms.ModelChoiceField(
        Region.objects.all(), required=False, label=_("地区"), help_text=_("留空则不改。"),
    )
    period_start = forms.DateField(
        required=False, label=_("期间起"), widget=forms.DateInput(attrs={"type": "date"}), help_text=_("留空则不改。"),
    )
    period_end = forms.DateField(
        required=False, label=_("期间止"), widget=forms.DateInput(attrs={"type": "date"}), help_text=_("留空则不改。"),
    )
    period_label = forms.CharField(
        required=False, max_length=64, label=_("期间（原文）"), help_text=_("照录原文，如“2023年”“1—11月”；留空则不改。"),
    )

    def changes(self):
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}

    def clean(self):
        cleaned = super().clean()
        if not self.changes():
            raise ValidationError(gettext("请至少填写一项要更正的内容。"))
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and start > end:
            raise ValidationError(gettext("期间的开始晚于结束。"))
        return cleaned


def marked_sentence(observation):
    """The sentence with the figure's value marked where it is written in it."""
    quote, written = observation.quote, observation.value_text
    at = quote.find(written) if written and not observation.derived else -1
    if at < 0:
        return quote
    return format_html("{}<mark>{}</mark>{}", quote[:at], written, quote[at + len(written):])


@admin.register(Observation)
class ObservationAdmin(ObservationCorrectionsMixin, admin.ModelAdmin):
    list_display = [
        "figure", "indicator_or_proposal", "region_or_proposal", "period_label", "sentence",
        "reasons_list", "review_state", "bulletin",
    ]
    list_select_related = ["indicator", "region", "bulletin"]
    list_filter = ["review_state", ProposalFilter, "kind", "indicator__category", "indicator", "region"]
    search_fields = ["quote", "value_text", "bulletin__title", "indicator__name", "proposed_indicator_name"]
    autocomplete_fields = ["indicator"]
    ordering = ["bulletin", "id"]
    fieldsets = [
        (None, {"fields": [
            "bulletin",
            ("indicator", "region"),
            ("value", "value_text", "unit"),
            ("kind", "approximate", "derived"),
            ("period_start", "period_end", "period_label"),
            "quote",
            ("qualifier", "review_state"),
            "reasons",
        ]}),
        (_("建议"), {"fields": [
            ("proposed_indicator_name", "proposed_indicator_unit", "proposed_indicator_category"),
            ("proposed_region_name", "proposed_region_code", "proposed_region_parent_code"),
        ]}),
    ]
    actions = ["accept_candidates", "reject_candidates", "fix_region_and_period", "drop_proposals"]
    change_list_template = "admin/indicators/observation/change_list.html"

    @admin.display(description=_("数值"))
    def figure(self, obj):
        marks = [label for flag, label in (
            (obj.kind != ObservationKind.LEVEL, obj.get_kind_display()),
            (obj.approximate, gettext("约数")),
            (obj.derived, gettext("推算值")),
        ) if flag]
        return format_html(
            "{}{}{}", obj.value_text, obj.unit,
            format_html_join("", " <small>[{}]</small>", ((mark,) for mark in marks)),
        )

    @admin.display(description=_("指标"), ordering="indicator")
    def indicator_or_proposal(self, obj):
        if obj.indicator_id:
            return obj.indicator
        return format_html(
            "<em>{}</em> {}（{}）", gettext("建议新指标"), obj.proposed_indicator_name,
            obj.proposed_indicator_unit or obj.unit,
        )

    @admin.display(description=_("地区"), ordering="region")
    def region_or_proposal(self, obj):
        if obj.region_id:
            return obj.region
        if obj.proposed_region_name:
            return format_html(
                "<em>{}</em> {} {}", gettext("建议新地区"), obj.proposed_region_name, obj.proposed_region_code
            )
        return "—"

    @admin.display(description=_("原句"))
    def sentence(self, obj):
        return marked_sentence(obj)

    @admin.display(description=_("识别依据"))
    def reasons_list(self, obj):
        lines = [line for line in obj.reasons.splitlines() if line.strip()]
        return format_html_join("", "<div>{}</div>", ((line,) for line in lines)) if lines else "—"

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        return readonly if review.may_review(request.user) else [*readonly, "review_state"]

    def has_review_permission(self, request):
        return review.may_review(request.user)

    def _as_editor(self, request, act):
        """What ``act()`` returns, or None after showing why it was refused."""
        try:
            return act()
        except PermissionDenied as refused:
            self.message_user(request, str(refused), messages.ERROR)
            return None

    def _review(self, request, queryset, state):
        count = self._as_editor(
            request, lambda: review.observations_review(list(queryset), state=state, by=request.user)
        )
        if count is None:
            return
        self.message_user(
            request,
            ngettext("%(count)d 个数值已改为“%(state)s”。", "%(count)d 个数值已改为“%(state)s”。", count)
            % {"count": count, "state": ReviewState(state).label},
            messages.SUCCESS,
        )

    @admin.action(description=_("采用所选候选数值（先建立所建议的指标和地区）"), permissions=["review"])
    def accept_candidates(self, request, queryset):
        outcome = self._as_editor(request, lambda: proposals.observations_accept(list(queryset), by=request.user))
        if outcome is None:
            return
        self.message_user(
            request,
            gettext("%(count)d 个数值已采用；新建指标 %(indicators)d 个、地区 %(regions)d 个。")
            % {"count": outcome.accepted, "indicators": len(outcome.indicators_created),
               "regions": len(outcome.regions_created)},
            messages.SUCCESS,
        )
        for observation, reason in outcome.skipped:
            self.message_user(
                request, gettext("未采用 %(figure)s：%(reason)s") % {"figure": observation, "reason": reason},
                messages.WARNING,
            )

    @admin.action(description=_("放弃所选数值的建议（无指标者驳回）"), permissions=["review"])
    def drop_proposals(self, request, queryset):
        dropped = self._as_editor(
            request, lambda: proposals.observations_drop_proposals(list(queryset), by=request.user)
        )
        if dropped is None:
            return
        rejected, cleared = dropped
        self.message_user(
            request,
            gettext("已驳回 %(rejected)d 个建议新指标的数值，清除 %(cleared)d 个地区建议。")
            % {"rejected": rejected, "cleared": cleared},
            messages.SUCCESS,
        )

    @admin.action(description=_("批量更正所选数值的地区和期间"), permissions=["review"])
    def fix_region_and_period(self, request, queryset):
        """Give the selected figures one region and/or period (a page asks which), each saved as
        an edit of its own (same checks, history and bulletin revision as its change form)."""
        form = FixFiguresForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            changes = form.changes()
            fixed = 0
            for observation in queryset.select_related("bulletin"):
                for name, value in changes.items():
                    setattr(observation, name, value)
                try:
                    observation.full_clean(exclude=["bulletin", "indicator"])
                    self.save_model(request, observation, None, True)
                except (PermissionDenied, ValidationError) as refused:
                    text = " ".join(refused.messages) if isinstance(refused, ValidationError) else str(refused)
                    self.message_user(request, gettext("未更正 %(figure)s：%(reason)s") % {
                        "figure": observation, "reason": text}, messages.WARNING)
                else:
                    fixed += 1
            self.message_user(request, gettext("已更正 %(count)d 个数值。") % {"count": fixed}, messages.SUCCESS)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("批量更正地区和期间"),
            "opts": self.opts,
            "form": form,
            "observations": queryset.select_related("indicator", "region"),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/indicators/observation/fix_region_and_period.html", context)

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
        return allowed if obj is None else allowed and self.may_edit_figure(request, obj)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request)
        return allowed if obj is None else allowed and self.may_edit_figure(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "bulletin":
            queryset = Bulletin.objects.alive()
            if not workflow.is_editor(request.user):
                queryset = queryset.filter(created_by=request.user, status=Status.DRAFT)
            kwargs["queryset"] = queryset
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        workflow.ensure_can_edit(obj.bulletin, by=request.user)
        corrections.ensure_not_locked(obj.bulletin)
        if change:
            corrections.ensure_not_locked(Observation.objects.select_related("bulletin").get(pk=obj.pk).bulletin)
        review.observation_keep_review_state(obj, by=request.user)
        wording = None
        if obj.indicator_id and obj.proposed_indicator_name and review.may_review(request.user):
            wording = wordings.filed(obj, by=request.user)
        super().save_model(request, obj, form, change)
        if wording is not None:
            self.message_user(
                request,
                gettext("以后导入%(region)s的公报时，“%(text)s”将归入指标“%(indicator)s”。")
                % {"region": obj.bulletin.region, "text": wording.text, "indicator": obj.indicator},
                messages.INFO,
            )
        history.version_record(obj, VersionEvent.CHANGED if change else VersionEvent.CREATED, by=request.user)
        workflow.bulletin_touch(obj.bulletin, by=request.user, note=gettext("修改观测值"))

    def delete_model(self, request, obj):
        bulletin = obj.bulletin
        workflow.ensure_can_edit(bulletin, by=request.user)
        corrections.ensure_not_locked(bulletin)
        super().delete_model(request, obj)
        workflow.bulletin_touch(bulletin, by=request.user, note=gettext("删除观测值"))

    def delete_queryset(self, request, queryset):
        for observation in queryset.select_related("bulletin"):
            self.delete_model(request, observation)


# The dashboard: candidate figures waiting for an editor ----------------------------------------


def candidate_figures(request):
    """Bulletins with candidate figures, the oldest first, with how many each has (one query)."""
    if not review.may_review(request.user):
        return None
    changelist = reverse("admin:indicators_observation_changelist")
    panel = dashboard.Panel(
        "candidate-figures", gettext("待审核的候选数值"), gettext("没有待审核的候选数值。"),
        more_url=f"{changelist}?review_state__exact={ReviewState.CANDIDATE}",
        links=[(gettext("导入公报原文"), reverse("bulletin_import:index"))],
    )
    counts = (
        Observation.objects.filter(review_state=ReviewState.CANDIDATE, bulletin__deleted_at__isnull=True)
        .values("bulletin_id", "bulletin__title").annotate(candidates=Count("id")).order_by("bulletin_id")
    )

    def row(group):
        url = f"{changelist}?review_state__exact={ReviewState.CANDIDATE}&bulletin__id__exact={group['bulletin_id']}"
        count = group["candidates"]
        meta = ngettext("%(count)d 个候选数值", "%(count)d 个候选数值", count) % {"count": count}
        return dashboard.Row(group["bulletin__title"], url, meta)

    return dashboard.fill(panel, counts, row)


admin.site.register_panel(candidate_figures)
