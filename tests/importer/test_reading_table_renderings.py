"""read() on one invented table in each layout an editor's paste gives it.

A table copied from a web page, a PDF or a Word file reaches the importer as Markdown pipe
rows (with or without outer bars and a rule), one cell per line (with or without a "|" line
between cells, or " |" cell ends and "||" row marks), tab-separated rows or columns aligned
with spaces (numbers right-aligned); its units in each header, in a row under the names, in
an upper header merged over its columns, glued to the names or in the caption. Whatever the
layout, every figure cell is a figure of its row's place or period and its column's measure
and unit, and no rank, grade, dash, detection limit or remark is one.

The tables are invented (the places are real divisions, the values are not).
"""

import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

import pytest

from importer import pipeline


@dataclass(frozen=True)
class Column:
    name: str  # as the header writes it, without its unit
    unit: str = ""  # as written ("μg/m³"); "" when the header gives none
    unit_code: str = ""  # the importer's code of that unit; "" for a column of no figures
    code: str | None = None  # the indicator; None for a proposal whose name holds ``name``
    group: str = ""  # an upper header merged over this column and its neighbours
    single: str = ""  # its name in a header of one level, where ``name`` alone is not
    change: bool = False  # a change of the measure (同比)

    @property
    def key(self):
        return f"{self.group} {self.name}".strip() if self.single else self.name

    @property
    def full(self):
        return self.single or self.name


@dataclass(frozen=True)
class Table:
    title: str
    caption: str
    heading: str  # over the row labels
    columns: tuple
    rows: tuple  # (label, cell, cell, …)
    home: str  # the place of the table's figures, unless its row names one
    places: dict  # row label → the place its figures are of
    period: tuple  # (start, end) of the table
    row_periods: dict = field(default_factory=dict)  # row label → (start, end)
    changes: tuple = ()  # row labels whose cells are changes
    change_unit: str = ""  # their unit code
    qualified: bool = False  # rows are stations: the label is the figure's qualifier


UG = ("μg/m³", "ug/m3")
MG = ("mg/m³", "mg/m3")

COUNTIES = Table(
    title="邵阳市2025年3月环境空气质量状况",
    caption="表1 2025年3月各县(市、区)环境空气质量",
    heading="县(市、区)",
    columns=(
        Column("SO2", *UG, "so2", "浓度"),
        Column("NO2", *UG, "no2", "浓度"),
        Column("PM10", *UG, "pm10", "浓度"),
        Column("PM2.5", *UG, "pm25", "浓度"),
        Column("CO", *MG, "co"),
        Column("优良天数比例", "%", "percent", "air-good-days-ratio"),
        Column("综合指数", "", "index", "air-quality-composite-index"),
        Column("排名"),
    ),
    rows=(
        ("双清区", "8", "21", "52", "36", "1.1", "87.1", "3.61", "5"),
        ("大祥区", "7", "19", "49", "34", "1.0", "90.3", "3.42", "4"),
        ("北塔区", "9", "23", "55", "38", "1.2", "83.9", "3.85", "6"),
        ("新邵县", "6", "14", "41", "29", "0.9", "96.8", "2.88", "2"),
        ("隆回县", "5", "12", "38", "27", "0.8", "100", "2.61", "1"),
        ("武冈市", "6", "15", "43", "31", "—", "93.5", "3.05", "3"),
        ("全市", "7", "17", "46", "33", "1.0", "91.9", "3.24", "/"),
    ),
    home="邵阳市",
    places={
        "双清区": "双清区",
        "大祥区": "大祥区",
        "北塔区": "北塔区",
        "新邵县": "新邵县",
        "隆回县": "隆回县",
        "武冈市": "武冈市",
        "全市": "邵阳市",
    },
    period=(date(2025, 3, 1), date(2025, 3, 31)),
)

# One unit for every concentration: the caption or an upper header may state it.
CONCENTRATIONS = Table(
    title="曲靖市2025年第一季度环境空气质量",
    caption="表2 2025年第一季度各县(市、区)主要污染物浓度",
    heading="县(市、区)",
    columns=(
        Column("SO2", *UG, "so2", "平均浓度"),
        Column("NO2", *UG, "no2", "平均浓度"),
        Column("PM10", *UG, "pm10", "平均浓度"),
        Column("PM2.5", *UG, "pm25", "平均浓度"),
        Column("O3", *UG, "o3", "平均浓度"),
        Column("首要污染物"),
        Column("空气质量级别"),
    ),
    rows=(
        ("麒麟区", "11", "24", "47", "28", "131", "PM2.5", "二级"),
        ("沾益区", "9", "17", "40", "24", "126", "O3", "二级"),
        ("马龙区", "8", "13", "36", "22", "122", "—", "一级"),
        ("陆良县", "12", "19", "45", "27", "129", "PM10", "二级"),
        ("宣威市", "14", "16", "42", "26", "118", "PM10", "二级"),
        ("合计", "11", "18", "42", "25", "125", "—", "二级"),
    ),
    home="曲靖市",
    places={
        "麒麟区": "麒麟区",
        "沾益区": "沾益区",
        "马龙区": "马龙区",
        "陆良县": "陆良县",
        "宣威市": "宣威市",
        "合计": "曲靖市",
    },
    period=(date(2025, 1, 1), date(2025, 3, 31)),
)

