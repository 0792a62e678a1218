"""read() on invented lists whose items give their values in brackets, with no unit.

A city's note ranking its townships or counties names each one with its value in brackets,
and says once, before the list or after it, what the values measure: "PM2.5平均浓度由低到高依次
是:甲县东湖镇(41)、乙县西岭乡(44)", "其中甲县(2.71)、乙县(2.83)综合指数较低". Each value is a
figure of that measure, kept with no unit as written, in its item's place; a sum of two
pollutants is neither of them.

The texts are invented (the counties are real divisions, the towns and values are not).
"""

from importer import pipeline

RANKED = (
    "2030年4月,全市乡镇PM2.5平均浓度由低到高依次是:安平县东湖镇(41)、饶阳县西岭乡(44)、"
    "景县北坡镇(44);按两项加和指数排名,后2名依次是:故城县南庄镇(2.19)、枣强县柳湾乡(2.07)。"
)


def _read(text):
    return [
        (f.indicator, str(f.value), f.unit, f.region.name if f.region else None, f.qualifier)
        for f in pipeline.read(text).figures
    ]


def test_each_bracketed_value_is_a_figure_of_the_measure_the_list_opened_with():
    figures = _read(RANKED)
    assert ("pm25", "41", "", "安平县", "安平县东湖镇") in figures
    assert ("pm25", "44", "", "饶阳县", "饶阳县西岭乡") in figures
    # two items sharing a value stay two figures
    assert ("pm25", "44", "", "景县", "景县北坡镇") in figures


def test_a_sum_of_pollutants_is_none_of_them():
    summed = [f for f in _read(RANKED) if f[1] in ("2.19", "2.07")]
    assert len(summed) == 2
    assert all(indicator is None for indicator, *_rest in summed)


def test_the_measure_may_close_the_list():
    figures = _read("2030年4月,全市各区县中安平县(2.71)、饶阳县(2.83)综合指数较低。")
    assert ("air-quality-composite-index", "2.71", "", "安平县", "安平县") in figures
    assert ("air-quality-composite-index", "2.83", "", "饶阳县", "饶阳县") in figures


def test_a_bracketed_number_outside_a_list_of_names_is_no_figure():
    assert _read("截至目前,已完成整改任务(12)项。") == []
    assert [f[1] for f in _read("公报(2030)显示,全市PM2.5为30微克/立方米。")] == ["30"]


def test_a_list_takes_the_measure_of_its_own_clause_not_of_the_sentence_before():
    figures = _read(
        "2030年4月,全市PM2.5平均浓度为32微克/立方米,各县超标天数依次是:安平县(12)、饶阳县(9)。"
    )
    assert [f for f in figures if f[1] in ("12", "9") and f[0] == "pm25"] == []


def test_measures_or_ranks_in_brackets_are_no_list_of_places():
    # measures named with their values in brackets, and ranks 1, 2, 3
    assert [f[1] for f in _read("2030年,全市首要污染物为臭氧(35)、细颗粒物(12)。")] == []
    assert _read("2030年,全市PM2.5浓度排名依次是:安平县(1)、饶阳县(2)、景县(3)。") == []
    assert [
        f[1] for f in _read("2030年,全市综合指数(4.12)、优良天数比例(88.5%)均居全省第一。")
    ] == ["88.5"]


def test_the_first_name_leaves_the_words_before_it():
    figures = _read("2030年4月,全市各乡镇中东湖镇(3.98)、西岭乡(4.35)综合指数较低。")
    assert {f[4] for f in figures} == {"东湖镇", "西岭乡"}


def test_a_total_of_several_projects_is_no_sum_of_pollutants():
    assert _read("2030年,全市完成三项工程环保投资合计12.5亿元。")[0][0] == "env-investment"
