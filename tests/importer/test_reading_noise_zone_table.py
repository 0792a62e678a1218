"""read() on a functional-zone noise table a cell a line, its two-level header flattened.

"测点名称 | 功能区类别 | 标准限值/dB | 统计结果/dB | 达标情况" over "昼间 | 夜间" three times:
the column of classes stands alone, and day and night fall under the limit, the result and
the verdict. The limits are no figures; each result is its station's, day or night, a road's
zone of class 4a too.

The bulletin is invented (made-up places, our own numbers).
"""

from decimal import Decimal

from importer import pipeline

CELLS = [
    "青禾市2031年第一季度功能区声环境监测结果",
    "测点名称", "功能区类别", "标准限值/dB", "统计结果/dB", "达标情况",
    "昼间", "夜间", "昼间", "夜间", "昼间", "夜间",
    "松林小学", "1", "55", "45", "49.2", "41.7", "达标", "达标",
    "河滨花园", "2", "60", "50", "56.3", "52.8", "达标", "超标",
    "东郊园区", "3", "65", "55", "58.9", "47.5", "达标", "达标",
    "北站广场", "2", "60", "50", "57.1", "49.6", "达标", "达标",
    "西湖公园", "1", "55", "45", "51.8", "46.2", "达标", "超标",
    "环城北路", "4a", "70", "55", "66.4", "57.3", "达标", "超标",
]  # fmt: skip
TEXT = "青禾市2031年第一季度声环境质量报告\n\n" + "\n\n".join(CELLS)


def test_each_station_keeps_its_day_and_night_results():
    values = [f.value for f in pipeline.read(TEXT).figures if not f.derived]
    for result in (
        "49.2",
        "41.7",
        "56.3",
        "52.8",
        "58.9",
        "47.5",
        "57.1",
        "51.8",
        "46.2",
        "66.4",
        "57.3",
    ):
        assert Decimal(result) in values
    # the classes and the limits are no measured figures
    for not_read in ("1", "2", "3", "55", "45", "60", "65"):
        assert Decimal(not_read) not in values


def test_a_short_table_ending_in_verdicts_keeps_its_last_row():
    # Three rows, the text ending on the last row's verdicts ("达标", "达标"): those cells are
    # the table's, not a headline repeated under the article.
    short = "\n\n".join(TEXT.split("\n\n")[: 2 + 11 + 3 * 8])
    values = [f.value for f in pipeline.read(short).figures if not f.derived]
    for result in ("49.2", "41.7", "56.3", "52.8", "58.9", "47.5"):
        assert Decimal(result) in values


def test_a_station_names_no_new_measure():
    proposed = {f.proposed[0] for f in pipeline.read(TEXT).figures if f.proposed}
    assert proposed and not any("松林小学" in name or "河滨花园" in name for name in proposed)


def test_a_row_naming_a_pollutant_is_no_site():
    text = (
        "青禾市2031年主要污染物浓度\n\n"
        "项目 | 2030年 | 2031年 |\n"
        "细颗粒物 | 35 | 31 |\n"
        "可吸入颗粒物 | 62 | 58 |\n"
        "二氧化氮 | 27 | 25 |\n"
    )
    codes = {f.value: f.indicator for f in pipeline.read(text).figures}
    assert codes[Decimal("31")] == "pm25"
    assert codes[Decimal("58")] == "pm10"