# Rows of periods: months, the quarter, the same time last year and the change.
MONTHS = Table(
    title="邵阳市2025年第一季度城区环境空气质量",
    caption="表3 2025年1-3月邵阳市城区主要污染物月均浓度",
    heading="月份",
    columns=(
        Column("SO2", *UG, "so2"),
        Column("NO2", *UG, "no2"),
        Column("PM10", *UG, "pm10"),
        Column("PM2.5", *UG, "pm25"),
        Column("CO", *MG, "co"),
        Column("O3", *UG, "o3"),
    ),
    rows=(
        ("1月", "9", "27", "68", "51", "1.3", "71"),
        ("2月", "8", "22", "57", "43", "1.1", "84"),
        ("3月", "7", "19", "49", "34", "1.0", "103"),
        ("1-3月", "8", "23", "58", "43", "1.1", "86"),
        ("上年同期", "9", "25", "64", "48", "1.2", "90"),
        ("同比变化(%)", "-11.1", "-8.0", "-9.4", "-10.4", "-8.3", "-4.4"),
    ),
    home="邵阳市",
    places={},
    period=(date(2025, 1, 1), date(2025, 3, 31)),
    row_periods={
        "1月": (date(2025, 1, 1), date(2025, 1, 31)),
        "2月": (date(2025, 2, 1), date(2025, 2, 28)),
        "3月": (date(2025, 3, 1), date(2025, 3, 31)),
        "上年同期": (date(2024, 1, 1), date(2024, 3, 31)),
    },
    changes=("同比变化(%)",),
    change_unit="percent",
)

# Rows of stations, no places: a detection limit ("0.01L", "<0.004"), a class and a remark
# are no figures.
SOURCES = Table(
    title="邵阳市2025年3月集中式饮用水水源地水质状况",
    caption="表4 2025年3月饮用水水源地水质监测结果",
    heading="水源地名称",
    columns=(
        Column("溶解氧", "mg/L", "mg/L"),
        Column("高锰酸盐指数", "mg/L", "mg/L"),
        Column("氨氮", "mg/L", "mg/L"),
        Column("总磷", "mg/L", "mg/L"),
        Column("铅", "mg/L", "mg/L"),
        Column("水质类别"),
        Column("备注"),
    ),
    rows=(
        ("城东水厂取水口", "8.4", "1.6", "0.12", "0.03", "0.01L", "Ⅱ", "—"),
        ("南山水库", "7.9", "2.1", "0.08", "0.02", "<0.004", "Ⅱ", "枯水期"),
        ("北郊水厂取水口", "6.8", "2.9", "0.31", "0.06", "0.01L", "Ⅲ", "—"),
    ),
    home="邵阳市",
    places={},
    period=(date(2025, 3, 1), date(2025, 3, 31)),
    qualified=True,
)


# A province's cities by their short names, each measure with its change, ranks with a tie.
PROVINCE = Table(
    title="湖南省2025年3月城市环境空气质量状况",
    caption="表2 2025年3月各市州环境空气质量",
    heading="城市",
    columns=(
        Column("浓度", *UG, "pm25", "PM2.5", single="PM2.5浓度"),
        Column("同比", "%", "percent", "pm25", "PM2.5", single="同比", change=True),
        Column("比例", "%", "percent", "air-good-days-ratio", "优良天数比例", "优良天数比例"),
        Column("同比", "百分点", "pp", "air-good-days-ratio", "优良天数比例", "同比", change=True),
        Column("排名"),
    ),
    rows=(
        ("长沙", "38", "-7.3", "87.1", "3.2", "3"),
        ("株洲", "40", "-4.8", "83.9", "-1.6", "5"),
        ("湘潭", "41", "2.5", "83.9", "0.0", "5"),
        ("衡阳", "35", "-10.3", "90.3", "6.5", "2"),
        ("岳阳", "33", "-13.2", "93.5", "4.8", "1"),
        ("全省", "36", "-8.1", "89.7", "2.9", "—"),
    ),
    home="湖南省",
    places={
        "长沙": "长沙市",
        "株洲": "株洲市",
        "湘潭": "湘潭市",
        "衡阳": "衡阳市",
        "岳阳": "岳阳市",
        "全省": "湖南省",
    },
    period=(date(2025, 3, 1), date(2025, 3, 31)),
)

# An English table: cities by their pinyin, an average of them all.
ENGLISH = Table(
    title="Air quality of cities in Hunan province, March 2025",
    caption="Table 1 Average concentrations of major pollutants",
    heading="City",
    columns=(
        Column("SO2", *UG, "so2"),
        Column("NO2", *UG, "no2"),
        Column("PM10", *UG, "pm10"),
        Column("PM2.5", *UG, "pm25"),
        Column("Rank"),
    ),
    rows=(
        ("Changsha", "7", "26", "51", "38", "3"),
        ("Zhuzhou", "8", "24", "55", "40", "4"),
        ("Xiangtan", "9", "22", "53", "41", "2"),
        ("Hengyang", "10", "19", "47", "35", "1"),
        ("Average", "8", "23", "52", "39", "-"),
    ),
    home="湖南省",
    places={
        "Changsha": "长沙市",
        "Zhuzhou": "株洲市",
        "Xiangtan": "湘潭市",
        "Hengyang": "衡阳市",
        "Average": "湖南省",
    },
    period=(date(2025, 3, 1), date(2025, 3, 31)),
)


