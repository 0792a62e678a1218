"""What the public pages show of the indicators, each in a fixed number of queries.

Every function here reads published figures only (``Observation.objects.published()``) and
asks for a bounded number per series (``newest_per_series``), so that a page costs the same
queries and about the same time with ten figures or a million; the tables and downloads on
the indicator page are where every figure is.
"""

from collections import defaultdict
from dataclasses import dataclass, field, replace

from django.db.models import prefetch_related_objects
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ecoportal.caching.generation import memoize
from ecoportal.localized import localized

from . import charts
from .choices import SECTIONS, Category
from .models import Indicator, Observation
from .series import (
    comparison_groups,
    group_series,
    headline_figure,
    national_limit,
    sparkline_points,
    trend_lines,
    widest_first,
)

SPARK_POINTS = 12  # figures per series behind a sparkline
LINE_POINTS = 40  # figures per series behind the indicator page's lines
LATEST_SHOWN = 3  # latest values listed on a card
# Figures per region and qualifier behind a headline card: enough to hold the newest of each
# kind of period (a whole year and a 1—11月 published after it).
HEADLINE_POINTS = 4


def memoized(name, compute):
    """``compute()``, kept in the reader's language until the content changes.

    The panels are the costliest part of their pages (the newest figures of every series, then
    the SVG); they hold published figures only, the same for every reader of a language.
    """
    return memoize(f"indicators:panel:{name}:{get_language()}", compute)


@dataclass
class IndicatorSummary:
    """An indicator with its latest values (one per series, newest first) and its trend."""

    indicator: Indicator
    latest: list = field(default_factory=list)
    more: int = 0
    sparkline: str = ""
    trend_label: str = ""


def summarise(indicator, observations, *, id_prefix, latest_shown=LATEST_SHOWN):
    """Latest value of each series (newest first) and a sparkline of the longest trend."""
    series = group_series(widest_first(observations))
    latest = [s.latest for s in series]
    summary = IndicatorSummary(indicator, latest[:latest_shown], max(0, len(latest) - latest_shown))
    trend, points = sparkline_points(series, indicator, max_points=SPARK_POINTS)
    if trend is not None and len(points) >= 2:
        summary.trend_label = trend.label
        summary.sparkline = charts.sparkline(
            points,
            id_prefix=id_prefix,
            title=_("%(indicator)s的变化：%(series)s") % {"indicator": localized(indicator), "series": trend.label},
        )
    return summary


def _by(rows, attribute):
    grouped = defaultdict(list)
    for row in rows:
        grouped[getattr(row, attribute)].append(row)
    return grouped


def _in_category_order(summaries):
    """[(category label, [summaries])] in the order of ``Category``, headline indicators first."""
    by_category = defaultdict(list)
    for summary in summaries:
        by_category[summary.indicator.category].append(summary)
    groups = []
    for category in Category:
        members = by_category.get(category.value)
        if members:
            members.sort(key=lambda s: (
                not s.indicator.is_headline, not s.latest, -getattr(s.indicator, "public_count", 0), s.indicator.code,
            ))
            groups.append({"code": category.value, "label": category.label, "summaries": members})
    return groups


CATALOGUE_SHOWN = 3  # indicators per category on the unfiltered catalogue


def catalogue(*, category=None, region=None):
    """The catalogue in sections (environment first, the administrations' own work last), each
    category's indicators with their latest values and trend, those with figures first.

    Unfiltered, each category lists its first ``CATALOGUE_SHOWN`` (``more`` counts the rest,
    shown by filtering on the category); ``region`` keeps the indicators it has figures for.
    """
    indicators = Indicator.objects.published()
    if category:
        indicators = indicators.filter(category=category)
    indicators = indicators.with_public_counts()
    scope = {"region": region} if region else {}
    if category:
        scope["indicator__category"] = category
    rows = _by(
        Observation.objects.published().for_charts().newest_per_series(limit=SPARK_POINTS, **scope),
        "indicator_id",
    )
    summaries = [
        summarise(indicator, rows.get(indicator.pk, []), id_prefix=f"spark-{indicator.code}")
        for indicator in indicators
        if not region or indicator.pk in rows
    ]
    shown = None if (category or region) else CATALOGUE_SHOWN
    return _in_sections(_in_category_order(summaries), shown=shown)


def _in_sections(categories, *, shown=None):
    by_code = {category["code"]: category for category in categories}
    sections = []
    for code, label, note, members in SECTIONS:
        present = [by_code[member.value] for member in members if member.value in by_code]
        for category in present:
            category["more"] = max(0, len(category["summaries"]) - shown) if shown else 0
            category["shown"] = category["summaries"][:shown] if shown else category["summaries"]
        if present:
            sections.append({"code": code, "label": label, "note": note, "categories": present})
    return sections


