"""read() on a table the bulletin gives as the standard it applies (its caption names the
table the limits: "…噪声限值", "…浓度标准值"): a standard's limits are no measurements, so such a
table gives no figures, however it is laid out; a table of results beside the limits still
gives its results.

Invented tables (other places, other numbers).
"""

import pytest

from importer import pipeline


def test_a_table_of_noise_limits_by_zone_class_gives_no_figures():
    text = "\n".join(
        [
            "2031年第二季度某市声环境功能区监测结果",
            "一、评价标准",
            "按《声环境质量标准》评价,标准见表1。",
            "表1 各类声环境功能区环境噪声限值 单位:dB(A)",
            "功能区类别 | 昼间 | 夜间 |",
            "1类 | 55 | 45 |",
            "2类 | 60 | 50 |",
            "3类 | 65 | 55 |",
            "二、监测结果",
            "表2 2031年第二季度功能区监测结果 单位:dB(A)",
            "功能区类别 | 昼间 | 夜间 |",
            "1类 | 52.4 | 43.8 |",
            "2类 | 57.1 | 47.9 |",
            "3类 | 61.0 | 52.6 |",
        ]
    )
    values = sorted(str(f.value) for f in pipeline.read(text).figures)
    assert values == sorted(["52.4", "43.8", "57.1", "47.9", "61.0", "52.6"])


def test_a_table_of_concentration_limits_copied_one_cell_per_line_gives_no_figures():
    text = "\n".join(
        [
            "某县2031年5月环境空气质量",
            "本月细颗粒物(PM2.5)平均浓度为28微克/立方米。",
            "附表 环境空气污染物浓度标准值",
            "污染物",
            "年平均",
            "日平均",
            "二氧化硫(μg/m³)",
            "60",
            "150",
            "二氧化氮(μg/m³)",
            "40",
            "80",
            "细颗粒物(μg/m³)",
            "35",
            "75",
        ]
    )
    values = sorted(str(f.value) for f in pipeline.read(text).figures)
    assert values == ["28"]


def test_a_table_of_results_set_beside_the_limits_keeps_its_results():
    # The caption names the limits beside the results: the measured cells are figures.
    text = "\n".join(
        [
            "2031年第二季度某市声环境功能区监测结果",
            "表2 功能区监测结果与标准限值 单位:dB(A)",
            "功能区类别 | 昼间 | 夜间 |",
            "1类 | 52.4 | 43.8 |",
            "2类 | 57.1 | 47.9 |",
        ]
    )
    values = sorted(str(f.value) for f in pipeline.read(text).figures)
    assert values == sorted(["52.4", "43.8", "57.1", "47.9"])


@pytest.mark.parametrize(
    "caption, heading, rows",
    [
        # the measure named first, the limits joined to it
        (
            "表3 各县年均浓度及标准限值 单位:微克/立方米",
            "县 | PM2.5 | PM10 |",
            ["甲县 | 31 | 58 |", "乙县 | 37 | 64 |"],
        ),
        (
            "表2 各功能区等效声级与国家标准限值 单位:dB(A)",
            "功能区类别 | 昼间 | 夜间 |",
            ["1类 | 51.8 | 42.6 |", "2类 | 56.3 | 46.1 |"],
        ),
    ],
)
def test_a_table_of_a_measure_named_with_the_limits_keeps_its_results(caption, heading, rows):
    text = "\n".join(["2031年某市环境质量", caption, heading, *rows])
    measured = [cell.strip() for row in rows for cell in row.split("|")[1:-1]]
    values = sorted(str(f.value) for f in pipeline.read(text).figures)
    assert values == sorted(measured)
