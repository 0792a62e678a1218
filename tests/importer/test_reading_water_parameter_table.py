"""read() on invented drinking-water parameter tables pasted one cell a line with a bar line
between cells, as waterworks publish them: a row per parameter, a column per source, a column
of units headed "单 位" after the values, sometimes a column of the standard's limits first.

What such a copy does to a table, each of which once cut the table short or shifted it:
  * a count above the method's range (">1600") is a cell of numbers, though no figure;
  * a numbered row of words ("6 | 臭和味 | 无 | 无 | —") between rows of numbers is a row;
  * the limits' cells ("6—9", "≥5") hold their column under a header naming the standard;
  * the header of two levels flattened ("项目 | 月平均值 | 单 位 | 甲水厂 | 乙水厂") names the
    units' column and the sources' columns under the upper level;
  * the row labels' heading written over two lines ("样品名称" / "项 目") is no upper level;
  * a unit the catalogue's units lack in the units' column ("度") does not void the column,
    and a label's bracket that is no unit ("(以N计)") still takes the row's unit.

The tables are invented: the sources, values and rows are not any waterworks'.
"""

from decimal import Decimal

from importer import pipeline


def _cells(*cells):
    return "\n|\n".join(cells)


MONTHLY = "\n".join(
    [
        "2031年4月出厂前原水水质监测数据",
        _cells(
            "序号",
            "项目",
            "月平均值",
            "单 位",
            "东江水厂",
            "西山水厂",
            "1",
            "总大肠菌群",
            ">1600",
            ">1600",
            "MPN/100mL",
            "2",
            "菌落总数",
            "310",
            "275",
            "CFU/mL",
            "3",
            "浑浊度",
            "12.4",
            "20.8",
            "NTU",
            "4",
            "臭和味",
            "无",
            "无",
            "—",
            "5",
            "肉眼可见物",
            "无",
            "微量",
            "—",
            "6",
            "氨氮(以N计)",
            "0.21",
            "0.35",
            "mg/L",
            "7",
            "色度",
            "25",
            "30",
            "度",
        ),
        "以上数据由东江水厂、西山水厂提供。",
    ]
)

STANDARD = "\n".join(
    [
        "2031年4月水源水常规检测数据",
        _cells(
            "序号",
            "样品名称\n项 目",
            "GB 3838-2002Ⅲ类水限值",
            "东江原水",
            "西山原水",
            "单 位",
            "1",
            "pH值",
            "6—9",
            "7.41",
            "7.66",
            "",
            "2",
            "溶解氧",
            "≥5",
            "7.02",
            "6.48",
            "mg/L",
            "3",
            "高锰酸盐指数",
            "6",
            "2.95",
            "3.60",
            "mg/L",
            "4",
            "总磷(以P计)",
            "0.2",
            "0.07",
            "0.11",
            "mg/L",
            "5",
            "铜",
            "1.0",
            "<0.1",
            "<0.1",
            "mg/L",
        ),
    ]
)


def _by_row(text):
    out = {}
    for f in pipeline.read(text).figures:
        out.setdefault(f.value, []).append((f.unit, " ".join(r for r in f.reasons if "表格" in r)))
    return out


def test_every_source_of_every_parameter_row_is_read_with_the_rows_unit():
    rows = _by_row(MONTHLY)
    assert [unit for unit, _ in rows[Decimal("310")]] == ["CFU/mL"]
    assert [unit for unit, _ in rows[Decimal("20.8")]] == ["NTU"]
    # past the rows of words, with the unit its bracket does not give
    assert [unit for unit, _ in rows[Decimal("0.35")]] == ["mg/L"]
    assert "东江水厂" in rows[Decimal("0.21")][0][1]
    assert "西山水厂" in rows[Decimal("0.35")][0][1]


def test_a_count_beyond_the_method_and_a_row_of_words_are_no_figures():
    values = {f.value for f in pipeline.read(MONTHLY).figures}
    assert Decimal("1600") not in values
    assert not any(f.quote.count("臭和味") for f in pipeline.read(MONTHLY).figures)


def test_limits_hold_their_column_and_the_sources_keep_theirs():
    rows = _by_row(STANDARD)
    assert [unit for unit, _ in rows[Decimal("6.48")]] == ["mg/L"]
    assert "西山原水" in rows[Decimal("6.48")][0][1]
    assert "东江原水" in rows[Decimal("2.95")][0][1]
    assert "西山原水" in rows[Decimal("0.11")][0][1]
    assert Decimal("7.41") in rows


def test_a_heading_of_sources_then_measures_keeps_each_column():
    # no units column here: the measures name the columns from the first
    text = "\n".join(
        [
            "2031年第二季度饮用水水源地水质",
            "表2 水源地水质监测结果(单位:mg/L)",
            *["水源地名称", "溶解氧", "高锰酸盐指数", "氨氮", "总磷", "水质类别", "备注"],
            *["东湖取水口", "7.3", "2.4", "0.12", "0.05", "Ⅱ", "—"],
            *["西山水库", "8.4", "1.6", "0.08", "0.02", "Ⅱ", "枯水期"],
            *["北河取水口", "6.6", "3.3", "0.25", "0.06", "Ⅲ", "—"],
        ]
    )
    rows = _by_row(text)
    assert "溶解氧" in rows[Decimal("7.3")][0][1]
    assert "高锰酸盐指数" in rows[Decimal("2.4")][0][1]
    assert "氨氮" in rows[Decimal("0.12")][0][1]


def test_a_heading_named_单位_over_companies_is_no_units_column():
    text = "\n".join(
        [
            "2031年重点排污单位废气监测结果",
            *["单位", "二氧化硫排放浓度(mg/m³)", "氮氧化物排放浓度(mg/m³)", "达标情况"],
            *["甲化工有限公司", "22", "84", "达标"],
            *["乙热电有限公司", "35", "97", "达标"],
            *["丙水泥有限公司", "16", "115", "达标"],
        ]
    )
    rows = _by_row(text)
    assert "二氧化硫" in rows[Decimal("22")][0][1]
    assert "氮氧化物" in rows[Decimal("97")][0][1]
