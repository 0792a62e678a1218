"""read() filing figures under the right indicator and kind: complaints, enforcement, noise,
water and air prose (issue 17, "the right indicator").

The bulletins are invented in the style of real ones: made-up places (青禾市, 云栖县…), our
own sentences and numbers. Each test fails if a figure is filed under the wrong indicator or
kind, or if a breakdown is taken for the total it is part of.
"""

from decimal import Decimal

import pytest

from importer import pipeline


def read(text):
    return pipeline.read(text)


def one(document, value, unit=None):
    found = [
        f
        for f in document.figures
        if f.value == Decimal(value) and not f.derived and (unit is None or f.unit == unit)
    ]
    assert len(found) == 1, (value, [(str(f.value), f.unit, f.quote) for f in document.figures])
    return found[0]


def filed(document, value, unit=None):
    figure = one(document, value, unit)
    return figure.indicator, figure.kind


# Complaints and petitions --------------------------------------------------------------------


def test_a_complaint_total_and_its_breakdowns_by_state_channel_and_kind():
    document = read(
        "青禾市2031年3月环境信访情况\n"
        "2031年3月,市生态环境投诉平台共收到举报件57件,其中未受理3件、受理中4件、已办结41件、"
        "不予受理9件。按举报渠道划分,电话举报22件,微信举报18件、网民留言17件。\n"
        "从污染类型看,大气污染类21件,占36.8%;噪声污染类19件,占33.3%;水污染类6件,占10.5%。"
    )
    assert filed(document, "57") == ("petitions", "level")
    assert filed(document, "41") == ("petitions-resolved", "level")
    for breakdown in ("3", "4", "9", "22", "18", "17", "21", "19", "6"):
        figure = one(document, breakdown, "件")
        assert figure.indicator is None and figure.proposed, (breakdown, figure.reasons)
    assert one(document, "36.8").indicator is None


def test_petitions_received_by_each_department_are_parts_of_the_total():
    document = read(
        "截至9月底,全省共接到4120个生态环境信访投诉,其中省生态环境部门接到3980个生态环境信访投诉,"
        "省住建部门接到97个生态环境信访投诉,省水利部门接到43个生态环境信访投诉。"
        "已办结3900个,办结率为94.7%。"
    )
    assert filed(document, "4120") == ("petitions", "level")
    for part in ("3980", "97", "43"):
        assert one(document, part).indicator is None, part
    assert filed(document, "3900") == ("petitions-resolved", "level")
    assert filed(document, "94.7") == ("petitions-resolved-ratio", "level")


def test_complaints_by_kind_named_with_she_are_not_the_total():
    document = read(
        "云栖县2031年5月信访处理情况\n(一)涉气类信访投诉12起\n(二)涉水类信访投诉5起\n"
        "2031年5月,我局共受理群众各类环境信访23件,按信访件来源分类情况如下:网上信访平台14件,"
        "来电9件。"
    )
    assert filed(document, "23") == ("petitions", "level")
    for part in ("12", "5", "14", "9"):
        assert one(document, part).indicator is None, part


# Enforcement --------------------------------------------------------------------------------


def test_enforcement_counts_fines_and_their_changes():
    document = read(
        "青禾市2031年环境执法情况\n(原标题:青禾环境违法处罚额增64%)\n"
        "2031年,全市立案处罚环境违法企业212家,处罚金额累计超过900万元,"
        "被罚单位数量和处罚金额同比分别增加23.5%、64.1%。"
        "其中,按日连续处罚案件7件;公安机关立案侦查2家。"
    )
    assert filed(document, "64") == ("fines", "change")
    assert filed(document, "212") == ("enforcement-cases", "level")
    assert filed(document, "23.5") == ("enforcement-cases", "change")
    assert filed(document, "64.1") == ("fines", "change")
    assert one(document, "7").indicator is None
    assert one(document, "2").indicator is None


def test_officers_sent_out_are_not_companies_inspected():
    document = read("2031年专项行动以来,全省已经出动环境执法人员3.2万人次,检查企业1.1万家次。")
    assert one(document, "3.2").indicator is None
    assert filed(document, "1.1") == ("inspections", "level")


def test_a_sibling_count_does_not_lend_its_words_to_the_next():
    document = read(
        "专项督察期间,我市共立案查处环境违法案件31起、关停取缔企业14家、责令整改企业26家;"
        "向公安机关移送行政拘留案件5起,公安机关受理并执行4起。"
    )
    assert filed(document, "31") == ("enforcement-cases", "level")
    assert filed(document, "5") == ("detention-referrals", "level")
    for part in ("14", "26", "4"):
        assert one(document, part).indicator is None, part


# Noise --------------------------------------------------------------------------------------


def test_road_traffic_noise_is_not_the_regional_level_and_night_follows_its_words():
    document = read(
        "云栖县2031年声环境质量\n"
        "2031年,县城昼夜间道路交通声环境等级均为好,昼间加权平均等效声级为64.2dB(A)。"
        "昼间区域声环境质量等级为较好,昼间平均等效声级为53.1dB(A);夜间区域声环境质量等级为一般,"
        "平均等效声级为45.8dB(A)。"
    )
    assert filed(document, "64.2") == ("noise-traffic-day", "level")
    assert filed(document, "53.1") == ("noise-day", "level")
    assert filed(document, "45.8") == ("noise-night", "level")


def test_day_and_night_compliance_said_together_are_two_figures_in_order():
    document = read(
        "2031年第二季度,全区功能区声环境昼夜间达标率分别为94.1%和88.6%,"
        "其中1类功能区昼夜间达标率分别为91.7%和83.3%。"
    )
    assert filed(document, "94.1") == ("noise-functional-compliance-day", "level")
    assert filed(document, "88.6") == ("noise-functional-compliance-night", "level")
    assert filed(document, "91.7") == ("noise-functional-compliance-day", "level")
    assert filed(document, "83.3") == ("noise-functional-compliance-night", "level")


def test_a_share_of_road_sections_over_the_limit_is_not_of_air_pollution_days():
    document = read(
        "2031年全州城市道路交通昼间声环境监测路段超标率上升了1.9个百分点,"
        "平均等效声级下降了0.8分贝(A)。"
    )
    indicator, kind = filed(document, "1.9")
    assert indicator != "exceedance-days-ratio" and kind == "change"
    assert filed(document, "-0.8") == ("noise-traffic-day", "change")


# Air and water ------------------------------------------------------------------------------


def test_days_by_grade_each_under_their_own_grade():
    document = read(
        "青禾市大镇2031年第一季度有效监测天数共计90天,其中天气优48天,天气良36天,"
        "优良天气共计84天,优良率为93.3%,轻度污染4天,重度污染2天,污染率为6.7%。"
    )
    assert filed(document, "48") == ("air-excellent-days", "level")
    assert filed(document, "84") == ("air-good-days", "level")
    assert one(document, "4", "天").indicator is None
    assert filed(document, "2", "天") == ("heavy-pollution-days", "level")
    assert filed(document, "6.7") == ("exceedance-days-ratio", "level")


def test_the_parts_of_a_share_are_not_the_share():
    document = read(
        "2031年6月全省各城市空气质量达标天数比例平均为90.2%,其中,优占55.1%,良占35.1%;"
        "超标天数比例为9.8%,其中轻度污染占8.1%,中度污染占1.7%。"
        "轻度污染天数比例为8.1%,中度污染天数比例为1.7%。"
    )
    assert filed(document, "90.2") == ("air-good-days-ratio", "level")
    assert filed(document, "9.8") == ("exceedance-days-ratio", "level")
    for part in ("55.1", "35.1"):
        assert one(document, part).indicator is None, part
    for figure in document.figures:
        if figure.value in (Decimal("8.1"), Decimal("1.7")):
            assert figure.indicator is None, figure.quote


