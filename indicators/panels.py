"""What the public pages show of the indicators, each in a fixed number of queries.

Every function here reads the series summaries (``summaries``: kept up to date as figures are
published, withdrawn or corrected) and through them published figures only, a bounded number
per series, so that a page costs the same queries and about the same time with ten figures or
a million; the tables and downloads on
the indicator page are where every figure is.
"""

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from django.db.models import prefetch_related_objects
from django.utils.translation import gettext as _

from ecoportal.localized import localized

from . import charts, summaries
from .choices import SECTIONS, Category
from .models import Indicator, Observation
from .periods import period_kind
from .series import (
    MAX_LINES,
    Plotter,
    Series,
    comparison_groups,
    comparison_members,
    draw_comparison,
    group_series,
    national_limit,
    region_name,
    sparkline_points,
    trend_lines,
    trend_points,
    widest_first,
)

SPARK_POINTS = 12  # figures per series behind a sparkline
LINE_POINTS = 40  # figures per series behind the indicator page's lines
LATEST_SHOWN = 3  # latest values listed on a card
# Figures per region and qualifier behind a headline card: enough to hold the newest of each
# kind of period (a whole year and a 1—11月 published after it).
HEADLINE_POINTS = 4


@dataclass
class IndicatorSummary:
    """An indicator with its latest values (one per series, newest first) and its trend."""

    indicator: Indicator
    latest: list = field(default_factory=list)
    more: int = 0
    sparkline: str = ""
    trend_label: str = ""
    trend: dict | None = None  # the catalogue's: which series' parts the sparkline is drawn from


def summarise(indicator, observations, *, id_prefix, latest_shown=LATEST_SHOWN):
    """Latest value of each series (newest first) and a sparkline of the longest trend."""
    series = group_series(widest_first(observations))
    latest = [s.latest for s in series]
    summary = IndicatorSummary(indicator, latest[:latest_shown], max(0, len(latest) - latest_shown))
    trend, points = sparkline_points(series, indicator, max_points=SPARK_POINTS)
    if trend is not None:
        _draw_sparkline(summary, trend, id_prefix=id_prefix, points=points)
    return summary


def _draw_sparkline(summary, trend, *, id_prefix, points=None):
    """The sparkline of ``trend`` (a ``Series``) on ``summary``'s card, if it has two points."""
    indicator = summary.indicator
    if points is None:
        points = trend_points(trend, indicator, max_points=SPARK_POINTS)
    if len(points) >= 2:
        summary.trend_label = trend.label
        summary.sparkline = charts.sparkline(
            points,
            id_prefix=id_prefix,
            title=_("%(indicator)s的变化：%(series)s") % {"indicator": localized(indicator), "series": trend.label},
        )


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
    Made from the series summaries, reading only the figures of the cards shown.
    """
    indicators = Indicator.objects.published()
    if category:
        indicators = indicators.filter(category=category)
    counts = summaries.public_counts()
    scope = {"region": region} if region else {}
    if category:
        scope["indicator__category"] = category
    parts = summaries.parts(SPARK_POINTS, **scope)
    indicators = [indicator for indicator in indicators if not region or parts.get(indicator.pk)]
    for indicator in indicators:
        indicator.public_count = counts.get(indicator.pk, 0)
    shown = None if (category or region) else CATALOGUE_SHOWN
    sections = _in_sections(_in_category_order(_cards(indicators, parts)), shown=shown)
    drawn = [card for section in sections for group in section["categories"] for card in group["shown"]]
    _draw(drawn, id_prefix=lambda indicator: f"spark-{indicator.code}")
    return sections


def _cards(indicators, parts):
    """What ``summarise`` makes of each indicator's figures, made of its series' ``parts``: the
    newest figure of each series in ``widest_first`` order, and the trend for its sparkline.
    The figures are read by ``_draw``, for the cards a page shows."""
    cards = []
    for indicator in indicators:
        ordered = sorted(parts.get(indicator.pk, []), key=lambda part: part["order"])
        card = IndicatorSummary(indicator, ordered[:LATEST_SHOWN], max(0, len(ordered) - LATEST_SHOWN))
        trends = [part for part in ordered if len(part["dated"]) >= 2]
        # The widest region's longest trend, as ``sparkline_points`` chooses it.
        card.trend = min(trends, key=lambda p: (p["order"][0], -len(p["dated"]), -p["end"])) if trends else None
        cards.append(card)
    return cards


def _draw(cards, *, id_prefix):
    """The cards' latest figures and sparklines, their figures read in one query."""
    wanted = {part["latest"] for card in cards for part in card.latest}
    wanted.update(pk for card in cards if card.trend for pk in card.trend["dated"][-SPARK_POINTS:])
    figures = summaries.figures_by_id(wanted)
    for card in cards:
        card.latest = [figures[part["latest"]] for part in card.latest if part["latest"] in figures]
        dated = [figures[pk] for pk in reversed(card.trend["dated"]) if pk in figures] if card.trend else []
        if dated:
            trend = Series(region_name(dated[0]), dated[0].qualifier, period_kind(dated[0]), dated)
            _draw_sparkline(card, trend, id_prefix=id_prefix(card.indicator))


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
    parts = summaries.parts(SPARK_POINTS, region=region)
    indicators = Indicator.objects.filter(pk__in=[pk for pk, found in parts.items() if found])
    cards = _cards(indicators, parts)
    _draw(cards, id_prefix=lambda indicator: f"spark-{region.slug}-{indicator.code}")
    return _in_category_order(cards)


