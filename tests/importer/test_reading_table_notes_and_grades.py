"""read() on invented station tables whose units a note under a later table gives, and whose
columns of days are named by their grade alone.

A bulletin often sets the standards' limits right under its table of measured values, and the
note stating the units ("注:CO单位为mg/m³,其余为μg/m³") under both: the note is of each table
of that run, and the limits stay no figures. A paragraph between two tables ends the run. A
column "优(天)" counts the days of excellent air; "良(天)" those of good air, which the
catalogue does not name; "优(个)" counts something else.

The tables are invented (the places are real divisions, the values are not).
"""

import pytest
from test_reading_table_worded_changes import lines

from importer import pipeline

HEADER = ("点位", "SO2", "NO2", "CO", "PM2.5", "优(天)", "良(天)", "优良率(%)")
ROWS = (
    ("城北站", "8", "21", "1.1", "33", "141", "190", "90.7"),
    ("开发区站", "10", "25", "1.3", "37", "122", "201", "88.5"),
    ("全市", "9", "23", "1.2", "35", "132", "196", "89.9"),
)
LIMITS = (
    ("二级标准", "60", "40", "4", "35"),
    ("一级标准", "20", "40", "4", "15"),
)
NOTES = {
    "except-co": "注:CO单位为mg/m³,其余项目单位为μg/m³,优、良单位为天。",
    "co-and-the-rest": "注:除CO为mg/m³外,其余均为μg/m³。",
}


def _text(layout, note, between=""):
    return "\n".join(
        [
            "丽水市2025年环境空气质量状况",
            "表1 2025年各点位环境空气质量",
            *lines(layout, (HEADER, *ROWS)),
            *([between] if between else []),
            *lines(layout, (("标准", "SO2", "NO2", "CO", "PM2.5"), *LIMITS)),
            NOTES[note],
        ]
    )


@pytest.mark.parametrize("layout", ["markdown", "tabs", "bars-inside"])
@pytest.mark.parametrize("note", sorted(NOTES))
def test_a_note_under_the_limits_is_of_the_table_above_them(note, layout):
    document = pipeline.read(_text(layout, note))
    concentrations = {
        (f.indicator, str(f.value), f.unit_code)
        for f in document.figures
        if f.indicator in ("so2", "no2", "co", "pm25")
    }
    for label, so2, _no2, co, pm25, *_days in ROWS:
        assert ("so2", so2, "ug/m3") in concentrations, label
        assert ("co", co, "mg/m3") in concentrations, label
        assert ("pm25", pm25, "ug/m3") in concentrations, label
    # The limits are no figures: 60 and 4 stand in no measured row.
    assert not {str(f.value) for f in document.figures} & {"60", "4", "20"}


def test_a_paragraph_between_the_tables_ends_the_run():
    # A near miss: the note is of the limits' table alone when a sentence stands between.
    between = "各点位二氧化硫、二氧化氮均达到一级标准。"
    document = pipeline.read(_text("markdown", "except-co", between))
    table = [f for f in document.figures if f.quote.startswith("| ")]
    assert not [f for f in table if f.unit_code in ("ug/m3", "mg/m3")]


@pytest.mark.parametrize("layout", ["markdown", "cell-per-line-ends"])
def test_columns_of_days_named_by_their_grade(layout):
    document = pipeline.read(_text(layout, "except-co"))
    days = {
        str(f.value): (f.unit_code, f.indicator) for f in document.figures if f.unit_code == "day"
    }
    for _label, *cells in ROWS:
        assert days[cells[4]] == ("day", "air-excellent-days")
        assert days[cells[5]] == ("day", None)


def test_a_grade_counting_other_things_is_no_count_of_days():
    # A near miss: stations at a grade ("优(个)") are no excellent days.
    text = "\n".join(
        [
            "丽水市2025年4月城市声环境质量",
            "表2 各区功能区测点评价结果",
            "| 区 | 测点数(个) | 优(个) | 达标率(%) |",
            "| 莲都区 | 12 | 7 | 91.7 |",
            "| 龙泉市 | 9 | 5 | 88.9 |",
        ]
    )
    document = pipeline.read(text)
    assert not [f for f in document.figures if f.indicator == "air-excellent-days"]


# A caption giving one unit to the whole table, a note making CO the exception.
CAPTIONED = "表3 2025年5月各点位监测结果(单位:μg/m³)"
STATIONS = (
    ("点位", "SO2", "NO2", "CO", "O3-8h", "评价"),
    ("城北站", "7", "19", "0.7", "148", "二级"),
    ("南明站", "9", "24", "0.9", "163", "超二级"),
)
LONG_NOTE = "注:1、南明站为对照点,不参与评价; 2、O3-8h为日最大8小时平均第90百分位数; 3、CO单位为mg/m³,其余项目单位为μg/m³。"


def _units(document):
    return {(f.indicator, str(f.value)): f.unit_code for f in document.figures}


def test_a_note_in_a_cell_at_the_tables_foot_makes_co_the_exception_to_the_caption():
    rows = [*STATIONS, ("二级标准", "150", "80", "4", "160", LONG_NOTE)]
    text = "\n".join(["丽水市2025年5月环境空气质量", CAPTIONED, *lines("markdown", rows)])
    units = _units(pipeline.read(text))
    assert units[("co", "0.7")] == units[("co", "0.9")] == "mg/m3"
    assert units[("so2", "7")] == units[("o3", "163")] == "ug/m3"


@pytest.mark.parametrize("note", sorted(NOTES))
def test_a_note_under_the_table_makes_co_the_exception_to_the_caption(note):
    text = "\n".join(
        ["丽水市2025年5月环境空气质量", CAPTIONED, *lines("tabs", STATIONS), NOTES[note]]
    )
    units = _units(pipeline.read(text))
    assert units[("co", "0.7")] == "mg/m3"
    assert units[("no2", "24")] == "ug/m3"


def test_a_note_naming_no_exception_leaves_the_captions_unit():
    # A near miss: a note of other things in the foot's cell gives no column another unit.
    rows = [*STATIONS, ("二级标准", "150", "80", "4", "160", "注:南明站为对照点,不参与评价。")]
    text = "\n".join(["丽水市2025年5月环境空气质量", CAPTIONED, *lines("markdown", rows)])
    units = _units(pipeline.read(text))
    assert units[("so2", "9")] == "ug/m3"
    assert "mg/m3" not in units.values()
