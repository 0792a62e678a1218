"""read() on invented tables whose line breaks were lost: the header and every row on one line.

A table copied out of a PDF or some web pages can arrive with its rows run on, its cells apart
by single spaces only: a header of k names (after the heading of the row labels), then each
row's label followed by its k numbers ("区县 SO2 NO2 PM10 甲县 7 18 44 乙县 …"). The line is
read as the table it is: each number a figure of its row's place and its column's measure.
A line of words and numbers spaced like prose, whose words between the numbers are no labels
of rows, stays prose.

The tables are invented (the places and the values alike).
"""

from datetime import date
from decimal import Decimal

from importer import pipeline


def _read(*lines):
    return pipeline.read("\n".join(lines))


def _cells(document):
    """(station or county, indicator, value, unit) of each figure read, the place by its name."""
    return {
        (
            (f.qualifier or (f.region.name if f.region else ""))[-3:],
            f.indicator,
            f.value,
            f.unit_code,
        )
        for f in document.figures
        if not f.derived
    }


def _grid(columns, rows):
    """(row label, indicator, value, unit) of each cell of the rows, under the columns."""
    return {
        (label, code, Decimal(value), unit)
        for label, *values in rows
        for (code, unit), value in zip(columns, values, strict=True)
    }


UG, MG = "ug/m3", "mg/m3"


def test_counties_as_rows_run_on_one_line():
    document = _read(
        "桐溪市2023年环境空气质量状况",
        "",
        "2023年，桐溪市环境空气质量稳中向好，各县区浓度见表1。",
        "",
        "表1 2023年桐溪市各县区主要污染物浓度",
        "县区 SO2(μg/m³) NO2(μg/m³) PM10(μg/m³) CO(mg/m³) 岚塘县 7 18 44 0.8 "
        "枫渚区 9 24 51 1.1 雁坪县 6 15 39 0.7",
    )
    columns = (("so2", UG), ("no2", UG), ("pm10", UG), ("co", MG))
    rows = (
        ("岚塘县", 7, 18, 44, "0.8"),
        ("枫渚区", 9, 24, 51, "1.1"),
        ("雁坪县", 6, 15, 39, "0.7"),
    )
    assert _grid(columns, rows) <= _cells(document)
    assert all(f.period_start == date(2023, 1, 1) for f in document.figures)


def test_measures_as_rows_with_their_units_run_on_one_line():
    # The table turned round: stations as columns, each measure a row with its unit after its
    # name; the caption run onto the same line before the header.
    document = _read(
        "梓岭市2022年环境空气质量状况",
        "",
        "2022年，梓岭市各监测点位浓度见下表。",
        "",
        "表2 2022年梓岭市各监测点位主要污染物浓度 项目 单位 柏源站 萍滩站 澄冈站 "
        "PM2.5 μg/m³ 31 27 35 O3 μg/m³ 142 150 137 优良天数比例 % 88.2 91.5 85.6",
    )
    columns = (("pm25", UG), ("o3", UG), ("air-good-days-ratio", "percent"))
    rows = (
        ("柏源站", 31, 142, "88.2"),
        ("萍滩站", 27, 150, "91.5"),
        ("澄冈站", 35, 137, "85.6"),
    )
    assert _grid(columns, rows) <= _cells(document)


def test_prose_spaced_out_with_numbers_is_no_table():
    # A near miss: words and numbers apart by spaces, but several words between the numbers
    # and each number with its unit: sentences without their marks, read as prose.
    document = _read(
        "芦桥市2024年生态环境状况",
        "",
        "全年优良天数 318 天 细颗粒物平均浓度 29 微克/立方米 可吸入颗粒物平均浓度 47 "
        "微克/立方米 达标断面 12 个",
    )
    values = {(f.indicator, f.value, f.unit_code) for f in document.figures}
    assert ("pm25", Decimal("29"), "ug/m3") in values
    assert ("pm10", Decimal("47"), "ug/m3") in values
