"""read() on invented provincial reports: a count of cities said after the places a sentence
names, in a clause of its own ("…乙市持平;14个城市SO2月均浓度下降12.4%", "其余8个城市…"),
is the report's cities, so the figures after it are of the report's place, not of the last
city named."""

import pytest

from importer import pipeline
from tests.importer.test_reading_periods_places import one, region


@pytest.mark.parametrize(
    "counted",
    [
        "14个城市主要污染物中SO2月均浓度同比下降12.4%",
        "全省14个市州所在城市SO2月均浓度同比下降12.4%",
        "其余11个城市优良天数比例均有所下降;SO2月均浓度同比下降12.4%",
    ],
)
def test_a_count_of_cities_after_the_places_named_is_the_reports(counted):
    document = pipeline.read(
        "2023年6月四川省城市环境空气质量状况\n"
        f"2023年6月,攀枝花市、雅安市和巴中市优良天数比例同比上升3.1个百分点,{counted}。\n"
    )
    assert region(one(document, "-12.4")) == "四川省"


def test_a_citys_own_figure_after_a_count_in_its_clause_stays_the_citys():
    # Near miss: the count comes before the city, which names its own figure.
    document = pipeline.read(
        "2023年6月四川省城市环境空气质量状况\n"
        "2023年6月,14个城市中,攀枝花市SO2月均浓度同比下降12.4%。\n"
    )
    assert region(one(document, "-12.4")) == "攀枝花市"
