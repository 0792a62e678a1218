"""read() on invented provincial bulletins: a group of cities named by a stem, 区域 and the count
of its cities ("成德眉资区域4个城市") is a grouping of its own, written …地区 (as 长三角区域25个
城市 is 长三角地区); a word that names no group ("其他区域8个城市") is none."""

import pytest

from importer import pipeline
from tests.importer.test_reading_periods_places import one, region


@pytest.mark.parametrize(
    ("group", "name"),
    [
        ("成德眉资区域4个城市", "成德眉资地区"),
        ("苏锡常区域3个地级城市", "苏锡常地区"),
    ],
)
def test_a_stem_and_its_count_of_cities_names_a_grouping(group, name):
    document = pipeline.read(
        "2023年6月四川省环境空气质量状况\n"
        f"2023年6月,全省平均优良天数比例为88.2%。{group}平均优良天数比例为90.1%,"
        "同比上升2.6个百分点。\n"
    )
    assert region(one(document, "88.2")) == "四川省"
    assert region(one(document, "90.1")) == name
    assert region(one(document, "2.6")) == name


def test_other_cities_counted_so_are_no_grouping():
    document = pipeline.read(
        "2023年6月四川省环境空气质量状况\n"
        "2023年6月,全省平均优良天数比例为88.2%。其他区域8个城市平均优良天数比例为85.3%。\n"
    )
    assert region(one(document, "85.3")) == "四川省"
