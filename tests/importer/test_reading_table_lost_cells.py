"""read() on invented tables of two header rows whose copy kept no empty cell.

An upper cell merged over several columns ("平均浓度(μg/m³)" over SO2, NO2, PM10) leaves
empty cells beside it in the upper row and under the columns of one level in the lower row;
a copy that keeps only the cells with words in them gives an upper row and a lower row that
line up with nothing. The lower cells belong under the upper cell they are of, wherever it
stands, and the columns after it keep their own names and units. A rank stays no figure.

The tables are invented (the places are real divisions, the values are not).
"""

from dataclasses import replace
from datetime import date

import pytest
import zhconv
from test_reading_table_headers import check_text
from test_reading_table_renderings import LAYOUTS, MG, UG, Column, Table, headers

from importer import pipeline

# The merged cell after a column of its own, the columns after it of other units.
INDEX_FIRST = Table(
    title="黔东南州2025年6月各县(市)环境空气质量",
    caption="表1 2025年6月各县(市)环境空气质量状况",
    heading="县(市)",
    columns=(
        Column("综合指数", "", "index", "air-quality-composite-index"),
        Column("PM2.5", *UG, "pm25", "平均浓度"),
        Column("PM10", *UG, "pm10", "平均浓度"),
        Column("NO2", *UG, "no2", "平均浓度"),
        Column("SO2", *UG, "so2", "平均浓度"),
        Column("CO第95百分位数", *MG, "co"),
        Column("O3日最大8小时第90百分位数", *UG, "o3"),
        Column("优良天数比例", "%", "percent", "air-good-days-ratio"),
        Column("排名"),
    ),
    rows=(
        ("凯里市", "2.74", "21", "37", "16", "6", "0.8", "118", "98.3", "4"),
        ("黄平县", "2.31", "17", "31", "11", "5", "0.7", "109", "100", "2"),
        ("施秉县", "2.12", "15", "29", "9", "4", "0.6", "104", "100", "1"),
        ("镇远县", "2.58", "19", "35", "13", "7", "0.7", "112", "96.7", "3"),
    ),
    home="黔东南苗族侗族自治州",
    places={"凯里市": "凯里市", "黄平县": "黄平县", "施秉县": "施秉县", "镇远县": "镇远县"},
    period=(date(2025, 6, 1), date(2025, 6, 30)),
)

# The merged cell last, its unit the only one.
GROUP_LAST = Table(
    title="忻州市2025年第二季度各县环境空气质量",
    caption="表2 2025年第二季度各县主要污染物浓度及优良天数",
    heading="县",
    columns=(
        Column("优良天数", "天", "day", "air-good-days"),
        Column("优良天数比例", "%", "percent", "air-good-days-ratio"),
        Column("PM10", *UG, "pm10", "污染物浓度"),
        Column("PM2.5", *UG, "pm25", "污染物浓度"),
        Column("NO2", *UG, "no2", "污染物浓度"),
    ),
    rows=(
        ("定襄县", "78", "85.7", "66", "34", "18"),
        ("五台县", "84", "92.3", "58", "29", "15"),
        ("代县", "80", "87.9", "63", "31", "21"),
        ("繁峙县", "82", "90.1", "61", "30", "17"),
    ),
    home="忻州市",
    places={"定襄县": "定襄县", "五台县": "五台县", "代县": "代县", "繁峙县": "繁峙县"},
    period=(date(2025, 4, 1), date(2025, 6, 30)),
)


def cell_ends(rows, header_rows):
    """Each cell followed by " |", the row's first cell by none before it."""
    return [" | ".join(cells) + " |" for cells in rows]


# Layouts with a separator between cells, an empty one of which would have been kept.
GRID = {
    "markdown": LAYOUTS["markdown"],
    "bars-inside": LAYOUTS["bars-inside"],
    "markdown-aligned": LAYOUTS["markdown-aligned"],
    "markdown-open-end": LAYOUTS["markdown-open-end"],
    "tabs": LAYOUTS["tabs"],
    "cell-ends": cell_ends,
}


def without_empty_cells(table, layout):
    """``table`` under its merged header, the cells the merge left empty lost."""
    rows, caption = headers(table, "groups")
    rows = [[cell for cell in row if cell is not None] for row in rows]
    lines = GRID[layout](rows + [list(row) for row in table.rows], len(rows))
    return "\n".join([table.title, caption, *lines, "数据来源:州生态环境监测站。"])


