"""read() on a table a cell a line whose header a copy broke or cut.

"AQI" / "优良率(%)" is one column's name wrapped in a narrow cell, and a month whose 月 the copy
lost ("6" beside "1-6月累计") is still the month over its columns: each row's values fall
under the composite index, the good days' share and PM2.5, for June and for January to June.

The bulletin is invented (made-up places, our own numbers).
"""

from datetime import date
from decimal import Decimal

from importer import pipeline

CELLS = [
    "表1 6月份单月和累计各地空气质量",
    "项目", "6", "1-6月累计",
    "综合指数", "AQI", "优良率(%)", "PM2.5浓度(微克/立方米)",
    "综合指数", "AQI", "优良率(%)", "PM2.5浓度(微克/立方米)",
    "全市", "2.71", "88.3", "18", "3.52", "93.4", "27",
    "南湖区", "2.95", "80.0", "21", "3.80", "90.6", "31",
    "北塘区", "2.60", "93.3", "16", "3.37", "95.0", "25",
]  # fmt: skip
TEXT = "青禾市环境质量月报(2031年6月)\n\n" + "\n\n".join(CELLS)


def _read():
    return {
        (f.indicator, f.value, f.period_start): f
        for f in pipeline.read(TEXT).figures
        if f.region and f.region.name == "南湖区"
    }


def test_each_column_keeps_its_measure_and_month():
    read = _read()
    june, first_half = date(2031, 6, 1), date(2031, 1, 1)
    assert ("air-quality-composite-index", Decimal("2.95"), june) in read
    assert ("air-good-days-ratio", Decimal("80.0"), june) in read
    assert ("pm25", Decimal("21"), june) in read
    assert ("air-quality-composite-index", Decimal("3.80"), first_half) in read
    assert ("air-good-days-ratio", Decimal("90.6"), first_half) in read
    assert ("pm25", Decimal("31"), first_half) in read


def test_an_aqi_column_beside_the_good_days_share_stays_its_own():
    cells = [
        "2031年6月各区空气质量", "区县", "AQI", "优良天数比例(%)", "PM2.5(μg/m3)",
        "历城区", "62", "90.1", "30",
        "槐荫区", "71", "83.3", "35",
        "天桥区", "66", "86.7", "33",
    ]  # fmt: skip
    text = "青禾市2031年6月空气质量\n\n" + "\n\n".join(cells)
    values = {f.value for f in pipeline.read(text).figures}
    assert {Decimal("62"), Decimal("90.1"), Decimal("30")} <= values