# Expected figures and what read() gives, as comparable keys. --------------------------------


def _is_figure(cell):
    try:
        Decimal(cell)
    except ArithmeticError:
        return False
    return True


def expected(table):
    out = []
    for label, *cells in table.rows:
        for column, cell in zip(table.columns, cells, strict=True):
            if not column.unit_code or not _is_figure(cell):
                continue
            change = label in table.changes
            out.append(
                (
                    label,
                    column.key,
                    cell,
                    table.change_unit if change else column.unit_code,
                    "change" if change or column.change else "level",
                    table.places.get(label, table.home),
                    table.row_periods.get(label, table.period),
                )
            )
    return sorted(out)


def _fits(figure, column):
    if column.change and figure.kind != "change":
        return False
    if column.code:
        return figure.indicator == column.code
    return figure.indicator is None and column.name in (figure.proposed or ("",))[0]


def got(document, table):
    """Each figure as the expected key of the cell it fits, or as itself when it fits none."""
    out = []
    for figure in document.figures:
        if figure.derived:
            continue
        value = figure.value_text or str(figure.value)
        place = figure.region.name if figure.region else None
        when = (figure.period_start, figure.period_end)

        def said(row, figure=figure, place=place, when=when):
            # The row's label in the figure's quote (or qualifier), or, where a column holds
            # the row (a table turned round), the row's place and period.
            if row[0] in (figure.qualifier if table.qualified else figure.quote):
                return True
            return table.places.get(row[0], table.home) == place and (
                table.row_periods.get(row[0], table.period) == when
            )

        row, column = next(
            (
                (r, c)
                for r in table.rows
                if said(r)
                for c, cell in zip(table.columns, r[1:], strict=True)
                if _fits(figure, c) and cell == value
            ),
            (None, None),
        )
        out.append(
            (
                row[0] if row else "?",
                column.key if column else f"? {figure.indicator or figure.proposed}",
                value,
                figure.unit_code,
                figure.kind,
                figure.region.name if figure.region else None,
                (figure.period_start, figure.period_end),
            )
        )
    return sorted(out)


# Header rows in each way a table states its units. ------------------------------------------


def _named(column, glue=""):
    return f"{column.name}{glue}{column.unit}" if glue and column.unit else column.name


def headers(table, units):
    """The header rows (lists of cells, the first over the row labels), and the caption. A
    cell merged into the one above or beside it is None."""
    caption = table.caption
    columns = table.columns
    if units == "brackets":
        rows = [[table.heading, *(f"{c.full}({c.unit})" if c.unit else c.full for c in columns)]]
    elif units == "glued":
        rows = [[table.heading, *(_named(c, glue=" ") for c in columns)]]
    elif units == "row":
        rows = [[table.heading, *(c.name for c in columns)], [None, *(c.unit for c in columns)]]
    elif units == "merged-units":
        # A row of units under the names, each unit merged over the columns sharing it.
        lower = [None]
        for at, column in enumerate(columns):
            first = at == 0 or columns[at - 1].unit != column.unit
            lower.append(column.unit if column.unit and first else None)
        rows = [[table.heading, *(c.name for c in columns)], lower]
    elif units == "row-brackets":
        rows = [
            [table.heading, *(c.name for c in columns)],
            [None, *(f"({c.unit})" if c.unit else "" for c in columns)],
        ]
    elif units == "unit-line":
        (unit,) = {c.unit for c in columns if c.unit}
        caption = f"{caption}\n单位：{'微克/立方米' if unit == 'μg/m³' else unit}"
        rows = [[table.heading, *(c.name for c in columns)]]
    elif units == "measure-groups":
        # A measure over its level and its change, each with its unit ("PM2.5" over
        # "浓度(μg/m³)", "同比(%)").
        upper, lower = [table.heading], [None]
        for at, column in enumerate(columns):
            named = f"{column.name}({column.unit})" if column.unit else column.name
            if column.group:
                first = at == 0 or columns[at - 1].group != column.group
                upper.append(column.group if first else None)
                lower.append(named)
            else:
                upper.append(f"{column.full}({column.unit})" if column.unit else column.full)
                lower.append(None)
        rows = [upper, lower]
    elif units == "wrapped":
        # Each long name wrapped onto a second line: its last word with the unit, or the unit.
        upper, lower = [table.heading], [None]
        for column in columns:
            long = len(column.name) > 4 and column.unit and not column.name.isascii()
            upper.append(column.name[:-2] if long else column.name)
            tail = column.name[-2:] if long else ""
            lower.append(f"{tail}({column.unit})" if column.unit else None)
        rows = [upper, lower]
    elif units == "transposed":
        # A row per measure (its unit in its label), a column per place or period.
        rows = [["项目" if not table.heading.isascii() else "Item", *(r[0] for r in table.rows)]]
        rows += [
            [f"{c.full}({c.unit})" if c.unit else c.full, *(r[1 + at] for r in table.rows)]
            for at, c in enumerate(columns)
        ]
        return rows, caption
    elif units == "wrapped-br":
        # Each long name's line break kept as markup in its cell ("优良天数<br>比例(%)").
        names = []
        for column in columns:
            long = len(column.name) > 4 and column.unit and not column.name.isascii()
            head, tail = (column.name[:-2], column.name[-2:]) if long else (column.name, "")
            names.append(f"{head}<br>{tail}({column.unit})" if column.unit else head)
        rows = [[table.heading, *names]]
    elif units == "caption":
        (unit,) = {c.unit for c in columns if c.unit}
        caption = f"{caption}(单位:{'微克/立方米' if unit == 'μg/m³' else unit})"
        rows = [[table.heading, *(c.name for c in columns)]]
    elif units == "groups":
        # The group over its columns with the unit; the cells it and the columns beside it
        # merge away (None) are empty in a grid, absent where the copy keeps cells only.
        upper, lower = [table.heading], [None]
        for at, column in enumerate(columns):
            if column.group:
                first = at == 0 or columns[at - 1].group != column.group
                upper.append(f"{column.group}({column.unit})" if first else None)
                lower.append(column.name)
            else:
                upper.append(f"{column.name}({column.unit})" if column.unit else column.name)
                lower.append(None)
        rows = [upper, lower]
    else:
        raise ValueError(units)
    return rows, caption


