"""read() on invented tables from a generator of layouts (``evaluation/table_layouts.py``).

The generator invents tables as bulletins publish them (rows of counties, stations, months or
years; columns of pollutants, shares and noise levels; units in the header, a row of units or
the caption; total rows, change columns and rows, empty cells; measures as rows) and renders
each as a paste gives it. These tests hold the layouts it reads, so that a rule for one
document's table cannot break a layout silently; ``DEBUG=1 .venv/bin/python -m
evaluation.table_layouts`` prints the whole measure.
"""

import pytest

from evaluation import table_layouts as layouts
from importer import pipeline
from importer.figures import is_unit
from importer.table_cells import units_into_labels


def _figures(text):
    return [f for f in pipeline.read(text).figures if not f.derived]


def _share_read(grid, rendering, transposed):
    document = pipeline.read(layouts.bulletin(grid, rendering, transposed))
    result = layouts.read_cells(grid, document)
    return sum(1 for _cell, match in result if match) / len(result)


# A column of units: each row's unit, written once beside its label. -------------------------


def test_a_column_of_units_beside_measures_as_rows_gives_each_row_its_unit():
    text = "\n".join(
        [
            "棠汀市2023年环境空气质量状况",
            "表1 2023年棠汀市各监测站主要污染物浓度",
            "| 项目 | 单位 | 岚坪站 | 桐渚站 |",
            "|---|---|---|---|",
            "| 二氧化氮 | μg/m³ | 24 | 31 |",
            "| CO | mg/m³ | 0.9 | 1.1 |",
            "| 综合指数 | — | 3.12 | 3.47 |",
        ]
    )
    got = {(f.value_text, f.unit_code, f.indicator, f.qualifier) for f in _figures(text)}
    assert got == {
        ("24", "ug/m3", "no2", "岚坪站"),
        ("31", "ug/m3", "no2", "桐渚站"),
        ("0.9", "mg/m3", "co", "岚坪站"),
        ("1.1", "mg/m3", "co", "桐渚站"),
        ("3.12", "index", "air-quality-composite-index", "岚坪站"),
        ("3.47", "index", "air-quality-composite-index", "桐渚站"),
    }


def test_a_column_of_units_without_its_heading_between_a_label_and_years():
    # Tab-separated, the unit column's heading written as "计量单位", a year per column.
    text = "\n".join(
        [
            "萍埠市2022年地表水环境质量状况",
            "表1 萍埠市地表水水质断面比例",
            "指标\t计量单位\t2022年\t2021年",
            "Ⅰ～Ⅲ类水质断面比例\t%\t86.4\t81.8",
            "劣Ⅴ类水质断面比例\t%\t0.0\t4.5",
        ]
    )
    got = {(f.value_text, f.unit_code, f.indicator, f.period_start.year) for f in _figures(text)}
    assert got == {
        ("86.4", "percent", "water-good-sections-ratio", 2022),
        ("81.8", "percent", "water-good-sections-ratio", 2021),
        ("0.0", "percent", "water-inferior-v-ratio", 2022),
        ("4.5", "percent", "water-inferior-v-ratio", 2021),
    }


def test_a_column_headed_units_of_bodies_is_no_column_of_units():
    # 单位 naming the bodies inspected, no measure's unit: the column stays.
    header = ("单位", "检查次数")
    rows = (("1", ("禾桥镇", "12"), (0, 10)), ("2", ("松岭街道", "9"), (11, 22)))
    assert units_into_labels(header, rows, is_unit) == (header, rows)


def test_a_single_unit_cell_without_the_heading_is_no_column_of_units():
    # One "%" under a column with no name of units could be a lone mark: two rows at least.
    header = ("备注", "2023年")
    rows = (("优良天数比例", ("%", "91.2"), (0, 10)), ("综合指数", ("", "3.4"), (11, 20)))
    assert units_into_labels(header, rows, is_unit) == (header, rows)


