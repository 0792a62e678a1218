"""read() on invented tables whose headers and units a copy damaged or wrote its own way.

What a header says must reach every figure cell under it, however the copy gave it: a unit
whose μ and ³ became "?" ("?g/m?", "μg/m?"); an English unit spelt out ("milligram/cu.m",
"micrograms per cubic metre"); a header in traditional characters; a header merged over the
pollutants followed by columns of the same unit and columns of no unit (an index, a rank);
seven classes each over its day and night; a table of counts whose unit (件) no header
states, its caption naming what is counted. A rank, a grade or a remark is never a figure.

The tables are invented (the places are real divisions, the values are not). They are
rendered in every layout of ``test_reading_table_renderings``.
"""

from dataclasses import replace
from datetime import date

import pytest
import zhconv
from test_reading_table_renderings import (
    ENGLISH,
    LAYOUTS,
    MG,
    UG,
    Column,
    Table,
    expected,
    got,
    render,
)

from importer import pipeline
from importer.numbers import fold


def check_text(table, text):
    """Every figure cell of ``table`` read from ``text`` (its quotes compared folded, so that
    a copy in traditional characters names the rows as the table does)."""
    document = pipeline.read(text)
    figures = tuple(
        replace(f, quote=fold(f.quote), qualifier=fold(f.qualifier)) for f in document.figures
    )
    want, have = expected(table), got(replace(document, figures=figures), table)
    missing = sorted(set(want) - set(have))
    extra = sorted(set(have) - set(want))
    assert (missing, extra) == ([], []), text


# A merged header over the four pollutants, then a share, CO of its own unit, O3 of the
# group's unit, an index and a rank: the merged cell is over the pollutants only, not over
# the columns after CO that a unit does not rule out.
GROUP_THEN_COLUMNS = Table(
    title="衡阳市2025年4月各县(市、区)环境空气质量",
    caption="表1 2025年4月各县(市、区)环境空气主要指标",
    heading="县(市、区)",
    columns=(
        Column("SO2", *UG, "so2", "月均浓度"),
        Column("NO2", *UG, "no2", "月均浓度"),
        Column("PM10", *UG, "pm10", "月均浓度"),
        Column("PM2.5", *UG, "pm25", "月均浓度"),
        Column("优良天数比例", "%", "percent", "air-good-days-ratio"),
        Column("CO日均值第95百分位数", *MG, "co"),
        Column("O3日最大8小时第90百分位数", *UG, "o3"),
        Column("综合指数", "", "index", "air-quality-composite-index"),
        Column("综合指数排名"),
    ),
    rows=(
        ("衡南县", "6", "15", "44", "30", "96.7", "0.7", "121", "2.95", "2"),
        ("衡阳县", "8", "19", "51", "35", "90.0", "0.9", "134", "3.41", "4"),
        ("祁东县", "5", "11", "39", "27", "100", "0.6", "118", "2.63", "1"),
        ("常宁市", "7", "17", "47", "33", "93.3", "0.8", "127", "3.18", "3"),
        ("耒阳市", "9", "21", "56", "38", "86.7", "1.0", "139", "3.72", "5"),
    ),
    home="衡阳市",
    places={
        "衡南县": "衡南县",
        "衡阳县": "衡阳县",
        "祁东县": "祁东县",
        "常宁市": "常宁市",
        "耒阳市": "耒阳市",
    },
    period=(date(2025, 4, 1), date(2025, 4, 30)),
)


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("units", ["groups", "brackets"])
def test_a_merged_header_over_the_pollutants_followed_by_columns_of_its_unit(units, layout):
    check_text(GROUP_THEN_COLUMNS, render(GROUP_THEN_COLUMNS, layout, units))


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("units", ["groups", "brackets"])
def test_a_table_copied_in_traditional_characters(units, layout):
    text = zhconv.convert(render(GROUP_THEN_COLUMNS, layout, units), "zh-tw")
    assert "濃度" in text or "縣" in text  # the copy is traditional
    check_text(GROUP_THEN_COLUMNS, text)


# Units damaged by the copy: μ and ³ as "?" (half- or full-width), or only ³ lost.
DAMAGED = {
    "both-lost": {"μg/m³": "?g/m?", "mg/m³": "mg/m?"},
    "cube-lost": {"μg/m³": "μg/m?", "mg/m³": "mg/m?"},
    "full-width": {"μg/m³": "？g/m？", "mg/m³": "mg/m？"},
    "latin-u": {"μg/m³": "ug/m?", "mg/m³": "mg/m?"},
}


