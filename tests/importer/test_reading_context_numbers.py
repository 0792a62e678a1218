"""read() leaving out numbers a careful reader does not count as figures: how many places or
sections are monitored, valid days, the counts beside a stated share, standard limits, ranks,
bands, dates and serial numbers, page furniture, repeats. Each test also states what must stay.

The bulletins are invented in the style of real ones: made-up places (青禾市, 云栖县…), our
own sentences and numbers.
"""

from decimal import Decimal

import pytest

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
    # a change said of a group stays
    document = read("2031年6月,云栖县PM2.5浓度为27微克/立方米。4个县区PM2.5浓度同比下降超过10%。")
    assert has(document, "27", "微克/立方米") and has(document, "-10", "%")


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


# A copy cut at the very end --------------------------------------------------------------------


def test_a_figure_the_copy_cut_at_the_very_end_is_no_figure():
    # a count whose noun is lost, a bare number whose digits may be cut
    document = read(
        "云栖县2031年环境质量状况\n2031年,云栖县水质总体为优,Ⅰ~Ⅲ类水质断面12个,占100%。其中青溪水质为优,7个"
    )
    assert values(document) == [("100", "%")]
    document = read(
        "云栖县2031年环境质量状况\n2031年,云栖县PM2.5平均浓度为31微克/立方米,PM10平均浓度为5"
    )
    assert values(document) == [("31", "微克/立方米")]
    # a table whose rows close with a bar, its last one cut after a number
    table = (
        "云栖县2031年城区环境空气质量\n"
        "污染物 | 统计指标 | 浓度/(mg/m3) |\n"
        "二氧化硫 | 年平均浓度 | 0.008 |\n"
        "二氧化氮 | 年平均浓度 | 0.021 |\n"
        "一氧化碳 | 日平均浓度第95百分位 | 0.9"
    )
    assert ("0.9", "mg/m3") not in values(read(table))
    assert ("0.9", "mg/m3") in values(read(table + " |"))
    # a unit the copy cut keeps its number, and a text ending whole keeps its last figure
    document = read(
        "云栖县2031年环境质量状况\n2031年,云栖县PM2.5平均浓度为31微克/立方米,O3平均浓度为148微"
    )
    assert ("148", "微克/立方米") in values(document)
    document = read(
        "云栖县2031年环境质量状况\n2031年,云栖县PM2.5平均浓度为31微克/立方米,优良天数为340天"
    )
    assert ("340", "天") in values(document)


# Bands, bounds, valid days and the data's completeness -----------------------------------------


def test_bands_and_bounds_are_no_values_but_movements_and_targets_are():
    document = read(
        "云栖县2031年声环境质量状况\n"
        "2031年,各功能区昼间达标率范围为83.3~100%,城区区域环境噪声在52.1分贝~56.0分贝之间。"
        "甲镇、乙镇区域环境噪声小于55分贝,属于较好水平。青溪氨氮浓度低于0.5毫克/升。"
        "全县区域环境噪声昼间平均等效声级为54.2分贝。"
    )
    assert values(document) == [("54.2", "分贝")]
    document = read(
        "青禾市2031年环境质量状况\n"
        "全市优良天数比例由82.2%上升至87.7%,PM2.5浓度从35微克/立方米下降至31微克/立方米。"
        "全年优良天数比例为88.1%,达到不低于85.0%的年度考核目标,高于84%的省定目标要求。"
    )
    found = values(document)
    for value in ("82.2", "87.7", "88.1", "85.0", "84"):
        assert (value, "%") in found, value
    assert ("31", "微克/立方米") in found and ("35", "微克/立方米") in found


def test_days_monitored_and_the_data_capture_rate_are_context():
    document = read(
        "云栖县2031年环境空气质量状况\n"
        "2031年,城区环境空气质量有效监测358天,其中优152天,良190天,优良率为95.5%。"
        "两个点位应监测天数30天,实际监测天数30天,数据采集率为100%。"
    )
    assert values(document) == [("152", "天"), ("190", "天"), ("95.5", "%")]


def test_a_bound_a_plan_sets_is_its_target():
    document = read(
        "青禾市2031年环境质量状况\n"
        "到2032年,全市PM2.5浓度力争低于28微克/立方米。2031年度目标为优良天数比例不低于90%。"
    )
    assert [f.kind for f in document.figures] == ["target", "target"]


# Repeats ---------------------------------------------------------------------------------------


