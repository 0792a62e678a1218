"""Accepting candidate figures together with what they propose: a new indicator, a new region.

An import files a figure whose indicator is not in the catalogue as a candidate proposing one
(name, unit, category), and a figure about a place the portal has no region for as proposing
the region (name, GB/T 2260 code, parent code). An editor accepts them in bulk
(``observations_accept``): each proposed indicator is created once however many figures
propose it — from the reference catalogue when a reference indicator has that name, so it
comes with its definition and limits — each proposed region once, with the regions above it
from the gazetteer; then the figures are accepted (``review.observations_review``). Or the
editor drops the proposals (``observations_drop_proposals``): a figure that proposed its
indicator is rejected, a region proposal is cleared. Editors only, like every review.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from bulletins import workflow
from bulletins.choices import RegionLevel
from bulletins.gazetteer import Gazetteer
from bulletins.models import Region
from bulletins.slugs import unique_slug

from . import review, units, wordings
from .catalogue import Catalogue
from .catalogue_sync import indicator_for_code
from .choices import ReviewState
from .models import Indicator, Observation

PROPOSAL_FIELDS = (
    "proposed_indicator_name", "proposed_indicator_unit", "proposed_indicator_category",
    "proposed_region_name", "proposed_region_code", "proposed_region_parent_code",
)
_REGION_FIELDS = PROPOSAL_FIELDS[3:]
_BELOW = {RegionLevel.COUNTRY: RegionLevel.PROVINCE, RegionLevel.PROVINCE: RegionLevel.PREFECTURE,
          RegionLevel.PREFECTURE: RegionLevel.COUNTY}


@dataclass
class Outcome:
    """What a bulk acceptance did, and the figures it left for the editor to complete."""

    accepted: int = 0
    indicators_created: list = field(default_factory=list)
    regions_created: list = field(default_factory=list)
    skipped: list = field(default_factory=list)  # (observation, reason)


def has_proposal(observation):
    return any(getattr(observation, name) for name in PROPOSAL_FIELDS)


def indicator_from_proposal(observation, *, catalogue):
    """``(indicator, created)`` for what ``observation`` proposes: a reference or stored
    indicator of that name, or a new one; ``(None, False)`` when the proposal lacks what a new
    indicator needs (its category, a unit the table knows)."""
    name = observation.proposed_indicator_name.strip()
    unit_text = observation.proposed_indicator_unit or observation.unit
    unit = units.parse_unit(unit_text)
    for code in catalogue.codes_for_alias(name):
        if unit is None or catalogue.get(code).accepts_unit(unit.code) or observation.kind != "level":
            stored = Indicator.objects.filter(code=code).exists()
            return indicator_for_code(code, catalogue=catalogue), not stored
    stored = Indicator.objects.filter(name=name).first()
    if stored is not None:
        return stored, False
    if unit is None or not observation.proposed_indicator_category:
        return None, False
    return Indicator.objects.create(
        code=unique_slug(Indicator, "code", name, max_length=64, fallback="indicator"),
        name=name[:100],
        unit=unit.symbol_zh or unit_text,
        unit_en=unit.symbol_en,
        unit_code=unit.code,
        category=observation.proposed_indicator_category,
    ), True


def region_for_division(division, *, gazetteer, created):
    """The portal's region for a gazetteer division, created (with those above it) if need be."""
    region = Region.objects.filter(code=division.code).first()
    if region is not None:
        return region
    if division.parent:
        parent = region_for_division(gazetteer.get(division.parent), gazetteer=gazetteer, created=created)
    else:
        parent, _new = Region.objects.get_or_create(
            level=RegionLevel.COUNTRY, parent=None,
            defaults={"slug": "china", "name": "中国", "name_en": "China"},
        )
    region = Region.objects.create(
        slug=unique_slug(
            Region, "slug", division.short, max_length=50, fallback=division.code, separator="",
            distinguish=division.code,
        ),
        name=division.name, name_en=division.name_en, level=division.level, parent=parent,
        code=division.code,
    )
    created.append(region)
    return region