def _damaged(text, damage):
    for unit, written in DAMAGED[damage].items():
        text = text.replace(unit, written)
    return text


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("damage", sorted(DAMAGED))
def test_a_unit_whose_micro_and_cube_the_copy_turned_into_question_marks(damage, layout):
    text = _damaged(render(GROUP_THEN_COLUMNS, layout, "brackets"), damage)
    assert "?" in text or "？" in text
    check_text(GROUP_THEN_COLUMNS, text)


def test_a_question_mark_after_a_unit_of_area_or_in_a_question_stays_as_written():
    # "m?" alone may be m² or m³: no unit is made of it. A question stays a question.
    text = (
        "某市2025年城市建设情况\n"
        "2025年,全市新增绿地面积12.5万m?,新建公园8个。\n"
        "PM2.5浓度会下降吗?会的,全年PM2.5平均浓度为31微克/立方米。"
    )
    document = pipeline.read(text)
    units = {f.value_text or str(f.value): f.unit_code for f in document.figures}
    assert units.get("12.5") not in ("ug/m3", "mg/m3")
    assert units["31"] == "ug/m3"
    assert "会下降吗?" in document.body


# English units spelt out, as a statistical yearbook writes them.
SPELT = {
    "micrograms per cubic metre": "ug/m3",
    "microgram/cu.m": "ug/m3",
    "ug/cu.m": "ug/m3",
    "micrograms per cubic meter": "ug/m3",
}
ENGLISH_MG = replace(
    ENGLISH,
    columns=(
        Column("PM10", *MG, "pm10"),
        Column("Sulphur Dioxide", *MG, "so2"),
        Column("Nitrogen Dioxide", *MG, "no2"),
        Column("Rank"),
    ),
    rows=(
        ("Changsha", "0.071", "0.012", "0.031", "3"),
        ("Zhuzhou", "0.068", "0.015", "0.029", "2"),
        ("Xiangtan", "0.079", "0.018", "0.027", "4"),
        ("Hengyang", "0.062", "0.011", "0.024", "1"),
        ("Average", "0.070", "0.014", "0.028", "-"),
    ),
)
SPELT_MG = {
    "milligram/cu.m": "mg/m3",
    "milligrams per cubic metre": "mg/m3",
    "mg/cu.m": "mg/m3",
    "milligrams/cubic meter": "mg/m3",
}


def _spelt(table, spelt):
    """``table`` with its units of mass per volume written ``spelt``."""
    columns = tuple(replace(c, unit=spelt) if c.unit in (UG[0], MG[0]) else c for c in table.columns)
    return replace(table, columns=columns)


# An English table is not aligned with ideographic spaces (they fold to single ones, which
# a unit of several words holds too).
ENGLISH_LAYOUTS = sorted(set(LAYOUTS) - {"ideographic-spaces"})


SPELT_TABLES = [("micrograms", spelt) for spelt in sorted(SPELT)] + [
    ("milligrams", spelt) for spelt in sorted(SPELT_MG)
]


@pytest.mark.parametrize("layout", ENGLISH_LAYOUTS)
@pytest.mark.parametrize("units", ["brackets", "row-brackets"])
@pytest.mark.parametrize(("mass", "spelt"), SPELT_TABLES)
def test_an_english_unit_spelt_out(mass, spelt, units, layout):
    table = _spelt(ENGLISH if mass == "micrograms" else ENGLISH_MG, spelt)
    check_text(table, render(table, layout, units))


# Seven classes of functional zone, each merged over its day and its night, the unit in the
# caption: more merged cells than a header usually has, all over the same two names.
CLASSES = ("0类", "1类", "2类", "3类", "4a类", "4b类", "合计")
ZONES = Table(
    title="湖南省2025年第一季度城市功能区声环境质量",
    caption="表2 2025年第一季度各市功能区声环境点次达标率",
    heading="城市",
    columns=tuple(
        Column(part, "", "percent", f"noise-functional-compliance-{period}", zone)
        for zone in CLASSES
        for part, period in (("昼", "day"), ("夜", "night"))
    ),
    rows=(
        ("长沙", "75.0", "50.0", "91.7", "66.7", "95.5", "81.8", "100", "88.9", "93.8", "43.8", "99.0", "97.0", "94.6", "74.3"),
        ("株洲", "52.5", "47.5", "88.2", "70.6", "93.1", "82.8", "98.6", "85.7", "91.7", "41.7", "97.0", "96.0", "92.3", "72.9"),
        ("岳阳", "65.0", "35.0", "84.6", "61.5", "92.0", "80.0", "96.9", "81.3", "90.0", "40.0", "98.0", "95.0", "90.9", "70.1"),
    ),
    home="湖南省",
    places={"长沙": "长沙市", "株洲": "株洲市", "岳阳": "岳阳市"},
    period=(date(2025, 1, 1), date(2025, 3, 31)),
)


