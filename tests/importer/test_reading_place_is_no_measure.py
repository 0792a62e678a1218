"""read() on invented lists whose items name only a place: "…同比上升,甲市上升40.1%,乙市上升
22.0%". The place says where a figure is, not what it measures: the measure is the one said
before it, in its sentence or the paragraph's sentence before, never a new indicator named
after the first city of the list.

The texts are invented (the cities are real divisions, the sentences and values are not).
"""

from importer import pipeline

CHANGES = (
    "5月份,全省14个城市PM2.5月均浓度为28微克/立方米,同比上升4.2%。"
    "6个城市与2030年同比上升,白银上升40.1%,武威上升22.0%,定西上升9.5%。"
)


def _read(text):
    return {
        str(f.value): (f.indicator, f.kind, f.region.name if f.region else None, f.proposed)
        for f in pipeline.read(text).figures
    }


def test_each_city_changes_the_measure_said_before_the_list():
    figures = _read(CHANGES)
    assert figures["40.1"] == ("pm25", "change", "白银市", None)
    assert figures["22.0"] == ("pm25", "change", "武威市", None)
    assert figures["9.5"] == ("pm25", "change", "定西市", None)


def test_a_part_named_without_a_measure_stays_a_proposal():
    # "大气14件" is a part of the petitions, not their total: the rule is for places only
    figures = _read("2031年6月,全市受理环境信访件40件,其中大气14件、噪声9件。")
    assert figures["14"][0] is None
    assert figures["9"][0] is None


def test_another_places_change_implies_no_earlier_level():
    # the province's 28 and 白银's rise of 40.1% say nothing of the province a year before
    text = (
        "2031年5月,全省14个城市PM2.5平均浓度为28微克/立方米。"
        "其中6个城市同比上升,白银上升40.1%,武威上升22.0%。"
    )
    assert [f for f in pipeline.read(text).figures if f.derived] == []
    # its own change does: 28 after a rise of 4.2% was 27 the year before
    own = pipeline.read("2031年5月,全省PM2.5平均浓度为28微克/立方米,同比上升4.2%。")
    assert [(str(f.value), f.period_start.year) for f in own.figures if f.derived] == [("27", 2030)]


def test_a_sentence_naming_its_own_measure_lends_none_from_before():
    # 降水量 is no indicator of the catalogue: the cities' rises stay proposals, not PM2.5
    text = (
        "2031年,全省PM2.5平均浓度为29微克/立方米,同比下降4.0%。"
        "全省降水量较常年偏多,白银上升17.5%,武威上升11.0%。"
    )
    figures = _read(text)
    assert figures["17.5"][0] is None
    assert figures["11.0"][0] is None