# A change named only by its word: of the measure before it, in a row as in a column. ---------


def _changes(text):
    return {
        (f.qualifier or (f.region.name if f.region else ""), f.value_text, f.unit_code, f.indicator)
        for f in _figures(text)
        if f.kind == "change"
    }


def test_a_change_row_under_a_measure_row_is_the_change_of_that_measure():
    text = "\n".join(
        [
            "雁坪市2023年环境空气质量状况",
            "表1 2023年雁坪市各监测站主要污染物浓度",
            "| 项目 | 澄汀站 | 芦峪站 |",
            "|---|---|---|",
            "| PM2.5(μg/m³) | 33 | 41 |",
            "| 同比(%) | -5.7 | +2.5 |",
            "| O3(μg/m³) | 151 | 146 |",
        ]
    )
    assert _changes(text) == {
        ("澄汀站", "-5.7", "percent", "pm25"),
        ("芦峪站", "+2.5", "percent", "pm25"),
    }


def test_a_change_row_of_shares_in_points_under_its_measure_tab_separated():
    text = "\n".join(
        [
            "桐岭市2022年地表水环境质量状况",
            "表1 2022年桐岭市各水系水质断面比例",
            "项目\t樟溪水系\t柏河水系",
            "Ⅰ～Ⅲ类水质断面比例(%)\t84.0\t76.9",
            "变化率(百分点)\t4.0\t-7.7",
        ]
    )
    assert _changes(text) == {
        ("樟溪水系", "4.0", "pp", "water-good-sections-ratio"),
        ("柏河水系", "-7.7", "pp", "water-good-sections-ratio"),
    }


def test_a_change_row_under_rows_of_years_stays_the_change_of_each_column():
    # A near miss: under "2022年" the row above names a period, no measure.
    text = "\n".join(
        [
            "岑渚市2022年环境空气质量状况",
            "表1 岑渚市主要污染物年均浓度",
            "| 年份 | PM10(μg/m³) | NO2(μg/m³) |",
            "|---|---|---|",
            "| 2022年 | 58 | 27 |",
            "| 2021年 | 61 | 30 |",
            "| 同比(%) | -4.9 | -10.0 |",
        ]
    )
    assert {(v, u, i) for _q, v, u, i in _changes(text)} == {
        ("-4.9", "percent", "pm10"),
        ("-10.0", "percent", "no2"),
    }


def test_a_change_column_whose_unit_holds_a_bracket_is_of_the_column_before_it():
    # "同比变化(dB(A))": the unit's own bracket inside the header's.
    text = "\n".join(
        [
            "萍源市2023年声环境质量状况",
            "表1 2023年萍源市各县区区域声环境昼夜等效声级",
            "| 县区 | 昼间等效声级(dB(A)) | 夜间等效声级(dB(A)) | 同比变化(dB(A)) |",
            "|---|---|---|---|",
            "| 溪埠县 | 54.1 | 45.2 | -0.8 |",
            "| 棠坪区 | 56.3 | 47.9 | 1.1 |",
        ]
    )
    assert _changes(text) == {
        ("溪埠县", "-0.8", "dBA", "noise-night"),
        ("棠坪区", "1.1", "dBA", "noise-night"),
    }


def test_a_change_column_with_a_bracketed_unit_in_an_html_table():
    # The change between two measures: of the one before it, 变化 alone with its unit.
    text = (
        "松汀市2023年声环境质量状况\n表1 2023年松汀市各县区区域声环境昼夜等效声级\n<table>"
        "<tr><th>县区</th><th>昼间等效声级(dB(A))</th><th>变化(dB(A))</th>"
        "<th>夜间等效声级(dB(A))</th></tr>"
        "<tr><td>枫渚县</td><td>53.6</td><td>-1.4</td><td>44.0</td></tr>"
        "<tr><td>禾峪区</td><td>55.0</td><td>0.6</td><td>45.1</td></tr></table>"
    )
    assert _changes(text) == {
        ("枫渚县", "-1.4", "dBA", "noise-day"),
        ("禾峪区", "0.6", "dBA", "noise-day"),
    }


