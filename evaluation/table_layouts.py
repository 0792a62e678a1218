"""How many cells of invented tables read() gets right, by layout and by the form of the copy.

Bulletins made mostly of tables are where unseen documents lose most, and rules written from
the development set's tables did not carry over. This measure works from tables no document
wrote: a seeded generator invents environmental tables as bulletins publish them (rows of
counties, districts or monitoring stations with invented names, of months or of years; columns
of pollutants, shares, indices or noise levels; units in the header, a row of units or the
caption; a total row, a change column, rows of this year and last year with their change,
empty or "—" cells; measures as rows and places as columns), sets each in a short invented
bulletin and renders it in each form a pasted table arrives in (Markdown, a "cell |" a line,
a cell a line, tabs, columns aligned with spaces, an HTML <table>).

A cell is read when a figure has its value, unit, indicator, kind and row (the row's station
or place as qualifier or region, its period, or the table's own place for a total row).

    DEBUG=1 .venv/bin/python -m evaluation.table_layouts [--grids 60] [--seed 7] [--misses] [--damage]
"""

import argparse
import os
import random
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation


@dataclass(frozen=True)
class Measure:
    names: tuple  # ways bulletins head the column
    unit: str  # as the header writes it; "" for an index
    spelled: str  # the unit as a caption spells it ("微克/立方米")
    unit_code: str
    code: str
    low: float
    high: float
    decimals: int = 0
    family: str = "air"


MEASURES = (
    Measure(("SO2", "二氧化硫"), "μg/m³", "微克/立方米", "ug/m3", "so2", 3, 18),
    Measure(("NO2", "二氧化氮"), "μg/m³", "微克/立方米", "ug/m3", "no2", 9, 38),
    Measure(("PM10", "可吸入颗粒物"), "μg/m³", "微克/立方米", "ug/m3", "pm10", 32, 88),
    Measure(("PM2.5", "细颗粒物"), "μg/m³", "微克/立方米", "ug/m3", "pm25", 18, 58),
    Measure(("CO",), "mg/m³", "毫克/立方米", "mg/m3", "co", 0.6, 1.6, 1),
    Measure(("O3", "臭氧"), "μg/m³", "微克/立方米", "ug/m3", "o3", 96, 172),
    Measure(("优良天数比例",), "%", "%", "percent", "air-good-days-ratio", 71, 99.6, 1),
    Measure(("综合指数",), "", "", "index", "air-quality-composite-index", 2.4, 4.9, 2),
    Measure(
        ("Ⅰ～Ⅲ类水质断面比例",),
        "%",
        "%",
        "percent",
        "water-good-sections-ratio",
        55,
        100,
        1,
        "water",
    ),
    Measure(
        ("劣Ⅴ类水质断面比例",), "%", "%", "percent", "water-inferior-v-ratio", 0, 12, 1, "water"
    ),
    Measure(("昼间等效声级",), "dB(A)", "分贝", "dBA", "noise-day", 49, 62, 1, "noise"),
    Measure(("夜间等效声级",), "dB(A)", "分贝", "dBA", "noise-night", 40, 52, 1, "noise"),
)

FAMILIES = {
    "air": ("环境空气质量状况", "环境空气质量", "主要污染物浓度"),
    "water": ("地表水环境质量状况", "地表水水质", "水质断面比例"),
    "noise": ("声环境质量状况", "区域声环境质量", "区域声环境昼夜等效声级"),
}

# Invented names: two syllables from these, never a division's name on purpose.
_FIRST = "青禾松溪岚桐柏枫澄梓芦棠岑樟雁萍"
_SECOND = "岭桥源湾坪峪塘渚垣圩埠滩冈汀"


@dataclass(frozen=True)
class Column:
    measure: Measure
    name: str
    change: bool = False  # 同比 of the measure in the column before it


@dataclass(frozen=True)
class Row:
    label: str
    kind: str  # "place", "station", "total", "period", "change"
    period: tuple = ()  # (start, end) for a period row


