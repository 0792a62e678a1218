"""read() on a city ranking table: "城市 | 综合指数 | 最大单项指数 | 首要污染物 | 同比增幅(%)".

The change column names only a comparison ("同比增幅"); between it and the composite index
stand the largest single index and its pollutant, which describe the index, so the change is
the composite index's.

The bulletin is invented (made-up numbers).
"""

from decimal import Decimal

from importer import pipeline

TEXT = """2031年1~12月某省城市环境空气质量排名

排名 | 城市 | 综合指数 | 最大单项指数 | 首要污染物 | 同比增幅(%) |
1 | 十堰 | 3.02 | 0.81 | O3 | -6.4 |
2 | 随州 | 3.47 | 0.93 | PM2.5 | 2.9 |
3 | 咸宁 | 3.55 | 0.97 | PM2.5 | -1.1 |
"""


def test_the_change_is_the_composite_index():
    changes = {
        f.region.name: (f.indicator, f.value)
        for f in pipeline.read(TEXT).figures
        if f.kind == "change" and f.region
    }
    assert changes["十堰市"] == ("air-quality-composite-index", Decimal("-6.4"))
    assert changes["随州市"] == ("air-quality-composite-index", Decimal("2.9"))