def test_classes_of_water_each_with_their_own_share():
    document = read(
        "2031年第5周,全省42个断面中,Ⅰ~Ⅲ类水质的断面为30个,占71.4%;Ⅳ类水质的断面为7个,"
        "占16.7%;劣Ⅴ类水质的断面为5个,占11.9%。地表水Ⅰ类~Ⅲ类水质所占比例为71.4%,"
        "较上年下降2.2个百分点。"
    )
    assert filed(document, "16.7") != ("water-good-sections-ratio", "level")
    assert filed(document, "11.9") == ("water-inferior-v-ratio", "level")
    assert filed(document, "-2.2") == ("water-good-sections-ratio", "change")


def test_a_latin_name_is_found_only_as_a_word():
    document = read(
        "Noise from industrial companies made up 14.2% of the complaints, while construction "
        "noise made up 41.3%."
    )
    assert sorted(str(f.value) for f in document.figures) == ["14.2", "41.3"]
    assert all(f.indicator != "co" for f in document.figures)


# Kind and sign ------------------------------------------------------------------------------


def test_a_rise_written_as_tisheng_a_bare_zeng_and_a_gap_to_the_average_are_changes():
    document = read(
        "截至6月,我区空气质量优良率为96.1%,较2030年同期的92%提升4.1个百分点。"
        "其中,云栖县优良天数比例仅为86.4%,低于全市平均水平9.7个百分点。"
        "(原标题:青禾市罚没额增37%)"
    )
    assert filed(document, "4.1") == ("air-good-days-ratio", "change")
    assert filed(document, "-9.7") == ("air-good-days-ratio", "change")
    assert filed(document, "37") == ("fines", "change")


def test_a_bare_ph_of_a_river_section_is_not_the_ph_of_rain():
    document = read(
        "青禾河云栖断面水质自动监测结果:pH值为7.42,溶解氧为8.15mg/L。2031年全市降水pH年均值为5.61。"
    )
    assert one(document, "7.42").indicator != "precipitation-ph"
    assert filed(document, "5.61") == ("precipitation-ph", "level")


def test_counts_in_wan_with_yu_and_decibels_counted_with_ge():
    document = read(
        "2031年专项行动以来,全国共检查企业31万余家,查处环境违法企业1.4万余家。"
        "全市区域昼间平均等效声级为53.6分贝(A),同比上升了0.4个分贝(A)。"
    )
    inspected = one(document, "31")
    assert (inspected.unit, inspected.approximate, inspected.indicator) == (
        "万家",
        True,
        "inspections",
    )
    assert one(document, "1.4").unit == "万家"
    rise = one(document, "0.4")
    assert (rise.unit, rise.indicator, rise.kind) == ("分贝(A)", "noise-day", "change")


def test_a_change_in_points_is_only_of_a_share_and_emissions_are_not_concentrations():
    document = read(
        "2031年全县城市道路交通昼间平均等效声级为66.1dB(A),超标路段比例上升了3.1个百分点。"
        "昼夜间道路交通声环境等级均为好,昼间和夜间加权平均等效声级分别为64.8dB(A)和55.2dB(A)。"
        "全市化学需氧量、氨氮、二氧化硫、氮氧化物排放总量分别下降3.1%、2.8%、6.4%、5.2%。"
    )
    assert one(document, "3.1", "个百分点").indicator is None
    assert filed(document, "64.8") == ("noise-traffic-day", "level")
    assert one(document, "55.2").indicator is None  # no catalogue entry for the night's
    assert filed(document, "-6.4") == ("so2-emission-reduction", "change")
    assert filed(document, "-5.2") == ("nox-reduction", "change")


# Metadata -----------------------------------------------------------------------------------


def test_the_title_is_the_line_over_the_date_and_source_not_the_sites_header():
    document = read(
        "EN\nhttps://www.example.gov.cn/\n\n青禾市前三季度罚没款过千万\n\n"
        "2031-10-29 08:55 来源: 青禾日报\n字号:默认 超大 | 打印 |\n\n"
        "青禾市生态环境局近日通报,前三季度全市共下达处罚决定书212份。"
    )
    assert document.title == "青禾市前三季度罚没款过千万"
    assert document.publisher == "青禾日报"
    assert str(document.date) == "2031-10-29"


def test_a_site_name_alone_above_the_title_is_not_the_title():
    document = read(
        "禾网\n\n云栖县:前三季度空气质量总体改善\n\n云栖县今年前三季度空气质量优良天数比例为91.2%。"
    )
    assert document.title == "云栖县:前三季度空气质量总体改善"


def test_a_page_copied_with_pipes_a_labelled_title_and_spaced_labels():
    piped = read(
        "2031年8月青禾市生态环境信访投诉情况公开 |\n|||\n|\n"
        "2031年8月,青禾市共受理各类环境信访投诉97件。 |\n|||\n打印本页 关闭窗口 |"
    )
    assert piped.title == "2031年8月青禾市生态环境信访投诉情况公开"
    labelled = read(
        "标题: | 2031年5月份环境空气质量情况通报 | ||\n---|---|---|---|\n"
        "索引号: | 11370300X/2031-1 | 文号: | |\n发文日期: | 2031-06-20 | 发布机构: | 云栖县环境保护局 |\n"
        "一、环境空气质量状况\n2031年5月份,全县良好天数17天。"
    )
    assert labelled.title == "2031年5月份环境空气质量情况通报"
    assert labelled.publisher == "云栖县环境保护局"
    spaced = read(
        "无障碍浏览\n首页 >> 公开信息内容\n"
        "索  引  号:yq-/2031-1204 公文目录:声环境 发文机关:云栖县生态环境局 成文日期: 主  题  词:\n\n"
        "2031年第四季度云栖县声环境功能区监测状况\n\n一、基本情况\n2031年第四季度开展了监测。"
    )
    assert spaced.title == "2031年第四季度云栖县声环境功能区监测状况"
    assert spaced.publisher == "云栖县生态环境局"


def test_the_source_after_the_date_in_the_header_and_the_sites_owner_in_its_footer():
    agency = read(
        "2031年全省优良天数比例为88.1%\n\n2032-01-18 08:28:55 禾州社   作者: 云栖\n\n"
        "记者从省生态环境厅获悉,2031年全省优良天数比例为88.1%。"
    )
    assert agency.publisher == "禾州社"
    labelled = read(
        "我市单月PM2.5浓度首达一级标准\n\n"
        "发布日期:2031-08-18 16:24作者:大气环境科来源:青禾市生态环境局阅读: 字体:【\n"
        "2031年7月,我市PM2.5平均浓度13.2μg/m3。"
    )
    assert labelled.publisher == "青禾市生态环境局"
    footer = read(
        "2031年10月全省信访问题工作进展情况\n2031-10-14 14:01:00   来源:\n\n"
        "省领导小组办公室组织省生态环境厅等7个部门开展了工作。全省共接到1394个生态环境问题信访投诉。\n\n"
        "网站地图联系我们\n版权所有:云岭省生态环境厅云ICP备2031000001号-1"
    )
    assert footer.publisher == "云岭省生态环境厅"


def test_an_original_title_in_brackets_is_read_without_its_bracket():
    document = read(
        "本报青禾9月3日讯 记者今天从青禾市生态环境局获悉,处罚金额同比增加64.1%。\n"
        "  (原标题:青禾环境违法处罚额增64%)\n全站热搜"
    )
    assert document.title == "青禾环境违法处罚额增64%"


