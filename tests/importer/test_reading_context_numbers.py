"""read() leaving out numbers a careful reader does not count as figures: how many places or
sections are monitored, valid days, the counts beside a stated share, standard limits, ranks,
bands, dates and serial numbers, page furniture, repeats. Each test also states what must stay.

The bulletins are invented in the style of real ones: made-up places (青禾市, 云栖县…), our
own sentences and numbers.
"""

from decimal import Decimal

from importer import pipeline


def read(text):
    return pipeline.read(text)


def values(document):
    return sorted((str(f.value), f.unit) for f in document.figures if not f.derived)


def has(document, value, unit=None):
    return any(
        f.value == Decimal(value) and not f.derived and (unit is None or f.unit == unit)
        for f in document.figures
    )


# How many places are monitored ----------------------------------------------------------------


def test_a_count_of_central_cities_introduces_them_whatever_its_noun_starts_with():
    document = read(
        "一、11个中心城市空气质量状况\n"
        "2031年5月,全省11个中心城市空气质量平均优良天数比率为93.2%。"
        "7个中心城区PM2.5平均浓度为30微克/立方米。"
        "11个中心城市中,有2个城市出现轻度污染。"
    )
    assert not has(document, "11") and not has(document, "7")
    assert has(document, "93.2", "%") and has(document, "30", "微克/立方米")
    # a count of what was done, whatever its noun starts with, stays
    document = read("2031年,云栖县完成了6个中型灌区节水改造。")
    assert has(document, "6", "个")


# Bands and bounds said of groups of places ----------------------------------------------------


def test_a_bound_said_of_a_counted_group_of_places_is_a_band_edge():
    document = read(
        "2031年6月,全省PM2.5平均浓度为28微克/立方米。其中,有5个县PM2.5浓度低于25微克/立方米,"
        "宜春、萍乡2个城市优良天数比例不足80%,3个县区优良天数比例在95%以上,"
        "另有4个断面水质超过Ⅲ类。"
    )
    assert values(document) == [("28", "微克/立方米")]
    # a place's own bound stays, and so does a change said of a group
    document = read("2031年6月,云栖县PM2.5浓度低于25微克/立方米。4个县区PM2.5浓度同比下降超过10%。")
    assert has(document, "25", "微克/立方米") and has(document, "-10", "%")


def test_a_value_shared_by_a_group_named_only_by_examples_is_no_place_figure():
    document = read(
        "2031年6月,全国168个重点城市平均优良天数比例为86.1%。其中,丽水、舟山、黄山等30个城市的"
        "优良天数比例为100%,常州、无锡、徐州等70个城市的优良天数比例在80%~100%之间。"
    )
    assert values(document) == [("86.1", "%")]
    # a list naming every place of the group gives each its value
    document = read("2031年6月,丽水、舟山和黄山等3个城市优良天数比例为100%。")
    assert sorted(f.region.name for f in document.figures) == ["丽水市", "舟山市", "黄山市"]
