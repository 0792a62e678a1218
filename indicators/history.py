"""Every figure's versions: what it said after each event, who made it and when.

``versions_record`` writes them (the admin, the review and the corrections call it); the public
reads two things from them:

- ``public_history(observation)``: the figure as published, then each correction or withdrawal.
  Versions before publication (a candidate's earlier values) are the editors' business only.
- ``as_of(queryset, moment)``: what the portal said at ``moment``, among the bulletins public
  now (a bulletin withdrawn since is not shown, whatever it said then). A figure counts from its
  bulletin's publication with the newest version it had at that moment; one with no version yet
  (loaded by fixtures, never changed) is its current row; one created after the moment is left
  out. ``with_versions_applied`` then puts each page's versioned values on its rows in one query;
  ``values_then`` gives the database the values aggregates need (a CSV's metadata) instead.
"""

from datetime import date
from decimal import Decimal

from django.db.models import (
    Case,
    DateField,
    DateTimeField,
    Exists,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Subquery,
    When,
)
from django.db.models.fields.json import KT
from django.db.models.functions import Cast

from .choices import ReviewState
from .models import ObservationVersion, VersionEvent

#: What a version keeps of a figure (attribute names): what readers see, and its review state.
VERSIONED_FIELDS = (
    "indicator_id", "region_id", "period_start", "period_end", "period_label",
    "value", "value_text", "unit", "qualifier", "review_state",
)
PUBLIC_EVENTS = (VersionEvent.PUBLISHED, VersionEvent.CORRECTED, VersionEvent.WITHDRAWN)


def _json(value):
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def version_data(observation):
    return {name: _json(getattr(observation, name)) for name in VERSIONED_FIELDS}


def apply_data(observation, data):
    """Put a version's values on ``observation`` (not saved): how it read at that version."""
    for name in VERSIONED_FIELDS:
        if name not in data:
            continue
        value = data[name]
        if value is not None and name in ("period_start", "period_end"):
            value = date.fromisoformat(value)
        elif value is not None and name == "value":
            value = Decimal(value)
        setattr(observation, name, value)
    return observation


def versions_record(observations, event, *, by, at=None, correction=None):
    """Record ``event`` for each of ``observations`` as saved now: two queries for any number."""
    from django.utils import timezone

    observations = [obs for obs in observations if obs.pk]
    if not observations:
        return []
    last = dict(
        ObservationVersion.objects.filter(observation__in=observations)
        .order_by().values_list("observation").annotate(last=Max("number"))
    )
    at = at or timezone.now()
    return ObservationVersion.objects.bulk_create(
        ObservationVersion(
            observation=obs, number=last.get(obs.pk, 0) + 1, event=event, data=version_data(obs),
            by=by if by is not None and by.pk else None, at=at, correction=correction,
        )
        for obs in observations
    )


def version_record(observation, event, *, by, at=None, correction=None):
    return versions_record([observation], event, by=by, at=at, correction=correction)[0]


def baseline_ensure(observation, *, at):
    """Before the first change of a figure that has no version (loaded, never edited): its
    current values as published at ``at``, so that the history and ``as_of`` keep them."""
    if not ObservationVersion.objects.filter(observation=observation).exists():
        version_record(observation, VersionEvent.PUBLISHED, by=None, at=at)


# Reading -------------------------------------------------------------------------------------


def public_history(observation, versions):
    """The figure as first published, then each public event since, oldest first.

    ``versions`` are the figure's, oldest first. The published state is the newest version
    made by the bulletin's publication, or the current row when there is none.
    """
    published_at = observation.bulletin.publish_at
    before = [v for v in versions if v.at <= published_at]
    after = [v for v in versions if v.at > published_at and v.event in PUBLIC_EVENTS]
    first = before[-1].data if before else version_data(observation)
    entries = [{"event": VersionEvent.PUBLISHED, "at": published_at, "data": first, "correction": None}]
    return entries + [{"event": v.event, "at": v.at, "data": v.data, "correction": v.correction} for v in after]