# Layouts: header rows and data rows as the text an editor pastes. ---------------------------


def _width(text):
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def markdown(rows, header_rows, outer=True, rule=True):
    lines = []
    for at, cells in enumerate(rows):
        inner = " | ".join(cells)
        lines.append(f"| {inner} |" if outer else inner)
        if rule and at == header_rows - 1:
            dashes = "|".join("---" for _cell in cells)
            lines.append(f"|{dashes}|" if outer else dashes)
    return lines


def tabs(rows, header_rows):
    return ["\t".join(cells) for cells in rows]


def spaces(rows, header_rows):
    """Columns padded with spaces to one width, labels left and numbers right-aligned; a
    merged or empty header cell is spaces."""
    widths = [max(_width(r[at]) for r in rows if at < len(r)) for at in range(len(rows[0]))]
    lines = []
    for at, cells in enumerate(rows):
        out = []
        for column, cell in enumerate(cells):
            pad = " " * (widths[column] - _width(cell))
            right = at >= header_rows and column > 0
            out.append(pad + cell if right else cell + pad)
        lines.append("   ".join(out).rstrip())
    return lines


def ideographic_spaces(rows, header_rows):
    """Cells separated by an ideographic space (U+3000), an empty cell lost."""
    return ["\u3000".join(cell for cell in cells if cell) for cells in rows]


def cell_per_line(rows, header_rows):
    """One cell per line, an empty cell lost (a web page's table flattened)."""
    return [cell for cells in rows for cell in cells if cell]


def cell_per_line_bars(rows, header_rows):
    """One cell per line with a "|" line between cells (two around an empty one)."""
    lines = []
    for cells in rows:
        for cell in cells:
            lines += [cell, "|"] if cell else ["|"]
    return lines


def cell_per_line_ends(rows, header_rows):
    """Cells ending with " |", each row closed by a "||" line."""
    lines = []
    for cells in rows:
        lines += [f"{cell} |" if cell else "|" for cell in cells] + ["||"]
    return lines


def markdown_aligned(rows, header_rows):
    """Full-width bars, and a rule that aligns the numbers right (|:---|---:|)."""
    lines = []
    for at, cells in enumerate(rows):
        lines.append("｜" + "｜".join(cells) + "｜")
        if at == header_rows - 1:
            lines.append("|:---|" + "|".join("---:" for _cell in cells[1:]) + "|")
    return lines


def cell_per_line_blank(rows, header_rows):
    """One cell per line, a blank line between cells (a Word file's table pasted as text)."""
    return [line for cells in rows for cell in cells if cell for line in (cell, "")]


# Damaged renderings, as real copies give them. ----------------------------------------------


def one_line(rows, header_rows):
    """The whole table on one line, " | " between every cell and row, merged cells lost (a
    page's table flattened into its paragraph)."""
    return [" | ".join(cell for cells in rows for cell in cells if cell) + " |"]


def one_line_row_marks(rows, header_rows):
    """The whole table on one line, "|" between cells and "||" between rows."""
    return [" || ".join(" | ".join(cell for cell in cells if cell) for cells in rows) + " ||"]


def _tabbed(cell):
    """A cell as a word processor's paste leaves it: a tab first, and one where a long
    name broke inside the cell, before its unit or between two of its characters."""
    if "(" in cell:
        cell = cell.replace("(", "\t(", 1)
    elif len(cell) > 5 and all("\u4e00" <= ch <= "\u9fff" for ch in cell[2:4]):
        cell = f"{cell[:3]}\t{cell[3:]}"
    return f"\t{cell}"


def markdown_tabs(rows, header_rows):
    """Markdown rows with tabs inside their cells."""
    return markdown([[_tabbed(cell) for cell in cells] for cells in rows], header_rows)


