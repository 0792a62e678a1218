"""Series summaries: kept by the workflow as rebuilding them would make them, public figures only,
and the pages made from them show what the figures themselves would give."""

import random
from collections import Counter
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from bulletins import workflow
from bulletins.models import Bulletin
from ecoportal.publishing import Status
from indicators import corrections, panels, summaries
from indicators.choices import Category, ReviewState
from indicators.models import Indicator, Observation, SeriesSummary
from indicators.series import widest_first
from tests.factories import make_bulletin, make_indicator, make_region

pytestmark = pytest.mark.django_db

QUALIFIERS = ["", "扣除沙尘异常超标天数后"]
# Whole years, 1—11月, cumulative to a day, undated: series as readers see them split by kind.
PERIODS = [
    (date(2021, 1, 1), date(2021, 12, 31), "2021年"),
    (date(2022, 1, 1), date(2022, 11, 30), "2022年1—11月"),
    (date(2022, 1, 1), date(2022, 12, 31), "2022年"),
    (date(2023, 1, 1), date(2023, 12, 31), "2023年"),
    (None, date(2023, 6, 30), "截至6月底"),
    (None, None, "近年"),
]


def snapshot():
    return {
        row.key: (row.indicator_id, row.region_id, row.qualifier, row.public_count, row.level_count, row.newest, row.parts)
        for row in SeriesSummary.objects.all()
    }


def assert_public_only():
    public = set(Observation.objects.published().values_list("pk", flat=True))
    for row in SeriesSummary.objects.all():
        named = {key[0] for key in row.newest}
        for window in row.parts.values():
            for part in window:
                named.add(part["latest"])
                named.update(part["dated"])
        assert named <= public, f"{row.key} names figures that are not public: {named - public}"


def figure(rng, bulletin, indicators, regions, **fields):
    start, end, label = rng.choice(PERIODS)
    value = Decimal(rng.randint(10, 990)) / 10
    defaults = {
        "bulletin": bulletin, "indicator": rng.choice(indicators), "region": rng.choice([*regions, None]),
        "qualifier": rng.choice(QUALIFIERS), "period_start": start, "period_end": end, "period_label": label,
        "value": value, "value_text": str(value), "unit": "%", "quote": f"数值为{value}%。",
        "kind": "level" if rng.random() < 0.85 else "change",
        "review_state": ReviewState.ACCEPTED if rng.random() < 0.9 else ReviewState.CANDIDATE,
    }
    defaults.update(fields)
    observation = Observation(**defaults)
    observation.save()
    return observation


@pytest.fixture
def world(db):
    rng = random.Random(24)
    province = make_region(slug="sum-province", name="虚构省", level="province")
    regions = [province] + [make_region(slug=f"sum-city-{i}", name=f"虚构市{i}", parent=province) for i in range(3)]
    indicators = [
        make_indicator(code=f"sum-{i}", name=f"虚构指标{i}", unit="%", is_headline=i < 2,
                       category=[Category.AIR, Category.WATER][i % 2], higher_is_better=i % 3 != 2)
        for i in range(4)
    ]
    return rng, regions, indicators