def as_of(queryset, moment):
    """The figures of ``queryset`` the portal showed at ``moment``, each annotated with
    ``as_of_version`` (the id of the version it had then, or None for its current row)."""
    from bulletins.models import Bulletin

    public_then = Bulletin.objects.published().filter(pk=OuterRef("bulletin_id"), publish_at__lte=moment)
    then = ObservationVersion.objects.filter(observation=OuterRef("pk"), at__lte=moment).order_by("-at", "-number")
    # Created or accepted only later: not shown then, even with no version before the moment.
    created_later = ObservationVersion.objects.filter(
        observation=OuterRef("pk"), at__gt=moment, event__in=(VersionEvent.CREATED, VersionEvent.ACCEPTED)
    )
    return (
        queryset.filter(Exists(public_then))
        .annotate(
            as_of_version=Subquery(then.values("pk")[:1]),
            as_of_state=Subquery(then.annotate(state=KT("data__review_state")).values("state")[:1]),
        )
        .filter(
            Q(as_of_state=ReviewState.ACCEPTED)
            | Q(as_of_version__isnull=True, review_state=ReviewState.ACCEPTED) & ~Exists(created_later)
        )
    )


def values_then(queryset):
    """The rows of ``as_of`` annotated with what readers saw then, for aggregates in SQL:
    ``then_indicator_id``, ``then_period_start``, ``then_period_end`` and ``then_corrected_at``
    (the time of the correction the figure had then, or None); a row with no version then is
    its current row."""
    version = ObservationVersion.objects.filter(pk=OuterRef("as_of_version"))

    def then(current, value):
        return Case(When(as_of_version__isnull=True, then=current), default=value)

    def stored(name, output):
        return Cast(Subquery(version.annotate(stored=KT(f"data__{name}")).values("stored")[:1]), output)

    return queryset.annotate(
        then_indicator_id=then(F("indicator_id"), stored("indicator_id", IntegerField())),
        then_period_start=then(F("period_start"), stored("period_start", DateField())),
        then_period_end=then(F("period_end"), stored("period_end", DateField())),
        then_corrected_at=then(
            F("corrected_at"), Subquery(version.filter(correction__isnull=False).values("at")[:1], output_field=DateTimeField())
        ),
    )


def with_versions_applied(observations):
    """Each row of a page from ``as_of`` as it read then: one query for the page's versions,
    and one each for indicators and regions a correction changed since, if any."""
    from bulletins.models import Region

    from .models import Indicator, Observation

    observations = list(observations)
    ids = [obs.as_of_version for obs in observations if getattr(obs, "as_of_version", None)]
    versions = {v.pk: v for v in ObservationVersion.objects.filter(pk__in=ids)} if ids else {}
    stale = []
    for obs in observations:
        version = versions.get(getattr(obs, "as_of_version", None))
        if version is None:
            continue
        # The related rows read with the page, put back where a correction did not change them
        # (setting an id drops them).
        indicator, region = obs.indicator, obs.region
        apply_data(obs, version.data)
        obs.corrected_at, obs.correction_id = (version.at, version.correction_id) if version.correction_id else (None, None)
        if obs.indicator_id == indicator.pk:
            obs.indicator = indicator
        if region is not None and obs.region_id == region.pk:
            obs.region = region
        elif obs.region_id is None:
            obs.region = None
        stale.append(obs)
    missing_indicators = {o.indicator_id for o in stale if not Observation.indicator.is_cached(o)}
    missing_regions = {o.region_id for o in stale if not Observation.region.is_cached(o)}
    indicators = Indicator.objects.in_bulk(missing_indicators) if missing_indicators else {}
    regions = Region.objects.in_bulk(missing_regions) if missing_regions else {}
    for obs in stale:
        if not Observation.indicator.is_cached(obs):
            obs.indicator = indicators[obs.indicator_id]
        if not Observation.region.is_cached(obs):
            obs.region = regions.get(obs.region_id)
    return observations
