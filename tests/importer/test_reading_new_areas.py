"""read() on a ranking that lists a national new area beside the cities.

A national new area (西咸新区, 两江新区…) is no division of GB/T 2260: its figures are those of
the city that administers it, the area named in the reasons, not a region to propose.

The bulletin is invented (our own sentences and numbers).
"""

from decimal import Decimal

from importer import pipeline


def test_a_new_area_is_its_city():
    document = pipeline.read(
        "2031年陕西省空气质量考核结果\n"
        "2031年,宝鸡市优良天数281天;西咸新区优良天数253天,PM2.5浓度为58微克/立方米。"
    )
    by_value = {f.value: f for f in document.figures if not f.derived}
    assert by_value[Decimal("281")].region.name == "宝鸡市"
    for value in ("253", "58"):
        figure = by_value[Decimal(value)]
        assert figure.region.name == "西安市"
        assert any("西咸新区" in reason for reason in figure.reasons)


def test_an_area_after_the_place_that_locates_it_is_that_place():
    document = pipeline.read(
        "2031年四川省空气质量\n2031年,眉山天府新区空气质量优良天数比例为85.2%。"
    )
    assert next(f for f in document.figures if f.value == Decimal("85.2")).region.name == "眉山市"


def test_an_area_after_a_conjunction_is_still_its_city():
    document = pipeline.read(
        "2031年河北省空气质量\n2031年,全省及雄安新区PM2.5平均浓度分别为35微克/立方米和31微克/立方米。"
    )
    assert next(f for f in document.figures if f.value == Decimal("31")).region.name == "保定市"
