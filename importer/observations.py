"""The figures of an imported bulletin become candidate observations.

Called by ``service`` inside each file's transaction, after the bulletin is saved. Each figure found in the cleaned body
and matched to an indicator is saved as an observation in review state *candidate*, with the
verbatim sentence, the bulletin's region and the period the sentence states (or the
bulletin's period). Candidates are not public: an editor accepts, edits or rejects them.
Figures that match no indicator are listed in the import summary instead.
"""

from django.utils.translation import gettext as _

from indicators import units
from indicators.choices import ReviewState
from indicators.models import Indicator, Observation

from . import hooks
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
    # bulk_create skips save(); value_normalised is filled in above for that reason.
    Observation.objects.bulk_create(observations)
    warnings = []
    if unmatched:
        shown = "、".join(unmatched[:12]) + ("…" if len(unmatched) > 12 else "")
        warnings.append(
            _("%(count)d 个数值找不到对应指标，未生成候选：%(values)s")
            % {"count": len(unmatched), "values": shown}
        )
    return hooks.Contribution(_("候选数值"), len(observations), warnings, rows)