def markdown_broken_rows(rows, header_rows):
    """Markdown rows, every other data row broken before its last cell (a line break the
    copy kept inside the cell): the rest of the row on a line of its own, a lone bar where
    that cell is empty."""
    lines = []
    for at, line in enumerate(markdown(rows, header_rows, rule=False)):
        if at >= header_rows and (at - header_rows) % 2 == 0:
            head, _bar, last = line[:-1].rstrip().rpartition("|")
            lines += [f"{head}| ", f"{last.strip()} |".lstrip()]
            continue
        lines.append(line)
    return lines


def markdown_wrapped_rows(rows, header_rows):
    """Markdown rows, every other data row wrapped halfway (a page too narrow for it): its
    second half on the next line, no bar before it."""
    lines = []
    for at, cells in enumerate(rows):
        if at >= header_rows and (at - header_rows) % 2 == 1:
            half = len(cells) // 2
            lines += ["| " + " | ".join(cells[:half]) + " |", " | ".join(cells[half:]) + " |"]
            continue
        lines += markdown([cells], 1 if at < header_rows else 0, rule=False)
    return lines


def markdown_open_end(rows, header_rows):
    """Markdown rows with an empty cell after the last one ("| 5 | |"), a blank line
    between the rows."""
    return [
        line
        for row in markdown(rows, header_rows, rule=False)
        for line in (f"{row} |", "")
    ]


def cell_per_line_stray_bars(rows, header_rows):
    """Cells ending with " |", the header's last cell followed by bars of the merged cells
    lost ("mg/m3 | |||||"), rows unmarked."""
    lines = []
    for at, cells in enumerate(rows):
        lines += [f"{cell} |" for cell in cells if cell]
        if at == header_rows - 1:
            lines[-1] += " " + "|" * 4
    return lines


LAYOUTS = {
    "markdown": markdown,
    "markdown-no-rule": lambda rows, n: markdown(rows, n, rule=False),
    "bars-inside": lambda rows, n: markdown(rows, n, outer=False, rule=False),
    "bars-inside-rule": lambda rows, n: markdown(rows, n, outer=False),
    "tabs": tabs,
    "markdown-aligned": markdown_aligned,
    "cell-per-line-blank": cell_per_line_blank,
    "spaces": spaces,
    "ideographic-spaces": ideographic_spaces,
    "cell-per-line": cell_per_line,
    "cell-per-line-bars": cell_per_line_bars,
    "cell-per-line-ends": cell_per_line_ends,
    "one-line": one_line,
    "one-line-in-paragraph": one_line,
    "one-line-row-marks": one_line_row_marks,
    "markdown-tabs": markdown_tabs,
    "markdown-broken-rows": markdown_broken_rows,
    "markdown-open-end": markdown_open_end,
    "markdown-wrapped-rows": markdown_wrapped_rows,
    "cell-per-line-stray-bars": cell_per_line_stray_bars,
}
# Layouts that keep no empty cell: a merged cell is absent, not empty.
CELLS_ONLY = ("cell-per-line", "one-line")


def _numbered(rows, header_rows, grid):
    """A first column of row numbers (序号 over 1, 2, 3…), merged over the header's lower rows."""
    lower = [""] if grid else []
    header = [["序号", *rows[0]], *([*lower, *row] for row in rows[1:header_rows])]
    return header + [[str(at), *row] for at, row in enumerate(rows[header_rows:], 1)]


def render(
    table, layout, units="brackets", marks=False, arrows=False, numbered=False, furniture=""
):
    header_rows, caption = headers(table, units)
    grid = not layout.startswith(CELLS_ONLY)
    if units == "wrapped" and not grid:
        # A cell's lines one after the other.
        header_rows = [[cell for pair in zip(*header_rows, strict=True) for cell in pair]]
    header_rows = [
        [
            ("" if cell is None else cell) if grid else cell
            for cell in row
            if grid or cell is not None
        ]
        for row in header_rows
    ]
    data = [] if units == "transposed" else [list(row) for row in table.rows]
    if arrows:
        # A change's sign as an arrow ("↓7.3", "↑2.5"); a nil change stays "0.0".
        changes = [at + 1 for at, column in enumerate(table.columns) if column.change]
        for row in data:
            for at in changes:
                cell = row[at]
                row[at] = f"↓{cell[1:]}" if cell.startswith("-") else cell
                row[at] = f"↑{cell}" if Decimal(cell) > 0 else row[at]
    if marks:
        # Notes' marks after labels ("双清区*", "全市②"), and the header again where a page
        # broke the table.
        for row, mark in zip(data[::3], ("*", "①", "②"), strict=False):
            row[0] += mark
        data[3:3] = [list(header_rows[-1])]
    rows = header_rows + data
    header_count = 1 if units == "transposed" else len(header_rows)
    if numbered:
        rows = _numbered(rows, header_count, grid)
    lines = LAYOUTS[layout](rows, header_count)
    if furniture:
        # A page's furniture where the page broke, between two rows (or two cells).
        middle = len(lines) * 2 // 3
        lines[middle:middle] = furniture.split("\n")
    if layout == "one-line-in-paragraph":
        # The sentence that leads to the table, its caption and the table run onto one line.
        lead = "各地监测结果见下表。" if not table.title.isascii() else "Results are below."
        return "\n".join([table.title, f"{lead} {caption} {lines[0]}", "数据来源:市生态环境监测站。"])
    return "\n".join([table.title, caption, *lines, "数据来源:市生态环境监测站。"])


