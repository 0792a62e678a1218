"""read() on invented ranked lists whose items name members no gazetteer holds.

A new area's monthly note ranks its new towns, an industrial park's its zones, a city's its
monitoring stations: "各新城PM2.5平均浓度由低到高依次为:东港35微克/立方米,北塘38微克/立方米". Each
item names only its member, a name that is neither a division nor a measure, so its value is of
the measure the list opened with; the member is kept as the figure's qualifier, so that two
members with the same value stay two figures.

The texts are invented (the county is a real division, the towns and values are not).
"""

from importer import pipeline

RANKED = (
    "2024年3月,平潭县各片区PM2.5平均浓度由低到高依次为:东港35微克/立方米,北塘38微克/立方米,"
    "南湾38微克/立方米。各片区优良天数从多到少依次为:东港29天,北塘27天,南湾25天。"
)


def _read(text):
    return [(f.indicator, str(f.value), f.qualifier) for f in pipeline.read(text).figures]


def test_each_member_takes_the_measure_the_list_opened_with():
    figures = _read(RANKED)
    assert ("pm25", "35", "东港") in figures
    assert ("pm25", "38", "北塘") in figures
    assert ("air-good-days", "27", "北塘") in figures
    assert ("air-good-days", "25", "南湾") in figures
    assert not any(indicator is None for indicator, _v, _q in figures)


def test_two_members_sharing_a_value_are_two_figures():
    assert [value for indicator, value, _q in _read(RANKED) if indicator == "pm25"].count("38") == 2


def test_an_index_ranked_by_member_is_read_without_a_unit():
    figures = _read(
        "2031年2月,平潭县各片区空气质量综合指数由好到差依次为:东港5.21、北塘5.87、南湾6.02,同比均改善。"
    )
    assert figures == [
        ("air-quality-composite-index", "5.21", "东港"),
        ("air-quality-composite-index", "5.87", "北塘"),
        ("air-quality-composite-index", "6.02", "南湾"),
    ]
