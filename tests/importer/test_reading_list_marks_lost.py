"""read() on a copy that lost the marks between a list's items and between its values.

Some sites strip 、 and , from a page: "PM10PM2.5NO2…平均浓度分别为71μg/m348μg/m3…",
"PM2.5O3浓度分别上升2.6%5.9%PM10NO2浓度分别下降…". Formulas run together are still
one item each, a value right after the last one's unit is a number of its own, and a second
"分别" lists only the items said after the last value, not the first list's.

The bulletins are invented (made-up places, our own sentences and numbers).
"""

from decimal import Decimal

from importer import pipeline


def _read(text):
    document = pipeline.read(text)
    return {f.value: f.indicator for f in document.figures if not f.derived}


def test_formulas_and_values_run_together():
    read = _read(
        "2031年3月青禾区空气质量\n"
        "3月,全区PM10PM2.5NO2O3SO2CO的平均浓度分别为71μg/m348μg/m336μg/m362μg/m36μg/m3"
        "0.9mg/m3。"
    )
    assert read == {
        Decimal("71"): "pm10",
        Decimal("48"): "pm25",
        Decimal("36"): "no2",
        Decimal("62"): "o3",
        Decimal("6"): "so2",
        Decimal("0.9"): "co",
    }


def test_a_second_list_after_the_first_ones_values():
    read = _read(
        "青禾省2031年上半年环境质量\n"
        "与上年同期相比,全省PM2.5O3浓度分别上升2.6%5.9%PM10NO2浓度分别下降3.1%11.4%。"
    )
    assert read == {
        Decimal("2.6"): "pm25",
        Decimal("5.9"): "o3",
        Decimal("-3.1"): "pm10",
        Decimal("-11.4"): "no2",
    }
