"""A bulletin's figures in its revisions (registered in apps.py, see bulletins.revisions).

A restore makes no review decision, whoever restores: accepting or rejecting a figure is an
editor's own act (``review``), so the snapshot's review states are not written back. A figure
keeps the state it has now, an acceptance lapses to candidate if the restore changes the
accepted content, and a figure deleted since comes back a candidate (rejected if it was).
"""

from django.utils.translation import gettext_lazy as _

from bulletins.models import Region
from bulletins.revisions import FollowingRows, json_value

from . import history, review
from .choices import ReviewState
from .corrections import figures_locked
from .models import Indicator, Observation, VersionEvent

OBSERVATION_FIELDS = [
    "indicator", "region", "period_start", "period_end", "period_label", "value", "value_text",
    "unit", "qualifier", "quote", "review_state", "kind", "approximate", "derived", "reasons",
    "proposed_indicator_name", "proposed_indicator_unit", "proposed_indicator_category",
    "proposed_region_name", "proposed_region_code", "proposed_region_parent_code",
]


def snapshot(bulletin):
    return [
        {
            "id": obs.pk,
            "indicator_name": obs.indicator.name if obs.indicator else obs.proposed_indicator_name,
            **{
                name: (getattr(obs, f"{name}_id") if name in ("indicator", "region") else json_value(getattr(obs, name)))
                for name in OBSERVATION_FIELDS
            },
        }
        for obs in Observation.objects.filter(bulletin=bulletin).select_related("indicator").order_by("id")
    ]


def lines(rows):
    return [
        f"{obs['indicator_name']}: {obs['value_text']} {obs['unit']} "
        f"[{obs.get('period_label') or ''}] {obs.get('qualifier') or ''} ({obs['review_state']}) — {obs['quote']}"
        for obs in rows
    ]


def restore(bulletin, rows, *, by=None):
    """Observations keep their ids where they still exist (public pages link to them), and
    their review state (``review.state_after_change``). An approved bulletin's figures are left
    as they are: they change only by a public correction (``corrections``). Each figure the
    restore creates or changes gets a version by ``by``, so its history stays whole."""
    if figures_locked(bulletin):
        return
    indicators = set(Indicator.objects.filter(pk__in=[r["indicator"] for r in rows]).values_list("pk", flat=True))
    regions = set(Region.objects.filter(pk__in=[r["region"] for r in rows if r["region"]]).values_list("pk", flat=True))
    existing = {obs.pk: obs for obs in Observation.objects.filter(bulletin=bulletin)}
    before_data = {pk: history.version_data(obs) for pk, obs in existing.items()}
    keep, created, changed = set(), [], []
    for row in rows:
        # A figure whose indicator is gone is dropped, unless it still proposes one.
        if row["indicator"] not in indicators and not (row["indicator"] is None and row.get("proposed_indicator_name")):
            continue
        obs = existing.get(row["id"]) or Observation(bulletin=bulletin)
        before = (obs.review_state, review.reviewed_content(obs)) if obs.pk else None
        for name in OBSERVATION_FIELDS:
            # Snapshots taken before a field existed leave it as it is (or its default).
            if name == "review_state" or name not in row:
                continue
            value = row[name]
            field = Observation._meta.get_field(name)
            if name == "indicator":
                obs.indicator_id = value
            elif name == "region":
                obs.region_id = value if value in regions else None
            else:
                setattr(obs, name, field.to_python(value) if value is not None else None)
        if before is None:
            rejected = row.get("review_state") == ReviewState.REJECTED
            obs.review_state = ReviewState.REJECTED if rejected else ReviewState.CANDIDATE
        else:
            obs.review_state = review.state_after_change(before[0], before[1], review.reviewed_content(obs))
        versioned = history.version_data(obs) if before is not None else None
        obs.save()
        keep.add(obs.pk)
        if before is None:
            created.append(obs)
        elif versioned != before_data[obs.pk]:
            changed.append(obs)
    Observation.objects.filter(bulletin=bulletin).exclude(pk__in=keep).delete()
    history.versions_record(created, VersionEvent.CREATED, by=by)
    history.versions_record(changed, VersionEvent.CHANGED, by=by)


FIGURES = FollowingRows(key="observations", label=_("观测值"), snapshot=snapshot, lines=lines, restore=restore)
