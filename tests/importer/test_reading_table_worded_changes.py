"""read() on invented tables whose changes are written in words.

A row of changes against the same time last year ("同比", "与上年同期相比") or a column of
them often gives each change its sign in a word and its unit in the cell: "减少2天",
"下降1.1个百分点", "上升3.3%", and "持平" for none. Each is a change of its column's measure,
its sign the word's; "持平" beside such changes is a change of 0. A column of trends in words
alone ("上升", "持平") gives no figure. A column of a share in percent (占…百分比) is in
percent, not in the days it counts.

The tables are invented (the places are real divisions, the values are not).
"""

from datetime import date

import pytest

from importer import pipeline

HEADER = (
    "名称",
    "优良天数",
    "优良天数所占百分比",
    "PM10均值(μg/m³)",
    "PM2.5均值(μg/m³)",
    "综合指数",
)
ROWS = (
    ("2024年上半年", "158", "87.8", "52", "30", "3.42"),
    ("2025年上半年", "156", "86.7", "49", "31", "3.42"),
    ("与上年同期相比", "减少2天", "下降1.1个百分点", "下降5.8%", "上升3.3%", "持平"),
)
# (value, unit, indicator) of each cell of the row of changes.
CHANGES = {
    ("-2", "day", "air-good-days"),
    ("-1.1", "pp", "air-good-days-ratio"),
    ("-5.8", "percent", "pm10"),
    ("3.3", "percent", "pm25"),
    ("0", "index", "air-quality-composite-index"),
}


def lines(layout, rows):
    """``rows`` (header first) as an editor's paste gives them in ``layout``."""
    if layout == "markdown":
        return ["| " + " | ".join(row) + " |" for row in rows]
    if layout == "tabs":
        return ["\t".join(row) for row in rows]
    if layout == "bars-inside":
        return [" | ".join(row) for row in rows]
    if layout == "cell-per-line-ends":
        return [line for row in rows for line in [f"{cell} |" for cell in row] + ["||||"]]
    return [cell for row in rows for cell in row]  # one cell per line


LAYOUTS = ("markdown", "tabs", "cell-per-line-ends", "cell-per-line")


def _half_year(layout):
    return "\n".join(
        [
            "山阳县2025年上半年环境质量状况",
            "一、环境空气质量",
            "上半年县城区环境空气自动站连续监测,结果如下表:",
            *lines(layout, (HEADER, *ROWS)),
            "二、声环境质量",
        ]
    )


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_row_of_changes_written_in_words(layout):
    document = pipeline.read(_half_year(layout))
    changes = {
        (str(f.value), f.unit_code, f.indicator) for f in document.figures if f.kind == "change"
    }
    assert changes == CHANGES
    for figure in document.figures:
        if figure.kind == "change":
            assert (figure.period_start, figure.period_end) == (date(2025, 1, 1), date(2025, 6, 30))


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_share_named_a_percentage_is_in_percent(layout):
    document = pipeline.read(_half_year(layout))
    shares = {
        str(f.value): (f.unit_code, f.indicator)
        for f in document.figures
        if f.kind == "level" and str(f.value) in ("87.8", "86.7")
    }
    assert shares == {
        "87.8": ("percent", "air-good-days-ratio"),
        "86.7": ("percent", "air-good-days-ratio"),
    }


def test_a_column_of_changes_written_in_words():
    text = "\n".join(
        [
            "宝鸡市2025年5月各县区环境空气质量",
            "表1 2025年5月各县区PM2.5浓度",
            "| 县区 | PM2.5浓度(μg/m³) | 同比变化 |",
            "| 陈仓区 | 28 | 下降9.7% |",
            "| 凤翔区 | 31 | 持平 |",
            "| 岐山县 | 30 | 上升3.4% |",
        ]
    )
    document = pipeline.read(text)
    changes = {
        (f.region.name, str(f.value), f.unit_code, f.indicator)
        for f in document.figures
        if f.kind == "change"
    }
    assert changes == {
        ("陈仓区", "-9.7", "percent", "pm25"),
        ("凤翔区", "0", "percent", "pm25"),
        ("岐山县", "3.4", "percent", "pm25"),
    }


def test_trends_in_words_alone_are_no_figures():
    # A near miss: "上升", "持平" under 变化趋势 say which way, not by how much.
    text = "\n".join(
        [
            "宝鸡市2025年5月各县区环境空气质量",
            "表1 2025年5月各县区PM2.5浓度",
            "| 县区 | PM2.5浓度(μg/m³) | 变化趋势 |",
            "| 陈仓区 | 28 | 下降 |",
            "| 凤翔区 | 31 | 持平 |",
            "| 岐山县 | 30 | 上升 |",
        ]
    )
    document = pipeline.read(text)
    assert {str(f.value) for f in document.figures} == {"28", "31", "30"}
    assert all(f.kind == "level" for f in document.figures)


def test_a_column_of_improvement_is_a_fall_of_a_concentration_and_a_rise_of_a_share():
    document = pipeline.read(
        "2024年9月各市环境空气质量状况\n"
        "城市 | 细颗粒物平均浓度(微克/立方米) | 细颗粒物改善率(%) | 优良天数比例(%) | 优良天数比例改善率(%)\n"
        "合肥市 | 28 | 12.5 | 86.7 | 3.3\n"
        "芜湖市 | 25 | -4.2 | 90.0 | -2.1\n"
    )
    changes = sorted(
        (f.region.name, f.indicator, str(f.value))
        for f in document.figures
        if f.kind == "change" and not f.derived
    )
    assert changes == [
        ("合肥市", "air-good-days-ratio", "3.3"),
        ("合肥市", "pm25", "-12.5"),  # improved by 12.5%: fell
        ("芜湖市", "air-good-days-ratio", "-2.1"),
        ("芜湖市", "pm25", "4.2"),  # "improved" by -4.2%: rose
    ]
