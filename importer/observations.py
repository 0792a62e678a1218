"""The figures of an imported bulletin become candidate observations.

Called by ``service`` inside each file's transaction, after the bulletin is saved. The reading
of ``pipeline.read`` decides alone: each figure it finds becomes an observation in review state
*candidate*, with the verbatim sentence, its kind (level, change, target), approximate flag,
period, place and the reasons for each. A figure of an indicator the database holds is filed
under it; any other gets a proposed new indicator (name, unit, category), and a place the
database does not hold a proposed new region, for the editor to accept or drop. A previous
period's level implied by a level and its change is offered marked derived. Candidates are
not public: an editor accepts, edits or rejects them.
"""

import re
from decimal import Decimal

from django.utils.translation import gettext as _

from bulletins.models import Region
from indicators import history, units, wordings
from indicators.catalogue import Catalogue
from indicators.choices import ReviewState
from indicators.models import Indicator, Observation, VersionEvent

from . import hooks, pipeline

_COUNTRY_CODE = (
    "100000"  # the gazetteer's code of the country, which the regions table leaves empty
)
_SPELLED = re.compile(r"[零〇一二两三四五六七八九十百千万亿点]+")
# Spellings the portal's units table writes otherwise (one unit, one spelling in the database).
_UNIT_SPELLING = {
    "％": "%",
    "家次": "家(次)",
    "家（次）": "家(次)",
    "ug/m3": "μg/m³",
    "μg/m3": "μg/m³",
}


def propose_observations(context):
    """Save the figures of ``context.bulletin`` as candidate observations."""
    bulletin = context.bulletin
    indicators = context.cached("indicators.by_code", _indicators)
    # The catalogue as editors maintain it (names and aliases added in the admin are read),
    # then the reference entries not yet in the database.
    catalogue = context.cached("indicators.catalogue", Catalogue.from_database)
    # …and the wordings editors taught for the bulletin's region (indicators.wordings).
    catalogue = context.cached(
        f"indicators.catalogue.{bulletin.region_id}",
        lambda: wordings.catalogue_for(bulletin.region_id, catalogue),
    )
    regions = context.cached(
        "bulletins.regions_by_code",
        lambda: {
            r.code or _COUNTRY_CODE: r
            for r in Region.objects.all()
            if r.code or r.level == "country"
        },
    )
    document = read_bulletin(bulletin, catalogue)
    observations, rows = [], []
    proposals = 0
    for figure in document.figures:
        observation = _observation(figure, bulletin, document, indicators, regions, catalogue)
        if observation is None:
            continue
        observations.append(observation)
        if observation.indicator is None:
            proposals += 1
        rows.append(
            {
                "indicator": observation.indicator.name
                if observation.indicator
                else f"（建议）{observation.proposed_indicator_name}",
                "code": observation.indicator.code if observation.indicator else "",
                "value_text": observation.value_text,
                "unit": observation.unit,
                "period_label": observation.period_label,
                "quote": observation.quote,
            }
        )
    # bulk_create skips save(); value_normalised is filled in above for that reason.
    Observation.objects.bulk_create(observations)
    # Each figure's history starts at its import, with who imported it and when.
    history.versions_record(observations, VersionEvent.CREATED, by=context.by)
    warnings = []
    if proposals:
        warnings.append(
            _("%(count)d 个数值没有对应的已有指标，已作为新指标建议列出，请审核")
            % {"count": proposals}
        )
    if document.unread:
        warnings.append(_left_unread(document.unread))
    return hooks.Contribution(
        _("候选数值"), len(observations), warnings, rows, len(document.unread)
    )


#: How many of the numbers not read the summary names; the count covers them all.
UNREAD_SHOWN = 8


def _left_unread(unread):
    """The summary's note of the numbers no figure was read from (``leftovers``): the reading
    misses some (a table in a layout it does not know), so the editor checks them."""
    shown = "；".join(f"{left.number}（…{left.context}…）" for left in unread[:UNREAD_SHOWN])
    return _("%(count)d 个数字没有读成候选数值，请对照原文核对是否遗漏：%(shown)s%(more)s") % {
        "count": len(unread),
        "shown": shown,
        "more": "；…" if len(unread) > UNREAD_SHOWN else "",
    }


