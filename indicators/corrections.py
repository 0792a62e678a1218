"""Correcting a published figure: an Editor's public act, never a silent edit.

Once a bulletin is approved (published, scheduled or archived) its figures are locked
(``figures_locked``): the admin shows them read-only, its saves and the review refuse them, and
a revision restore leaves them alone. What changes them is ``observation_correct`` (value, unit,
period, region or indicator) or ``observation_withdraw``: each writes a public
``bulletins.Correction`` note saying what changed and why, records a version of the figure
(``indicators.history``) and marks the figure, so that every page showing it says "corrected on".
"""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bulletins import workflow
from bulletins.models import Correction
from ecoportal.caching import generation
from ecoportal.publishing import Status

from . import history, units
from .choices import ReviewState
from .models import Observation, VersionEvent

#: What a correction may change (attribute names).
CORRECTABLE = ("value", "unit", "period_start", "period_end", "period_label", "region_id", "indicator_id")
LOCKED_STATES = {Status.PUBLISHED, Status.ARCHIVED}


def figures_locked(bulletin):
    """An approved bulletin's figures change only by a public correction."""
    return bulletin.status in LOCKED_STATES


def ensure_not_locked(bulletin):
    if figures_locked(bulletin):
        raise PermissionDenied(_("已发布公报的数值只能通过公开更正修改。"))


def _describe(obs):
    region = f"{obs.region.name} " if obs.region_id and obs.region else ""
    period = f"（{obs.period_label}）" if obs.period_label else ""
    return f"{obs.indicator.name} {region}{obs.value_text}{obs.unit}{period}"[:200]


def _locked_figure(observation, *, by, note):
    if not workflow.is_editor(by):
        raise PermissionDenied(_("只有编辑可以更正已发布的数值。"))
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": _("更正需要填写公开说明：改了什么，为什么。")}, code="note_required")
    locked = Observation.objects.select_for_update(of=("self",)).select_related("bulletin", "indicator", "region").get(
        pk=observation.pk
    )
    if not figures_locked(locked.bulletin) or locked.bulletin.deleted_at is not None:
        raise ValidationError(_("只有已发布公报的数值需要更正；未发布的直接修改即可。"), code="not_published")
    if locked.review_state != ReviewState.ACCEPTED:
        raise ValidationError(_("这个数值没有公开，无需更正。"), code="not_public")
    return locked, note


def _apply_changes(locked, changes):
    unknown = set(changes) - set(CORRECTABLE)
    if unknown:
        raise ValueError(f"not correctable: {sorted(unknown)}")
    errors = {}
    for name, value in changes.items():
        if name != "value":
            setattr(locked, name, value)
            continue
        text = str(value).strip()
        try:
            locked.value, locked.value_text = Decimal(text.replace(",", "")), text
        except InvalidOperation:
            errors["value"] = _("数值不是数字。")
    if units.family(locked.unit) is None:
        errors["unit"] = _("未知单位“%(unit)s”。") % {"unit": locked.unit}
    elif locked.indicator.unit_family and units.family(locked.unit) != locked.indicator.unit_family:
        errors["unit"] = _("单位“%(unit)s”与指标的单位“%(expected)s”不属同一类。") % {
            "unit": locked.unit, "expected": locked.indicator.unit,
        }
    if locked.period_start and locked.period_end and locked.period_start > locked.period_end:
        errors["period_end"] = _("期间止不能早于期间起。")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
@generation.scoped()
def observation_correct(observation, *, by, note, **changes):
    """Correct a published figure; ``note`` is shown to readers. Returns the ``Correction``.

    ``changes`` are among ``CORRECTABLE``; the value is given as written ("24.5").
    """
    locked, note = _locked_figure(observation, by=by, note=note)
    history.baseline_ensure(locked, at=locked.bulletin.publish_at)
    original, before = _describe(locked), history.version_data(locked)
    _apply_changes(locked, changes)
    if history.version_data(locked) == before:
        raise ValidationError(_("没有要更正的内容。"), code="no_change")
    return _publish(locked, observation, VersionEvent.CORRECTED, by=by, note=note, original=original,
                    corrected=_describe(locked), touch_note=_("更正数值"))


@transaction.atomic
@generation.scoped()
def observation_withdraw(observation, *, by, note):
    """Take a published figure off every public page, with a public note saying why."""
    locked, note = _locked_figure(observation, by=by, note=note)
    history.baseline_ensure(locked, at=locked.bulletin.publish_at)
    original = _describe(locked)
    locked.review_state = ReviewState.REJECTED
    return _publish(locked, observation, VersionEvent.WITHDRAWN, by=by, note=note, original=original,
                    corrected=_("（撤下）"), touch_note=_("撤下数值"))


def _publish(locked, observation, event, *, by, note, original, corrected, touch_note):
    """Save the changed figure with its public note and its new version; the bulletin changed."""
    now = timezone.now()
    correction = Correction.objects.create(
        bulletin=locked.bulletin, original=original, corrected=corrected, note=note, made_at=now, by=by
    )
    locked.corrected_at, locked.correction = now, correction
    locked.save()
    history.version_record(locked, event, by=by, at=now, correction=correction)
    workflow.bulletin_touch(locked.bulletin, by=by, note=touch_note)
    for name in (*history.VERSIONED_FIELDS, "corrected_at", "correction_id", "value_normalised"):
        setattr(observation, name, getattr(locked, name))
    return correction
