"""read() on invented provincial notes naming the province's own parts without 地区.

Provincial bulletins report on their parts by names everyone there knows and no gazetteer
holds as divisions: 北疆 and 南疆, 苏南 and 苏北, 关中 and 陕南. A figure said of one is that
part's, not the province's.

The texts are invented (the parts are real, the values are not).
"""

from decimal import Decimal

import pytest

from importer import pipeline


@pytest.mark.parametrize(
    "text, value, place",
    [
        ("2031年8月,北疆城市优良天数比例为96.2%,同比上升4.0个百分点。", "96.2", "北疆"),
        ("2031年上半年,关中地区PM2.5平均浓度为49微克/立方米,陕南为31微克/立方米。", "31", "陕南"),
        ("2031年,苏北五市优良天数比例平均为80.4%。", "80.4", "苏北"),
    ],
)
def test_a_part_of_the_province_is_the_figures_place(text, value, place):
    figure = next(f for f in pipeline.read(text).figures if f.value == Decimal(value))
    assert figure.region is not None and figure.region.name == place