def check(
    table, layout, units="brackets", marks=False, arrows=False, numbered=False, furniture=""
):
    text = render(table, layout, units, marks, arrows, numbered, furniture)
    document = pipeline.read(text)
    want, have = expected(table), got(document, table)
    missing = sorted(set(want) - set(have))
    extra = sorted(set(have) - set(want))
    assert (missing, extra) == ([], []), text


# Layouts not read yet: (table, units, layout). Strict, so that one read now is taken off.
OPEN = set()
TABLES = {
    "province": PROVINCE,
    "english": ENGLISH,
    "counties": COUNTIES,
    "months": MONTHS,
    "sources": SOURCES,
    "concentrations": CONCENTRATIONS,
}


def cases(tables, units):
    return [
        pytest.param(
            table,
            unit,
            layout,
            id=f"{table}-{unit}-{layout}",
            marks=[pytest.mark.xfail(strict=True)] if (table, unit, layout) in OPEN else [],
        )
        for table in tables
        for unit in units
        for layout in sorted(LAYOUTS)
    ]


@pytest.mark.parametrize(
    ("table", "units", "layout"), cases(["counties", "months", "sources"], ["brackets"])
)
def test_each_layout_of_a_table_with_its_units_in_the_header(table, units, layout):
    check(TABLES[table], layout, units)


@pytest.mark.parametrize(
    ("table", "units", "layout"),
    cases(["counties"], ["row", "groups", "glued", "wrapped"]),
)
def test_each_layout_of_a_table_with_its_units_stated_otherwise(table, units, layout):
    check(TABLES[table], layout, units)


@pytest.mark.parametrize(
    ("table", "units", "layout"),
    cases(["concentrations"], ["caption", "unit-line", "groups", "brackets"]),
)
def test_each_layout_of_a_table_with_word_cells_in_its_rows(table, units, layout):
    check(TABLES[table], layout, units)


@pytest.mark.parametrize(
    ("table", "units", "layout"), cases(["english"], ["brackets", "row", "row-brackets"])
)
def test_each_layout_of_an_english_table(table, units, layout):
    check(TABLES[table], layout, units)


def test_a_row_of_months_written_without_their_character_is_the_quarter_no_station():
    # "1-3" under 月份 (one cell per line, a "|" after each): January to March, and the
    # sentence over the table stating its days is the same figure, not a second one.
    cells = ["月份", "优良天数", "轻度污染天数", "SO2", "NO2", "PM10", "PM2.5", "首要污染物"]
    rows = [
        ["1-3", "83", "6", "8", "21", "52", "31", "PM2.5"],
        ["上年同期", "79", "9", "9", "23", "57", "35", "PM2.5"],
    ]
    text = "\n".join(
        [
            "邵阳市2025年第一季度空气质量",
            "2025年第一季度,全市环境空气质量总体良好,有效监测天数90天,其中优良天数83天,"
            "轻度污染6天,中度污染1天,首要污染物为细颗粒物。",
            "表1 全市空气质量统计(浓度单位:微克/立方米)",
            *(f"{cell} |" for cell in cells + rows[0] + rows[1]),
            "数据来源:市生态环境监测站。",
        ]
    )
    document = pipeline.read(text)
    days = [f for f in document.figures if f.value in (Decimal("83"), Decimal("6"))]
    assert len(days) == 2 and days[0].indicator == "air-good-days"
    pm25 = {f.value: f for f in document.figures if f.indicator == "pm25"}
    assert pm25[Decimal("31")].qualifier == ""
    quarter = (pm25[Decimal("31")].period_start, pm25[Decimal("31")].period_end)
    assert quarter == (date(2025, 1, 1), date(2025, 3, 31))
    before = (pm25[Decimal("35")].period_start, pm25[Decimal("35")].period_end)
    assert before == (date(2024, 1, 1), date(2024, 3, 31))


@pytest.mark.parametrize(
    ("table", "units", "layout"), cases(["province"], ["brackets", "measure-groups"])
)
def test_each_layout_of_a_table_of_measures_and_their_changes(table, units, layout):
    check(TABLES[table], layout, units)


@pytest.mark.parametrize(
    ("table", "units", "layout"),
    cases(["counties", "months", "english", "sources"], ["transposed"]),
)
def test_each_layout_of_a_table_turned_round(table, units, layout):
    # A row per measure with its unit, a column per place, period or station.
    check(TABLES[table], layout, units)


@pytest.mark.parametrize(("table", "units", "layout"), cases(["counties"], ["brackets"]))
def test_each_layout_of_a_table_with_notes_marks_and_its_header_again_after_a_page_break(
    table, units, layout
):
    check(TABLES[table], layout, units, marks=True)


@pytest.mark.parametrize(("table", "units", "layout"), cases(["province"], ["brackets"]))
def test_each_layout_of_a_table_whose_changes_are_signed_by_arrows(table, units, layout):
    check(TABLES[table], layout, units, arrows=True)


@pytest.mark.parametrize(
    "layout", [layout for layout in sorted(LAYOUTS) if "markdown" in layout or "bars-" in layout]
)
def test_each_pipe_layout_of_a_table_whose_names_break_inside_their_cells(layout):
    # A Markdown table from a word processor keeps a cell's line break as "<br>".
    check(COUNTIES, layout, "wrapped-br")