def test_a_one_row_table_of_months_repeating_the_prose_is_the_prose():
    prose = (
        "青溪镇环境空气质量自动监测,第一季度有效监测天数共计90天,其中优48天,良37天,"
        "轻度污染5天,PM2.5平均浓度为27微克/立方米,首要污染物为PM10。\n"
    )
    table = (
        "空气质量监测数据统计表\n"
        "月份 | 有效天数 | 优天数 | 良天数 | 轻度污染天数 | PM2.5 | 首要污染物 |\n"
        "{rows}"
        "注:浓度单位为微克/立方米。\n"
    )
    document = read(prose + table.format(rows="1-3 | 90 | 48 | 37 | 5 | 27 | PM10 |\n"))
    assert values(document) == [("27", "微克/立方米"), ("37", "天"), ("48", "天"), ("5", "天")]
    # two rows of months are two periods, whatever values they share
    document = read(
        table.format(
            rows="1-3 | 90 | 48 | 37 | 5 | 27 | PM10 |\n4-6 | 91 | 48 | 39 | 4 | 27 | O3 |\n"
        )
    )
    assert [value for value, _unit in values(document)].count("48") == 2


def test_a_headline_figure_the_paragraphs_state_again_is_one_figure():
    document = read(
        "青禾市生态环境局 新闻中心\n"
        "青禾上半年环境执法处罚215起 罚没金额超3千万元\n"
        "近日,记者从青禾市生态环境局获悉,上半年全市共下达行政处罚决定书215件,罚没金额3120万元。\n"
        "原标题:按日连续处罚案件12件\n"
        "其中,按日连续处罚案件12件,查封扣押案件31件。"
    )
    assert [value for value, _unit in values(document)].count("215") == 1
    assert [value for value, _unit in values(document)].count("12") == 1
    assert one_quote(document, "215").startswith("近日")
    # a headline rounding the figure otherwise keeps its own, as does one the body never states
    document = read(
        "青禾市生态环境局 新闻中心\n"
        "青禾市处罚金额同比增长218%\n"
        "2031年上半年,青禾市处罚金额同比增长218.2%。\n"
        "青禾市优良天数比例达93.4%\n"
        "2031年上半年,青禾市PM2.5平均浓度为29微克/立方米。"
    )
    found = values(document)
    assert ("218", "%") in found and ("218.2", "%") in found and ("93.4", "%") in found


@pytest.mark.parametrize(
    "text",
    [
        "一、空气\n全市优良天数比例为90%\n二、水\n全市集中式饮用水水源地水质达标率为90%。",
        "空气\n全市优良天数比例为90%\n水\n全市集中式饮用水水源地水质达标率为90%。",
        "(一)声环境\n全市区域声环境昼间达标率为95.5%\n"
        "(二)水环境\n全市地表水国控断面水质优良比例为95.5%。",
    ],
)
def test_a_short_line_of_one_measure_is_kept_beside_a_paragraph_of_another_with_its_value(text):
    # a short line without punctuation under a section heading, or of a measure the
    # paragraph after it does not give, is no headline the paragraph states again
    document = read(text)
    assert len(document.figures) == 2
    assert len({figure.indicator for figure in document.figures}) == 2
    assert all(figure.indicator for figure in document.figures)


def test_a_lead_repeated_word_for_word_is_one_figure_whatever_its_measure():
    document = read(
        "青禾市执法通报\n"
        "据介绍,1-10月,按日连续处罚案件共213件,查封、扣押案件502件。\n"
        "1-10月,按日连续处罚案件共213件,查封、扣押案件502件,移送行政拘留40起。"
    )
    assert [value for value, _unit in values(document)].count("213") == 1
    # two stations' levels of one general name are two figures
    document = read(
        "云栖县功能区噪声\n甲站昼间56.3dB(A)、夜间47.2dB(A)。乙站昼间54.0dB(A)、夜间47.2dB(A)。"
    )
    assert [value for value, _unit in values(document)].count("47.2") == 2


def one_quote(document, value):
    return next(f.quote for f in document.figures if f.value == Decimal(value) and not f.derived)


# English bands and parts of a whole; a page's style rules -------------------------------------


def test_english_bands_and_parts_of_a_whole_said_before():
    document = read(
        "Qinghe's air in 2031\n"
        "In 2031, concentrations of the major pollutants in Qinghe saw a year-on-year decrease of "
        "2 to 3 percent. The city received 12,400 noise complaints in 2031. Most of the 12,400 "
        "complaints concerned construction sites. Of the 3,100 reports received in May, 95 "
        "percent were settled. PM2.5 dropped by 12.5% to 35 micrograms per cubic meter."
    )
    found = values(document)
    assert not any(value in ("2", "3") for value, _unit in found)
    assert [value for value, _unit in found].count("12400") == 1
    assert ("3100", "reports") in found and ("35", "μg/m³") in found


