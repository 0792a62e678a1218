"""The figure admin's side of corrections: the form that corrects a published figure, and its
versions shown on its page. Mixed into ``ObservationAdmin``; the rules are in ``corrections``."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from bulletins import workflow
from bulletins.models import Region

from . import corrections
from .choices import ReviewState
from .models import Indicator


class CorrectionForm(forms.Form):
    """What an Editor may correct of a published figure, and the public note saying why."""

    withdraw = forms.BooleanField(label=_("撤下这个数值（不再公开）"), required=False)
    indicator = forms.ModelChoiceField(Indicator.objects.all(), label=_("指标"))
    region = forms.ModelChoiceField(Region.objects.all(), label=_("地区"), required=False)
    value = forms.CharField(label=_("数值"), max_length=32)
    unit = forms.CharField(label=_("单位"), max_length=32)
    period_start = forms.DateField(label=_("期间起"), required=False)
    period_end = forms.DateField(label=_("期间止"), required=False)
    period_label = forms.CharField(label=_("期间（原文）"), max_length=64, required=False)
    note = forms.CharField(
        label=_("公开说明"), max_length=500, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("读者会看到：改了什么，为什么。"),
    )

    @classmethod
    def initial_for(cls, obs):
        return {
            "indicator": obs.indicator_id, "region": obs.region_id, "value": obs.value_text, "unit": obs.unit,
            "period_start": obs.period_start, "period_end": obs.period_end, "period_label": obs.period_label,
        }

    def changes(self, obs):
        data = self.cleaned_data
        proposed = {
            "indicator_id": data["indicator"].pk, "region_id": data["region"].pk if data["region"] else None,
            "value": data["value"], "unit": data["unit"], "period_start": data["period_start"],
            "period_end": data["period_end"], "period_label": data["period_label"],
        }
        current = {**{k: getattr(obs, k) for k in proposed}, "value": obs.value_text}
        return {k: v for k, v in proposed.items() if v != current[k]}


class ObservationCorrectionsMixin:
    """A published figure is read-only here; an Editor corrects it with ``correct_view``."""

    change_form_template = "admin/indicators/observation/change_form.html"

    def may_edit_figure(self, request, obj):
        return workflow.can_edit(request.user, obj.bulletin) and not corrections.figures_locked(obj.bulletin)

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "version_history"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        return [*fieldsets, (_("版本"), {"fields": ["version_history"]})] if obj else fieldsets

    @admin.display(description=_("版本"))
    def version_history(self, obj):
        versions = obj.versions.select_related("by", "correction").order_by("number")
        rows = [
            (v.number, v.get_event_display(), v.at.strftime("%Y-%m-%d %H:%M"), v.by.get_username() if v.by else "—",
             f"{v.data.get('value_text')}{v.data.get('unit')}", v.correction.note if v.correction else "")
            for v in versions
        ]
        if not rows:
            return "—"
        return format_html(
            "<table><tbody>{}</tbody></table>",
            format_html_join("", "<tr><td>v{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", rows),
        )

    def get_urls(self):
        return [
            path(
                "<path:object_id>/correct/", self.admin_site.admin_view(self.correct_view),
                name="indicators_observation_correct",
            ),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["may_correct"] = bool(
            obj and corrections.figures_locked(obj.bulletin) and workflow.is_editor(request.user)
            and obj.review_state == ReviewState.ACCEPTED
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def correct_view(self, request, object_id):
        """An Editor corrects (or withdraws) a published figure with a public note."""
        obs = self.get_object(request, unquote(object_id))
        if obs is None or not self.has_view_permission(request, obj=obs):
            raise Http404
        if not workflow.is_editor(request.user):
            raise PermissionDenied
        form = CorrectionForm(request.POST or None, initial=CorrectionForm.initial_for(obs))
        if request.method == "POST" and form.is_valid():
            try:
                if form.cleaned_data["withdraw"]:
                    corrections.observation_withdraw(obs, by=request.user, note=form.cleaned_data["note"])
                else:
                    corrections.observation_correct(
                        obs, by=request.user, note=form.cleaned_data["note"], **form.changes(obs)
                    )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, gettext("已更正，读者会看到更正说明。"))
                return HttpResponseRedirect(reverse("admin:indicators_observation_change", args=[obs.pk]))
        context = {
            **self.admin_site.each_context(request), "opts": self.opts, "original": obs, "form": form,
            "title": gettext("更正已发布的数值：%s") % obs,
        }
        return TemplateResponse(request, "admin/indicators/observation/correct.html", context)