@pytest.mark.parametrize(
    ("table", "units", "layout"),
    cases(["counties", "sources", "english"], ["brackets"])
    + cases(["concentrations"], ["groups"])
    + cases(["months"], ["transposed"]),
)
def test_each_layout_of_a_table_whose_rows_are_numbered(table, units, layout):
    # A first column of row numbers (序号) is no label: the word after it is.
    check(TABLES[table], layout, units, numbered=True)


def _periods_table(measure, unit, change_unit, rows):
    """A table run onto one line: 序号 and the counties, then this month and the same time
    last year each merged over the measure and its rank, and the change under neither."""
    header = ["序号", "县(市、区)", "本月", "上年同期", f"同比变化({change_unit})"]
    header += [f"{measure}({unit})", "排名", f"{measure}({unit})", "排名"]
    cells = header + [cell for at, row in enumerate(rows, 1) for cell in (str(at), *row)]
    return " | ".join(cells) + " |"


def test_tables_each_run_onto_a_line_under_periods_merged_over_a_measure_and_its_rank():
    good = [("雨湖区", "93.5", "2", "90.3", "4", "3.2"), ("岳塘区", "90.3", "3", "93.5", "2", "-3.2")]
    good.append(("全市", "92.1", "--", "91.0", "-", "1.1"))
    pm10 = [("雨湖区", "48", "1", "55", "2", "-12.7"), ("岳塘区", "52", "2", "51", "1", "2.0")]
    pm10.append(("全市", "50", "--", "53", "-", "-5.7"))
    text = "\n".join(
        [
            "湘潭市2025年4月环境空气质量",
            "本月各区优良天数比例和PM10浓度见下表。 优良天数比例情况 "
            + _periods_table("优良天数比例", "%", "百分点", good),
            "PM10浓度情况 " + _periods_table("PM10浓度", "μg/m³", "%", pm10),
            "注:数据为实时监测数据。",
        ]
    )
    document = pipeline.read(text)
    got = {
        (f.region.name, f.indicator, f.kind, str(f.value), f.period_start.year)
        for f in document.figures
    }
    assert ("雨湖区", "air-good-days-ratio", "level", "93.5", 2025) in got
    assert ("雨湖区", "air-good-days-ratio", "level", "90.3", 2024) in got
    assert ("岳塘区", "air-good-days-ratio", "change", "-3.2", 2025) in got
    assert ("湘潭市", "pm10", "level", "53", 2024) in got
    assert ("岳塘区", "pm10", "change", "2.0", 2025) in got
    # Ranks and row numbers are no figures.
    assert len(document.figures) == 2 * 3 * 3


def test_a_line_of_prose_ending_with_a_bar_is_no_table_and_joins_nothing():
    text = "\n".join(
        [
            "某县2025年4月环境质量",
            "本月全县空气优良天数28天,优良天数比例为93.3%。分享到: 微信 |",
            "PM10平均浓度为45微克/立方米。",
        ]
    )
    document = pipeline.read(text)
    assert sorted(str(f.value) for f in document.figures) == ["28", "45", "93.3"]


@pytest.mark.parametrize("layout", ["markdown", "bars-inside", "tabs"])
def test_rows_of_a_standards_limits_under_the_stations_are_no_figures(layout):
    # "日均标准 | 一级 | 50 | …" then "二级 | 150 | …" (its label merged away): limits, not
    # measurements; a station whose name holds 标准 is measured.
    rows = [
        ["站点", "SO2", "NO2", "PM10"],
        ["标准件厂", "9", "31", "66"],
        ["市政府", "8", "27", "58"],
        ["日均标准", "一级", "50", "80", "50"],
        ["二级", "150", "80", "150"],
        ["年均限值", "60", "40", "70"],
    ]
    text = "\n".join(
        [
            "某市2025年4月空气质量监测结果",
            "表1 各站点污染物浓度(单位:微克/立方米)",
            *(LAYOUTS[layout](rows, 1) if layout != "tabs" else tabs(rows, 1)),
        ]
    )
    document = pipeline.read(text)
    assert sorted(str(f.value) for f in document.figures) == sorted(
        ["9", "31", "66", "8", "27", "58"]
    )


@pytest.mark.parametrize(
    ("table", "units", "layout"), cases(["months", "counties"], ["merged-units"])
)
def test_each_layout_of_a_table_whose_row_of_units_merges_a_unit_over_its_columns(
    table, units, layout
):
    # "μg/m³" once over SO2 … PM2.5, "mg/m³" under CO: a copy that keeps cells only gives
    # fewer units than names.
    check(TABLES[table], layout, units)