def test_a_number_in_a_pages_style_rule_is_no_figure():
    document = read(
        "青禾市2031年环境质量公报\n"
        "导读:.TRS_Editor DIV{font-size:10.5pt;line-height:2}2031年,全市优良天数比例为91.2%。"
    )
    assert values(document) == [("91.2", "%")]


# Participants, descriptions, monitoring effort and a document's print run -----------------------


def test_counts_of_bodies_taking_part_and_of_places_one_stands_among_are_context():
    document = read(
        "青禾省信访工作\n"
        "2031年3月,省生态环境保护工作领导小组办公室组织省生态环境厅、省住房和城乡建设厅、"
        "省水利厅等5个部门,在全省开展了信访问题排查工作。\n"
        "青禾省连续3年空气质量达标,是周边6个省(区、市)唯一达到二级标准的地区。\n"
        "截至3月31日,全省共接到生态环境信访投诉4120件。"
    )
    assert values(document) == [("4120", "件")]
    # a count of what a bureau built is still done
    document = read("云栖县2031年\n2031年,云栖县住房和城乡建设局新建5个污水处理站。")
    assert values(document) == [("5", "个")]


def test_descriptions_and_the_monitoring_done_are_no_achievements():
    document = read(
        "云栖县2031年环境质量公报\n"
        "青溪、白河属于长江流域,是两条较大支流。"
        "声功能区监测点位5个,分别为:县政务中心为1类区监测点位,县医院、县税务局等4个为2类区监测点位。"
        "县城饮用水源地水质监测12次,全部达标。"
        "完成甲、乙等3家企业第三季度监测。(共印8份)\n"
        "全年完成4个行政村生活污水治理。"
    )
    assert values(document) == [("4", "个")]


def test_a_tables_row_a_sentence_names_with_the_same_values_is_that_sentences():
    prose = (
        "青禾市2031年5月信访情况\n"
        "5月,全市共接到举报4100件。其中,电话举报1640件,约占40.0%,微信举报2050件,约占50.0%,"
        "网上举报410件,约占10.0%。电话举报量同比下降12.5%。\n"
    )
    table = (
        "表1 2031年5月主要举报渠道情况\n"
        "举报渠道 | 本月占比(%) | 同比增长(%) |\n"
        "电话举报 | 40.0 | -12.5 |\n"
        "微信举报 | 50.0 | 6.4 |\n"
        "网上举报 | 10.0 | -3.3 |\n"
    )
    found = values(read(prose + table))
    assert found.count(("40.0", "%")) == 1 and found.count(("-12.5", "%")) == 1
    # cells no sentence states stay
    assert ("6.4", "%") in found and ("-3.3", "%") in found


def test_lengths_areas_and_amounts_that_make_up_a_stated_share_or_rate_are_its_terms():
    document = read(
        "云栖县2031年声环境与饮用水\n"
        "2031年,城区道路交通干线昼间等效声级在70dB(A)以下的路段长度为86.4km,占被测总路长的90.1%,"
        "超过标准的干线长度为9.5km,占干线总长度的9.9%。"
        "全县饮用水源地取水总量1250.3万吨,达标水量1250.3万吨,水质达标率100%。"
        "全县12.6平方公里的城区中,有45.0%的区域昼间声环境质量为好。"
    )
    assert values(document) == [("100", "%"), ("45.0", "%"), ("9.9", "%"), ("90.1", "%")]
    # an area whose 平方 the copy lost is an area; a length or an amount said for itself stays
    document = read(
        "云栖县2031年\n2031年,累计监测面积12.6公里,新建污水管网23.5公里,全年污水处理量1820万吨。"
    )
    assert ("12.6", "平方公里") in values(document)
    assert ("23.5", "公里") in values(document) and ("1820", "万吨") in values(document)


def test_grid_points_and_indicators_counted_are_no_figures_tasks_done_are():
    document = read(
        "青禾市2031年声环境\n"
        "2031年,区域环境噪声监测网格布点为120个,网格大小为1000×1000,昼间平均等效声级为53.8dB(A)。"
        "规划确定的生态环境领域9项约束性指标,有8项已提前完成,其余1项指标正在推进。"
        "全面完成省对市年度考核任务共36项。"
    )
    assert values(document) == [("36", "项"), ("53.8", "dB(A)")]