def region_summaries(region):
    """For one region, each indicator it has figures for: latest values and trend."""
    rows = (
        Observation.objects.published()
        .for_charts()
        .select_related("indicator")
        .newest_per_series(limit=SPARK_POINTS, region=region)
    )
    by_indicator = _by(rows, "indicator_id")
    summaries = [
        summarise(
            observations[0].indicator,
            observations,
            id_prefix=f"spark-{region.slug}-{observations[0].indicator.code}",
        )
        for observations in by_indicator.values()
    ]
    return _in_category_order(summaries)


def children_headlines(children):
    """For the cities of a province: each city's latest headline values, those it has only."""
    if not children:
        return {"rows": []}
    indicators = list(Indicator.objects.published().headline())
    rows = (
        Observation.objects.published()
        .for_charts()
        .newest_per_series(limit=1, region__in=children, indicator__is_headline=True)
    )
    cells = defaultdict(list)
    for observation in rows:
        cells[(observation.region_id, observation.indicator_id)].append(observation)
    return {
        "rows": [
            {
                "region": child,
                "values": [
                    {"indicator": indicator, "figures": cells[(child.pk, indicator.pk)][:2]}
                    for indicator in indicators
                    if cells.get((child.pk, indicator.pk))
                ],
            }
            for child in children
        ],
    }


@dataclass
class SmallChart:
    """One comparison group drawn alone: its caption says which period and qualifier."""

    caption: str
    svg: str
    qualified: bool = False
    corrected: bool = False  # a figure in it is corrected (drawn with " *")


def small_charts(groups, indicator, *, id_prefix, width=400):
    """Each comparison group as its own bar chart, never two groups on one scale unless
    comparable: groups of one period kind and qualifier share their scale's range, so that
    2021 and 2023 read alike; a national limit is drawn where one applies.
    """
    domains = defaultdict(list)
    for group in groups:
        domains[group.scale].extend(point.value for point in group.points)
    drawn = []
    for index, group in enumerate(groups):
        if not group.points:
            continue
        kind = group.scale[0] if group.scale else None
        reference = national_limit(indicator, kinds=[kind] if kind else ()) if not group.qualified else None
        values = domains[group.scale]
        svg = charts.bar_chart(
            [replace(group, label="")],
            id_prefix=f"{id_prefix}-{index}",
            title=_("%(indicator)s：%(group)s") % {"indicator": localized(indicator), "group": group.label},
            width=width,
            domain=(min(values), max(values)),
            reference=reference,
        )
        drawn.append(SmallChart(group.label, svg, group.qualified, any(point.corrected for point in group.points)))
    return drawn


@dataclass
class HeadlineCard:
    indicator: Indicator
    latest: Observation | None
    charts: list = field(default_factory=list)
    omitted: int = 0

    @property
    def qualified(self):
        return any(chart.qualified for chart in self.charts)

    @property
    def corrected(self):
        return any(chart.corrected for chart in self.charts)


def headline_cards(*, max_bars=5):
    """The headline indicators with their newest figure and small bar charts of the latest
    values, one per period and qualifier (never figures of different periods on one scale)."""
    indicators = list(Indicator.objects.published().headline().prefetch_related("limits"))
    rows = _by(
        Observation.objects.published()
        .for_charts()
        .newest_per_series(limit=HEADLINE_POINTS, indicator__is_headline=True),
        "indicator_id",
    )
    cards = []
    for indicator in indicators:
        observations = rows.get(indicator.pk, [])
        card = HeadlineCard(indicator, headline_figure(observations))
        if observations:
            comparison = comparison_groups(observations, indicator, max_groups=3, max_bars=max_bars)
            card.omitted = comparison.omitted
            card.charts = small_charts(comparison.groups, indicator, id_prefix=f"headline-{indicator.code}", width=360)
        cards.append(card)
    return cards


def indicator_charts(indicator, *, rows=None):
    """The indicator page's charts: small bar charts of the latest values, one per period and
    qualifier, and lines of each region's comparable periods over time. ``rows``: the figures
    to draw instead of the published ones (the page as it stood on a past day)."""
    prefetch_related_objects([indicator], "limits")  # one query, however many charts draw them
    if rows is None:
        rows = list(
            Observation.objects.published().for_charts().newest_per_series(limit=LINE_POINTS, indicator=indicator)
        )
    comparison = comparison_groups(rows, indicator, max_groups=6, max_bars=15)
    lines, more_lines = trend_lines(rows, indicator, max_points=LINE_POINTS)
    bars = small_charts(comparison.groups, indicator, id_prefix="chart-bars")
    trend = ""
    if lines:
        trend = charts.line_chart(
            lines,
            id_prefix="chart-lines",
            title=_("%(indicator)s：各序列随时间的变化") % {"indicator": localized(indicator)},
            unit=localized(indicator, "unit"),
            reference=national_limit(indicator, kinds=[series.kind for series in group_series(rows) if series.is_trend]),
        )
    return {
        "bars": bars,
        "bars_omitted": comparison.omitted,
        "qualified": any(chart.qualified for chart in bars),
        "corrected": any(chart.corrected for chart in bars)
        or any(point.corrected for line in lines for point in line.points),
        "limit": national_limit(indicator),
        "lines": trend,
        "lines_omitted": more_lines,
        "has_figures": bool(rows),
    }
