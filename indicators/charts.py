"""Charts drawn on the server as inline SVG: bars, lines and sparklines.

Every chart is an ``<svg role="group">`` named by its ``<title>`` and described by a ``<desc>``
that lists the values, so it reads without JavaScript and without seeing it (a group, not an
image: an image's children are hidden from assistive technology, and its points are links);
the same values are always in a table or a sentence next to it. It scales with its ``viewBox``, so one drawing
fits a phone and a desktop. Each point links to the sentence that states it and carries a
``<title>`` tooltip. Colours are the Okabe–Ito palette, which colour-blind readers can tell
apart, and never carry meaning alone: bars are labelled directly, lines also differ by marker
shape and dash pattern and are named in a legend.

Text and attribute values are escaped as the markup is built (``_escape``, as ``conditional_escape`` does);
nothing a caller passes is inserted raw.
"""

import html
import math
import re
from dataclasses import dataclass, field
from datetime import date

from django.utils.functional import Promise
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import gettext as _

from ecoportal.localized import english_active

SVG_NS = "http://www.w3.org/2000/svg"

# Okabe–Ito, without its yellow (too light for a line on white), in an order that keeps the
# first few as distinct as possible.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
DASHES = (None, "6 3", "2 3", "9 3 2 3", "4 4", "1 3", "12 4")
INK = "#1d2a25"
MUTED = "#51615a"
GRID = "#d5ddd8"
BAR = "#0072B2"
BAR_QUALIFIED = "#E69F00"
LIMIT = "#A4161A"
MAX_DESCRIBED = 30
# Charts are drawn at about their natural size (a viewBox 360–400 wide), shrinking on a phone
# to about 0.8: text this size stays at 12px or more there.
FONT = 15
SMALL_FONT = 14


@dataclass(frozen=True)
class Point:
    """One value to draw: where it sits on the scale, how it reads, where it links."""

    value: float
    display: str
    href: str
    tooltip: str
    label: str = ""
    when: date | None = None
    corrected: bool = False  # drawn with " *", which the page's legend explains


@dataclass(frozen=True)
class BarGroup:
    """Bars that may be compared (same period and definition), under a label saying which.

    ``qualified`` groups (values under a qualifier, e.g. 扣除沙尘异常超标天数后) are hatched.
    """

    label: str
    points: list = field(default_factory=list)
    qualified: bool = False
    # Groups with the same scale key (period kind and qualifier) may share one scale.
    scale: tuple = ()


@dataclass(frozen=True)
class Reference:
    """A line across a chart at ``value`` (a national limit), named by ``label`` on the chart
    and by ``detail`` (its basis) in the legend."""

    value: float
    label: str
    detail: str = ""


@dataclass(frozen=True)
class Line:
    """A series over time; points are joined only within one line."""

    label: str
    points: list = field(default_factory=list)


# Markup -------------------------------------------------------------------------------------