def test_a_piped_page_with_a_link_above_the_title_and_the_time_in_brackets():
    document = read(
        "|\n|\n订阅社区杂志 |\n青禾市公布2031年生态环境状况公报 |\n(时间:2032-6-4 10:48:54) |\n"
        "6月2日,市生态环境局召开新闻发布会,公布了2031年青禾市生态环境状况公报。\n|\n|"
    )
    assert document.title == "青禾市公布2031年生态环境状况公报"
    assert str(document.date) == "2032-06-04"


def test_sections_and_monitoring_points_behind_a_share_are_context():
    document = read(
        "2031年第3周,全省主要水系40个重点断面监测结果表明:Ⅰ~Ⅲ类水质的断面为28个,占70.0%;"
        "Ⅳ类水质的断面为7个,占17.5%;劣Ⅴ类水质的断面为5个,占12.5%。\n"
        "全区功能区声环境质量监测点位共计87个,其中1类功能区21个、2类功能区30个。"
        "全区各类功能区共监测174点次,其中昼间、夜间各监测87次。"
    )
    values = {str(f.value) for f in document.figures}
    assert not values & {"28", "7", "5", "21", "30", "87"}, values
    assert filed(document, "70.0") == ("water-good-sections-ratio", "level")
    assert one(document, "17.5").indicator is None
    assert filed(document, "12.5") == ("water-inferior-v-ratio", "level")


def test_flat_said_of_its_own_subject_after_another_change():
    document = read(
        "与去年同期相比,全市优良天数比例上升1.6个百分点,重度及以上污染天数比例持平。"
        "2031年全州城市区域昼间声环境监测覆盖面积持平,道路交通昼间声环境监测路段总长度持平。"
    )
    flats = [f for f in document.figures if f.value == 0 and not f.derived]
    assert [(f.unit, f.indicator, f.kind) for f in flats] == [
        ("个百分点", "heavy-pollution-days-ratio", "change"),
        ("%", None, "change"),
        ("%", None, "change"),
    ]
    assert filed(document, "1.6") == ("air-good-days-ratio", "change")


def test_a_total_said_through_one_channel_and_the_enforcement_set():
    document = read(
        "青禾市2031年生态环境执法和信访情况\n"
        "2031年,全市共立案查处环境违法案件56起,罚没款金额1234.5万元;实施查封扣押12起、"
        "限产停产3起,移送行政拘留5起、移送涉嫌环境污染犯罪2起;全年检查企业2300家次。"
        "全市12369环保举报热线共受理群众投诉举报1520件,办结率100%,群众满意率为98.2%。"
        "按污染类型分,大气类612件,噪声类540件。"
    )
    assert [filed(document, v) for v in ("56", "1234.5", "12", "3", "5", "2", "2300")] == [
        ("enforcement-cases", "level"),
        ("fines", "level"),
        ("seizure-cases", "level"),
        ("production-restriction-cases", "level"),
        ("detention-referrals", "level"),
        ("pollution-crime-cases", "level"),
        ("inspections", "level"),
    ]
    assert filed(document, "1520") == ("petitions", "level")
    assert filed(document, "100") == ("petitions-resolved-ratio", "level")
    assert filed(document, "98.2") == ("public-satisfaction", "level")
    assert one(document, "612").indicator is None and one(document, "540").indicator is None


def test_during_a_campaign_is_no_breakdown():
    document = read("在专项行动中,全市共受理信访举报120件,其中来电80件。")
    assert filed(document, "120") == ("petitions", "level")
    assert one(document, "80").indicator is None


def test_vehicles_are_counted_and_a_dropped_unit_is_its_siblings():
    document = read(
        "道路交通车流量每小时平均增加了14辆。全省信访投诉中噪声污染问题942个,占总数的63.2%;"
        "大气污染问题451, 占总数的30.3%;水污染问题97个,占总数的6.5%。"
    )
    assert (one(document, "14").unit, one(document, "14").kind) == ("辆", "change")
    assert one(document, "451").unit == "个"
    assert one(document, "451").indicator is None


# Changes said after a comparison, and rankings that carry the measure ----------------------


def test_a_list_of_changes_compared_with_a_year_is_all_changes():
    document = read("化学需氧量、氨氮排放量分别较2025年下降3.2%、4.1%,均完成年度任务。")
    assert filed(document, "-3.2") == ("cod-reduction", "change")
    assert filed(document, "-4.1") == ("nh3n-reduction", "change")


def test_a_change_against_last_month_is_of_the_share_before_it():
    document = read(
        "从污染类型看,8月噪声举报最多,占举报总量的38.5%,比上月增加了2.1%;"
        "本季度空气优良天数为80天,较上季度增加5天。"
    )
    share, change = one(document, "38.5"), one(document, "2.1")
    assert share.indicator is None and change.indicator is None, change.reasons
    assert change.kind == "change"
    assert filed(document, "5", "天") == ("air-good-days", "change")


def test_rankings_of_cities_keep_the_pollutant_of_the_sentence_before():
    document = read(
        "二氧化氮浓度最低的是日照市,为15微克/立方米。6市同比改善,改善幅度最大的是泰安市,"
        "为12%;德州市同比持平;5市同比恶化,恶化幅度最大的是临沂市,为8.3%。"
    )
    assert filed(document, "-12") == ("no2", "change")
    assert filed(document, "8.3") == ("no2", "change")
    assert filed(document, "0") == ("no2", "change")
    assert one(document, "0").region.name == "德州市"


def test_a_heading_names_the_pollutant_its_paragraph_does_not():
    document = read(
        "青禾市2031年环境质量状况公报\n\n"
        "一、环境空气质量\n2031年,全市环境空气质量总体改善。\n\n"
        "(一)细颗粒物(PM2.5)\n"
        "全市年平均浓度为28微克/立方米,同比下降9.7%。浓度最低的是临朐县,为22微克/立方米;"
        "最高的是昌乐县,为35微克/立方米。颗粒物组分中硝酸盐平均浓度为12微克/立方米。\n\n"
        "(二)臭氧\n全市平均浓度为160微克/立方米,同比上升5.3%;城区为165微克/立方米。\n\n"
        "二、地表水环境质量\n高锰酸盐指数平均浓度为3.2毫克/升,溶解氧均值为7.9毫克/升。"
    )
    for value in ("28", "22", "35"):
        assert filed(document, value) == ("pm25", "level"), value
    assert filed(document, "-9.7") == ("pm25", "change")
    assert filed(document, "160") == ("o3", "level")
    assert filed(document, "165") == ("o3", "level")
    # Words naming a measure of their own, or a heading naming none, give no indicator.
    assert one(document, "12").indicator is None
    assert one(document, "7.9").indicator is None


# Synonyms and conventions of the standard measures ---------------------------------------


def test_good_days_said_as_days_meeting_the_standard_or_of_grade_two():
    document = read(
        "2031年,云栖县城区环境空气质量达到优、良天数共321天,优良率87.9%。全市空气质量达标天数"
        "为305天,达标天数比例为83.6%;空气质量二级及以上天数为298天。"
    )
    for value in ("321", "305", "298"):
        assert filed(document, value) == ("air-good-days", "level"), value
    assert filed(document, "83.6") == ("air-good-days-ratio", "level")


def test_safe_use_of_farmland_and_a_selection_of_cases():
    document = read(
        "全市农用地土壤安全利用率保持在96%以上。全年查处环境违法典型案件14件,"
        "共立案查处环境违法案件173件。"
    )
    assert filed(document, "96") == ("contaminated-farmland-safe-use-rate", "level")
    assert one(document, "14").indicator is None
    assert filed(document, "173") == ("enforcement-cases", "level")