def test_the_same_share_said_as_good_days_and_as_compliance_or_in_a_years_row_is_one():
    document = read(
        "云栖县2031年环境质量公报\n"
        "2031年度,城区空气质量优良天数比例为88.2%,主要污染物为细颗粒物。\n"
        "2031年度城区环境空气质量达标率为88.2%,轻度污染占全年10.1%。\n"
        "城区环境空气质量主要指标\n"
        "年份 | 良好率 | 综合指数 |\n"
        "2031年 | 88.2% | 3.61 |\n"
    )
    found = values(document)
    assert found.count(("88.2", "%")) == 1
    assert ("10.1", "%") in found and ("3.61", "") in found
    # two different values are two figures
    document = read(
        "云栖县2031年环境质量公报\n"
        "2031年度,城区空气质量优良天数比例为88.2%。城区环境空气质量达标率为90.4%。\n"
    )
    assert ("88.2", "%") in values(document) and ("90.4", "%") in values(document)


def test_sites_whose_water_kept_its_class_are_no_change_of_zero():
    document = read(
        "青禾省2031年第37周水质\n"
        "与上周相比,青溪桥、白河口等12个断面水质持平;青溪入江口断面水质好转。"
        "全省PM2.5平均浓度同比持平。"
    )
    assert values(document) == [("0", "%")]
    assert document.figures[0].indicator == "pm25"


def test_a_headline_sharing_only_a_small_value_with_another_measure_keeps_its_figure():
    document = read(
        "云栖县生态环境局 工作动态\n"
        "云栖县新建污水管网12公里\n"
        "2031年,云栖县改造雨污分流管网12公里,城市污水处理率达到96.1%。\n"
        "云栖县优良天数比例达90%\n"
        "2031年,云栖县森林覆盖率达到90%。"
    )
    found = values(document)
    assert found.count(("12", "公里")) == 2 and found.count(("90", "%")) == 2


def test_a_count_of_sites_said_right_before_its_share_is_the_shares_numerator():
    document = read(
        "青禾市2031年水环境\n"
        "2031年,全省120个县级水源地中,108个全年均达标,所占比例为90%。"
        "全市监测的64个点位中,有60个水质达到或优于Ⅲ类,占93.8%。"
        "参与评价的36座水库中31座水质为优,占86.1%。"
    )
    assert values(document) == [("86.1", "%"), ("90", "%"), ("93.8", "%")]
    # a count with no share of its own, or days beside their share, stay figures
    document = read(
        "青禾市2031年水环境\n"
        "2031年,全省120个县级水源地中,108个全年均达标。全年优良天数为320天,占87.7%。"
    )
    assert has(document, "108", "个") and has(document, "320", "天")
    document = read(
        "青禾市2031年信访\n2031年,共受理信访件800个,其中噪声问题300个,占37.5%;有40个,占5%。"
    )
    assert has(document, "300", "个") and not has(document, "40", "个")


# Samples, sampling days, points set up, minutes, items checked, days left out, policy names ----


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("2031年,云栖县总采样天数为358天,优为201天。", [("201", "天")]),
        ("2031年,全县共采集有效降水水样62个,降水pH年均值为6.41。", [("6.41", "")]),
        (
            "云栖县设置6个功能区声环境常规监测点位,其中1类区2个,2类区4个。"
            "每小时测量60分钟,昼间达标率为91.7%。",
            [("91.7", "%")],
        ),
        ("2031年,臭氧浓度为139ug/m3,以上6项基本项目均达标。", [("139", "μg/m³")]),
        ("2031年第二季度有4天未纳入统计,优良天数为81天。", [("81", "天")]),
        ("2031年,5个“水十条”考核断面达到年度考核目标,占100%。", [("100", "%")]),
    ],
    ids=["sampling-days", "samples", "points-and-minutes", "items", "days-left-out", "policy-name"],
)
def test_what_is_sampled_set_up_or_left_out_is_no_figure(text, kept):
    assert values(read(text)) == sorted(kept)


def test_points_set_up_leave_the_counts_after_their_clause_and_days_left_out_their_total():
    document = read("2031年,全县设置10个空气质量监测点位,其中城区4个;全年完成整治黑臭水体12个。")
    assert has(document, "12", "个") and not has(document, "4")
    assert values(read("2031年,全市优良天数为320天,受沙尘影响的3天未纳入统计。")) == [("320", "天")]
    assert values(read("2031年,全市重污染天数为2天(沙尘天气未纳入统计)。")) == [("2", "天")]