@pytest.mark.parametrize("layout", sorted(GRID))
@pytest.mark.parametrize("table", ["index-first", "group-last"])
def test_a_merged_header_whose_empty_cells_the_copy_lost(table, layout):
    table = INDEX_FIRST if table == "index-first" else GROUP_LAST
    check_text(table, without_empty_cells(table, layout))


@pytest.mark.parametrize("layout", ["cell-ends", "markdown"])
def test_the_same_copy_in_traditional_characters(layout):
    text = zhconv.convert(without_empty_cells(INDEX_FIRST, layout), "zh-tw")
    assert "濃度" in text
    check_text(INDEX_FIRST, text)


def test_ranks_under_a_merged_header_stay_no_figures():
    # A near miss: the lower cells under a merged cell of ranks ("各项指标排名") are ranks, not
    # concentrations, whatever pollutant they name.
    text = "\n".join(
        [
            "铜仁市2025年5月各区县空气质量排名",
            "表3 2025年5月各区县单项指标排名",
            "区县 | 单项指标排名 | 综合排名 |",
            "SO2 | NO2 | PM10 | PM2.5 |",
            "碧江区 | 3 | 4 | 2 | 4 | 4 |",
            "万山区 | 1 | 2 | 3 | 1 | 2 |",
            "江口县 | 2 | 1 | 1 | 2 | 1 |",
            "玉屏县 | 4 | 3 | 4 | 3 | 3 |",
        ]
    )
    assert pipeline.read(text).figures == ()


def test_a_lower_row_of_units_keeps_reading_from_the_first_column():
    # A near miss: a lower row of units, one per column, is no merged cell's parts.
    table = replace(GROUP_LAST, columns=tuple(replace(c, group="") for c in GROUP_LAST.columns))
    rows, caption = headers(table, "row-brackets")
    rows = [[cell for cell in row if cell is not None] for row in rows]
    lines = GRID["bars-inside"](rows + [list(row) for row in table.rows], 2)
    check_text(table, "\n".join([table.title, caption, *lines]))


# Layouts keeping cells only: a merged cell's empty neighbours, and an empty heading, gone.
CELLS_ONLY = ("cell-per-line", "cell-per-line-ends", "one-line", "ideographic-spaces")


def _headed(table, layout, heading):
    """``table`` under its merged header, the row labels' heading replaced by ``heading``
    (none where it is empty), in a layout that keeps no empty cell."""
    rows, caption = headers(table, "groups")
    rows = [[cell for cell in row if cell is not None] for row in rows]
    rows[0] = [heading, *rows[0][1:]] if heading else rows[0][1:]
    lines = LAYOUTS[layout](rows + [list(row) for row in table.rows], len(rows))
    return "\n".join([table.title, caption, *lines, "数据来源:州生态环境监测站。"])


@pytest.mark.parametrize("layout", CELLS_ONLY)
@pytest.mark.parametrize("table", ["index-first", "group-last"])
def test_a_merged_header_whose_row_heading_the_copy_lost(table, layout):
    # No "县(市)" over the labels: the merged cell stands where the heading would.
    table = INDEX_FIRST if table == "index-first" else GROUP_LAST
    check_text(table, _headed(table, layout, ""))


@pytest.mark.parametrize("layout", CELLS_ONLY)
@pytest.mark.parametrize("title", ["各县(市)空气质量状况", "各县环境空气质量"])
def test_a_merged_header_under_a_title_cell_over_the_labels(title, layout):
    # The copy put what the table is of where the heading stands: it is no merged cell of its
    # own over the columns before the pollutants.
    check_text(INDEX_FIRST, _headed(INDEX_FIRST, layout, title))


@pytest.mark.parametrize("layout", ["cell-per-line", "one-line"])
def test_a_title_cell_over_the_labels_is_no_merged_cell(layout):
    # A near miss: a title where the heading would stand ("各县空气质量") has no pollutant
    # under it; the columns keep their own names.
    table = replace(GROUP_LAST, columns=tuple(replace(c, group="") for c in GROUP_LAST.columns))
    rows, caption = headers(table, "brackets")
    rows[0] = ["各县空气质量", *rows[0][1:]]
    lines = LAYOUTS[layout](rows + [list(row) for row in table.rows], 1)
    check_text(table, "\n".join([table.title, caption, *lines]))