# A column's station in a row of last year or of the change from it. -------------------------


def _of_stations(text):
    return {(f.qualifier, f.value_text, f.kind, f.period_start.year) for f in _figures(text)}


def test_a_row_of_the_change_from_last_year_keeps_each_column_s_station():
    text = "\n".join(
        [
            "柏汀市2023年环境空气质量状况",
            "表1 2023年柏汀市各监测站综合指数",
            "| 项目 | 棠峪站 | 溪岭站 |",
            "|---|---|---|",
            "| 综合指数 | 3.52 | 3.88 |",
            "| 比上年(%) | -4.1 | 2.6 |",
        ]
    )
    assert _of_stations(text) == {
        ("棠峪站", "3.52", "level", 2023),
        ("溪岭站", "3.88", "level", 2023),
        ("棠峪站", "-4.1", "change", 2023),
        ("溪岭站", "2.6", "change", 2023),
    }


def test_a_row_of_the_change_from_last_year_keeps_each_column_s_station_tab_separated():
    text = "\n".join(
        [
            "柏汀市2023年环境空气质量状况",
            "表1 2023年柏汀市各监测站优良天数比例",
            "项目\t棠峪站\t溪岭站",
            "优良天数比例(%)\t88.5\t91.0",
            "较上年(百分点)\t-1.6\t0.8",
        ]
    )
    got = {(q, v, k) for q, v, k, _y in _of_stations(text)}
    assert got == {
        ("棠峪站", "88.5", "level"),
        ("溪岭站", "91.0", "level"),
        ("棠峪站", "-1.6", "change"),
        ("溪岭站", "0.8", "change"),
    }


def test_a_row_of_a_year_under_columns_of_measures_is_no_station():
    # A near miss: the label is the year, the only name of the row, no station.
    text = "\n".join(
        [
            "柏汀市2023年环境空气质量状况",
            "表1 柏汀市主要污染物年均浓度",
            "| 年份 | PM10(μg/m³) | O3(μg/m³) |",
            "|---|---|---|",
            "| 2023年 | 52 | 141 |",
            "| 2022年 | 57 | 138 |",
        ]
    )
    assert {q for q, _v, _k, _y in _of_stations(text)} == {""}


# A copy of a cell a line: a column of units, and a row of units that lost its empty cells. ----


def _levels(text):
    return {
        (f.qualifier or (f.region.name if f.region else ""), f.value_text, f.unit_code, f.indicator)
        for f in _figures(text)
        if f.kind == "level"
    }


UNITS_BESIDE_LABELS = [
    "雁岭市2023年环境空气质量状况",
    "表1 2023年雁岭市各监测站主要污染物浓度",
    "项目",
    "单位",
    "梓峪站",
    "芦汀站",
    "PM10",
    "μg/m³",
    "61",
    "54",
    "CO",
    "mg/m³",
    "1.2",
    "0.9",
    "优良天数比例",
    "%",
    "86.3",
    "90.1",
]
READ_BESIDE_LABELS = {
    ("梓峪站", "61", "ug/m3", "pm10"),
    ("芦汀站", "54", "ug/m3", "pm10"),
    ("梓峪站", "1.2", "mg/m3", "co"),
    ("芦汀站", "0.9", "mg/m3", "co"),
    ("梓峪站", "86.3", "percent", "air-good-days-ratio"),
    ("芦汀站", "90.1", "percent", "air-good-days-ratio"),
}


def test_a_column_of_units_copied_a_cell_a_line():
    assert _levels("\n".join(UNITS_BESIDE_LABELS)) == READ_BESIDE_LABELS


