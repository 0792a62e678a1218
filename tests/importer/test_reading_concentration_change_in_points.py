"""read() on a pollutant's concentration whose change a bulletin writes in 个百分点.

A concentration moves in percent, but writers slip into 个百分点 beside shares that do
("优良天数比例…同比上升1.2个百分点;PM10平均浓度同比上升2.9个百分点"). The change is still the
pollutant's, in the unit as written: not the good-days share the sentence named first, and not
a new measure. A share's change in points keeps the share, and a noise level's change in points
stays refused as before (a share of something else, never the level).

The bulletins are invented (made-up places, our own sentences and numbers).
"""

from decimal import Decimal

import pytest

from importer import pipeline


def filed(document, value):
    found = [f for f in document.figures if f.value == Decimal(value) and not f.derived]
    assert len(found) == 1, (value, [(str(f.value), f.unit, f.quote) for f in document.figures])
    return found[0].indicator, found[0].kind, found[0].unit


CASES = (
    # changes after a share, in one sentence
    (
        "青禾市2031年环境状况公报\n"
        "2031年,全市环境空气质量优良天数比例为83.6%,同比上升2.3个百分点;可吸入颗粒物(PM10)"
        "年均浓度同比上升3.7个百分点;细颗粒物(PM2.5)年均浓度同比下降6.1个百分点;二氧化氮(NO2)"
        "年均浓度同比上升12.4个百分点。",
        {"2.3": "air-good-days-ratio", "3.7": "pm10", "-6.1": "pm25", "12.4": "no2"},
    ),
    # a change right after the level
    (
        "云栖县2031年环境状况\n"
        "扣除沙尘影响后,全县细颗粒物平均浓度为36微克/立方米,同比下降9.2个百分点;"
        "可吸入颗粒物平均浓度为71微克/立方米,同比下降4.4个百分点。",
        {"-9.2": "pm25", "-4.4": "pm10"},
    ),
    # shares and noise in points keep their measures
    (
        "云栖县2031年环境状况\n"
        "全县PM2.5年均浓度为33微克/立方米,优良天数比例为88.1%,同比上升1.7个百分点。"
        "城市区域声环境昼间等效声级为53.2分贝,功能区夜间达标率同比上升4.5个百分点。",
        {"1.7": "air-good-days-ratio", "4.5": "noise-functional-compliance-night"},
    ),
    # the ozone clause says no level: its change in points is no change of PM2.5
    (
        "青禾市2031年9月空气质量\n"
        "9月,青禾市PM2.5浓度为41微克/立方米,同比上升7.9%;O3未出现超标,同比下降3.8个百分点。",
        {"-3.8": None},
    ),
)


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_changes_in_points(text, expected):
    document = pipeline.read(text)
    for value, code in expected.items():
        assert filed(document, value) == (code, "change", "个百分点"), value
