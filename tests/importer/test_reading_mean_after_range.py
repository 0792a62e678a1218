"""read() on invented bulletins that give a measure's range over places and then its mean in a
clause naming nothing ("PM10浓度处于50~78微克/立方米之间,平均为61微克/立方米"): the range is
no figure, but it names what the mean is of; the mean is not the measure of the figure before
the range."""

import pytest

from importer import pipeline
from tests.importer.test_reading_periods_places import one

_AIR = "某省2023年上半年环境空气质量\n上半年,全省PM2.5浓度"


@pytest.mark.parametrize(
    "text, expected",
    [
        # a range between two values, then the mean
        (
            _AIR + "处于27~44微克/立方米之间,平均为34微克/立方米;"
            "PM10浓度处于49~83微克/立方米之间,平均为62微克/立方米。\n",
            {"34": "pm25", "62": "pm10"},
        ),
        # a range said as its span, then the mean value
        (
            "某市2023年声环境质量\n全市昼间区域声环境平均等效声级53.1分贝;"
            "昼间道路交通噪声等效声级范围为62.0-71.4分贝,平均值为70.2分贝。\n",
            {"53.1": "noise-day", "70.2": "noise-traffic-day"},
        ),
        # near miss: the range counts days; the bare mean after it is the concentration's again
        (
            _AIR + "为34微克/立方米,各市超标天数在3~19天之间,平均为33微克/立方米。\n",
            {"34": "pm25", "33": "pm25"},
        ),
    ],
    ids=["between-two-values", "span", "range-in-another-unit"],
)
def test_a_mean_after_a_range_in_its_unit_is_the_ranged_measure(text, expected):
    document = pipeline.read(text)
    assert {value: one(document, value).indicator for value in expected} == expected
