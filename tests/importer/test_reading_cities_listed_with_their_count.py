"""read() on an invented regional note listing cities by short form, then their values and
what they count.

"伊宁、奎屯、五家渠3城市分别出现3天、2天、1天轻度污染": the short forms are cities
(a county of the same name beside 伊宁市 is not meant, the list says 城市), the count of them
after the last is no measure, and what the days are is said once after the values.

The text is invented (the cities are real divisions, the values are not).
"""

from decimal import Decimal

from importer import pipeline

TEXT = (
    "新疆维吾尔自治区2031年11月环境空气质量\n"
    "2031年11月,全区城市中,伊宁、奎屯、五家渠3城市分别出现3天、2天、1天轻度污染,"
    "其余城市空气质量全月优良。"
)


def _figures():
    return [
        (f.value, f.region.name if f.region else None, f.indicator, f.proposed)
        for f in pipeline.read(TEXT).figures
    ]


def test_each_city_its_own_days():
    places = {value: place for value, place, _i, _p in _figures()}
    assert places[Decimal("3")] == "伊宁市"
    assert places[Decimal("2")] == "奎屯市"
    assert places[Decimal("1")] == "五家渠市"


def test_the_days_are_of_what_is_said_after_the_values():
    for _value, _place, indicator, proposed in _figures():
        assert indicator is None
        assert proposed is not None and proposed[0].startswith("轻度污染")