def _zones_text(layout):
    """The classes over their day and night (a merged cell over two, None beside it), the
    unit in the caption."""
    upper = [ZONES.heading, *(c.group if c.name == "昼" else None for c in ZONES.columns)]
    lower = [None, *(c.name for c in ZONES.columns)]
    grid = not layout.startswith("cell-per-line")
    header = [[(cell or "") if grid else cell for cell in row if grid or cell] for row in (upper, lower)]
    lines = LAYOUTS[layout](header + [list(row) for row in ZONES.rows], 2)
    caption = f"{ZONES.caption}(单位:%)"
    return "\n".join([ZONES.title, caption, *lines, "注:达标率为达标点次占监测点次的比例。"])


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_seven_classes_each_merged_over_its_day_and_night(layout):
    text = _zones_text(layout)
    check_text(ZONES, text)
    # Each figure is of its own class, the class its qualifier; the total is the city's own.
    document = pipeline.read(text)
    for figure in document.figures:
        row = next(r for r in ZONES.rows if r[0] in figure.quote)
        zone = ZONES.columns[row[1:].index(figure.value_text or str(figure.value))].group
        said = fold(figure.qualifier)
        assert (zone in said) if zone != "合计" else ("类" not in said), (figure, text)


@pytest.mark.parametrize(
    "sentence",
    [
        "1类区昼/夜间点次达标率分别为91.7%、66.7%。",
        "1类区昼间/夜间达标率分别为91.7%和66.7%。",
        "1类区昼、夜间点次达标率分别为91.7%、66.7%。",
    ],
)
def test_day_and_night_joined_by_a_slash_before_respectively(sentence):
    # "昼/夜间…分别为" names the day's, then the night's, as "昼、夜间" does.
    document = pipeline.read(f"长沙市2025年第一季度功能区声环境质量\n{sentence}")
    got_ = {str(f.value): f.indicator for f in document.figures}
    assert got_ == {
        "91.7": "noise-functional-compliance-day",
        "66.7": "noise-functional-compliance-night",
    }


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("4月,全市PM10月均浓度为46?g/m?,同比下降4.2%。", "ug/m3"),
        ("4月,全市二氧化氮平均浓度为19μg/m?。", "ug/m3"),
        ("4月,全市一氧化碳第95百分位数浓度为1.1mg/m?。", "mg/m3"),
    ],
)
def test_a_sentence_whose_unit_lost_its_micro_and_cube(sentence, unit):
    document = pipeline.read(f"某市2025年4月环境空气质量\n{sentence}")
    assert document.figures[0].unit_code == unit


def test_a_pipe_row_whose_cell_holds_a_note_ends_at_its_bar():
    # A note merged into the last column of a row ("注:…。") does not run the rows after it
    # into that row: the table keeps its columns.
    text = "\n".join(
        [
            "某市2025年5月城区环境空气质量",
            "表1 各站点监测结果 单位:μg/m³",
            "| 站点 | SO2 | NO2 | PM10 | PM2.5 | 备注 |",
            "| 东城站 | 7 | 22 | 48 | 27 | |",
            "| 西城站 | 6 | 19 | 44 | 25 | |",
            "| 城区均值 | 7 | 21 | 46 | 26 | 注:1、对照点不参与评价; 2、浓度为月均值。 |",
            "| 二级标准 | 60 | 40 | 70 | 35 | |",
            "| 南郊站 | 5 | 15 | 40 | 22 | |",
        ]
    )
    document = pipeline.read(text)
    pm25 = {f.qualifier: str(f.value) for f in document.figures if f.indicator == "pm25"}
    assert pm25.get("南郊站") == "22" and pm25.get("东城站") == "27", pm25