def children_headlines(children):
    """For the cities of a province: each city's latest headline values, those it has only."""
    if not children:
        return {"rows": []}
    indicators = list(Indicator.objects.published().headline())
    rows = summaries.newest(limit=1, region__in=children, indicator__is_headline=True)
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
    values, one per period and qualifier (never figures of different periods on one scale).

    The bars are chosen from the series summaries (``comparison_members`` on each series'
    newest figure as its part describes it), and only the figures drawn and the cards' leads
    are read: at 100,000 bulletins 449 series' newest figures were read (with their regions
    and bulletins) to draw at most 3 × 5 bars an indicator."""
    indicators = list(Indicator.objects.published().headline().prefetch_related("limits"))
    parts = summaries.parts(HEADLINE_POINTS, indicator__is_headline=True)
    stand_ins = _stand_ins(parts)
    chosen, wanted = [], set()
    for indicator in indicators:
        found = parts.get(indicator.pk, [])
        plotter = Plotter(indicator)
        latest = [stand_ins[part["latest"]] for part in sorted(found, key=summaries.newest_first_key) if part["latest"] in stand_ins]
        shown, omitted = comparison_members(latest, plotter, max_groups=3, max_bars=max_bars)
        first = min(found, key=lambda part: part["order"], default=None)
        chosen.append((indicator, plotter, first and first["latest"], shown, omitted))
        wanted.update(figure.pk for _qualifier, members in shown for figure in members)
        if first:
            wanted.add(first["latest"])
    figures = summaries.figures_by_id(wanted)
    cards = []
    for indicator, plotter, lead, shown, omitted in chosen:
        card = HeadlineCard(indicator, figures.get(lead))
        shown = _read(shown, figures)
        if shown:
            comparison = draw_comparison(shown, omitted, plotter)
            card.omitted = comparison.omitted
            card.charts = small_charts(comparison.groups, indicator, id_prefix=f"headline-{indicator.code}", width=360)
        cards.append(card)
    return cards


def _stand_ins(parts):
    """{figure id: what places its bar} of the newest figure of each series in ``parts`` (as
    ``summaries.parts`` gives them), from the parts; a part an earlier release wrote without
    ``bar`` stands for its figure, read (one query, only then)."""
    stand_ins, missing = {}, []
    for found in parts.values():
        for part in found:
            if "bar" in part:
                stand_ins[part["latest"]] = _BarFigure.of(part)
            else:
                missing.append(part["latest"])
    if missing:
        stand_ins.update(summaries.figures_by_id(missing))
    return stand_ins


def _read(shown, figures):
    """``comparison_members``' choice among stand-ins, as the figures read (``figures`` by id)."""
    shown = [(qualifier, [figures[f.pk] for f in members if f.pk in figures]) for qualifier, members in shown]
    return [(qualifier, members) for qualifier, members in shown if members]


