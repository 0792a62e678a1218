"""A table a cell a line after a sentence that left a bracket open and points to it ("…(丁区暂
无站点,…见表1"): its caption and header are the table's, not the sentence's; a header cell
stating the units ("(单位:μg/m3CO单位为mg/m3", bracket open) is a note, one pollutant's own unit
among them; a verdict column's cell is no row's label. Invented texts."""

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


def test_the_table_after_a_bracket_left_open_is_read_under_its_header():
    read = _read(TABLE)
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