def test_the_workflow_keeps_the_summaries_as_a_rebuild_makes_them(world, administrator, editor, monkeypatch):
    rng, regions, indicators = world
    bulletins = []
    for n in range(14):
        bulletin = make_bulletin(
            status=Status.DRAFT, region=rng.choice(regions), region_label=rng.choice(["", "口市"]),
            issued_on=rng.choice([date(2023, 3, 1), date(2024, 1, 5), None]), slug=f"sum-bulletin-{n}",
        )
        for _ in range(rng.randint(2, 9)):
            figure(rng, bulletin, indicators, regions[1:] if n % 2 else regions)
        bulletins.append(bulletin)
    assert not SeriesSummary.objects.exists()  # drafts only: nothing public, nothing summarised

    later = timezone.now() + timedelta(minutes=5)
    done = Counter()
    for step in range(80):
        bulletin = rng.choice(bulletins)
        bulletin.refresh_from_db()
        action = rng.random()
        if bulletin.status == Status.DRAFT:
            at = later if action < 0.2 else None  # some scheduled, public only when they fall due
            workflow.bulletin_publish_without_review(bulletin, by=administrator, comment="测试", at=at, override_reason="测试")
            done["scheduled" if at else "published"] += 1
        elif bulletin.status == Status.PUBLISHED and action < 0.3:
            workflow.bulletin_withdraw(bulletin, by=editor, comment="测试")
            done["withdrawn"] += 1
        elif bulletin.is_public:
            public = list(Observation.objects.published().filter(bulletin=bulletin))
            if not public:
                continue
            target = rng.choice(public)
            if action < 0.45:
                corrections.observation_withdraw(target, by=editor, note="测试撤下")
                done["figure withdrawn"] += 1
            elif action < 0.65:
                corrections.observation_correct(target, by=editor, note="测试更正", value=str(rng.randint(1, 99)))
                done["value corrected"] += 1
            else:
                # Into another series: the one it leaves is refreshed too.
                corrections.observation_correct(
                    target, by=editor, note="测试更正", region_id=rng.choice(regions).pk,
                    indicator_id=rng.choice(indicators).pk,
                )
                done["moved"] += 1
        assert_public_only()
        if step % 20 == 19:
            kept = snapshot()
            summaries.rebuild()
            assert snapshot() == kept, f"after {step + 1} steps"

    assert min(done.values()) >= 3 and len(done) == 6, done

    # The scheduled ones fall due: the first read brings their series in, as a rebuild would.
    scheduled = list(Bulletin.objects.scheduled())
    assert scheduled, "the sequence scheduled none: pick another seed"
    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real_now() + timedelta(minutes=10))
    before = snapshot()
    summaries.catch_up()
    caught_up = snapshot()
    assert caught_up != before
    assert_public_only()
    summaries.rebuild()
    assert snapshot() == caught_up
    assert SeriesSummary.objects.exists()


def test_the_fixtures_loaded_row_by_row_get_the_summaries_a_rebuild_makes():
    """``load_portal_data`` loads them row by row, each save writing its series; the tests'
    ``portal_fixtures`` loads them with the summaries suspended and rebuilt once, the same."""
    from django.core.management import call_command

    call_command("loaddata", "portal", verbosity=0)
    written = snapshot()
    assert written
    summaries.rebuild()
    assert snapshot() == written


def test_nothing_unpublished_is_summarised(world):
    rng, regions, indicators = world
    hour_ago = timezone.now() - timedelta(hours=1)
    hidden = [
        make_bulletin(status=Status.DRAFT),
        make_bulletin(status=Status.IN_REVIEW),
        make_bulletin(publish_at=timezone.now() + timedelta(days=1)),
        make_bulletin(publish_at=hour_ago, deleted_at=hour_ago),
        make_bulletin(status=Status.ARCHIVED, publish_at=hour_ago),
    ]
    for bulletin in hidden:
        figure(rng, bulletin, indicators, regions)
    public = make_bulletin(region=regions[1])
    figure(rng, public, indicators, regions, review_state=ReviewState.CANDIDATE)
    figure(rng, public, indicators, regions, review_state=ReviewState.REJECTED)
    assert not SeriesSummary.objects.exists()
    shown = figure(rng, public, indicators, regions, review_state=ReviewState.ACCEPTED, kind="level")
    [row] = SeriesSummary.objects.all()
    assert [key[0] for key in row.newest] == [shown.pk]
    public.deleted_at = timezone.now()
    public.save()  # to the trash
    assert not SeriesSummary.objects.exists()


# The pages made from the summaries against the same pages made from the figures.


def bulk_world(rng, regions, indicators, count=600):
    bulletins = [
        make_bulletin(region=rng.choice(regions), region_label=rng.choice(["", "口市"]),
                      issued_on=rng.choice([date(2023, 3, 1), date(2024, 1, 5), None]))
        for _ in range(12)
    ] + [make_bulletin(status=Status.DRAFT), make_bulletin(publish_at=timezone.now() + timedelta(days=1))]
    rows = []
    for _ in range(count):
        start, end, label = rng.choice(PERIODS)
        value = Decimal(rng.randint(10, 990)) / 10
        rows.append(Observation(
            bulletin=rng.choice(bulletins), indicator=rng.choice(indicators), region=rng.choice([*regions, None]),
            qualifier=rng.choice(QUALIFIERS), period_start=start, period_end=end, period_label=label, value=value,
            value_text=str(value), unit="%", value_normalised=value, quote=f"数值为{value}%。",
            kind="level" if rng.random() < 0.9 else "change",
        ))
    Observation.objects.bulk_create(rows)
    summaries.rebuild()