def test_a_column_of_units_copied_a_cell_a_line_with_bars():
    lines = UNITS_BESIDE_LABELS[:2] + [f"{cell} |" for cell in UNITS_BESIDE_LABELS[2:]]
    assert _levels("\n".join(lines)) == READ_BESIDE_LABELS


def test_a_row_of_units_under_the_names_copied_a_cell_a_line_stays_the_columns():
    # A near miss: units under the names, no row with a unit of its own.
    text = "\n".join(
        ["雁岭市2023年环境空气质量状况", "表1 2023年雁岭市各县区浓度", "县区", "PM10", "CO"]
        + ["μg/m³", "mg/m³", "澄坪县", "58", "1.1", "樟湾区", "63", "0.8", "禾冈县", "49", "1.0"]
    )
    assert _levels(text) == {
        ("禾冈县", "49", "ug/m3", "pm10"),
        ("禾冈县", "1.0", "mg/m3", "co"),
        ("澄坪县", "58", "ug/m3", "pm10"),
        ("樟湾区", "63", "ug/m3", "pm10"),
        ("澄坪县", "1.1", "mg/m3", "co"),
        ("樟湾区", "0.8", "mg/m3", "co"),
    }


# Units under a change column of its own unit and an index: the copy lost their empty cells.
UNITS_APART = [
    "枫埠市2023年环境空气质量状况",
    "表1 2023年枫埠市各县区主要污染物浓度",
    "县区",
    "可吸入颗粒物",
    "同比(%)",
    "CO",
    "臭氧",
    "优良天数比例",
    "综合指数",
    "μg/m³",
    "mg/m³",
    "μg/m³",
    "%",
    "岚汀县",
    "57",
    "-3.4",
    "1.3",
    "142",
    "88.2",
    "3.91",
    "松埠区",
    "66",
    "+1.5",
    "0.8",
    "131",
    "90.4",
    "4.02",
]
READ_APART = {
    ("岚汀县", "57", "ug/m3", "pm10"),
    ("松埠区", "66", "ug/m3", "pm10"),
    ("岚汀县", "1.3", "mg/m3", "co"),
    ("松埠区", "0.8", "mg/m3", "co"),
    ("岚汀县", "142", "ug/m3", "o3"),
    ("松埠区", "131", "ug/m3", "o3"),
    ("岚汀县", "88.2", "percent", "air-good-days-ratio"),
    ("松埠区", "90.4", "percent", "air-good-days-ratio"),
    ("岚汀县", "3.91", "index", "air-quality-composite-index"),
    ("松埠区", "4.02", "index", "air-quality-composite-index"),
}


CHANGES_APART = {("岚汀县", "-3.4", "percent", "pm10"), ("松埠区", "+1.5", "percent", "pm10")}


def test_a_row_of_units_that_lost_the_cells_between_them_copied_a_cell_a_line():
    assert _levels("\n".join(UNITS_APART)) == READ_APART
    assert _changes("\n".join(UNITS_APART)) == CHANGES_APART


def test_a_row_of_units_that_lost_the_cells_between_them_copied_with_bars():
    lines = UNITS_APART[:2] + [f"{cell} |" for cell in UNITS_APART[2:]]
    assert _levels("\n".join(lines)) == READ_APART
    assert _changes("\n".join(lines)) == CHANGES_APART


# A caption's unit with one column's exception after it. ------------------------------------


def _units(text):
    return {(f.value_text, f.unit_code, f.indicator) for f in _figures(text)}


def test_a_caption_unit_with_carbon_monoxide_s_in_brackets_after_it():
    text = "\n".join(
        [
            "樟源市2023年环境空气质量状况",
            "表1 2023年樟源市各县区主要污染物浓度",
            "单位：微克/立方米(CO为毫克/立方米)",
            "| 县区 | NO2 | CO |",
            "|---|---|---|",
            "| 雁汀县 | 21 | 1.1 |",
            "| 棠埠区 | 26 | 0.9 |",
        ]
    )
    assert _units(text) == {
        ("21", "ug/m3", "no2"),
        ("26", "ug/m3", "no2"),
        ("1.1", "mg/m3", "co"),
        ("0.9", "mg/m3", "co"),
    }