def region_from_proposal(observation, *, gazetteer, created):
    """The region ``observation`` proposes, or None when it can be placed nowhere (no code the
    gazetteer knows and no parent to hang it from)."""
    division = gazetteer.get(observation.proposed_region_code)
    if division is not None:
        return region_for_division(division, gazetteer=gazetteer, created=created)
    parent_division = gazetteer.get(observation.proposed_region_parent_code)
    parent = (
        region_for_division(parent_division, gazetteer=gazetteer, created=created)
        if parent_division is not None
        else Region.objects.filter(code=observation.proposed_region_parent_code).first()
        if observation.proposed_region_parent_code
        else None
    )
    name = observation.proposed_region_name.strip()
    if parent is None or parent.level not in _BELOW or not name:
        return None
    region = Region.objects.filter(parent=parent, name=name).first()
    if region is None:
        region = Region.objects.create(
            slug=unique_slug(Region, "slug", name, max_length=50, fallback="region", separator=""),
            name=name[:64], level=_BELOW[parent.level], parent=parent,
            code=observation.proposed_region_code if observation.proposed_region_code.isdigit() else "",
        )
        created.append(region)
    return region


def _candidates(observations, by):
    if not review.may_review(by):
        raise PermissionDenied(_("只有编辑可以采用或驳回候选数值。"))
    return [
        observation
        for observation in Observation.objects.select_for_update(of=("self",))
        .filter(pk__in=[o.pk for o in observations], review_state=ReviewState.CANDIDATE)
        .select_related("bulletin")
        .order_by("id")
        if workflow.can_edit(by, observation.bulletin)
    ]


@transaction.atomic
def observations_accept(observations, *, by, catalogue=None, gazetteer=None):
    """Accept these candidates, first creating the indicators and regions they propose."""
    rows = _candidates(observations, by)
    catalogue = catalogue or Catalogue.from_database()
    gazetteer = gazetteer or Gazetteer.load()
    outcome = Outcome()
    indicators = {}
    regions = {}
    ready = []
    for observation in rows:
        if observation.indicator_id is not None:
            # filed by the editor under an existing indicator: the region's wording is learnt
            wordings.learn(observation, by=by, catalogue=catalogue)
        else:
            key = (observation.proposed_indicator_name, observation.proposed_indicator_unit,
                   observation.proposed_indicator_category)
            if key not in indicators:
                indicators[key], created = indicator_from_proposal(observation, catalogue=catalogue)
                if created:
                    outcome.indicators_created.append(indicators[key])
            if indicators[key] is None:
                outcome.skipped.append((observation, _("所建议的指标缺少类别或可识别的单位，请先编辑。")))
                continue
            observation.indicator = indicators[key]
        if observation.region_id is None and observation.proposed_region_name:
            key = tuple(getattr(observation, name) for name in _REGION_FIELDS)
            if key not in regions:
                regions[key] = region_from_proposal(
                    observation, gazetteer=gazetteer, created=outcome.regions_created
                )
            if regions[key] is None:
                outcome.skipped.append((observation, _("无法确定所建议地区的上级或代码，请先编辑。")))
                continue
            observation.region = regions[key]
        for name in PROPOSAL_FIELDS:
            setattr(observation, name, "")
        observation.save(update_fields=["indicator", "region", *PROPOSAL_FIELDS])
        ready.append(observation)
    outcome.accepted = review.observations_review(ready, state=ReviewState.ACCEPTED, by=by)
    return outcome


@transaction.atomic
def observations_drop_proposals(observations, *, by):
    """Drop what these candidates propose: a figure that proposed its indicator is rejected, a
    region proposal is cleared (the figure stays a candidate without a region). Returns
    ``(rejected, cleared)``."""
    rows = [o for o in _candidates(observations, by) if has_proposal(o)]
    without_indicator = [o for o in rows if o.indicator_id is None]
    region_only = [o for o in rows if o.indicator_id is not None]
    Observation.objects.filter(pk__in=[o.pk for o in region_only]).update(
        **dict.fromkeys(_REGION_FIELDS, "")
    )
    for bulletin in {o.bulletin_id: o.bulletin for o in region_only}.values():
        workflow.bulletin_touch(bulletin, by=by, note=_("放弃地区建议"))
    rejected = review.observations_review(without_indicator, state=ReviewState.REJECTED, by=by)
    return rejected, len(region_only)