@dataclass(frozen=True)
class _BarFigure:
    """A series' newest figure as its summary part describes it: what chooses its bar."""

    pk: int
    period_start: date | None
    period_end: date | None
    period_label: str
    qualifier: str
    value: Decimal
    value_normalised: Decimal | None
    unit: str

    @classmethod
    def of(cls, part):
        start, label, qualifier, value, normalised, unit = part["bar"]
        end = None if part["order"][1] else date.fromordinal(-part["order"][2])
        return cls(
            part["latest"], start and date.fromordinal(start), end, label, qualifier, Decimal(value),
            None if normalised is None else Decimal(normalised), unit,
        )


def indicator_charts(indicator, *, rows=None):
    """The indicator page's charts: small bar charts of the latest values, one per period and
    qualifier, and lines of each region's comparable periods over time. ``rows``: the figures
    to draw instead of the published ones (the page as it stood on a past day)."""
    prefetch_related_objects([indicator], "limits")  # one query, however many charts draw them
    if rows is not None:
        comparison = comparison_groups(rows, indicator, max_groups=6, max_bars=15)
        lines, more_lines = trend_lines(rows, indicator, max_points=LINE_POINTS)
        kinds = [series.kind for series in group_series(rows) if series.is_trend]
    else:
        # From the series summaries: the bars chosen among each series' newest figure as its
        # part describes it, and the lines' figures (the longest and newest trends, as
        # ``trend_lines`` picks them): only the figures drawn are read, in one query.
        parts = sorted(summaries.parts(LINE_POINTS, indicator=indicator).get(indicator.pk, []), key=summaries.newest_first_key)
        plotter = Plotter(indicator)
        stand_ins = _stand_ins({indicator.pk: parts})
        latest = [stand_ins[part["latest"]] for part in parts if part["latest"] in stand_ins]
        shown, omitted = comparison_members(latest, plotter, max_groups=6, max_bars=15)
        trends = sorted((p for p in parts if len(p["dated"]) >= 2), key=lambda p: (len(p["dated"]), p["end"]), reverse=True)
        dated = [pk for part in trends[:MAX_LINES] for pk in part["dated"]]
        figures = summaries.figures_by_id([*(f.pk for _q, members in shown for f in members), *dated])
        comparison = draw_comparison(_read(shown, figures), omitted, plotter)
        lines, _unused = trend_lines(sorted((figures[pk] for pk in dated if pk in figures), key=newest_first), indicator, max_points=LINE_POINTS)
        more_lines = max(0, len(trends) - MAX_LINES)
        kinds = [period_kind(stand_ins[part["latest"]]) for part in trends if part["latest"] in stand_ins]
        rows = parts
    bars = small_charts(comparison.groups, indicator, id_prefix="chart-bars")
    trend = ""
    if lines:
        trend = charts.line_chart(
            lines,
            id_prefix="chart-lines",
            title=_("%(indicator)s：各序列随时间的变化") % {"indicator": localized(indicator)},
            unit=localized(indicator, "unit"),
            reference=national_limit(indicator, kinds=kinds),
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


def newest_first(observation):
    """``NEWEST_FIRST`` in Python, for figures read by id."""
    end, issued = observation.period_end, observation.bulletin.issued_on
    return (end is None, -end.toordinal() if end else 0, issued is None, -issued.toordinal() if issued else 0, -observation.pk)