def test_a_caption_unit_with_carbon_monoxide_s_after_a_comma_tab_separated():
    text = "\n".join(
        [
            "樟源市2023年环境空气质量状况",
            "表1 2023年樟源市各县区主要污染物浓度(单位:μg/m³,一氧化碳:mg/m³)",
            "县区\t二氧化硫\t一氧化碳",
            "雁汀县\t7\t1.3",
            "棠埠区\t9\t1.0",
        ]
    )
    assert _units(text) == {
        ("7", "ug/m3", "so2"),
        ("9", "ug/m3", "so2"),
        ("1.3", "mg/m3", "co"),
        ("1.0", "mg/m3", "co"),
    }


def test_a_bracket_after_a_caption_unit_naming_no_unit_excepts_nothing():
    # A near miss: "(年均值)" says what the values are, no column's other unit.
    text = "\n".join(
        [
            "樟源市2023年环境空气质量状况",
            "表1 2023年樟源市各县区主要污染物浓度",
            "单位：微克/立方米(年均值)",
            "| 县区 | SO2 | O3 |",
            "|---|---|---|",
            "| 雁汀县 | 8 | 139 |",
            "| 棠埠区 | 6 | 144 |",
        ]
    )
    assert {unit for _v, unit, _i in _units(text)} == {"ug/m3"}


# The generator's layouts that read whole. ------------------------------------------------------

GRIDS = layouts.grids(60, seed=7)
ROWS_OF_UNITS = [g for g in GRIDS if "units:row" in g.features]


@pytest.mark.parametrize("rendering", ["markdown", "tabs", "html"])
def test_measures_as_rows_with_a_column_of_units_read_nine_cells_in_ten(rendering):
    # Turned round, a table with a row of units has a column of units (9% read before it was
    # taken for one; what is left is change columns and rows, not units).
    shares = [_share_read(grid, rendering, True) for grid in ROWS_OF_UNITS]
    assert sum(shares) / len(shares) >= 0.9, shares


@pytest.mark.parametrize("rendering", ["markdown", "tabs", "html"])
def test_generated_tables_in_grid_renderings_read_nine_cells_in_ten(rendering):
    read = total = 0
    for grid in GRIDS[:20]:
        for transposed in (False, True):
            document = pipeline.read(layouts.bulletin(grid, rendering, transposed))
            result = layouts.read_cells(grid, document)
            read += sum(1 for _cell, match in result if match)
            total += len(result)
    assert read / total >= 0.9


# Units a converter or an editor damaged. ----------------------------------------------------


def test_a_header_unit_half_in_characters_half_in_symbols_markdown():
    text = "\n".join(
        [
            "岑桥市2022年环境空气质量状况",
            "| 县区 | PM10(微克/m3) | CO(毫克/m3) |",
            "|---|---|---|",
            "| 梓滩县 | 57 | 1.2 |",
            "| 芦冈区 | 63 | 0.8 |",
        ]
    )
    assert _units(text) == {
        ("57", "ug/m3", "pm10"),
        ("63", "ug/m3", "pm10"),
        ("1.2", "mg/m3", "co"),
        ("0.8", "mg/m3", "co"),
    }


def test_a_caption_unit_half_in_symbols_tab_separated():
    text = "\n".join(
        [
            "岑桥市2022年环境空气质量状况",
            "单位：μg/立方米",
            "监测点位\tSO2\tO3",
            "萍渚站\t9\t141",
            "柏圩站\t12\t133",
        ]
    )
    assert _units(text) == {
        ("9", "ug/m3", "so2"),
        ("12", "ug/m3", "so2"),
        ("141", "ug/m3", "o3"),
        ("133", "ug/m3", "o3"),
    }