def read_bulletin(bulletin, catalogue=None):
    """The reading of ``bulletin``'s raw text, as its import read it: against the catalogue as
    editors keep it with the wordings taught for its region."""
    if catalogue is None:
        catalogue = wordings.catalogue_for(bulletin.region_id, Catalogue.from_database())
    return pipeline.read(bulletin.raw_text, published=bulletin.issued_on, catalogue=catalogue)


def _indicators():
    """The indicators by code; one the reference names by another code (``same_as``) also
    under that code, so that a figure the reading files there lands on it."""
    found = {}
    for indicator in Indicator.objects.all():
        found[indicator.code] = indicator
        if indicator.same_as:
            found.setdefault(f"same_as:{indicator.same_as}", indicator)
    return found


def _observation(figure, bulletin, document, indicators, regions, catalogue):
    """The candidate observation of one figure, or None for what cannot be one."""
    if figure.value_text == "" or len(figure.unit) > 32 or figure.unit_code == "tenth":
        return None
    value = figure.value
    if not figure.derived:
        # Stored as written (下降5.8% is 5.8, kind change): the quote says the direction.
        try:
            value = Decimal(figure.value_text.replace(",", ""))
        except ArithmeticError:
            if not _SPELLED.fullmatch(figure.value_text):
                return None  # 持平: a change of nothing, said in words
            value = abs(figure.value)
    indicator = None
    if figure.indicator:
        indicator = indicators.get(figure.indicator) or indicators.get(
            f"same_as:{figure.indicator}"
        )
    name, proposed_unit, category = "", "", ""
    if indicator is None:
        entry = catalogue.get(figure.indicator) if figure.indicator else None
        if entry is not None:
            # A reference indicator not yet in the database: proposed under its own name.
            name, proposed_unit, category = (
                entry.name_zh,
                entry.unit_zh or figure.unit,
                entry.category,
            )
        else:
            name, proposed_unit, category = figure.proposed or ("", figure.unit, "")
        if not name:
            return None
    unit = _UNIT_SPELLING.get(figure.unit, figure.unit or "")
    period_start, period_end = figure.period_start, figure.period_end
    if not (period_start or period_end):
        period_start, period_end = bulletin.period_start, bulletin.period_end
    region, proposed_region = _region(figure.region, document, bulletin, regions)
    observation = Observation(
        indicator=indicator,
        region=region,
        bulletin=bulletin,
        period_start=period_start,
        period_end=period_end,
        period_label=figure.period_label[:64],
        value=value,
        value_text=figure.value_text[:32],
        unit=unit,
        value_normalised=units.normalise(value, unit),
        qualifier=_qualifier(figure)[:200],
        quote=figure.quote,
        review_state=ReviewState.CANDIDATE,
        kind=figure.kind,
        approximate=figure.approximate,
        derived=figure.derived,
        reasons="\n".join(figure.reasons)[:2000],
    )
    if indicator is None:
        observation.proposed_indicator_name = name[:100]
        observation.proposed_indicator_unit = (proposed_unit or "")[:32]
        observation.proposed_indicator_category = category[:32] if category else ""
    if proposed_region is not None:
        observation.proposed_region_name = proposed_region.name[:64]
        observation.proposed_region_code = proposed_region.gb_code[:6]
        observation.proposed_region_parent_code = parent_code(proposed_region.gb_code)
    return observation


def _qualifier(figure):
    """The figure's row or station, and for an approximate figure its words as written."""
    parts = [figure.qualifier] if figure.qualifier else []
    if figure.approximate_text:
        parts.append(f"约数（原文“{figure.approximate_text}”）")
    return "；".join(parts)


def _region(place, document, bulletin, regions):
    """(the region in the database, a proposed new region or None) for a figure's place.

    No place, or the document's own, is the bulletin's region; a place the database holds by
    its code is that region; a division it does not hold is proposed, the figure keeping the
    bulletin's region until an editor accepts the proposal.
    """
    if place is None or place == document.region or not place.name:
        return bulletin.region, None
    found = regions.get(place.gb_code) if place.gb_code else None
    if found is not None:
        return found, None
    if place.gb_code == _COUNTRY_CODE:
        return None, None  # the country, which this database does not hold
    if bulletin.region is not None and bulletin.region.name == place.name:
        return bulletin.region, None
    return None, place


def parent_code(code):
    """The GB/T 2260 code of a division's parent: a county's prefecture, a prefecture's province."""
    if not (code and code.isdigit() and len(code) == 6) or code.endswith("0000"):
        return ""
    if code.endswith("00"):
        return code[:2] + "0000"
    return code[:4] + "00"
