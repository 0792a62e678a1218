"""The figures of an imported bulletin become candidate observations.

Called by ``service`` inside each file's transaction, after the bulletin is saved. Each figure found in the cleaned body
and matched to an indicator is saved as an observation in review state *candidate*, with the
verbatim sentence, the bulletin's region and the period the sentence states (or the
bulletin's period). Candidates are not public: an editor accepts, edits or rejects them.

The reading of ``pipeline.read`` then adds what the earlier finder cannot say: each candidate
it also found gets its kind (level, change, target), approximate flag and reasons; each figure
it found that the earlier finder did not becomes a candidate too, under its indicator when the
catalogue in the database has it, else with a proposed new indicator (name, unit, category)
for the editor to accept or drop; a previous period's level implied by a level and its change
is offered marked derived.
"""

import re
from decimal import Decimal

from django.utils.translation import gettext as _

from indicators import history, units
from indicators.choices import ReviewState
from indicators.models import Indicator, Observation, VersionEvent

from . import hooks, pipeline
from .seed_matching import Catalogue, propose


def propose_observations(context):
    """Save the figures of ``context.bulletin`` as candidate observations."""
    catalogue = context.cached(
        "indicators.catalogue", lambda: Catalogue(list(Indicator.objects.all()))
    )
    bulletin = context.bulletin
    matches = propose(context.document.paragraphs, catalogue)
    observations = []
    unmatched = []
    rows = []
    for match in matches:
        figure = match.figure
        if match.indicator is None:
            unmatched.append(figure.written)
            continue
        period_start, period_end = figure.period_start, figure.period_end
        if not (period_start or period_end):
            period_start, period_end = bulletin.period_start, bulletin.period_end
        observations.append(
            Observation(
                indicator=match.indicator,
                region=bulletin.region,
                bulletin=bulletin,
                period_start=period_start,
                period_end=period_end,
                period_label=figure.period_label[:64],
                value=figure.value,
                value_text=figure.value_text,
                unit=figure.unit,
                value_normalised=units.normalise(figure.value, figure.unit),
                qualifier=figure.qualifier[:200],
                quote=figure.quote,
                review_state=ReviewState.CANDIDATE,
            )
        )
        rows.append(
            {
                "indicator": match.indicator.name,
                "code": match.indicator.code,
                "value_text": figure.value_text,
                "unit": figure.unit,
                "period_label": figure.period_label,
                "quote": figure.quote,
            }
        )
    observations += _read_figures(context, observations, rows)
    # bulk_create skips save(); value_normalised is filled in above for that reason.
    Observation.objects.bulk_create(observations)
    # Each figure's history starts at its import, with who imported it and when.
    history.versions_record(observations, VersionEvent.CREATED, by=context.by)
    warnings = []
    if unmatched:
        shown = "、".join(unmatched[:12]) + ("…" if len(unmatched) > 12 else "")
        warnings.append(
            _("%(count)d 个数值找不到对应指标，未生成候选：%(values)s")
            % {"count": len(unmatched), "values": shown}
        )
    return hooks.Contribution(_("候选数值"), len(observations), warnings, rows)


def _read_figures(context, found, rows):
    """Kinds and reasons for the candidates ``found``; the figures they miss as new candidates."""
    bulletin = context.bulletin
    indicators = context.cached(
        "indicators.by_code", lambda: {i.code: i for i in Indicator.objects.all()}
    )
    document = pipeline.read(bulletin.raw_text, published=bulletin.issued_on)
    by_value = {}  # the earlier finder's candidates by value: a long bulletin has thousands
    for observation in found:
        by_value.setdefault(observation.value, []).append(observation)
    added = []
    for figure in document.figures:
        same = next(
            (
                o
                for o in by_value.get(figure.value, ())
                if units.family(o.unit) == units.family(figure.unit)
                and (o.quote in figure.quote or figure.quote in o.quote)
            ),
            None,
        )
        reasons = "\n".join(figure.reasons)[:2000]
        if same is not None:
            same.kind, same.approximate, same.reasons = figure.kind, figure.approximate, reasons
            continue
        if figure.value_text == "" or len(figure.unit) > 32 or figure.unit_code == "tenth":
            continue
        value = figure.value
        if not figure.derived:
            # Stored as written (下降5.8% is 5.8, kind change): the quote says the direction.
            try:
                value = Decimal(figure.value_text.replace(",", ""))
            except ArithmeticError:
                if not re.fullmatch(r"[零〇一二两三四五六七八九十百千万亿点]+", figure.value_text):
                    continue  # 持平: a change of nothing, said in words
                value = abs(figure.value)
        indicator = indicators.get(figure.indicator) if figure.indicator else None
        if indicator is None:
            name, unit, category = figure.proposed or (figure.indicator, figure.unit, "")
            if not name:
                continue
        observation = Observation(
            indicator=indicator,
            region=bulletin.region,
            bulletin=bulletin,
            period_start=figure.period_start,
            period_end=figure.period_end,
            value=value,
            value_text=figure.value_text[:32],
            unit=figure.unit or "",
            value_normalised=units.normalise(value, figure.unit),
            quote=figure.quote,
            review_state=ReviewState.CANDIDATE,
            kind=figure.kind,
            approximate=figure.approximate,
            derived=figure.derived,
            reasons=reasons,
        )
        if indicator is None:
            observation.proposed_indicator_name = name[:100]
            observation.proposed_indicator_unit = (unit or "")[:32]
            observation.proposed_indicator_category = category[:32] if category else ""
        added.append(observation)
        rows.append(
            {
                "indicator": indicator.name
                if indicator
                else f"（建议）{observation.proposed_indicator_name}",
                "code": indicator.code if indicator else "",
                "value_text": observation.value_text,
                "unit": observation.unit,
                "period_label": "",
                "quote": figure.quote,
            }
        )
    return added