def test_a_mass_per_square_metre_half_in_symbols_is_no_concentration():
    text = "\n".join(
        [
            "岑桥市2022年环境空气质量状况",
            "| 县区 | 降尘(微克/m2) |",
            "|---|---|",
            "| 梓滩县 | 57 |",
        ]
    )
    assert not {unit for _value, unit, _code in _units(text)} & {"ug/m3", "mg/m3"}


@pytest.mark.parametrize("damage", sorted(layouts.DAMAGES))
def test_each_damage_of_the_generator_is_seeded_and_changes_the_copy(damage):
    import random

    grid = layouts.grids(1, 3)[0]
    copies = {
        layouts.bulletin(grid, "tabs", False, damage, random.Random(5)) for _time in range(2)
    }
    assert len(copies) == 1
    assert copies != {layouts.bulletin(grid, "tabs", False)}


# A cell copied with a line break inside: its unit on the next line. ---------------------------


def test_header_cells_broken_before_their_units_tab_separated():
    text = "\n".join(
        [
            "岑桥市2022年环境空气质量状况",
            "县区\tNO2",
            "(μg/m³)\tCO",
            "(mg/m³)",
            "梓滩县\t24\t1.3",
            "芦冈区\t19\t0.7",
        ]
    )
    assert _units(text) == {
        ("24", "ug/m3", "no2"),
        ("19", "ug/m3", "no2"),
        ("1.3", "mg/m3", "co"),
        ("0.7", "mg/m3", "co"),
    }


def test_row_labels_broken_before_their_units_in_a_turned_tab_table():
    text = "\n".join(
        [
            "岑桥市2022年环境空气质量状况",
            "项目\t萍渚站\t柏圩站",
            "SO2",
            "(μg/m³)\t8\t11",
            "O3",
            "(μg/m³)\t139\t152",
        ]
    )
    assert _units(text) == {
        ("8", "ug/m3", "so2"),
        ("11", "ug/m3", "so2"),
        ("139", "ug/m3", "o3"),
        ("152", "ug/m3", "o3"),
    }


def test_a_bracketed_note_under_a_tab_table_is_no_broken_cell():
    text = "\n".join(
        [
            "岑桥市2022年环境空气质量状况",
            "县区\tNO2(μg/m³)",
            "梓滩县\t24",
            "芦冈区\t19",
            "(注：数据未经审核)",
        ]
    )
    assert _units(text) == {("24", "ug/m3", "no2"), ("19", "ug/m3", "no2")}


# A caption whose units stand on a line of their own under it. ------------------------------


def _indicators(text):
    return {(f.value_text, f.indicator) for f in _figures(text)}


def test_a_caption_over_its_units_line_still_names_the_area_s_noise_tabs():
    text = "\n".join(
        [
            "桐坪市2021年声环境质量状况",
            "表2 2021年桐坪市区域声环境等效声级",
            "单位：分贝",
            "年份\t昼间等效声级\t夜间等效声级",
            "2021年\t55.2\t46.1",
            "2020年\t54.8\t45.3",
        ]
    )
    assert _indicators(text) == {
        ("55.2", "noise-day"),
        ("46.1", "noise-night"),
        ("54.8", "noise-day"),
        ("45.3", "noise-night"),
    }


def test_a_caption_over_its_bracketed_units_line_markdown():
    text = "\n".join(
        [
            "桐坪市2021年声环境质量状况",
            "表2 2021年桐坪市各县区域声环境等效声级",
            "(单位：dB(A))",
            "| 县区 | 昼间等效声级 |",
            "|---|---|",
            "| 樟渚县 | 53.7 |",
            "| 枫汀区 | 56.4 |",
        ]
    )
    assert _indicators(text) == {("53.7", "noise-day"), ("56.4", "noise-day")}


