"""read() on invented bulletins: "全省/全市" as the average a place is compared with ("低于全省
平均水平0.4个百分点", "高于全市均值") is the benchmark, not where the figure is: the figure, and
those after it in the sentence, stay of the place named before."""

import pytest

from importer import pipeline
from tests.importer.test_reading_periods_places import one, region


@pytest.mark.parametrize(
    "compared",
    ["低于全省平均水平0.4个百分点", "比全省均值低0.4个百分点", "高于全省平均值0.4个百分点"],
)
def test_the_average_compared_with_is_not_the_place_of_the_figures(compared):
    document = pipeline.read(
        "2023年6月四川省环境空气质量状况\n"
        f"2023年6月,攀枝花市优良天数比例为90.1%,{compared},同比上升2.6个百分点。\n"
    )
    assert region(one(document, "90.1")) == "攀枝花市"
    assert region(one(document, "2.6")) == "攀枝花市"


def test_the_provinces_own_average_after_the_place_is_the_provinces():
    # Near miss: 全省 as the subject of its own figure.
    document = pipeline.read(
        "2023年6月四川省环境空气质量状况\n"
        "2023年6月,攀枝花市优良天数比例为90.1%,全省平均优良天数比例为88.2%。\n"
    )
    assert region(one(document, "88.2")) == "四川省"