def test_nothing_needs_no_unit():
    document = read("全市重污染天数比例为0,劣Ⅴ类水体持续为0;全年移送涉嫌环境犯罪案件为0。")
    assert [f.indicator for f in document.figures if f.kind == "level"] == [
        "heavy-pollution-days-ratio",
        "water-inferior-v-ratio",
        "pollution-crime-cases",
    ]


def test_classes_up_to_three_counted_together_are_the_good_share():
    document = read(
        "全市16个地表水监测断面中,Ⅱ类水质断面12个、Ⅲ类3个,占93.8%;Ⅳ类1个,占6.2%。"
        "Ⅲ类水质断面3个,占18.8%。"
    )
    assert filed(document, "93.8") == ("water-good-sections-ratio", "level")
    assert one(document, "6.2").indicator is None
    assert one(document, "18.8").indicator is None


def test_an_area_noise_level_without_day_or_night_is_the_days():
    document = read(
        "昌平州2031年声环境质量公报\n\n(一)城市区域声环境\n"
        "2031年,全州5个县市开展了区域环境噪声监测,共布设测点612个,平均等效声级为51.3分贝(A),"
        "比上年上升0.6分贝(A)。\n\n(二)道路交通声环境\n全州道路交通噪声平均等效声级为66.2分贝(A)。"
        "\n\n(三)功能区声环境\n1类区平均等效声级为52.1分贝(A)。城区区域环境噪声夜间平均等效声级"
        "为44.0分贝(A)。市政府监测点等效声级为55.0分贝(A)。"
    )
    assert filed(document, "51.3") == ("noise-day", "level")
    assert filed(document, "0.6") == ("noise-day", "change")
    assert filed(document, "66.2") == ("noise-traffic-day", "level")
    assert filed(document, "44.0") == ("noise-night", "level")
    assert one(document, "52.1").indicator is None  # a functional zone's
    assert one(document, "55.0").indicator is None  # one monitoring point's


def test_the_share_of_cities_meeting_the_standard_is_not_a_citys_rate():
    document = read(
        "2030年,全国337个城市中,205个城市环境空气质量达标,占60.8%,同比上升2.1个百分点。"
        "青禾市环境空气质量达标率为88.2%。"
    )
    assert one(document, "60.8").indicator is None
    assert one(document, "2.1").indicator is None
    assert filed(document, "88.2") == ("air-quality-standard-rate", "level")


def test_one_grade_of_polluted_days_is_not_all_of_them():
    document = read(
        "上半年,四市空气质量达标天数比例分别为80.1%、70.2%、69.3%、88.0%,轻度污染天数比例分别"
        "为7.7%、21.0%、22.1%、8.3%;严重污染天数比例为0.6%,重污染天数比例为3.1%,"
        "超标天数比例为12.4%。全年严重污染天数为2天,重污染天数为5天。"
    )
    assert filed(document, "80.1") == ("air-good-days-ratio", "level")
    for grade in ("7.7", "21.0", "22.1", "8.3", "0.6", "2"):
        assert one(document, grade).indicator is None, grade
    assert filed(document, "3.1") == ("heavy-pollution-days-ratio", "level")
    assert filed(document, "12.4") == ("exceedance-days-ratio", "level")
    assert filed(document, "5") == ("heavy-pollution-days", "level")


def test_one_value_said_of_two_measures_is_a_figure_for_each():
    document = read(
        "本月信访按时受理率和按时办结率均为100%。全年PM2.5、PM10浓度均同比下降10.2%,"
        "二氧化硫和一氧化碳浓度均同比持平。城区和郊区均为35微克/立方米。"
    )
    hundred = [f for f in document.figures if f.value == 100]
    assert [f.indicator for f in hundred] == [None, "petitions-resolved-ratio"]
    assert hundred[0].proposed[0].endswith("按时受理率")
    falls = [f.indicator for f in document.figures if f.value == Decimal("-10.2")]
    assert falls == ["pm25", "pm10"]
    flat = [f.indicator for f in document.figures if f.value == 0 and f.kind == "change"]
    assert flat == ["so2", "co"]
    assert len([f for f in document.figures if f.value == 35]) == 1  # parts of the area


def test_a_part_of_the_area_keeps_the_measure_of_the_sentence_before():
    document = read(
        "市区臭氧浓度为152微克/立方米。其中,城区为158微克/立方米,县城为147微克/立方米。"
        "全年优良天数为301天。城区为296天。"
    )
    assert [filed(document, v) for v in ("152", "158", "147")] == [("o3", "level")] * 3
    assert filed(document, "296") == ("air-good-days", "level")


def test_firms_named_after_their_cases_and_lakes_are_no_case_count_or_section_share():
    document = read(
        "督办的三件环境违法案件已查处到位,涉案企业中,除2家关停外,26家已完成整改。"
        "全年立案处罚环境违法企业315家。监测的180个重点湖(库)中,Ⅰ-Ⅲ类水质湖库比例为74.2%,"
        "同比上升2.1个百分点。全市地表水断面水质优良比例为90%。"
    )
    assert one(document, "2").indicator is None and one(document, "26").indicator is None
    assert filed(document, "315") == ("enforcement-cases", "level")
    assert one(document, "74.2").indicator is None and one(document, "2.1").indicator is None
    assert filed(document, "90") == ("water-good-sections-ratio", "level")


def test_a_second_list_of_the_same_places_is_of_its_own_measure():
    document = read(
        "甲、乙、丙、丁四市中,钦州、玉林、梧州、贺州空气质量达标天数比例分别为81.2%、61.9%、61.3%、"
        "89.5%;轻度污染天数比例分别为7.7%、21.0%、22.1%、8.4%,PM2.5浓度分别为41、52、48、30"
        "微克/立方米,同比分别下降3.2%、4.1%、2.3%和1.0%。"
    )
    assert filed(document, "89.5") == ("air-good-days-ratio", "level")
    for grade in ("7.7", "21.0", "22.1", "8.4"):
        assert one(document, grade).indicator is None, grade
    assert filed(document, "30") == ("pm25", "level")
    assert filed(document, "-1.0") == ("pm25", "change")


def test_changes_listed_after_the_levels_they_follow():
    document = read(
        "1-6月,全省共下达处罚决定书1520份,罚没金额9856.3万元,同比分别增长12.1%和8.7%。"
        "全市优良天数为320天,PM2.5浓度为28微克/立方米,同比分别增加12天、下降6.7%。"
    )
    assert filed(document, "12.1") == ("enforcement-cases", "change")
    assert filed(document, "8.7") == ("fines", "change")
    assert filed(document, "12", "天") == ("air-good-days", "change")
    assert filed(document, "-6.7") == ("pm25", "change")


def test_the_distance_to_a_target_is_neither_the_target_nor_the_level():
    document = read(
        "1-7月,全县优良天数为127天,距离年目标值差85天,距年度目标还差3.5个百分点;"
        "全年优良天数目标为310天,PM2.5浓度控制值为35微克/立方米。"
    )
    assert filed(document, "127") == ("air-good-days", "level")
    gap = one(document, "85")
    assert (gap.indicator, gap.kind) == (None, "level")
    assert one(document, "3.5").indicator is None
    assert filed(document, "310") == ("air-good-days", "target")
    assert filed(document, "35") == ("pm25", "target")


def test_a_satisfaction_score_in_points_beside_its_rate():
    document = read("群众对生态环境的满意度为92.3分,满意率为95.1%。")
    assert filed(document, "92.3") == ("public-satisfaction", "level")
    assert filed(document, "95.1") == ("public-satisfaction", "level")


