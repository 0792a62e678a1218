"""A table a cell a line after a sentence that left a bracket open and points to it ("…(丁区暂
无站点,…见表1"): its caption and header are the table's, not the sentence's; a header cell
stating the units ("(单位:μg/m3CO单位为mg/m3", bracket open) is a note, one pollutant's own unit
among them; a verdict column's cell is no row's label. Invented texts."""

import pytest

from importer import pipeline


def _read(text):
    return [
        (f.value_text, f.unit, f.indicator, f.region.name if f.region else None)
        for f in pipeline.read(text).figures
        if not f.derived
    ]


TABLE = "\n".join(
    [
        "韶溪市各区空气质量排序",
        "",
        "2024年5月,按各区站点数据计算综合指数,韶溪市东湖区、西岭区(南塘区站点在建,暂不参与排序,结果见表1",
        "",
        "韶溪市各区空气质量排序一览表",
        "",
        "排名",
        "",
        "行政区",
        "",
        "站点",
        "",
        "综合指数",
        "",
        "污染物月均值",
        "",
        "(单位:μg/m3CO单位为mg/m3",
        "",
        "PM10",
        "",
        "CO",
        "",
        "1",
        "",
        "东湖区",
        "",
        "湖心站",
        "",
        "2.41",
        "",
        "33",
        "",
        "0.6",
        "",
        "2",
        "",
        "西岭区",
        "",
        "岭上站",
        "",
        "2.87",
        "",
        "41",
        "",
        "0.8",
        "",
        "注:综合指数越小越好。",
    ]
)


@pytest.mark.parametrize("note", ["(单位:μg/m3CO单位为mg/m3", "(单位:μg/m3一氧化碳单位为mg/m3"])
def test_the_table_after_a_bracket_left_open_is_read_under_its_header(note):
    read = _read(TABLE.replace("(单位:μg/m3CO单位为mg/m3", note))
    assert [(value, unit, code) for value, unit, code, _place in read] == [
        ("2.41", "", "air-quality-composite-index"),
        ("33", "μg/m3", "pm10"),
        ("0.6", "mg/m3", "co"),
        ("2.87", "", "air-quality-composite-index"),
        ("41", "μg/m3", "pm10"),
        ("0.8", "mg/m3", "co"),
    ]


BARS = "\n".join(
    [
        "澄江水库水源水质 单位:mg/L",
        "|",
        "序号 |",
        "监测项目 |",
        "标准值 |",
        "实际监测值 |",
        "达标情况 |",
        "|",
        "1 |",
        "氨氮 ≤ |",
        "1.0 |",
        "0.31 |",
        "达标 |",
        "|",
        "2 |",
        "总磷 ≤ |",
        "0.2 |",
        "0.03 |",
        "达标 |",
        "|",
        "3 |",
        "氟化物 ≤ |",
        "1.0 |",
        "0.214 |",
        "达标 |",
    ]
)


def test_a_verdict_cell_is_no_rows_label():
    values = [value for value, _unit, _code, _place in _read(BARS)]
    assert "2" not in values and "3" not in values
    assert {"0.31", "0.03", "0.214"} <= set(values)


def test_rows_named_by_a_verdict_stay_where_no_column_holds_verdicts():
    text = "澜溪市断面达标统计\n\n类别\n\n断面数\n\n比例(%)\n\n达标\n\n18\n\n90.0\n\n不达标\n\n2\n\n10.0\n"
    assert [value for value, _unit, _code, _place in _read(text)] == ["90.0", "10.0"]


def test_a_line_going_on_after_a_comma_is_no_caption_even_ending_in_table():
    text = "2022年,澜溪市PM2.5年均浓度为31微克/立方米,\n同比下降6.1%详见下表\n"
    assert ("6.1", "", "pm25", None) in [(v, "", c, p) for v, _u, c, p in _read(text)]