def figures(limit, **scope):
    return list(Observation.objects.published().for_charts().newest_per_series(limit=limit, **scope))


def card(summary):
    return (summary.indicator.code, [o.pk for o in summary.latest], summary.more, summary.sparkline, summary.trend_label)


def from_figures_catalogue(*, category=None, region=None):
    """The catalogue as it was made from every series' newest figures."""
    indicators = Indicator.objects.published()
    if category:
        indicators = indicators.filter(category=category)
    scope = {"region": region} if region else {}
    if category:
        scope["indicator__category"] = category
    rows = panels._by(figures(panels.SPARK_POINTS, **scope), "indicator_id")
    cards = [
        panels.summarise(indicator, rows.get(indicator.pk, []), id_prefix=f"spark-{indicator.code}")
        for indicator in indicators.with_public_counts()
        if not region or indicator.pk in rows
    ]
    shown = None if (category or region) else panels.CATALOGUE_SHOWN
    return panels._in_sections(panels._in_category_order(cards), shown=shown)


def shown(sections):
    return [
        (section["code"], group["code"], len(group["summaries"]), group["more"], [card(s) for s in group["shown"]])
        for section in sections
        for group in section["categories"]
    ]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_pages_made_from_the_summaries_show_what_the_figures_give(world, seed):
    _, regions, indicators = world
    rng = random.Random(seed)
    bulk_world(rng, regions, indicators)

    for scope in ({}, {"category": Category.AIR}, {"region": regions[1]}, {"region": regions[0]}):
        assert shown(panels.catalogue(**scope)) == shown(from_figures_catalogue(**scope)), scope

    for region in regions:
        rows = panels._by(figures(panels.SPARK_POINTS, region=region), "indicator_id")
        expected = panels._in_category_order([
            panels.summarise(Indicator.objects.get(pk=pk), found, id_prefix=f"spark-{region.slug}-{found[0].indicator.code}")
            for pk, found in rows.items()
        ])
        got = panels.region_summaries(region)
        assert [[card(s) for s in c["summaries"]] for c in got] == [[card(s) for s in c["summaries"]] for c in expected]

    rows = panels._by(figures(panels.HEADLINE_POINTS, indicator__is_headline=True), "indicator_id")
    for got in panels.headline_cards():
        observations = rows.get(got.indicator.pk, [])
        comparison = panels.comparison_groups(observations, got.indicator, max_groups=3, max_bars=5)
        expected = panels.small_charts(comparison.groups, got.indicator, id_prefix=f"headline-{got.indicator.code}", width=360)
        lead = widest_first(observations)[0] if observations else None
        assert (got.latest, got.charts, got.omitted) == (lead, expected, comparison.omitted if observations else 0)

    for indicator in indicators:
        assert panels.indicator_charts(indicator) == from_figures_charts(indicator), indicator.code


def test_parts_kept_without_their_bars_draw_the_same_charts(world):
    """Parts an earlier release wrote (no ``bar``) stand for their figures, read instead."""
    _, regions, indicators = world
    bulk_world(random.Random(4), regions, indicators)

    def drawn():
        cards = [(card.latest, card.charts, card.omitted) for card in panels.headline_cards()]
        return cards, [panels.indicator_charts(indicator) for indicator in indicators]

    expected = drawn()
    for row in SeriesSummary.objects.all()[::2]:
        parts = {window: [{k: v for k, v in part.items() if k != "bar"} for part in found] for window, found in row.parts.items()}
        SeriesSummary.objects.filter(pk=row.pk).update(parts=parts)
    assert drawn() == expected


def from_figures_charts(indicator):
    """The indicator page's charts made from each series' newest figures."""
    return panels.indicator_charts(indicator, rows=figures(panels.LINE_POINTS, indicator=indicator))


def test_an_indicator_table_first_page_and_count_come_from_the_summaries(client, world):
    _, regions, indicators = world
    bulk_world(random.Random(5), regions, indicators, count=900)
    indicator = indicators[0]
    from indicators.views import TablePaginator, table_rows

    paginator = TablePaginator(indicator, 20)
    expected = table_rows(indicator).for_table()
    assert paginator.count == expected.count()
    for number in (1, 2, paginator.num_pages):
        page = paginator.page(number)
        assert [o.pk for o in page.object_list] == [o.pk for o in expected[page.start_index() - 1 : page.end_index()]]