# A table of counts whose unit no header states: its caption names what is counted.
CASES = Table(
    title="湖南省2025年6月生态环境信访投诉举报办理情况",
    caption="附表 2025年6月各市州环境信访投诉举报办理情况统计表",
    heading="市州",
    columns=(
        Column("已办结", "", "case", "petitions-resolved"),
        Column("办理中", "", "case", None),
        Column("不予受理", "", "case", None),
        Column("合计", "", "case", "petitions"),
    ),
    rows=(
        ("长沙市", "231", "17", "12", "260"),
        ("株洲市", "64", "5", "3", "72"),
        ("湘潭市", "48", "0", "6", "54"),
        ("衡阳市", "97", "9", "8", "114"),
        ("全省", "440", "31", "29", "500"),
    ),
    home="湖南省",
    places={
        "长沙市": "长沙市",
        "株洲市": "株洲市",
        "湘潭市": "湘潭市",
        "衡阳市": "衡阳市",
        "全省": "湖南省",
    },
    period=(date(2025, 6, 1), date(2025, 6, 30)),
)
CASES_BY_COUNTY = replace(
    CASES,
    title="邵阳市2025年上半年环境违法案件查处情况",
    caption="表3 各县(市、区)环境违法案件查处情况",
    heading="县(市、区)",
    columns=(
        Column("立案", "", "case", "enforcement-cases"),
        Column("罚款金额", "万元", "10k-yuan", "fines"),
        Column("排名"),
    ),
    rows=(
        ("双清区", "12", "86.5", "2"),
        ("大祥区", "9", "41.0", "3"),
        ("武冈市", "15", "102.3", "1"),
    ),
    home="邵阳市",
    places={"双清区": "双清区", "大祥区": "大祥区", "武冈市": "武冈市"},
    period=(date(2025, 1, 1), date(2025, 6, 30)),
)


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("table", ["cases", "cases-by-county"])
def test_a_table_of_counts_whose_unit_no_header_states(table, layout):
    # Whole numbers under 已办结, 立案, 合计 in a table the caption says counts petitions or
    # cases are counts of them (件); the rank is none.
    table = CASES if table == "cases" else CASES_BY_COUNTY
    check_text(table, render(table, layout, "brackets"))


def test_whole_numbers_under_a_caption_naming_nothing_counted_stay_unread():
    # A near miss: bare whole numbers in a table whose caption names no cases are no counts.
    table = replace(
        CASES,
        title="湖南省2025年6月城市环境空气质量",
        caption="附表 2025年6月各市州空气质量类别天数统计",
        columns=tuple(replace(c, unit_code="", code=None) for c in CASES.columns),
    )
    document = pipeline.read(render(table, "markdown", "brackets"))
    assert not [f for f in document.figures if f.unit_code == "case"]


# Stations with no unit in the header; a note under the table gives CO's and "the rest's".
STATIONS = Table(
    title="吉安市2025年5月中心城区环境空气质量",
    caption="表1 2025年5月中心城区各点位监测结果",
    heading="点位",
    columns=(
        Column("SO2", *UG, "so2"),
        Column("NO2", *UG, "no2"),
        Column("CO", *MG, "co"),
        Column("O3-8h", *UG, "o3"),
        Column("PM2.5", *UG, "pm25"),
        Column("评价"),
    ),
    rows=(
        ("市监测站", "8", "19", "0.9", "142", "24", "二级"),
        ("白鹭洲", "6", "14", "0.7", "151", "21", "二级"),
        ("城南水厂", "7", "17", "0.8", "163", "26", "超二级"),
    ),
    home="吉安市",
    places={},
    period=(date(2025, 5, 1), date(2025, 5, 31)),
    qualified=True,
)
CO_AND_THE_REST = [
    "注:1、CO单位为mg/m³,其余监测项目单位为μg/m³; 2、评价依据GB3095-2012。",
    "说明:一氧化碳的单位为毫克/立方米,其他项目的单位为微克/立方米。",
    "注:CO的单位为mg/m3,其它指标单位均为μg/m3。",
    "注:除CO为mg/m³外,其余均为μg/m³。",
]


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("note", CO_AND_THE_REST)
def test_a_note_giving_one_column_its_unit_and_the_rest_another(note, layout):
    header = [STATIONS.heading, *(c.name for c in STATIONS.columns)]
    lines = LAYOUTS[layout]([header, *(list(row) for row in STATIONS.rows)], 1)
    check_text(STATIONS, "\n".join([STATIONS.title, STATIONS.caption, *lines, note]))