@pytest.mark.parametrize("layout", ["markdown", "bars-inside", "markdown-broken-rows"])
def test_a_row_of_a_measure_with_its_own_unit_keeps_it_whatever_the_caption_says(layout):
    # Rows of measures (a standard's sign after some), a column per source, the caption's
    # unit for the rows stating none; a row's own unit ("pH值(无量纲)", "电导率(μS/cm)") is
    # its cells'.
    rows = [
        ["序号", "监测项目", "东郊水库", "西河取水口", "标准限值"],
        ["1", "pH值(无量纲)", "7.4", "7.9", "6～9"],
        ["2", "溶解氧≥", "7.6", "8.1", "5"],
        ["3", "氨氮(NH3-N)≤", "0.22", "0.35", "1.0"],
        ["4", "铁≤", "0.05L", "0.08", "0.3"],
    ]
    text = "\n".join(
        ["某市2025年5月饮用水水源水质", "表2 水质监测结果 单位:mg/L", *LAYOUTS[layout](rows, 1)]
    )
    document = pipeline.read(text)
    units = {str(f.value): f.unit_code for f in document.figures}
    assert units == {
        "7.4": "index",
        "7.9": "index",
        "7.6": "mg/L",
        "8.1": "mg/L",
        "0.22": "mg/L",
        "0.35": "mg/L",
        "0.08": "mg/L",
    }


@pytest.mark.parametrize("layout", ["cell-per-line", "cell-per-line-stray-bars", "one-line"])
@pytest.mark.parametrize("grades", [("优", "良"), ("一级", "二级")])
def test_a_name_written_twice_over_a_flattened_header_is_the_total_then_its_parts(
    layout, grades
):
    # "优良天数" over one column (the total), then "优良天数" merged over its grades: a copy
    # keeping cells only writes the name twice, the grades after the upper row.
    header = ["年度", "优良天数", "优良天数", "PM2.5(μg/m³)", "综合指数", *grades]
    rows = [["2024年", "300", "120", "180", "35", "4.10"], ["2025年", "310", "130", "180", "32", "3.95"]]
    text = "\n".join(
        ["某县2024—2025年空气质量对比", "表1 空气质量统计", *LAYOUTS[layout]([header, *rows], 1)]
    )
    document = pipeline.read(text)
    by_value = {str(f.value): f.indicator for f in document.figures if f.unit_code == "day"}
    assert by_value["300"] == "air-good-days"
    assert by_value["120"] == "air-excellent-days"


FURNITURE = ("- 2 -", "第 2 页 共 3 页", "\n— 2 —\n")


@pytest.mark.parametrize("furniture", FURNITURE)
@pytest.mark.parametrize(
    ("table", "units", "layout"),
    [
        case
        for case in cases(["counties", "concentrations"], ["brackets"])
        if "one-line" not in case.id
    ],
)
def test_each_layout_of_a_table_with_a_page_number_between_its_rows(
    table, units, layout, furniture
):
    check(TABLES[table], layout, units, furniture=furniture)


# A table of one row: a county's only station.
ONE_STATION = replace(
    SOURCES,
    title="大英县2021年1月城区环境空气质量",
    caption="表1 2021年1月城区环境空气主要污染物浓度",
    heading="点位",
    columns=COUNTIES.columns[:5],
    rows=(("县气象局观测站", "7.1", "23.5", "72.3", "48.5", "1.2"),),
    home="大英县",
    period=(date(2021, 1, 1), date(2021, 1, 31)),
)


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_each_layout_of_a_table_of_one_row(layout):
    check(ONE_STATION, layout)


def _one_row_text(sentence, header, row, gap="  "):
    # gap "\n": a cell a line
    return "\n".join(
        [
            "汶川县2023年5月环境空气质量月报",
            sentence,
            "表1 2023年5月县城环境空气主要污染物浓度",
            gap.join(header),
            *([""] if gap == "\n" else []),
            gap.join(row),
            "注:浓度单位为微克/立方米。",
        ]
    )


ONE_ROW_HEADER = ["监测点位", "PM10(μg/m³)", "PM2.5(μg/m³)", "NO2(μg/m³)", "综合指数"]


@pytest.mark.parametrize(
    ("sentence", "gap", "said"),
    [
        ("2023年5月,汶川县环境空气质量综合指数为2.87,优良天数比例96.8%。", "  ", "2.87"),
        ("本月汶川县细颗粒物(PM2.5)平均浓度为18微克/立方米,同比持平。", "\u3000", "18"),
        ("5月,汶川县二氧化氮月均浓度21微克/立方米,综合指数2.87。", "\n", "21"),
    ],
)
def test_a_table_of_one_row_repeating_a_sentence_is_the_sentences_figure(sentence, gap, said):
    row = ["威州镇站", "35", "18", "21", "2.87"]
    document = pipeline.read(_one_row_text(sentence, ONE_ROW_HEADER, row, gap))
    values = [str(f.value) for f in document.figures]
    assert values.count(said) == 1
    assert {"35", "18", "21", "2.87"} <= set(values)


def test_a_table_of_one_row_of_other_values_than_the_sentence_keeps_both():
    sentence = "2023年5月,汶川县环境空气质量综合指数为2.91。"
    row = ["威州镇站", "35", "18", "21", "2.87"]
    document = pipeline.read(_one_row_text(sentence, ONE_ROW_HEADER, row))
    index = "air-quality-composite-index"
    assert sorted(str(f.value) for f in document.figures if f.indicator == index) == [
        "2.87",
        "2.91",
    ]


def test_two_numbers_under_names_a_line_each_are_no_table():
    text = "\n".join(
        ["汶川县2023年5月环境空气质量月报", "监测点位", "PM10", "PM2.5", "威州镇站", "35", "18"]
    )
    values = {f.value for f in pipeline.read(text).figures}
    assert not values & {Decimal("35"), Decimal("18")}