@dataclass
class Grid:
    city: str
    year: int
    family: str
    heading: str
    rows: list
    columns: list
    cells: list  # one list of strings per row
    units: str  # "header", "row" or "caption"
    features: set = field(default_factory=set)


def _names(rng, count, suffixes):
    seen, out = set(), []
    while len(out) < count:
        name = rng.choice(_FIRST) + rng.choice(_SECOND)
        if name in seen:
            continue
        seen.add(name)
        out.append(name + rng.choice(suffixes))
    return out


def _value(rng, measure):
    value = rng.uniform(measure.low, measure.high)
    return f"{value:.{measure.decimals}f}" if measure.decimals else str(round(value))


def _change(rng):
    value = rng.uniform(-18, 12)
    return f"{value:+.1f}" if rng.random() < 0.5 else f"{value:.1f}"


def _change_unit(measure):
    """How a change of the measure is written: points of a share, decibels, else percent."""
    return {"%": "百分点", "dB(A)": "dB(A)"}.get(measure.unit, "%")


_CHANGE_CODES = {"百分点": "pp", "dB(A)": "dBA", "%": "percent"}


def _month_end(year, month):
    return date(year + month // 12, month % 12 + 1, 1).toordinal() - 1


def make_grid(rng):
    """One invented table: its rows, columns and cells, and the features it has."""
    family = rng.choice(("air", "air", "air", "water", "noise"))
    year = rng.randint(2019, 2024)
    city = _names(rng, 1, ("市",))[0]
    pool = [m for m in MEASURES if m.family == family]
    if family == "air":
        pool = rng.sample(pool, rng.randint(3, 6))
        pool.sort(key=MEASURES.index)
    # A noise level by station is a functional zone's, no area level: noise by county or year.
    kinds = (
        ("place", "years")
        if family == "noise"
        else ("place", "place", "station", "period", "years")
    )
    rows_of = rng.choice(kinds)
    features = {f"rows:{rows_of}"}
    if rows_of == "place":
        heading = rng.choice(("县(市、区)", "区县", "地区"))
        rows = [Row(n, "place") for n in _names(rng, rng.randint(3, 7), ("县", "区"))]
    elif rows_of == "station":
        heading = rng.choice(("监测点位", "站点名称", "监测站"))
        rows = [Row(n, "station") for n in _names(rng, rng.randint(3, 6), ("站", "监测站"))]
    elif rows_of == "period":
        heading = "月份"
        first = rng.randint(1, 7)
        months = range(first, first + rng.randint(3, 6))
        rows = [
            Row(f"{m}月", "period", (date(year, m, 1), date.fromordinal(_month_end(year, m))))
            for m in months
        ]
    else:
        heading = rng.choice(("年份", "项目"))
        rows = [Row(f"{y}年", "period", (date(y, 1, 1), date(y, 12, 31))) for y in (year, year - 1)]
    if rows_of in ("place", "station") and rng.random() < 0.5:
        rows.append(Row(rng.choice(("全市", "合计", "平均")), "total"))
        features.add("total row")
    relative = all(m.unit not in ("%", "dB(A)") for m in pool)  # changes of all said in %
    if rows_of == "years" and relative and rng.random() < 0.7:
        rows.append(Row(rng.choice(("同比(%)", "变化率(%)", "同比变化(%)")), "change"))
        features.add("change row")
    columns = [Column(m, rng.choice(m.names)) for m in pool]
    if rows_of != "years" and rng.random() < 0.35:
        at = rng.randrange(len(columns))
        unit = _change_unit(columns[at].measure)
        name = rng.choice(("同比", "比上年", "同比变化"))
        columns.insert(at + 1, Column(columns[at].measure, f"{name}({unit})", True))
        features.add("change column")
    cells = []
    for row in rows:
        line = []
        for column in columns:
            change = column.change or row.kind == "change"
            line.append(_change(rng) if change else _value(rng, column.measure))
        cells.append(line)
    if rng.random() < 0.3:
        r, c = rng.randrange(len(rows)), rng.randrange(len(columns))
        cells[r][c] = rng.choice(("—", "", "/", "-"))
        features.add("empty cell")
    shared = {c.measure.unit for c in columns if not c.change}
    units = rng.choice(("header", "header", "row", "caption"))
    if units == "caption" and (len(shared - {"mg/m³"}) != 1 or "" in shared):
        units = "header"
    features.add(f"units:{units}")
    return Grid(city, year, family, heading, rows, columns, cells, units, features)


# The grid as rows of header and data cells. --------------------------------------------------


def _header_name(column, units):
    if column.change:
        return column.name
    unit = column.measure.unit
    return f"{column.name}({unit})" if units == "header" and unit else column.name


def caption_lines(grid):
    """The caption, and the line of units under it where the caption states them."""
    what = FAMILIES[grid.family][2]
    place = {"place": "各县区", "station": "各监测点位"}.get(grid.rows[0].kind, "")
    lines = [f"表1 {grid.year}年{grid.city}{place}{what}"]
    if grid.units == "caption":
        units = {c.measure.unit: c.measure.spelled for c in grid.columns if not c.change}
        main = next(spelled for unit, spelled in units.items() if unit != "mg/m³")
        extra = "(CO为毫克/立方米)" if "mg/m³" in units else ""
        lines.append(f"单位：{main}{extra}")
    return lines


def header_rows(grid, transposed=False):
    """The table as rows of cells, the header first; and how many rows the header has."""
    if transposed:
        top = ["项目", *(row.label for row in grid.rows)]
        out = [top]
        if grid.units == "row":
            top.insert(1, "单位")
        for at, column in enumerate(grid.columns):
            line = [_header_name(column, grid.units)]
            if grid.units == "row":
                line.append(_change_unit(column.measure) if column.change else column.measure.unit)
            out.append(line + [cells[at] for cells in grid.cells])
        return out, 1
    out = [[grid.heading, *(_header_name(c, grid.units) for c in grid.columns)]]
    if grid.units == "row":
        out.append(["", *("" if c.change else c.measure.unit for c in grid.columns)])
    return out + [
        [row.label, *cells] for row, cells in zip(grid.rows, grid.cells, strict=True)
    ], len(out)


# Renderings: the text an editor's paste gives. -------------------------------------------------


def _width(text):
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def markdown(rows, header):
    lines = []
    for at, cells in enumerate(rows):
        lines.append("| " + " | ".join(cells) + " |")
        if at == header - 1:
            lines.append("|" + "|".join("---" for _cell in cells) + "|")
    return lines


def bar_ends(rows, header):
    """A web page's table copied a cell a line, each cell ending in " |"."""
    return [f"{cell} |" if cell else "|" for cells in rows for cell in cells]


def cell_lines(rows, header):
    """A cell a line and nothing between cells; an empty cell is lost."""
    return [cell for cells in rows for cell in cells if cell]


def tabs(rows, header):
    return ["\t".join(cells) for cells in rows]


def spaces(rows, header):
    """Columns padded with spaces, labels left and numbers right-aligned."""
    widths = [max(_width(r[at]) for r in rows) for at in range(len(rows[0]))]
    lines = []
    for at, cells in enumerate(rows):
        out = []
        for column, cell in enumerate(cells):
            pad = " " * (widths[column] - _width(cell))
            out.append(pad + cell if at >= header and column else cell + pad)
        lines.append("  ".join(out).rstrip())
    return lines


def html(rows, header):
    out = ["<table>"]
    for at, cells in enumerate(rows):
        tag = "th" if at < header else "td"
        out.append("<tr>" + "".join(f"<{tag}>{cell}</{tag}>" for cell in cells) + "</tr>")
    return out + ["</table>"]


RENDERINGS = {
    "markdown": markdown,
    "cell |": bar_ends,
    "cell a line": cell_lines,
    "tabs": tabs,
    "spaces": spaces,
    "html": html,
}


# Damage a real copy does beyond its form (--damage): each seeded and named, so the measure
# reports it. A damaged rendering loses the page's line breaks; a damage of the cells is done
# to the rows before any rendering. ------------------------------------------------------------


def one_line_bars(rows, header):
    """The table run onto one line, a bar between every cell."""
    return [" | ".join(cell for cells in rows for cell in cells if cell)]


def rows_run_on(rows, header):
    """Each row run onto the one before it, cells apart by single spaces only."""
    return [" ".join(cell for cells in rows for cell in cells if cell)]


DAMAGED_RENDERINGS = {"one line, bars": one_line_bars, "rows run on": rows_run_on}

# μg/m³ as converters leave it; mg/m³ loses its superscript with it.
_MICRO_DAMAGED = ("?g/m?", "μg/m3", "ug/m3", "微克/m3")
_TRADITIONAL = str.maketrans("县区优数浓细颗质断类间声级综", "縣區優數濃細顆質斷類間聲級綜")


def _units_damaged(rows, header, transposed, rng):
    micro = rng.choice(_MICRO_DAMAGED)
    swap = {"μg/m³": micro, "mg/m³": "mg/m3" if micro != "?g/m?" else "mg/m?"}

    def damage(cell):
        for unit, damaged in swap.items():
            cell = cell.replace(unit, damaged)
        return cell

    return [[damage(cell) for cell in cells] for cells in rows]


def _traditional_header(rows, header, transposed, rng):
    """Headers in traditional characters: 縣(市、區), 優良天數比例, PM2.5濃度."""
    out = [list(cells) for cells in rows]
    cells = [(r, c) for r in range(len(out)) for c in range(len(out[r]))]
    for r, c in [(r, c) for r, c in cells if r < header or (transposed and c == 0)]:
        cell = out[r][c]
        if cell.startswith(("PM", "SO", "NO", "O3", "CO")) and not cell.startswith("CO2"):
            name, _bracket, rest = cell.partition("(")
            cell = f"{name}浓度" + (f"({rest}" if rest else "")
        out[r][c] = cell.translate(_TRADITIONAL)
    return out


def _break_in_cell(rows, header, transposed, rng):
    """A line break inside header cells: the unit under the name ("PM2.5\n(μg/m³)")."""
    out = [list(cells) for cells in rows]
    for r, cells in enumerate(out):
        for c, cell in enumerate(cells):
            if (r < header or (transposed and c == 0)) and "(" in cell and cell[0] != "(":
                name, _bracket, rest = cell.partition("(")
                out[r][c] = f"{name}\n({rest}"
    return out


def _limit_row(rows, header, transposed, rng):
    """A standard limit with ≤ marks, a row under the data (a column of a turned table)."""
    label = rng.choice(("标准限值", "二级标准", "国家二级标准"))
    if transposed:
        out = [[*rows[0][:1], label, *rows[0][1:]]]
        for cells in rows[1:]:
            out.append([cells[0], f"≤{rng.randint(4, 16) * 5}", *cells[1:]])
        return out
    return [*rows, [label, *(f"≤{rng.randint(4, 16) * 5}" for _cell in rows[0][1:])]]


def _rank_column(rows, header, transposed, rng):
    """A column ranking the rows (1, 2, …), no figure."""
    if transposed:
        return None
    out = [[*rows[0], "排名"]]
    out += [[*cells, ""] for cells in rows[1:header]]
    data = rows[header:]
    order = rng.sample(range(1, len(data) + 1), len(data))
    return out + [[*cells, str(rank)] for cells, rank in zip(data, order, strict=True)]


def _words_column(rows, header, transposed, rng):
    """A column saying in words whether the row met the standard (达标情况)."""
    if transposed:
        return None
    out = [[*rows[0], rng.choice(("达标情况", "是否达标"))]]
    out += [[*cells, ""] for cells in rows[1:header]]
    return out + [[*cells, rng.choice(("达标", "未达标", "超标"))] for cells in rows[header:]]


DAMAGES = {
    "units damaged": _units_damaged,
    "traditional header": _traditional_header,
    "break in cell": _break_in_cell,
    "limit row": _limit_row,
    "rank column": _rank_column,
    "words column": _words_column,
}


def bulletin(grid, rendering, transposed=False, damage=None, rng=None):
    """The invented bulletin holding the table, as pasted text; None when the damage does not
    apply to the table."""
    title, topic, _what = FAMILIES[grid.family]
    rows, header = header_rows(grid, transposed)
    if damage:
        rows = DAMAGES[damage](rows, header, transposed, rng)
        if rows is None or rows == header_rows(grid, transposed)[0]:
            return None
    table = {**RENDERINGS, **DAMAGED_RENDERINGS}[rendering](rows, header)
    lines = [
        f"{grid.city}{grid.year}年{title}",
        "",
        f"{grid.year}年，{grid.city}{topic}总体保持稳定，详见表1。",
        "",
        *caption_lines(grid),
        *table,
        "",
        "注：数据为监测结果统计。",
    ]
    if rendering != "html":
        return "\n".join(lines)
    body = "".join(line if line.startswith("<") else f"<p>{line}</p>" for line in lines if line)
    return f"<html><body><h1>{lines[0]}</h1>{body}</body></html>"


# What read() should find, and what it finds. ---------------------------------------------------


def _number(cell):
    try:
        return Decimal(cell)
    except InvalidOperation:
        return None


def expected(grid):
    """(row, column, value, unit code, indicator, kind) for each cell that is a figure."""
    out = []
    for row, cells in zip(grid.rows, grid.cells, strict=True):
        for column, cell in zip(grid.columns, cells, strict=True):
            value = _number(cell)
            if value is None:
                continue
            change = column.change or row.kind == "change"
            if column.change:
                unit = _CHANGE_CODES[_change_unit(column.measure)]
            else:
                unit = "percent" if change else column.measure.unit_code
            out.append((row, column, value, unit, column.measure.code, change))
    return out


def _of_row(figure, row, grid, document):
    """Whether the figure is of the row: its station or place, its period, or for the whole
    the table's own place; a qualifier naming the measure (a table turned round) is no other
    row's."""
    if row.kind in ("place", "station"):
        named = figure.region.name if figure.region else ""
        return row.label in figure.qualifier or named == row.label
    others = [r.label for r in grid.rows if r is not row and r.kind != "change"]
    if any(other in figure.qualifier for other in others):
        return False
    if row.kind == "total":
        return figure.region == document.region
    period = (figure.period_start, figure.period_end)
    if row.kind == "change":
        years = [r.period for r in grid.rows if r.kind == "period"]
        return period == max(years)
    return period == row.period


def read_cells(grid, document):
    """Each expected cell with the figure that reads it right, or None."""
    out = []
    for cell in expected(grid):
        row, column, value, unit, code, change = cell
        match = next(
            (
                f
                for f in document.figures
                if not f.derived
                and f.value == value
                and f.unit_code == unit
                and f.indicator == code
                and (f.kind == "change") == change
                and _of_row(f, row, grid, document)
            ),
            None,
        )
        out.append((cell, match))
    return out


def why_missed(cell, grid, document):
    """The first test a figure of the cell's value fails: no figure, unit, indicator, kind, row."""
    row, _column, value, unit, code, change = cell
    figures = [f for f in document.figures if not f.derived and f.value == value]
    steps = (
        ("unit", lambda f: f.unit_code == unit),
        ("indicator", lambda f: f.indicator == code),
        ("kind", lambda f: (f.kind == "change") == change),
        ("row", lambda f: _of_row(f, row, grid, document)),
    )
    if not figures:
        return "no figure"
    for name, test in steps:
        figures = [f for f in figures if test(f)]
        if not figures:
            return name
    return "read"


def grids(count, seed):
    rng = random.Random(seed)
    return [make_grid(rng) for _ in range(count)]


def _copies(grid, number, seed, transposed, damaged):
    """(rendering, features, text) of each copy of the grid measured: its six forms, and with
    --damage each form again with each damage, then the damaged renderings."""
    features = grid.features | {"transposed" if transposed else "rows as rows"}
    if not damaged:
        for rendering in RENDERINGS:
            yield rendering, features, bulletin(grid, rendering, transposed)
        return
    for name in DAMAGES:
        for rendering in RENDERINGS:
            rng = random.Random(f"{seed}:{number}:{name}:{rendering}:{transposed}")
            text = bulletin(grid, rendering, transposed, name, rng)
            if text is not None:
                yield rendering, {f"damage:{name}"}, text
    for rendering in DAMAGED_RENDERINGS:
        yield "damaged", {f"rendering:{rendering}"}, bulletin(grid, rendering, transposed)


def measure(count=60, seed=7, misses=False, damaged=False):
    """{(rendering, feature): [read, cells]}; prints misses when asked."""
    from importer import pipeline

    tally = defaultdict(lambda: [0, 0])
    for number, grid in enumerate(grids(count, seed)):
        for transposed in (False, True):
            for rendering, features, text in _copies(grid, number, seed, transposed, damaged):
                document = pipeline.read(text)
                result = read_cells(grid, document)
                read = sum(1 for _cell, match in result if match)
                for feature in (*features, "all"):
                    tally[rendering, feature][0] += read
                    tally[rendering, feature][1] += len(result)
                for cell, match in result:
                    if match is None:
                        why = why_missed(cell, grid, document)
                        tally["why", f"{why} {cell[4]}{' change' if cell[5] else ''}"][0] += 1
                if misses and read < len(result):
                    print(
                        f"--- grid {number} {rendering} transposed={transposed}: "
                        f"{read}/{len(result)} {sorted(grid.features)}"
                    )
                    print(text)
                    for (row, column, value, *_rest), match in result:
                        if match is None:
                            print("  missed", row.label, column.name, value)
                    for f in document.figures:
                        where = f.region.name if f.region else None
                        print(
                            "  read",
                            f.value,
                            f.unit_code,
                            f.indicator or f.proposed,
                            f.kind,
                            where,
                            f.qualifier,
                            f.period_start,
                            f.period_end,
                        )
    return tally


def report(tally):
    renderings = [*RENDERINGS, "damaged"]
    renderings = [r for r in renderings if any(key[0] == r for key in tally)]
    features = sorted(
        {feature for r, feature in tally if r != "why"}, key=lambda f: (f != "all", f)
    )
    # "cell |" names a column: its bar escaped, or the Markdown table shifts a column.
    names = [r.replace("|", "\\|") for r in renderings]
    lines = ["| feature | " + " | ".join(names) + " |", "|---|" + "---|" * len(renderings)]
    for feature in features:
        cells = []
        for rendering in renderings:
            read, total = tally[rendering, feature]
            cells.append(f"{read / total:.0%} ({total})" if total else "")
        lines.append(f"| {feature} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grids", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--misses", action="store_true", help="print each text with misses")
    parser.add_argument("--why", action="store_true", help="count misses by the test failed")
    parser.add_argument("--damage", action="store_true", help="measure damaged copies instead")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecoportal.settings")
    import django

    django.setup()
    tally = measure(args.grids, args.seed, args.misses, args.damage)
    print(report(tally))
    if args.why:
        missed = sorted(
            ((n, why) for (r, why), (n, _t) in tally.items() if r == "why"), reverse=True
        )
        for count, why in missed:
            print(f"{count:5d}  {why}")


if __name__ == "__main__":
    main()