def _escape(value):
    """``conditional_escape(value)`` as text, without its lazy-aware wrapper: a chart escapes
    hundreds of values, and the wrapper was most of the time escaping took."""
    if isinstance(value, Promise):
        value = str(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def _tag(name, attrs=None, *children):
    # Escaped directly rather than format_html per attribute: a chart has hundreds of
    # elements, and the formatting machinery was most of the time it took to draw one. The
    # attribute names are this module's own literals; values and children are escaped, a
    # plain string only if it holds a character to escape (most are numbers and colours),
    # markup made here (``SafeString``) kept as it is.
    attributes = "".join(
        f' {key}="{_attribute(value)}"' for key, value in attrs.items() if value is not None
    ) if attrs else ""
    inner = "".join(child if isinstance(child, SafeData) else _escape(child) for child in children)
    return mark_safe(f"<{name}{attributes}>{inner}</{name}>")  # noqa: S308 - escaped above


_SPECIAL = re.compile("[&<>\"']").search


def _attribute(value):
    if type(value) is str:
        return html.escape(value) if _SPECIAL(value) else value
    return _escape(value)


def _n(number):
    """A coordinate: one decimal, no trailing zeros."""
    text = f"{number:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _svg(*, id_prefix, title, description, width, height, css_class, body):
    return _tag(
        "svg",
        {
            "xmlns": SVG_NS,
            "class": f"chart {css_class}",
            "viewBox": f"0 0 {_n(width)} {_n(height)}",
            "role": "group",
            "aria-labelledby": f"{id_prefix}-title {id_prefix}-desc",
            "focusable": "false",
        },
        _tag("title", {"id": f"{id_prefix}-title"}, title),
        _tag("desc", {"id": f"{id_prefix}-desc"}, description),
        *body,
    )


def _link(point, *shapes):
    # The points are reachable from the table next to every chart; inside an image they are
    # for pointing devices only, so they stay out of the keyboard's tab order.
    return _tag("a", {"href": point.href, "tabindex": "-1"}, _tag("title", {}, point.tooltip), *shapes)


def _text(x, y, content, *, size=13, anchor="start", fill=INK, weight=None, css_class=None, halo=False):
    return _tag(
        "text",
        {
            "x": _n(x),
            "y": _n(y),
            "font-size": size,
            "text-anchor": anchor,
            "fill": fill,
            "font-weight": weight,
            "class": css_class,
            # A white outline keeps a label legible where a grid or reference line crosses it.
            "stroke": "#fff" if halo else None,
            "stroke-width": "4" if halo else None,
            "paint-order": "stroke" if halo else None,
        },
        content,
    )


def text_width(text, size):
    """Rough width of a line of text: CJK characters are square, Latin ones about half."""
    return sum(size * (1.0 if ord(char) > 0x2E7F else 0.58) for char in text)


def fit(text, max_width, size):
    """``text`` cut with an ellipsis so that it fits ``max_width``."""
    if text_width(text, size) <= max_width:
        return text
    while text and text_width(text + "…", size) > max_width:
        text = text[:-1]
    return text + "…"


def format_number(number):
    """A tick label: thousands separated, at most two decimals, no trailing zeros."""
    if abs(number) >= 1000:
        return f"{number:,.0f}"
    text = f"{number:,.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def nice_ticks(low, high, count=4):
    """Round tick values (1, 2, 2.5 or 5 × 10ⁿ apart) covering ``low``–``high``."""
    if low == high:
        pad = abs(low) * 0.1 or 1
        low, high = low - pad, high + pad
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    end = math.ceil(high / step) * step
    steps = round((end - start) / step)
    return [round(start + i * step, 10) for i in range(steps + 1)]


def _pair(name, value):
    """“name：value”, or “name: value” in English."""
    return f"{name}: {value}" if english_active() else f"{name}：{value}"


def _describe(items):
    items = list(items)
    separator, stop = ("; ", ".") if english_active() else ("；", "。")
    text = separator.join(items[:MAX_DESCRIBED])
    if len(items) > MAX_DESCRIBED:
        text += separator + _("另有 %(count)s 个数值见表格") % {"count": len(items) - MAX_DESCRIBED}
    return text + stop if text else _("暂无数据。")


# Marker shapes ------------------------------------------------------------------------------


def _polygon(x, y, radius, sides, rotation):
    corners = (
        (x + radius * math.cos(rotation + 2 * math.pi * i / sides), y + radius * math.sin(rotation + 2 * math.pi * i / sides))
        for i in range(sides)
    )
    return "M" + " L".join(f"{_n(px)} {_n(py)}" for px, py in corners) + " Z"


def _star(x, y, radius):
    corners = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.45
        angle = -math.pi / 2 + math.pi * i / 5
        corners.append(f"{_n(x + r * math.cos(angle))} {_n(y + r * math.sin(angle))}")
    return "M" + " L".join(corners) + " Z"


def marker_path(shape, x, y, size=4.5):
    """The outline of marker ``shape`` (0–6) centred on ``x``, ``y``."""
    shape %= len(PALETTE)
    if shape == 0:
        return f"M{_n(x - size)} {_n(y)} a{_n(size)} {_n(size)} 0 1 0 {_n(2 * size)} 0 a{_n(size)} {_n(size)} 0 1 0 {_n(-2 * size)} 0 Z"
    if shape == 1:
        return _polygon(x, y, size * 1.3, 4, math.pi / 4)
    if shape == 2:
        return _polygon(x, y, size * 1.35, 3, -math.pi / 2)
    if shape == 3:
        return _polygon(x, y, size * 1.35, 4, 0)
    if shape == 4:
        return _polygon(x, y, size * 1.35, 3, math.pi / 2)
    if shape == 5:
        return _polygon(x, y, size * 1.2, 6, 0)
    return _star(x, y, size * 1.5)


# Charts -------------------------------------------------------------------------------------


def sparkline(points, *, id_prefix, title, description=None, width=120, height=32):
    """A small trend without axes: the points evenly spaced, the latest one emphasised."""
    points = list(points)
    if description is None:
        description = _describe(_pair(p.label, p.display) if p.label else p.display for p in points)
    pad = 5
    body = []
    if points:
        values = [p.value for p in points]
        low, high = min(values), max(values)
        span = (high - low) or 1

        def y_of(value):
            if high == low:
                return height / 2
            return height - pad - (value - low) / span * (height - 2 * pad)

        if len(points) == 1:
            xs = [width / 2]
        else:
            xs = [pad + i * (width - 2 * pad) / (len(points) - 1) for i in range(len(points))]
        ys = [y_of(v) for v in values]
        if len(points) > 1:
            path = "M" + " L".join(f"{_n(x)} {_n(y)}" for x, y in zip(xs, ys, strict=True))
            body.append(_tag("path", {"d": path, "fill": "none", "stroke": BAR, "stroke-width": "1.8", "stroke-linejoin": "round"}))
        for index, (point, x, y) in enumerate(zip(points, xs, ys, strict=True)):
            last = index == len(points) - 1
            body.append(
                _link(
                    point,
                    _tag(
                        "circle",
                        {
                            "cx": _n(x),
                            "cy": _n(y),
                            "r": "3.2" if last else "2.2",
                            "fill": PALETTE[1] if last else BAR,
                            "stroke": "#fff",
                            "stroke-width": "0.8",
                            "class": "point",
                        },
                    ),
                )
            )
    return _svg(
        id_prefix=id_prefix,
        title=title,
        description=description,
        width=width,
        height=height,
        css_class="sparkline",
        body=body,
    )


def bar_chart(groups, *, id_prefix, title, description=None, width=400, note="", domain=None, reference=None):
    """Horizontal bars, one row per point, grouped under labels; one scale from zero, with ticks.

    Each row names its bar (``point.label``) on the left and its value as reported on the
    right, so nothing depends on colour; hatched bars belong to qualified groups. ``domain``
    (low, high) widens the scale so that several small charts share it; ``reference`` draws
    a dashed line (a national limit) across the bars.
    """
    groups = [group for group in groups if group.points]
    if description is None:
        description = _describe(
            _pair(f"{group.label} {point.label}".strip(), point.display) for group in groups for point in group.points
        )
        if reference is not None:
            description += " " + reference.label + " " + reference.detail
    size = FONT
    group_height, row_height, bar_height = 26, 32, 18
    values = [point.value for group in groups for point in group.points]
    values += list(domain or ()) + ([reference.value] if reference is not None else [])
    ticks = nice_ticks(min([0, *values]), max([0, *values]))
    low, high = ticks[0], ticks[-1]
    label_width = min(
        max([text_width(point.label, size) for group in groups for point in group.points] + [0]) + 8,
        width * 0.32,
    )
    value_width = min(
        max([text_width(point.display, size) for group in groups for point in group.points] + [0]) + 10,
        width * 0.4,
    )
    left, right = label_width, width - value_width

    def x_of(value):
        return left + (value - low) / (high - low) * (right - left)

    zero = x_of(0)
    body = [
        _tag(
            "pattern",
            {"id": f"{id_prefix}-hatch", "width": "6", "height": "6", "patternUnits": "userSpaceOnUse", "patternTransform": "rotate(45)"},
            _tag("rect", {"width": "6", "height": "6", "fill": BAR_QUALIFIED}),
            _tag("line", {"x1": "0", "y1": "0", "x2": "0", "y2": "6", "stroke": "#fff", "stroke-width": "2.5"}),
        )
    ]
    rows = []
    y = 4
    if reference is not None:
        y += 20  # room for the reference line's label above the bars
    top = y
    for group in groups:
        if group.label:
            rows.append(_text(0, y + 17, fit(group.label, width, SMALL_FONT), size=SMALL_FONT, fill=MUTED, weight="600"))
            y += group_height
        for point in group.points:
            start, end = sorted((zero, x_of(point.value)))
            rows.append(_text(0, y + 21, fit(point.label, label_width - 6, size), size=size))
            rows.append(
                _link(
                    point,
                    _tag(
                        "rect",
                        {
                            "x": _n(start),
                            "y": _n(y + 7),
                            "width": _n(max(end - start, 1.5)),
                            "height": bar_height,
                            "rx": "2",
                            "fill": f"url(#{id_prefix}-hatch)" if group.qualified else BAR,
                            "class": "bar",
                        },
                    ),
                )
            )
            rows.append(
                _text(max(end, zero) + 5, y + 21, fit(point.display, value_width - 4, size), size=size, weight="600", halo=True)
            )
            y += row_height
    bottom = y + 2
    # The axis: light grid lines at round values, their labels under the bars.
    for tick in ticks:
        x = x_of(tick)
        body.append(_tag("line", {"x1": _n(x), "x2": _n(x), "y1": _n(top), "y2": _n(bottom), "stroke": GRID if tick else MUTED, "stroke-width": "1"}))
        body.append(_text(x, bottom + 16, format_number(tick), size=SMALL_FONT - 2, anchor="middle", fill=MUTED))
    if reference is not None:
        x = x_of(reference.value)
        body.append(_tag("line", {"x1": _n(x), "x2": _n(x), "y1": _n(top - 4), "y2": _n(bottom), "stroke": LIMIT, "stroke-width": "2", "stroke-dasharray": "5 3", "class": "reference"}))
        anchor = "end" if x > (left + right) / 2 else "start"
        body.append(_text(x + (-4 if anchor == "end" else 4), top - 8, fit(reference.label, width * 0.6, SMALL_FONT - 1), size=SMALL_FONT - 1, anchor=anchor, fill=LIMIT))
    body.extend(rows)  # over the grid and the reference line, so that labels stay legible
    height = bottom + 22
    if note:
        body.append(_text(0, height + 14, fit(note, width, SMALL_FONT), size=SMALL_FONT, fill=MUTED))
        height += 22
    return _svg(
        id_prefix=id_prefix,
        title=title,
        description=description,
        width=width,
        height=max(height, 24),
        css_class="bar-chart",
        body=body,
    )


def _year_ticks(first, last):
    """Dates for a long x axis: the same day as the first point's, in round-numbered years."""
    years = list(range(first.year, last.year + 1))
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100) if len(years) / s <= 6)
    ticks = []
    for year in years:
        if year % step == 0:
            try:
                ticks.append(first.replace(year=year))
            except ValueError:  # 29 February
                ticks.append(first.replace(year=year, day=28))
    return [tick for tick in ticks if first <= tick <= last]


