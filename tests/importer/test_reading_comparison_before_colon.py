"""read() on invented bulletins that say a comparison once before a colon and then list what it
is true of ("有1项同比上升是:臭氧浓度168微克/立方米,上升3.1%"): a number whose own words after
the colon name a measure is that measure's level, its change said after it; a list of places
only after the colon ("升幅前三位的城市依次是:甲市(12.4%)") keeps the comparison."""

from importer import pipeline
from tests.importer.test_reading_periods_places import one

_TITLE = "某市2021年1-10月环境空气质量\n"


def _kind_and_value(document, value):
    figure = one(document, value)
    return figure.kind, figure.indicator


def test_a_level_after_a_comparison_and_a_colon_is_a_level():
    document = pipeline.read(_TITLE + "六项污染物中有1项同比上升是:臭氧浓度168微克/立方米,上升3.1%。\n")
    assert _kind_and_value(document, "168") == ("level", "o3")
    assert _kind_and_value(document, "3.1") == ("change", "o3")


def test_a_level_after_the_risen_named_with_a_colon_is_a_level():
    document = pipeline.read(_TITLE + "同比上升的污染物为:一氧化碳浓度1.3毫克/立方米,升幅8.3%。\n")
    assert _kind_and_value(document, "1.3") == ("level", "co")
    assert _kind_and_value(document, "8.3") == ("change", "co")


def test_places_listed_after_a_ranked_rise_and_a_colon_keep_the_rise():
    # near miss: only places after the colon, so the rise before it is theirs
    document = pipeline.read(
        _TITLE + "与去年同期相比,综合指数升幅前两位的城市依次是:南平市(9.6%)、宁德市(4.2%)。\n"
    )
    assert one(document, "9.6").kind == "change"
    assert one(document, "4.2").kind == "change"