def test_the_share_of_all_days_said_after_a_count_of_days_and_grades_of_one_character():
    document = read(
        "全年空气质量优良天数为320天,占全年有效监测天数的87.7%,其中优150天,良170天。"
        "全年重污染天数为3天,占0.8%。其中反映噪声问题的投诉198件,占47.1%。"
    )
    assert filed(document, "87.7") == ("air-good-days-ratio", "level")
    assert filed(document, "150") == ("air-excellent-days", "level")
    assert one(document, "170").indicator is None
    assert filed(document, "0.8") == ("heavy-pollution-days-ratio", "level")
    assert one(document, "47.1").indicator is None


def test_more_names_of_the_standard_measures_and_what_they_are_not():
    document = read(
        "全年市区酸雨率为41.5%。市区PM2.5达标天数为330天。全市36个控制断面中有30个断面满足Ⅲ类"
        "水质标准,占总断面数的83.3%。督察组向我县交办信访举报件96件,其中来电举报70件。"
        "案件平均罚款金额7.6万元。"
        "重度及以上污染天数平均12天。"
    )
    assert filed(document, "41.5") == ("acid-rain-frequency", "level")
    assert one(document, "330").indicator is None  # one pollutant's days, not good-air days
    assert filed(document, "83.3") == ("water-good-sections-ratio", "level")
    assert filed(document, "96") == ("petitions-transferred", "level")
    assert one(document, "70").indicator is None
    assert one(document, "7.6").indicator is None  # an average per case
    assert filed(document, "12") == ("heavy-pollution-days", "level")  # 平均 is no 均


def test_a_heading_names_only_what_is_reported_in_the_figures_unit():
    document = read(
        "青禾市环境质量公报\n\n(一)市区PM2.5达标天数增加\n"
        "2031年,比上年增加了12天,浓度为30微克/立方米,同比下降5.2%。"
    )
    assert one(document, "12").indicator is None
    assert filed(document, "30") == ("pm25", "level")
    assert filed(document, "-5.2") == ("pm25", "change")


def test_cases_under_the_laws_supporting_measures_and_a_change_of_a_measure_not_catalogued():
    document = read(
        "全国1-6月按日计罚案件520件 罚款金额超5亿\n"
        "6月份,全国适用《环境保护法》配套办法的案件总数为2210件,同比增长3.2%。"
        "其中,按日连续处罚案件88件,比去年同期增长12.4%。"
    )
    assert filed(document, "2210") == ("five-category-cases", "level")
    assert filed(document, "3.2") == ("five-category-cases", "change")
    # the change of a measure the catalogue lacks is of that measure, not the headline's fines
    daily = one(document, "12.4")
    assert (daily.indicator, daily.kind) == (None, "change")
    assert daily.proposed


def test_a_share_beside_a_pollutant_of_another_clause_is_no_reduction_of_its_emissions():
    document = read(
        "云栖县2031年环境质量状况公报\n"
        "地表水除东溪断面氨氮略有超标外,其他断面均达标;全县功能区环境噪声均符合标准限值,"
        "声功能区达标率100%。全县化学需氧量、氨氮排放量分别削减4.2%、3.9%。"
    )
    share = one(document, "100")
    assert share.indicator is None and share.proposed
    assert filed(document, "-3.9") == ("nh3n-reduction", "change")


def test_a_change_in_days_after_the_good_days_share_is_of_the_good_days():
    document = read(
        "2031年我县城区空气质量监测天数365天,其中优良天数341天,优良率为93.4%,同比增加6天。"
    )
    assert filed(document, "6") == ("air-good-days", "change")
    assert filed(document, "93.4") == ("air-good-days-ratio", "level")


def test_reports_accepted_of_those_received_are_the_catalogues_petitions():
    document = read(
        "2031年5月,青禾市环保举报平台共接到举报2140件。本月接到的举报中,已受理1987件,未受理153件。"
    )
    assert filed(document, "2140") == ("petitions", "level")
    assert filed(document, "1987") == ("petitions", "level")
    assert one(document, "153").indicator is None


def test_one_value_of_the_day_and_the_night_is_a_figure_for_each():
    document = read(
        "2031年第二季度,云栖县2类区昼间等效声级为51.3分贝,夜间等效声级为43.9分贝,"
        "全县昼夜间达标率均为100%。"
    )
    compliance = sorted(f.indicator for f in document.figures if f.value == Decimal("100"))
    assert compliance == ["noise-functional-compliance-day", "noise-functional-compliance-night"]


def test_the_worst_place_after_the_best_keeps_the_pollutant():
    document = read(
        "8月份,PM2.5浓度最佳的县(市、区)为临朐县18μg/m3;最差的县(市、区)为安丘市27μg/m3。"
    )
    assert filed(document, "18") == ("pm25", "level")
    assert filed(document, "27") == ("pm25", "level")


def test_days_of_the_first_grade_written_with_its_name_in_brackets():
    document = read(
        "2031年4月,城区优良天数为28天。其中,Ⅰ级(优)天数9天,Ⅱ级(良)天数19天,Ⅲ级(轻度污染)天数2天。"
    )
    assert filed(document, "9") == ("air-excellent-days", "level")
    assert one(document, "19").indicator is None
    assert filed(document, "28") == ("air-good-days", "level")


def test_unchanged_said_of_two_measures_listed_in_its_clause_is_a_figure_for_each():
    document = read(
        "与上月相比,可吸入颗粒物月均浓度上升6.1%,二氧化硫和一氧化碳月均浓度持平;"
        "PM2.5和PM10浓度同比持平;重度及以上污染天数比例持平。"
    )
    flat = sorted(f.indicator for f in document.figures if f.value == 0)
    assert flat == ["co", "heavy-pollution-days-ratio", "pm10", "pm25", "so2"]


def test_classes_of_water_said_clause_by_clause_with_their_counts_and_shares():
    document = read(
        "2031年10月,全市国考断面Ⅰ~Ⅲ类优良水质断面21个,比例为87.5%;无Ⅴ类中度污染水质断面;"
        "劣Ⅴ类重度污染水质断面3个,比例为12.5%。全市集中式饮用水水源地中,Ⅰ~Ⅲ类达标水质水源地"
        "11个,比例为91.7%;不达标水质水源地1个,比例为8.3%。"
    )
    assert filed(document, "87.5") == ("water-good-sections-ratio", "level")
    assert filed(document, "12.5") == ("water-inferior-v-ratio", "level")
    assert filed(document, "91.7") == ("drinking-water-compliance", "level")
    assert one(document, "8.3").indicator is None


def test_a_plan_said_done_counts_what_was_done_and_is_no_target():
    document = read(
        "2031年,云栖县全面完成水污染防治、农村环境整治行动计划共86项市对县年度考核任务。"
        "2032年计划完成整治项目40项。"
    )
    assert filed(document, "86") == ("annual-tasks-completed", "level")
    assert one(document, "40").kind == "target"


def test_sections_of_classes_two_to_three_are_the_good_share():
    document = read("2031年1~3月,全区8个考核断面中Ⅱ~Ⅲ类断面比例为87.5%。")
    assert filed(document, "87.5") == ("water-good-sections-ratio", "level")


def test_what_is_left_of_an_allowance_is_no_target_of_the_measure():
    document = read(
        "1月1日至8月10日,我县PM2.5年均浓度为41μg/m3,同比下降6.8%;年剩余日控制值为37μg/m3。"
    )
    assert filed(document, "41") == ("pm25", "level")
    left = one(document, "37")
    assert (left.indicator, left.kind) == (None, "target")