def line_chart(lines, *, id_prefix, title, description=None, width=400, height=220, unit="", reference=None):
    """Lines over time, one per series, each with its own colour, marker and dash, and a legend.

    Points are placed at the end of their period (``point.when``); the y axis is in ``unit``.
    """
    lines = [line for line in lines if line.points][: len(PALETTE)]
    if description is None:
        description = _describe(
            _pair(f"{line.label} {point.label}", point.display) for line in lines for point in line.points
        )
    size = SMALL_FONT
    values = [point.value for line in lines for point in line.points]
    whens = [point.when for line in lines for point in line.points]
    if reference is not None and values:
        values.append(reference.value)
    ticks = nice_ticks(min(values), max(values)) if values else [0, 1]
    tick_width = max(text_width(format_number(t), size) for t in ticks)
    left, right, top = tick_width + 10, width - 14, 28
    bottom = height - 28
    low, high = ticks[0], ticks[-1]
    first, last = (min(whens), max(whens)) if whens else (date.today(), date.today())
    span = (last - first).days

    def x_of(when):
        if span == 0:
            return (left + right) / 2
        return left + 8 + (when - first).days / span * (right - left - 16)

    def y_of(value):
        return bottom - (value - low) / (high - low) * (bottom - top)

    body = []
    if unit:
        body.append(_text(0, 15, _("单位：%(unit)s") % {"unit": unit}, size=size, fill=MUTED))
    for tick in ticks:
        y = y_of(tick)
        body.append(_tag("line", {"x1": _n(left), "x2": _n(right), "y1": _n(y), "y2": _n(y), "stroke": GRID, "stroke-width": "1"}))
        body.append(_text(left - 6, y + 4, format_number(tick), size=size, anchor="end", fill=MUTED))
    distinct = sorted(set(whens))
    if len(distinct) <= 6:
        same_year = len({when.year for when in distinct}) < len(distinct)
        x_ticks = [(when, f"{when:%Y-%m}" if same_year else str(when.year)) for when in distinct]
    else:
        x_ticks = [(when, str(when.year)) for when in _year_ticks(first, last)]
    for when, label in x_ticks:
        x = x_of(when)
        body.append(_tag("line", {"x1": _n(x), "x2": _n(x), "y1": _n(bottom), "y2": _n(bottom + 4), "stroke": MUTED, "stroke-width": "1"}))
        body.append(_text(x, bottom + 19, label, size=size, anchor="middle", fill=MUTED))
    body.append(_tag("line", {"x1": _n(left), "x2": _n(right), "y1": _n(bottom), "y2": _n(bottom), "stroke": MUTED, "stroke-width": "1"}))
    if reference is not None:
        y = y_of(reference.value)
        body.append(_tag("line", {"x1": _n(left), "x2": _n(right), "y1": _n(y), "y2": _n(y), "stroke": LIMIT, "stroke-width": "2", "stroke-dasharray": "5 3", "class": "reference"}))
        body.append(_text(right, y - 5, fit(reference.label, right - left, SMALL_FONT - 1), size=SMALL_FONT - 1, anchor="end", fill=LIMIT))

    legend_y = height + 4
    marker_size = 4.5 if max((len(line.points) for line in lines), default=0) <= 24 else 3
    for index, line in enumerate(lines):
        colour, dash = PALETTE[index], DASHES[index]
        ordered = sorted(line.points, key=lambda p: p.when)
        path = "M" + " L".join(f"{_n(x_of(p.when))} {_n(y_of(p.value))}" for p in ordered)
        body.append(
            _tag(
                "path",
                {"d": path, "fill": "none", "stroke": colour, "stroke-width": "2", "stroke-dasharray": dash, "stroke-linejoin": "round", "class": "series"},
            )
        )
        for point in ordered:
            body.append(
                _link(
                    point,
                    _tag(
                        "path",
                        {"d": marker_path(index, x_of(point.when), y_of(point.value), marker_size), "fill": colour, "stroke": "#fff", "stroke-width": "1", "class": "point"},
                    ),
                )
            )
        body.append(_tag("line", {"x1": "2", "x2": "26", "y1": _n(legend_y + 9), "y2": _n(legend_y + 9), "stroke": colour, "stroke-width": "2", "stroke-dasharray": dash}))
        body.append(_tag("path", {"d": marker_path(index, 14, legend_y + 9), "fill": colour, "stroke": "#fff", "stroke-width": "1"}))
        body.append(_tag("g", {}, _tag("title", {}, line.label), _text(32, legend_y + 14, fit(line.label, width - 34, size), size=size)))
        legend_y += 22
    return _svg(
        id_prefix=id_prefix,
        title=title,
        description=description,
        width=width,
        height=legend_y + 2,
        css_class="line-chart",
        body=body,
    )