def test_a_units_line_under_a_sentence_takes_no_caption_from_far_above():
    text = "\n".join(
        [
            "桐坪市2021年声环境质量状况",
            "表2 2021年桐坪市区域声环境等效声级",
            "各监测点位的噪声监测结果汇总列于下表，请各单位对照整改落实。",
            "单位：分贝",
            "点位\t昼间等效声级\t夜间等效声级",
            "樟渚站\t55.2\t46.1",
            "枫汀站\t54.8\t45.3",
        ]
    )
    assert not {code for _value, code in _indicators(text)} & {"noise-day", "noise-night"}


# Two rows of years copied a cell a line: a table however few its cells. ----------------------


def test_two_rows_of_years_copied_a_cell_a_line():
    text = "\n".join(
        [
            "桐坪市2021年地表水环境质量状况",
            "表1 2021年桐坪市水质断面比例",
            "项目",
            "Ⅰ～Ⅲ类水质断面比例(%)",
            "劣Ⅴ类水质断面比例(%)",
            "2021年",
            "83.3",
            "4.2",
            "2020年",
            "79.2",
            "8.3",
        ]
    )
    assert _indicators(text) == {
        ("83.3", "water-good-sections-ratio"),
        ("4.2", "water-inferior-v-ratio"),
        ("79.2", "water-good-sections-ratio"),
        ("8.3", "water-inferior-v-ratio"),
    }


def test_two_rows_of_counties_copied_a_cell_a_line_with_bars():
    text = "\n".join(
        [
            "桐坪市2021年环境空气质量状况",
            "县区 |",
            "PM2.5(μg/m³) |",
            "PM10(μg/m³) |",
            "樟渚县 |",
            "31 |",
            "57 |",
            "枫汀区 |",
            "34 |",
            "62 |",
        ]
    )
    assert _indicators(text) == {("31", "pm25"), ("57", "pm10"), ("34", "pm25"), ("62", "pm10")}


def test_two_rows_of_years_with_a_cell_lost_are_no_table_of_two_rows():
    # One number short of the rows the names call for: short lines, not two full rows.
    text = "\n".join(
        [
            "桐坪市2021年环境空气质量状况",
            "年份",
            "PM2.5(μg/m³)",
            "PM10(μg/m³)",
            "2021年",
            "31",
            "2020年",
            "34",
            "62",
        ]
    )
    assert {("31", "pm25"), ("34", "pm25"), ("62", "pm10")} - _indicators(text)


# A caption's exception for CO in a table whose measures are its rows. -----------------------


def _turned_with_caption(rows):
    return "\n".join(
        [
            "梓岭市2023年环境空气质量状况",
            "表1 2023年梓岭市各监测点位主要污染物浓度",
            "单位：微克/立方米(CO为毫克/立方米)",
            *rows,
        ]
    )


def test_a_caption_s_exception_for_co_is_the_co_row_s_tabs():
    text = _turned_with_caption(["项目\t岑汀站\t雁渚站", "NO2\t22\t27", "CO\t0.8\t1.1"])
    assert _units(text) == {
        ("22", "ug/m3", "no2"),
        ("27", "ug/m3", "no2"),
        ("0.8", "mg/m3", "co"),
        ("1.1", "mg/m3", "co"),
    }


def test_a_caption_s_exception_for_co_is_the_co_row_s_markdown():
    text = _turned_with_caption(
        ["| 项目 | 岑汀站 | 雁渚站 |", "|---|---|---|", "| CO | 0.7 | 1.3 |", "| O3 | 150 | 138 |"]
    )
    assert _units(text) == {
        ("0.7", "mg/m3", "co"),
        ("1.3", "mg/m3", "co"),
        ("150", "ug/m3", "o3"),
        ("138", "ug/m3", "o3"),
    }


def test_a_caption_s_exception_for_co_leaves_the_other_rows_alone():
    text = _turned_with_caption(["项目\t岑汀站\t雁渚站", "SO2\t8\t10", "PM10\t55\t61"])
    assert {unit for _value, unit, _code in _units(text)} == {"ug/m3"}