def test_days_reaching_grade_two_and_a_proposal_keeps_its_first_character():
    document = read(
        "2031年,全县空气质量达到二级标准的天数为331天,占全年有效监测天数的90.7%;"
        "中度污染天数5天,其他污染天数3天。"
    )
    assert filed(document, "331") == ("air-good-days", "level")
    assert filed(document, "90.7") == ("air-good-days-ratio", "level")
    assert one(document, "5").proposed[0] == "中度污染天数"


def test_the_aqi_compliance_rate_is_the_good_days_share():
    document = read("2031年,全市AQI达标率为86.4%,同比上升1.2个百分点。")
    assert filed(document, "86.4") == ("air-good-days-ratio", "level")
    assert filed(document, "1.2") == ("air-good-days-ratio", "change")


def test_a_figure_whose_words_name_a_measure_takes_none_from_another_clause():
    document = read(
        "2031年,全市空气质量优良天数比例保持稳定;城市生活污水集中处理率为96.5%。"
        "全市PM2.5浓度为31微克/立方米;其中城区为33微克/立方米。"
    )
    sewage = one(document, "96.5")
    assert sewage.indicator is None and sewage.proposed
    assert filed(document, "33") == ("pm25", "level")


@pytest.mark.parametrize(
    "text",
    [
        "2031年,青禾市SO 浓度为9μg/m3,同比下降10.0%;NO 浓度为27μg/m3,同比持平。",
        "2031年青禾市SO 年均浓度为9微克/立方米,比上年下降10.0%,NO 平均浓度27微克/立方米。",
        "青禾市2031年SO的浓度为9μg/m³,同比下降10.0%。NO的浓度为27μg/m³。",
    ],
)
def test_a_pollutant_whose_subscript_the_copy_lost_is_still_named(text):
    document = read(text)
    assert filed(document, "9") == ("so2", "level")
    assert filed(document, "-10.0") == ("so2", "change")
    assert filed(document, "27") == ("no2", "level")


def test_a_lone_so_or_no_naming_no_concentration_is_no_pollutant():
    document = read("There was no change: NO more than 12 cases, SO 3 days were good.")
    assert all(f.indicator not in ("so2", "no2") for f in document.figures)


@pytest.mark.parametrize(
    "said", ["昼、夜间达标率分别为", "昼夜间达标率分别为", "昼间、夜间达标率分别为"]
)
def test_day_and_night_compliance_listed_with_one_mark_between_them(said):
    document = read(f"2031年,青禾市城市功能区声环境质量{said}93.2%和81.4%。")
    assert filed(document, "93.2") == ("noise-functional-compliance-day", "level")
    assert filed(document, "81.4") == ("noise-functional-compliance-night", "level")


@pytest.mark.parametrize(
    ("said", "unit"),
    [
        ("优良水体比例为79.6%,接近全国平均水平(86.3%),同比上升3.2个百分点", "%"),
        ("优良水体比例为79.6%,低于全国平均水平(86.3%),同比上升3.2个百分点", "%"),
        ("优良水体比例79.6%,略低于全国平均(86.3%);同比上升3.2个百分点", "%"),
    ],
)
def test_the_average_a_value_is_compared_with_in_brackets_is_of_the_same_measure(said, unit):
    document = read(f"2031年,山西省地表水环境质量持续改善,全省{said}。")
    own, average = one(document, "79.6"), one(document, "86.3")
    assert (own.indicator, own.region.name) == ("water-good-sections-ratio", "山西省")
    assert (average.indicator, average.kind) == ("water-good-sections-ratio", "level")
    assert average.region.name == "全国"
    change = one(document, "3.2")
    assert (change.indicator, change.kind) == ("water-good-sections-ratio", "change")
    assert change.region.name == "山西省"


@pytest.mark.parametrize(
    "text",
    [
        "2031年,全省共监测地下水质量监测井180眼,水质达Ⅲ类以上标准的占71.3%。",
        "2031年,全省地下水Ⅰ~Ⅲ类水质点位比例为71.3%。",
        "In 2031, 71.3 percent of the groundwater monitoring wells met Grade III or better.",
    ],
)
def test_groundwater_up_to_class_three_is_no_share_of_surface_sections(text):
    assert one(read(text), "71.3").indicator != "water-good-sections-ratio"


@pytest.mark.parametrize(
    ("level", "change", "code"),
    [
        (
            "青禾市城区区域环境噪声昼间等效声级年均值为52.3dB(A)。",
            "与上年相比,噪声均值下降0.4dB(A)。",
            "noise-day",
        ),
        (
            "青禾市道路交通噪声平均值为66.1dB(A)。",
            "与上年相比,路段达标率上升3.2个百分点,噪声均值下降0.4dB(A)。",
            "noise-traffic-day",
        ),
        (
            "青禾市城区区域环境噪声昼间等效声级年均值为52.3分贝,",
            "噪声平均值较上年下降0.4分贝。",
            "noise-day",
        ),
    ],
)
def test_a_change_naming_its_measure_short_is_of_the_level_before(level, change, code):
    document = read(f"青禾市声环境质量\n2031年,{level}{change}")
    assert filed(document, "-0.4") == (code, "change")


def test_a_change_naming_a_measure_of_its_own_keeps_it():
    document = read(
        "青禾市声环境质量\n2031年,青禾市道路交通噪声平均值为66.1dB(A)。"
        "与上年相比,功能区噪声达标率下降0.4个百分点。"
    )
    assert one(document, "-0.4").indicator != "noise-traffic-day"


@pytest.mark.parametrize(
    ("said", "value", "code"),
    [
        ("PM2.5平均浓度为31微克/立方米,好于年度目标2.5微克/立方米", "-2.5", "pm25"),
        ("PM2.5平均浓度为31微克/立方米,优于考核目标2.5微克/立方米", "-2.5", "pm25"),
        ("优良天数比例为88.6%,好于年度目标1.2个百分点", "1.2", "air-good-days-ratio"),
        ("优良天数比例为88.6%,高于年度目标1.2个百分点", "1.2", "air-good-days-ratio"),
        ("优良天数比例为88.6%,低于年度目标1.2个百分点", "-1.2", "air-good-days-ratio"),
    ],
)
def test_how_far_past_its_target_a_measure_is_is_a_signed_change(said, value, code):
    document = read(f"青禾市空气质量\n2031年,青禾市{said}。")
    assert filed(document, value) == (code, "change")


@pytest.mark.parametrize(
    "said",
    [
        "PM2.5浓度为29微克/立方米,比上年下降3.1%好于年度目标",
        "PM2.5浓度为29微克/立方米,同比下降3.1%,好于年度目标",
        "PM2.5浓度为29微克/立方米,同比下降3.1%,完成年度目标",
    ],
)
def test_a_change_compared_with_the_target_after_it_is_no_target(said):
    document = read(f"青禾市空气质量\n2031年,青禾市{said}。")
    assert filed(document, "-3.1") == ("pm25", "change")


def test_the_target_word_is_of_the_number_after_it_not_one_further_on():
    # a copy that lost the full stop between two sentences
    document = read(
        "青禾市空气质量\n2031年,青禾市优良天数比例为88.6%,好于年度目标1.2个百分点"
        "重度及以上污染天数比例为0.8%,同比下降0.3个百分点。"
    )
    assert filed(document, "0.8") == ("heavy-pollution-days-ratio", "level")
    # …while a plan's own figure after its target word stays a target
    document = read("青禾市空气质量\n青禾市2031年度目标为PM2.5浓度不高于30微克/立方米。")
    assert one(document, "30").kind == "target"
    assert filed(read("青禾市\n2031年,完成PM2.5浓度同比下降4%的目标。"), "-4") == ("pm25", "target")


