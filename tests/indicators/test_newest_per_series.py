"""Newest figures per series and public counts: what ranking or counting every figure would give."""

import random
from datetime import date, timedelta
from decimal import Decimal
from itertools import groupby

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ecoportal.publishing import Status
from indicators.choices import ReviewState
from indicators.models import Indicator, Observation
from tests.factories import make_bulletin, make_indicator, make_region

pytestmark = pytest.mark.django_db

QUALIFIERS = ["", "扣除沙尘异常超标天数后"]
PERIOD_ENDS = [date(2021, 12, 31), date(2022, 11, 30), date(2022, 12, 31), date(2023, 12, 31), None]


@pytest.fixture
def figures():
    """About 400 figures in 24 series, with ties on the period, undated figures, figures of an
    unknown region, and figures that are not public (draft, scheduled, trashed, candidates)."""
    rng = random.Random(8)
    indicators = [make_indicator(code=f"ind-{i}", name=f"指标{i}", unit="%") for i in range(3)]
    regions = [make_region(slug=f"city-{i}", name=f"城市{i}") for i in range(3)]
    hour_ago = timezone.now() - timedelta(hours=1)
    bulletins = [
        make_bulletin(region=rng.choice(regions), issued_on=rng.choice([date(2023, 3, 1), date(2024, 1, 5), None]))
        for _ in range(8)
    ] + [
        make_bulletin(status=Status.DRAFT),
        make_bulletin(publish_at=timezone.now() + timedelta(days=1)),
        make_bulletin(publish_at=hour_ago, deleted_at=hour_ago),
    ]
    rows = [
        Observation(
            bulletin=rng.choice(bulletins),
            indicator=rng.choice(indicators),
            region=rng.choice([*regions, None]),
            qualifier=rng.choice(QUALIFIERS),
            period_end=rng.choice(PERIOD_ENDS),
            period_label="期间",
            value=Decimal(1),
            value_text="1",
            unit="%",
            quote="数值为1%。",
            review_state=ReviewState.CANDIDATE if rng.random() < 0.1 else ReviewState.ACCEPTED,
        )
        for _ in range(400)
    ]
    Observation.objects.bulk_create(rows)
    return {"indicators": indicators, "regions": regions}


def newest_first(observation):
    period, issued = observation.period_end, observation.bulletin.issued_on
    return (
        period is None, -(period.toordinal() if period else 0),
        issued is None, -(issued.toordinal() if issued else 0),
        -observation.pk,
    )


def series(observation):
    return (observation.indicator_id, observation.region_id or 0, observation.qualifier)


def expected(limit, **scope):
    """Every published figure of ``scope`` sorted in Python, then the first ``limit`` of each series."""
    public = list(Observation.objects.published().filter(**scope).select_related("bulletin"))
    kept = []
    for _, members in groupby(sorted(public, key=series), key=series):
        kept += sorted(members, key=newest_first)[:limit]
    return [o.pk for o in sorted(kept, key=newest_first)]


@pytest.mark.parametrize("limit", [1, 2, 5, 100])
def test_the_newest_figures_of_every_series_in_newest_first_order(figures, limit):
    found = list(Observation.objects.published().newest_per_series(limit=limit).values_list("pk", flat=True))
    assert found == expected(limit)
    assert len({series(o) for o in Observation.objects.filter(pk__in=found)}) > 20


def test_a_scope_limits_the_series_and_their_figures(figures):
    indicator, region = figures["indicators"][0], figures["regions"][1]
    for scope in ({"indicator": indicator}, {"region": region}, {"region__in": figures["regions"][:2]}):
        found = Observation.objects.published().newest_per_series(limit=2, **scope)
        assert list(found.values_list("pk", flat=True)) == expected(2, **scope), scope


def test_figures_of_an_unknown_region_form_their_own_series(figures):
    found = Observation.objects.published().newest_per_series(limit=1).filter(region__isnull=True)
    unknown = Observation.objects.published().filter(region__isnull=True)
    assert found.count() == unknown.values("indicator", "qualifier").distinct().count() > 0


def test_what_is_not_public_is_never_among_them(figures):
    found = Observation.objects.published().newest_per_series(limit=100)
    assert found.count() == Observation.objects.published().count() < Observation.objects.count()


def test_one_query(figures):
    with CaptureQueriesContext(connection) as queries:
        list(Observation.objects.published().for_charts().newest_per_series(limit=3))
    assert len(queries) == 1


def test_each_indicator_counts_its_public_figures_only(figures):
    empty = make_indicator(code="no-figures", name="无数值", unit="%")
    counted = {i.code: i.public_count for i in Indicator.objects.published().with_public_counts()}
    for indicator in figures["indicators"]:
        public = Observation.objects.published().filter(indicator=indicator).count()
        assert counted[indicator.code] == public < Observation.objects.filter(indicator=indicator).count()
    assert counted[empty.code] == 0


def test_published_in_scope_is_published_looked_up_another_way(figures):
    for indicator in figures["indicators"]:
        scoped = Observation.objects.filter(indicator=indicator)
        joined = set(scoped.published().values_list("pk", flat=True))
        looked_up = set(scoped.published_in_scope().values_list("pk", flat=True))
        assert looked_up == joined
        assert 0 < len(joined) < scoped.count()
