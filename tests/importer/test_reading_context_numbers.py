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


# The sample behind a share, and the size of the network ----------------------------------------


def test_counts_of_sources_road_sections_grid_points_and_samples_are_the_network():
    document = read(
        "2031年,云栖县集中式饮用水水源地6个,达到Ⅲ类标准的水源地5个,比例为83.3%。"
        "对城区9条干道共40个路段开展了监测,其中昼间达标路段36个,占总路段数的90.0%。"
        "区域环境噪声监测网格布点120个,昼间等效声级平均值为53.2dB(A)。"
        "全年共采集降水样本42个,酸雨频率为4.8%。"
    )
    assert values(document) == [("4.8", "%"), ("53.2", "dB(A)"), ("83.3", "%"), ("90.0", "%")]
    # the share of road sections meeting the standard is traffic noise, no functional zone's
    road = next(f for f in document.figures if f.value == Decimal("90.0"))
    assert road.indicator is None and road.proposed
    # what is counted for itself stays beside its share, and new sources built are an achievement
    document = read(
        "2031年,青禾市共受理环境信访投诉58件,其中大气污染类21件,占36.2%。"
        "全年新增集中式饮用水水源地3个。"
    )
    assert has(document, "21", "件") and has(document, "36.2", "%") and has(document, "3", "个")


def test_counts_of_the_monitoring_network_said_before_what_they_count():
    document = read(
        "2031年,青禾市共有4个县的12个集中式饮用水水源地开展了监测。"
        "12个水源地15个监测点位所测项目全部达标。"
        "其中有6个点位水质达到Ⅱ类标准,所占比例为40.0%。"
        "3个国控监测断面水质均达到Ⅱ类。"
        "地下水水源地监测项目为《地下水质量标准》中的全部39项。"
    )
    assert values(document) == [("40.0", "%")]
    # where the counted ones are is context; what was done to them, or stations built, stays
    document = read("2031年,云栖县完成了5个乡镇12个村的生活污水治理。今年新建4个空气自动监测站。")
    assert values(document) == [("12", "个"), ("4", "个")]
    document = read("2031年,青禾市8个断面全部达到考核要求。")
    assert has(document, "8", "个")


# Standard limits and sites sharing a value -----------------------------------------------------


def test_a_tables_standard_column_is_no_figure_and_rows_under_a_merged_cell_keep_their_columns():
    document = read(
        "云栖县2031年环境空气质量公报\n"
        "云栖县城区环境空气质量评价表\n"
        "污染物 | 统计指标 | 浓度/(mg/m3) | 标准值/(mg/m3) | 占标率/(%) | 评价 |\n"
        "二氧化硫 SO2 | 年平均浓度 | 0.008 | 0.060 | 13.3% | 达标 |\n"
        "第98百分位日平均浓度 | 0.012 | 0.150 | 8.0% | 达标 | |\n"
        "二氧化氮 NO2 | 年平均浓度 | 0.021 | 0.040 | 52.5% | 达标 |\n"
        "第98百分位日平均浓度 | 0.044 | 0.080 | 55.0% | 达标 | |\n"
        "全年空气质量优良天数比例为97.3%。\n"
    )
    found = values(document)
    for limit in ("0.060", "0.150", "0.040", "0.080"):
        assert not any(value == limit for value, _unit in found), limit
    for level in ("0.008", "0.012", "0.021", "0.044"):
        assert (level, "mg/m3") in found, level
    for share in ("13.3", "8.0", "52.5", "55.0", "97.3"):
        assert (share, "%") in found, share


def test_sites_sharing_one_value_are_one_figure_measures_sharing_one_are_several():
    document = read(
        "2031年,云栖县饮用水源水质良好,青龙水库水源、白沙河备用水源、石门水库农村水源水质"
        "均100%达标。"
    )
    assert values(document) == [("100", "%")]
    document = read("2031年,青禾市信访投诉按时受理率和按时办结率均为100%。")
    assert values(document) == [("100", "%"), ("100", "%")]