@pytest.mark.parametrize(
    "said",
    [
        "全省共查处五类案件412件",
        "全省查处适用配套办法的案件412件",
        "全省办理五类案件共412件",
    ],
)
def test_cases_of_the_five_categories_dealt_with_are_no_count_of_all_cases(said):
    document = read(f"青禾省执法情况\n2031年1-6月,{said},同比增长3.1%。")
    assert filed(document, "412") == ("five-category-cases", "level")
    assert filed(document, "3.1") == ("five-category-cases", "change")


@pytest.mark.parametrize(
    ("said", "code"),
    [
        ("由沙尘天气导致的超标天数比例为2.3%", "exceedance-days-ratio"),
        ("因秸秆焚烧造成的重污染天数为2.3天", "heavy-pollution-days"),
        ("由于臭氧污染引起的超标天数比例为2.3%", "exceedance-days-ratio"),
    ],
)
def test_the_part_one_cause_made_of_a_measure_is_no_figure_of_the_whole(said, code):
    document = read(f"青禾市空气质量\n2031年,青禾市{said}。")
    assert one(document, "2.3").indicator != code
    whole = read(f"青禾市空气质量\n2031年,受沙尘天气影响,青禾市{said.split('的', 1)[1]}。")
    assert one(whole, "2.3").indicator == code  # a cause of the whole, said apart


@pytest.mark.parametrize(
    "said",
    [
        "城区饮用水水源地水质达标率为97.5%,各县城关水源地水质良好,达标率均为100%",
        "城区饮用水水源地水质达标率为97.5%;农村水源地达标率为100%",
        "城区饮用水水源地水质达标率97.5%,乡镇水源地水质达标率也达到100%",
    ],
)
def test_a_level_naming_its_measure_short_is_of_the_level_before(said):
    document = read(f"青禾市水环境\n2031年,{said}。")
    assert filed(document, "97.5") == ("drinking-water-compliance", "level")
    assert filed(document, "100") == ("drinking-water-compliance", "level")


def test_a_word_of_the_sentence_far_from_the_number_is_no_short_name():
    document = read(
        "青禾省信访\n5月2日,第七生态环境保护督察组向青禾省移交信访举报件90件,"
        "其中涉及大气30件、生态12件。"
    )
    assert one(document, "12").indicator != "petitions-transferred"


@pytest.mark.parametrize(
    ("said", "code"),
    [
        ("出境断面II类水以上占比为96.4%", None),
        ("全年水质符合II类水质标准,入境断面II类水以上占比为96.4%", None),
        ("断面水质达到III类以上的比例为96.4%", "water-good-sections-ratio"),
        ("断面水质好于Ⅲ类的比例为96.4%", "water-good-sections-ratio"),
        ("断面水质符合III类标准的比例为96.4%", "water-good-sections-ratio"),
    ],
)
def test_class_two_or_better_is_no_share_of_class_three_or_better(said, code):
    document = read(f"青禾县水环境\n2031年,我县{said}。")
    assert one(document, "96.4").indicator == code


@pytest.mark.parametrize(
    ("said", "code"),
    [
        ("二氧化硫日均值第98百分位浓度为12微克/立方米", None),
        ("PM2.5日均浓度第95百分位数为75微克/立方米", None),
        ("臭氧日最大8小时第95百分位浓度为130微克/立方米", None),
        ("臭氧日最大8小时平均第90百分位浓度为150微克/立方米", "o3"),
        ("一氧化碳百分位(95%)日平均浓度为1.1毫克/立方米", "co"),
        ("一氧化碳浓度为1.1毫克/立方米", "co"),
        ("二氧化硫年均浓度为12微克/立方米", "so2"),
    ],
)
def test_a_concentration_is_the_catalogues_only_for_the_entrys_own_statistic(said, code):
    document = read(f"青禾市空气质量\n2031年,青禾市{said}。")
    value = "1.1" if "一氧化碳" in said else said.split("为")[-1].rstrip("微克/立方米毫")
    assert one(document, value).indicator == code


@pytest.mark.parametrize(
    "text",
    [
        "2031年,青禾市力争PM2.5浓度控制在30微克/立方米以内,优良天数比例不低于88%。",
        "青禾市2031年目标:PM2.5年均浓度不高于30微克/立方米,优良天数比例达到88%。",
        "按照省考核要求,2031年青禾市PM2.5浓度需控制在30微克/立方米以内,优良天数比例需达到88%。",
        "到2031年,青禾市PM2.5浓度降至30微克/立方米,优良天数比例达到88%。",
    ],
)
def test_every_aim_of_a_sentence_of_targets_is_a_target(text):
    document = read(f"青禾市空气质量\n{text}")
    assert filed(document, "30") == ("pm25", "target")
    assert filed(document, "88") == ("air-good-days-ratio", "target")


def test_a_result_after_a_target_in_its_sentence_is_no_target():
    document = read(
        "青禾市空气质量\n2031年,青禾市力争优良天数比例达到88%,实际达到86.1%,同比已提高2.1个百分点。"
    )
    assert filed(document, "88") == ("air-good-days-ratio", "target")
    assert filed(document, "86.1") == ("air-good-days-ratio", "level")
    assert filed(document, "2.1") == ("air-good-days-ratio", "change")


@pytest.mark.parametrize(
    ("said", "value"),
    [
        ("较年度目标值高1.5微克/立方米", "1.5"),
        ("比考核目标低1.5微克/立方米", "-1.5"),
        ("较年度目标好1.5微克/立方米", "-1.5"),
    ],
)
def test_how_far_from_its_target_said_with_a_comparison_is_a_signed_change(said, value):
    document = read(f"青禾市空气质量\n2031年,青禾市PM2.5浓度为29微克/立方米,{said}。")
    assert filed(document, value) == ("pm25", "change")


@pytest.mark.parametrize(
    "text",
    [
        "全市集中式饮用水水源地共12个。2031年,水质达标率为100%。",
        "2031年,青禾市城区共监测饮用水水源地3个。水质达标率为100%。",
        "青禾市对县级以上集中式饮用水水源地开展了监测。全年达标率为100%。",
    ],
)
def test_a_bare_rate_is_of_what_the_sentence_before_named(text):
    assert filed(read(f"青禾市水环境\n{text}"), "100") == ("drinking-water-compliance", "level")


def test_a_bare_rate_after_a_sentence_about_another_measure_stays_a_proposal():
    document = read("青禾市环境\n2031年,青禾市PM2.5浓度为31微克/立方米。全市水质达标率为96%。")
    assert one(document, "96").indicator is None


@pytest.mark.parametrize(
    ("said", "code"),
    [
        ("万元GDP能耗下降3.2%", "energy-intensity-reduction"),
        ("万元地区生产总值能耗同比下降3.2%", "energy-intensity-reduction"),
        ("万元GDP二氧化碳排放下降3.2%", "carbon-intensity-reduction"),
        ("万元地区生产总值二氧化碳排放较上年下降3.2%", "carbon-intensity-reduction"),
    ],
)
def test_intensities_per_ten_thousand_yuan_of_gdp_are_the_catalogues(said, code):
    assert filed(read(f"青禾市\n2031年,青禾市{said}。"), "-3.2") == (code, "change")


@pytest.mark.parametrize(
    "said", ["国控断面优良水质比例", "国考断面水质优良比例", "断面优良水质比例"]
)
def test_the_good_share_of_sections_said_with_its_words_in_another_order(said):
    document = read(f"青禾市水环境\n2031年,青禾市{said}为90.5%。")
    assert filed(document, "90.5") == ("water-good-sections-ratio", "level")
    coastal = read("青禾市水环境\n2031年,青禾市近岸海域优良水质比例为90.5%。")
    assert one(coastal, "90.5").indicator == "coastal-good-water-ratio"


