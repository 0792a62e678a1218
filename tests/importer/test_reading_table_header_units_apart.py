"""read() on an invented county table pasted one cell a line whose header cells the copy broke:
a pollutant's name in two ("二氧" / "化硫"), each column's unit on a line of its own in brackets
("(微克/立方米)"), a bracket after the row labels' heading ("城市" / "(或具体点位)"), and a long
name with its bracketed formula before its unit ("可吸入颗粒物(PM10)" / "(微克/立方米)"). Each
column keeps its own pollutant and unit.

And in prose, a concentration's change written in points ("同比下降9.1个百分点") is a change
of that concentration, as its writer meant a percent.

The table and sentences are invented (the counties are real divisions, the values are not).
"""

from decimal import Decimal

from importer import pipeline

HEADER = [
    "表1  2031年雅安市主要污染物年均浓度",
    "城市",
    "(或具体点位)",
    *["二氧", "化硫", "(微克/立方米)"],
    *["一氧", "化碳", "(毫克/立方米)"],
    *["可吸入颗粒物(PM10)", "(微克/立方米)"],
    "环境空气质量综合指数",
]
ROWS = [
    *["汉源县", "6.1", "0.7", "30.4", "2.31"],
    *["石棉县", "8.8", "0.9", "27.5", "2.12"],
    *["天全县", "7.7", "0.6", "33.0", "2.48"],
]


def _filed(text):
    return {
        (f.region.name if f.region else None, f.value): (f.indicator, f.unit, f.kind)
        for f in pipeline.read(text).figures
        if not f.derived
    }


def test_each_column_keeps_its_pollutant_and_unit():
    filed = _filed("\n\n".join([*HEADER, *ROWS]))
    assert filed[("汉源县", Decimal("6.1"))][:2] == ("so2", "微克/立方米")
    assert filed[("石棉县", Decimal("0.9"))][:2] == ("co", "毫克/立方米")
    assert filed[("天全县", Decimal("33.0"))][:2] == ("pm10", "微克/立方米")
    assert filed[("天全县", Decimal("2.48"))][0] == "air-quality-composite-index"


def test_a_concentrations_change_in_points_is_its_change():
    filed = _filed(
        "雅安市生态环境局\n2031年,全市可吸入颗粒物(PM10)为35.2微克/立方米,同比下降8.3个百分点;"
        "优良天数比例为95.1%,同比上升2.2个百分点。"
    )
    assert filed[("雅安市", Decimal("-8.3"))] == ("pm10", "个百分点", "change")
    assert filed[("雅安市", Decimal("2.2"))] == ("air-good-days-ratio", "个百分点", "change")
