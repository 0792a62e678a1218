"""Which figures may be drawn together: periods, series and comparison groups.

A *series* is the figures of one region, under one qualifier, over periods of one kind (whole
years, 1—11月, cumulative up to a date…). Only a series is drawn as a line: a value for 1—11月
is never joined to a whole year's, nor a value 扣除沙尘异常超标天数后 to the plain one.
A *comparison group* is the figures for exactly the same period and qualifier across regions:
those are drawn as bars side by side, under a label saying which period and qualifier.

Values are shown as reported (``value_text`` and ``unit``: 万元, 亿元, %); their position on a
chart's scale and their order come from ``value_normalised``, expressed in the indicator's unit.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.utils.timezone import localdate
from django.utils.translation import gettext as _

from bulletins.choices import RegionLevel
from bulletins.slugs import slug_path
from ecoportal.localized import english_active, localized, localized_unit, localized_value

from . import units
from .charts import PALETTE, BarGroup, Line, Point, Reference
from .english import qualifier_text
from .periods import UNDATED, PeriodKind, period_kind, period_text

MAX_LINES = len(PALETTE)  # one colour, marker and dash each


def region_name(observation):
    if observation.region_id:
        return localized(observation.region)
    if observation.bulletin.region_label:
        if english_active():  # the source's word for the city stays in its sentence
            return _("原文未注明的城市")
        return _("%(label)s（城市不详）") % {"label": observation.bulletin.region_label}
    return _("地区不详")


def qualifier_label(qualifier):
    """A qualifier as a chart may show it: in English from the glossary, or said to be there."""
    text = qualifier_text(qualifier, english=english_active())
    return text.text if text.lang == "en" or not english_active() else _("带限定条件（见原句）")


def series_key(observation):
    where = observation.region_id or f"label:{observation.bulletin.region_label}"
    return (where, observation.qualifier, period_kind(observation))


def display(observation, indicator=None):
    """The value as reported, with its unit in the reader's language: 547.59万元, 93.1%, 25 μg/m³."""
    unit = localized_unit(observation, indicator)
    space = " " if english_active() and unit[:1].isalpha() else ""
    return f"{localized_value(observation, indicator)}{space}{unit}"


@dataclass
class Series:
    """The figures of one region under one qualifier over periods of one kind."""

    region_name: str
    qualifier: str
    kind: PeriodKind
    observations: list = field(default_factory=list)  # newest first

    @property
    def label(self):
        parts = [self.region_name]
        if self.kind.kind != UNDATED:
            parts.append(self.kind.label)
        if self.qualifier:
            parts.append(qualifier_label(self.qualifier))
        return " · ".join(parts)

    @property
    def latest(self):
        return self.observations[0]

    @property
    def dated(self):
        """One figure per period end, oldest first (the newest statement of each period)."""
        by_end = {}
        for observation in self.observations:
            if observation.period_end is not None:
                by_end.setdefault(observation.period_end, observation)
        return [by_end[end] for end in sorted(by_end)]

    @property
    def is_trend(self):
        return len(self.dated) >= 2


def plain_first(observations):
    """``observations`` (newest first) with, within one period, unqualified figures first.

    The plain 93.1% is the headline; 94.2% 扣除沙尘异常超标天数后 comes after it.
    """
    def key(observation):
        end = observation.period_end
        return (end is None, -end.toordinal() if end else 0, bool(observation.qualifier))

    return sorted(observations, key=key)


def breadth(observation):
    """0 for a country's figure, 1 for a province's, 2 for a city's, 3 when unknown."""
    levels = [level.value for level in RegionLevel]
    level = observation.region.level if observation.region_id else None
    return levels.index(level) if level in levels else len(levels)


def widest_first(observations):
    """``observations`` (newest first) with the widest regions' first.

    A province speaks for more people than one of its cities, and the city whose bulletin came
    last should not lead just because of publishing order. Within a region: newest first, and
    plain before qualified.
    """
    return sorted(plain_first(observations), key=breadth)


def headline_figure(observations):
    """The figure a headline card leads with: the widest region's newest plain figure."""
    ordered = widest_first(observations)
    return ordered[0] if ordered else None


def group_series(observations):
    """Series of ``observations`` (given newest first), in order of their newest figure."""
    grouped = {}
    for observation in observations:
        key = series_key(observation)
        if key not in grouped:
            grouped[key] = Series(region_name(observation), observation.qualifier, key[2])
        grouped[key].observations.append(observation)
    return list(grouped.values())


class Plotter:
    """Turns figures of one indicator into chart points: scale in the indicator's unit."""

    def __init__(self, indicator):
        self.indicator = indicator
        self.unit = indicator.unit
        self.factor = units.factor(indicator.unit)
        self._paths = {}

    def value(self, observation):
        """Position on the scale, or None when the unit cannot be converted."""
        if self.factor is not None and observation.value_normalised is not None:
            return float(observation.value_normalised / self.factor)
        if observation.unit == self.unit:
            return float(observation.value)
        return None

    def href(self, observation):
        slug = observation.bulletin.slug
        if slug not in self._paths:
            self._paths[slug] = slug_path("bulletins:detail", slug)
        return f"{self._paths[slug]}#obs-{observation.pk}"

    def tooltip(self, observation):
        parts = [region_name(observation), period_text(observation)]
        if observation.qualifier:
            parts.append(qualifier_label(observation.qualifier))
        return _("%(what)s：%(value)s（点击查看原句）") % {"what": " · ".join(parts), "value": display(observation, self.indicator)}

    def point(self, observation, label=""):
        value = self.value(observation)
        if value is None:
            return None
        shown, href, tooltip = display(observation, self.indicator), self.href(observation), self.tooltip(observation)
        corrected = bool(getattr(observation, "corrected_at", None))
        if corrected:
            # A corrected figure says so where it is drawn, and leads to the note saying why.
            shown = f"{shown} *"
            href = f"{href.split('#')[0]}#correction-{observation.correction_id}"
            tooltip = _("%(tooltip)s；已于 %(day)s 更正") % {
                "tooltip": tooltip, "day": localdate(observation.corrected_at).isoformat(),
            }
        return Point(
            value=value,
            display=shown,
            href=href,
            tooltip=tooltip,
            label=label,
            when=observation.period_end,
            corrected=corrected,
        )

    def sort_key(self, observation):
        value = self.value(observation)
        value = 0 if value is None else value
        return value if self.indicator.higher_is_better is False else -value