@pytest.mark.parametrize(
    ("text", "values", "code", "kind"),
    [
        (
            "2031年,吉林省PM2.5平均浓度为31微克/立方米。长春市、四平市分别为29、33微克/立方米。",
            ("29", "33"),
            "pm25",
            "level",
        ),
        (
            "2031年,吉林省地表水优良水质断面比例为85.1%,同比上升2.1个百分点。"
            "长春市、四平市分别上升3.2和1.5个百分点。",
            ("3.2", "1.5"),
            "water-good-sections-ratio",
            "change",
        ),
        (
            "2031年,吉林省共受理信访举报1500件。长春市、四平市分别为600件、300件。",
            ("600", "300"),
            "petitions",
            "level",
        ),
    ],
)
def test_places_listed_with_分别_in_the_next_sentence_keep_the_measure_before(
    text, values, code, kind
):
    document = read(f"吉林省环境状况\n{text}")
    for value, city in zip(values, ("长春市", "四平市"), strict=True):
        figure = one(document, value)
        assert (figure.indicator, figure.kind) == (code, kind), value
        assert figure.region.name == city


def test_places_listed_before_a_measure_of_their_own_take_that_measure():
    document = read(
        "吉林省空气质量\n2031年,全省优良天数比例为88.1%。长春、吉林、四平轻度污染天数比例分别为"
        "10.2%、9.7%、12.3%。"
    )
    assert one(document, "10.2").indicator != "air-good-days-ratio"


@pytest.mark.parametrize(
    ("said", "code"),
    [
        ("以臭氧为首要污染物的超标天数比例为8.1%", "exceedance-days-ratio"),
        ("臭氧超标天数比例为8.1%", "exceedance-days-ratio"),
        ("PM2.5达标天数比例为8.1%", "air-good-days-ratio"),
        ("PM2.5重污染天数为8天", "heavy-pollution-days"),
    ],
)
def test_one_pollutants_days_are_no_days_of_all_pollutants(said, code):
    document = read(f"青禾市空气质量\n2031年,青禾市{said}。")
    assert one(document, "8.1" if "%" in said else "8").indicator != code


def test_days_of_all_pollutants_after_a_pollutants_clause_keep_their_code():
    document = read(
        "青禾市空气质量\n2031年,青禾市PM2.5浓度为30微克/立方米,超标天数比例为8.1%,"
        "优良天数比例为91.9%。"
    )
    assert one(document, "8.1").indicator == "exceedance-days-ratio"
    assert one(document, "91.9").indicator == "air-good-days-ratio"


@pytest.mark.parametrize(
    ("said", "level", "target", "code"),
    [
        ("PM2.5浓度为30微克/立方米,完成年度目标(32微克/立方米)", "30", "32", "pm25"),
        ("优良天数比例为90.5%,优于省下达目标(88.5%)", "90.5", "88.5", "air-good-days-ratio"),
        ("优良天数比例为90.5%(目标值88.5%)", "90.5", "88.5", "air-good-days-ratio"),
        ("优良天数比例为90.5%,年度目标为88.5%", "90.5", "88.5", "air-good-days-ratio"),
    ],
)
def test_a_targets_own_value_beside_a_level_is_the_target(said, level, target, code):
    document = read(f"青禾市空气质量\n2031年,青禾市{said}。")
    assert filed(document, level) == (code, "level")
    assert filed(document, target) == (code, "target")


def test_days_of_the_first_grade_named_with_its_grade_run_on():
    document = read(
        "2031年1-6月,全市优良天数累计160天,同比增加11天,其中一级优净增9天。"
        "一季度城区达到一级优的天数为40天,二级良的天数为45天。"
        "青禾县一级优天数同比减少3天。"
    )
    assert filed(document, "9") == ("air-excellent-days", "change")
    assert filed(document, "40") == ("air-excellent-days", "level")
    assert one(document, "45").indicator is None  # the second grade is good, not excellent
    assert filed(document, "-3") == ("air-excellent-days", "change")


def test_a_part_at_the_sites_the_nation_assesses_is_of_the_measure_named_before():
    document = read(
        "2031年,全省近岸海域优良水质(一、二类)比例为88.4%。其中,国家考核点位优良水质比例85%,"
        "优于80%的考核目标。"
    )
    assert filed(document, "85") == ("coastal-good-water-ratio", "level")
    document = read(
        "2031年,青禾市近岸海域水质优良比例91.2%,其中省考点位优良比例为90%。"
    )
    assert filed(document, "90") == ("coastal-good-water-ratio", "level")
    # a measure of its own at the same sites stays unnamed
    document = read(
        "2031年,全省近岸海域优良水质比例为88.4%。其中,国家考核点位富营养化海域面积比例6%。"
    )
    assert one(document, "6").indicator is None


def test_a_target_compared_with_a_level_named_short_is_of_that_levels_measure():
    document = read(
        "2031年,全省近岸海域优良水质比例为88.4%。其中,国家考核点位优良水质比例85%,"
        "优于80%的考核目标。"
    )
    assert filed(document, "80") == ("coastal-good-water-ratio", "target")
    document = read(
        "2031年1-9月,全市集中式饮用水水源地水质达标率为97.5%。其中,省考水源地达标比例96%,"
        "高于95%的年度目标。"
    )
    assert filed(document, "95") == ("drinking-water-compliance", "target")
    # a target that follows no level of its sentence is named by its own words only
    document = read("2031年,全省近岸海域优良水质比例为88.4%。其中,考核目标为80%。")
    assert one(document, "80").indicator is None


def test_a_share_of_lakes_and_reservoirs_at_good_quality_is_the_good_water_share():
    document = read("2031年6月,全省河流水质总体为优;重点湖库的水质优良率为62.5%。")
    assert filed(document, "62.5") == ("water-good-sections-ratio", "level")
    document = read("2031年,全市水库水质达到或优于Ⅲ类的比例为80%,湖泊为75%。")
    assert filed(document, "80") == ("water-good-sections-ratio", "level")
    # groundwater and drinking-water sources keep shares of their own
    document = read("2031年,全市地下水水质优良比例为70.2%。")
    assert one(document, "70.2").indicator != "water-good-sections-ratio"


def test_counts_of_provincial_sections_meeting_class_three_are_no_national_count():
    document = read(
        "2031年5月,青禾江支流58个省控断面中,51个省控断面水质达到或优于Ⅲ类标准。"
        "全市市控断面中有12个水质为Ⅲ类及以上。"
    )
    assert one(document, "51").indicator is None
    assert one(document, "12").indicator is None
    document = read("2031年,全省国控断面中有47个水质达到或优于Ⅲ类。")
    assert filed(document, "47") == ("sections-class-iii-or-better", "level")


def test_a_level_named_by_a_generic_word_after_a_change_is_of_the_changes_measure():
    document = read("2031年3月,全市PM2.5平均浓度环比下降20%,平均浓度降至40微克/立方米。")
    assert filed(document, "40") == ("pm25", "level")
    document = read("2031年3月,全市二氧化氮浓度同比下降12%,均值降到22微克/立方米。")
    assert filed(document, "22") == ("no2", "level")
    # a level naming a measure of its own keeps its own
    document = read("2031年3月,全市二氧化氮浓度同比下降12%,PM10浓度降至61微克/立方米。")
    assert filed(document, "61") == ("pm10", "level")