@dataclass
class Comparison:
    """Bars for one period and qualifier across regions, and what did not fit."""

    groups: list
    omitted: int = 0


def comparison_groups(observations, indicator, *, max_groups=4, max_bars=12, region_labels=True):
    """The newest figure of each series, grouped by exact period and qualifier.

    Groups come newest period first; within one, bars are sorted best first (highest, or
    lowest when lower is better). Beyond ``max_groups`` × ``max_bars`` figures are counted in
    ``omitted`` (the table and the downloads have them all).
    """
    plotter = Plotter(indicator)
    latest = [series.latest for series in group_series(observations)]
    shown, omitted = comparison_members(latest, plotter, max_groups=max_groups, max_bars=max_bars)
    return draw_comparison(shown, omitted, plotter, region_labels=region_labels)


def comparison_members(latest, plotter, *, max_groups, max_bars):
    """Which of ``latest`` (the newest figure of each series, newest first) ``comparison_groups``
    draws: ([(qualifier, [figure…]) of each group shown, best first], how many were left out).
    Reads only a figure's period, qualifier, value and unit, so that it can choose among
    stand-ins before the figures drawn are read."""
    grouped = defaultdict(list)
    for figure in latest:
        label = figure.period_label if figure.period_end is None else ""
        grouped[(figure.period_start, figure.period_end, label, figure.qualifier)].append(figure)

    def newest(key):
        end = grouped[key][0].period_end
        return (end is not None, end or date.min, not key[3], len(grouped[key]))

    keys = sorted(grouped, key=newest, reverse=True)
    shown, omitted = [], 0
    for index, key in enumerate(keys):
        members = grouped[key]
        if index >= max_groups:
            omitted += len(members)
            continue
        omitted += max(0, len(members) - max_bars)
        shown.append((key[3], sorted(members, key=plotter.sort_key)[:max_bars]))
    return shown, omitted


def draw_comparison(shown, omitted, plotter, *, region_labels=True):
    """The ``Comparison`` of the groups ``comparison_members`` chose (the figures themselves)."""
    groups = []
    for qualifier, members in shown:
        points = []
        for observation in members:
            label = region_name(observation) if region_labels else period_text(observation)
            point = plotter.point(observation, label=label)
            if point is None:
                omitted += 1
            else:
                points.append(point)
        heading = period_text(members[0])
        if qualifier:
            heading = f"{heading} · {qualifier_label(qualifier)}"
        scale = (period_kind(members[0]), qualifier)
        groups.append(BarGroup(label=heading, points=points, qualified=bool(qualifier), scale=scale))
    return Comparison(groups=groups, omitted=omitted)


def trend_lines(observations, indicator, *, max_lines=MAX_LINES, max_points=40):
    """Series with at least two dated periods, as lines; the longest and newest first."""
    plotter = Plotter(indicator)
    trends = [series for series in group_series(observations) if series.is_trend]
    trends.sort(key=lambda s: (len(s.dated), s.dated[-1].period_end), reverse=True)
    lines = []
    for series in trends[:max_lines]:
        points = [plotter.point(o, label=period_text(o)) for o in series.dated[-max_points:]]
        lines.append(Line(label=series.label, points=[p for p in points if p is not None]))
    return lines, max(0, len(trends) - max_lines)


def sparkline_points(series_list, indicator, *, max_points=12):
    """The points of the trend to show among ``series_list`` and its series, or (None, []).

    The widest region's longest trend: a province's before a city's.
    """
    trends = [series for series in series_list if series.is_trend]
    if not trends:
        return None, []
    best = min(trends, key=lambda s: (breadth(s.latest), -len(s.dated), -s.dated[-1].period_end.toordinal()))
    return best, trend_points(best, indicator, max_points=max_points)


def trend_points(series, indicator, *, max_points=12):
    """The chart points of ``series``' newest ``max_points`` dated figures, oldest first."""
    plotter = Plotter(indicator)
    points = [plotter.point(o, label=period_text(o)) for o in series.dated[-max_points:]]
    return [p for p in points if p is not None]


def national_limit(indicator, *, kinds=()):
    """The indicator's first national limit as a chart ``Reference`` in its unit, or None.

    Limits come from the reference catalogue (``indicator.limits``); a limit set for annual
    means is drawn only over whole years (``kinds`` of the figures drawn, when given).
    """
    for limit in indicator.limits.all():
        try:
            value = units.convert(limit.value, limit.unit_code, indicator.unit)
        except ValueError:
            continue
        if kinds and not all(kind.is_whole_year for kind in kinds):
            return None
        shown = f"{value.normalize():f}"
        unit = localized_unit(indicator)
        return Reference(
            float(value),
            _("国家标准 %(value)s") % {"value": shown},
            _("%(value)s %(unit)s（%(basis)s）") % {"value": shown, "unit": unit, "basis": localized(limit, "basis")},
        )
    return None
