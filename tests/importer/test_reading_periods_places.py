"""read() on invented bulletins: the period and the place of each figure and of the document.

Each text is written for these tests in the habits of real bulletins (a city's report naming
only its districts, a notice citing the ministry's circular, a ranking list of cities, dates
without a year), with other places, sentences and numbers.
"""

from datetime import date
from decimal import Decimal

import pytest

from importer import pipeline


def one(document, value):
    found = [f for f in document.figures if f.value == Decimal(value) and not f.derived]
    assert len(found) == 1, (value, [(str(f.value), f.quote) for f in document.figures])
    return found[0]


def region(figure):
    return figure.region.name if figure.region is not None else None


# Places ------------------------------------------------------------------------------------


def test_a_city_report_naming_only_its_districts_is_about_the_city():
    document = pipeline.read(
        "2024年6月空气质量简况\n"
        "2024年6月,全市优良天数为26天,同比增加2天。\n"
        "各区县细颗粒物浓度由高到低依次为涪城区(31微克/立方米)、游仙区(29微克/立方米)、"
        "三台县(24微克/立方米)。"
    )
    assert document.region.name == "绵阳市"
    assert region(one(document, "26")) == "绵阳市"


def test_a_city_report_listing_the_provinces_cities_first_is_about_the_one_whose_districts_it_covers():
    document = pipeline.read(
        "一、全省情况\n"
        "6月,全省各市优良天数分别为:德阳市、广元市29天,绵阳市28天,遂宁市27天。\n"
        "二、全市情况\n"
        "6月,全市优良天数为28天,轻度污染2天。\n"
        "三、各区县情况\n"
        "6月,涪城区优良天数27天,游仙区优良天数29天,三台县优良天数28天。"
    )
    assert document.region.name == "绵阳市"  # not 德阳市, the first city listed
    assert region(one(document, "2")) == "绵阳市"


def test_districts_of_several_cities_give_no_city():
    document = pipeline.read(
        "2024年6月空气质量简况\n"
        "2024年6月,全市优良天数为26天。\n"
        "涪城区、雁塔区和鼓楼区的细颗粒物浓度分别为31、29和24微克/立方米。"
    )
    assert document.region is None or document.region.name not in ("绵阳市", "西安市")


def test_a_body_whose_circular_the_text_follows_is_not_its_publisher():
    document = pipeline.read(
        "一、监测依据\n"
        "根据生态环境部办公厅《关于做好功能区声环境监测工作的通知》要求,我县对县城"
        "功能区声环境质量开展了例行监测。\n"
        "二、结果\n"
        "2024年第二季度,全县功能区昼间达标率为93.5%,夜间达标率为81.0%。"
    )
    assert "生态环境部" not in document.publisher
    assert document.region is None
    assert region(one(document, "93.5")) is None


def test_the_issuing_body_opening_the_date_line_of_the_page_is_the_publisher():
    document = pipeline.read(
        "2023年第一季度全市城市功能区声环境质量\n"
        "宜宾市生态环境局  时间:2023-04-12 09:10  【字体:大 中 小】\n"
        "2023年第一季度,全市功能区共监测60点次,昼间点次达标率为95.0%,夜间为80.0%。"
    )
    assert document.publisher == "宜宾市生态环境局"
    assert document.region.name == "宜宾市"
    assert region(one(document, "95.0")) == "宜宾市"


def test_places_of_a_breakdown_closed_before_a_figure_do_not_place_it():
    # in brackets, or up to the semicolon closing the clause, "其中…" names a part
    document = pipeline.read(
        "梧州市生态环境局2024年执法情况\n"
        "2024年,全市实施查封扣押9起(其中岑溪市2起)、限产停产3起,罚款金额512万元。\n"
        "2024年,全市优良天数比例为93.1%,其中岑溪、藤县2市超过95%;细颗粒物平均浓度为27微克/立方米。"
    )
    assert document.region.name == "梧州市"
    assert region(one(document, "2")) == "岑溪市"  # the part itself
    assert region(one(document, "3")) == "梧州市"
    assert region(one(document, "512")) == "梧州市"
    assert region(one(document, "27")) == "梧州市"
    # a breakdown still open places the figures in it
    document = pipeline.read(
        "梧州市生态环境局2024年执法情况\n2024年,全市实施查封扣押9起,其中岑溪市2起、藤县1起。"
    )
    assert region(one(document, "1")) == "藤县"


def test_a_list_of_places_in_a_sentence_without_figures_leaves_the_paragraphs_place():
    document = pipeline.read(
        "宁夏2023年环境空气质量状况\n"
        "2023年,全区地级城市优良天数比例为80.9%。按综合指数评价,空气质量相对较差的依次是"
        "石嘴山市、吴忠市和中卫市。剔除沙尘天气影响后,优良天数比例为86.7%。"
    )
    assert region(one(document, "86.7")) == "宁夏回族自治区"


def test_one_place_named_before_the_figures_of_the_next_sentence_still_governs_them():
    document = pipeline.read(
        "宁夏2023年环境空气质量状况\n"
        "2023年,全区地级城市优良天数比例为80.9%。石嘴山市空气质量改善最为明显。"
        "优良天数比例为78.4%,同比上升3.1个百分点。"
    )
    assert region(one(document, "78.4")) == "石嘴山市"


def test_an_autonomous_county_written_as_a_plain_county_is_that_county():
    document = pipeline.read(
        "2023年承德市各县区域声环境质量\n"
        "| 县名 | 测点数(个) | 平均等效声级(分贝) |\n"
        "|---|---|---|\n"
        "| 丰宁县 | 100 | 51.2 |\n"
        "| 围场县 | 104 | 52.6 |\n\n"
        "2023年,宽城县区域声环境昼间平均等效声级为50.8分贝。"
    )
    assert region(one(document, "51.2")) == "丰宁满族自治县"
    assert region(one(document, "52.6")) == "围场满族蒙古族自治县"
    assert region(one(document, "50.8")) == "宽城满族自治县"


def test_a_plain_region_named_after_a_quarter_is_a_grouping_not_its_city():
    document = pipeline.read(
        "二季度四川空气质量\n数据显示,二季度川南地区优良天数率为84.5%,同比上升2.2个百分点。"
    )
    assert region(one(document, "84.5")) == "川南地区"


def test_a_dateline_city_in_the_first_words_does_not_make_a_provincial_report_the_citys():
    document = pipeline.read(
        "中新网太原6月2日电(记者 王某)山西省政府新闻办2日召开新闻发布会通报称,2023年,"
        "全省设区市空气质量优良天数比例为72.4%,重污染天数为9天。"
    )
    assert document.region.name == "山西省"
    assert region(one(document, "72.4")) == "山西省"


def test_beijing_tianjin_hebei_and_the_neighbouring_regions_is_the_wider_grouping():
    document = pipeline.read(
        "In the first quarter, the PM2.5 density in Beijing-Tianjin-Hebei and the neighboring "
        "regions dropped 12.4 percent year-on-year, ministry data showed."
    )
    assert region(one(document, "-12.4")) == "京津冀及周边地区"


def test_a_company_over_the_page_does_not_make_a_national_report_its_citys():
    document = pipeline.read(
        "柳州恒达环保设备有限公司\n\n"
        "2022年全国环境执法通报 共下达处罚决定书9.1万份\n\n"
        "生态环境部近日通报2022年全国环境行政处罚情况:全国共下达处罚决定书9.1万份,"
        "罚没款数额总计76.7亿元。其中,查封扣押案件数量为6120件。"
    )
    assert document.region is not None and document.region.name == "全国"
    assert region(one(document, "6120")) == "全国"


def test_the_country_a_city_is_ranked_against_or_a_bracketed_country_is_no_place():
    document = pipeline.read(
        "2021年衢州市环境状况公报\n"
        "2021年,衢州空气质量位居全国前列,优良天数为341天,优良率为93.4%。\n"
        "2021年,某某(中国)有限公司 全市PM2.5平均浓度为24微克/立方米。"
    )
    assert region(one(document, "341")) == "衢州市"
    assert region(one(document, "24")) == "衢州市"


def test_a_county_named_by_its_short_form_before_its_urban_area_is_that_county():
    # 万州 alone is too common a pair of characters to search for; before 城区 it is the
    # district, and "州城区" inside it is no place.
    document = pipeline.read(
        "2021年3月份万州城区环境空气质量月报\n"
        "2021年3月,城区环境空气质量优良天数为28天,优良率为90.3%。\n"
        "丰都县城优良天数为30天。"
    )
    assert document.region.name == "万州区"
    assert region(one(document, "28")) == "万州区"
    assert region(one(document, "30")) == "丰都县"


def test_a_short_form_inside_an_earlier_name_before_an_urban_area_is_no_place():
    document = pipeline.read("2021年,西安新城区优良天数为251天。")
    assert region(one(document, "251")) == "新城区"


def test_a_city_bureaus_branch_in_a_county_city_makes_the_report_that_county_citys():
    # 大理 is the prefecture's short form as well as the county city's: the branch of the
    # prefecture's bureau is in the county city.
    document = pipeline.read(
        "发布机构: 大理州生态环境局大理市分局\n"
        "城区声环境监测完成\n"
        "监测结果表明,全市功能区昼间达标率为95.5%。"
    )
    assert document.publisher == "大理州生态环境局大理市分局"
    assert document.region.name == "大理市"
    assert region(one(document, "95.5")) == "大理市"


def test_counties_a_city_report_names_by_their_short_forms_are_those_counties():
    # In a report on 泉州市, "惠安", "德化" and "永春" at the head of a clause or in a list are
    # its counties; "永春湖" would be a lake. Excepted counties are not where the rest is.
    document = pipeline.read(
        "2027年泉州市环境质量状况\n"
        "2027年,全市酸雨频率为18.5%。惠安酸雨频率最高,为31%,德化、永春酸雨频率分别为12.4%、6.6%。"
        "各县城关饮用水水源地水质良好,除安溪(91.25%)外,达标率均为100%。"
    )
    assert region(one(document, "18.5")) == "泉州市"
    assert region(one(document, "31")) == "惠安县"
    assert region(one(document, "12.4")) == "德化县"
    assert region(one(document, "6.6")) == "永春县"
    assert region(one(document, "91.25")) == "安溪县"
    assert region(one(document, "100")) == "泉州市"


def test_a_county_short_form_outside_the_reports_region_is_no_place():
    document = pipeline.read(
        "2027年泉州市环境质量状况\n2027年,全市优良天数比例为97.5%,闽侯酸雨频率为9.1%。"
    )
    assert region(one(document, "9.1")) == "泉州市"


# Periods -----------------------------------------------------------------------------------


def test_a_week_given_by_its_first_and_last_day_is_that_week():
    document = pipeline.read(
        "2019年第7周(2月11日~2月17日),全省重点断面水质自动监测结果表明:Ⅰ~Ⅲ类水质断面为"
        "30个,占71.4%;劣Ⅴ类断面为2个,占4.8%。"
    )
    share = one(document, "71.4")
    assert (share.period_start, share.period_end) == (date(2019, 2, 11), date(2019, 2, 17))
    assert (document.period_start, document.period_end) == (date(2019, 2, 11), date(2019, 2, 17))


def test_the_pm25_of_a_monthly_mean_is_no_month():
    document = pipeline.read(
        "2022年9月全市环境空气质量排名\n"
        "2022年9月,各县(市、区)PM2.5月均浓度排名中,甲县PM2.5月均浓度为21微克/立方米。"
    )
    pm = one(document, "21")
    assert (pm.period_start, pm.period_end) == (date(2022, 9, 1), date(2022, 9, 30))


def test_a_year_whose_quarter_the_copy_lost_is_not_the_whole_year():
    document = pipeline.read(
        "2023年第三季度东坪县声环境功能区监测状况\n"
        "| 点位名称 | 监测项目 | 2023年第季度(dB) |\n"
        "|---|---|---|\n"
        "| 东坪县人民医院 | 昼间等效声级Ld | 52.3 |\n"
        "| 东坪县第一中学 | 昼间等效声级Ld | 48.9 |\n"
    )
    for value in ("52.3", "48.9"):
        cell = one(document, value)
        assert (cell.period_start, cell.period_end) == (date(2023, 7, 1), date(2023, 9, 30))


def test_the_same_period_of_a_named_year_keeps_the_months_of_the_paragraph():
    document = pipeline.read(
        "2019年上半年全省主要污染物排放情况\n"
        "2019年1至6月,全省化学需氧量排放总量52.1万吨,比2018年同期(53.4万吨)下降2.4%。"
    )
    before = one(document, "53.4")
    assert (before.period_start, before.period_end) == (date(2018, 1, 1), date(2018, 6, 30))
    now = one(document, "52.1")
    assert (now.period_start, now.period_end) == (date(2019, 1, 1), date(2019, 6, 30))


def test_months_without_a_year_are_of_the_bulletins_period_not_of_its_update_day():
    document = pipeline.read(
        "东坪市城市环境空气质量状况\n"
        "更新时间:2020-02-03\n"
        "(2019年11月)\n"
        "11月,全市PM2.5平均浓度为38微克/立方米,优良天数比例为83.3%。"
    )
    pm = one(document, "38")
    assert (pm.period_start, pm.period_end) == (date(2019, 11, 1), date(2019, 11, 30))


def test_a_note_under_a_table_is_not_the_opening_that_dates_the_bulletin():
    document = pipeline.read(
        "| 城镇 | 有效测点数(个) | 平均等效声级(分贝) |\n"
        "|---|---|---|\n"
        "| 宣汉县 | 111 | 52.4 |\n"
        "| 开江县 | 117 | 54.1 |\n\n"
        "注:评价按《声环境质量标准》(GB3096—2008)执行,等级划分依据相关技术规范。\n\n"
        "2021年,达州市城区、宣汉、开江开展了城市区域环境噪声监测,总体水平为二级。"
    )
    for value in ("52.4", "54.1"):
        cell = one(document, value)
        assert (cell.period_start, cell.period_end) == (date(2021, 1, 1), date(2021, 12, 31))


def test_a_line_of_markup_is_no_title_and_the_cited_bulletin_names_the_document():
    document = pipeline.read(
        '<image>data:image/s3,"s3://crabby-images/9b1d3/9b1d3da2e71a49d9ba6d1cc2fe8b3e9ee7aab40c" alt="泉州晚报"</image>\n'
        "28日,省政府新闻办召开发布会,发布《2022年江西省生态环境状况公报》。\n"
        "2022年,全省设区城市空气优良天数比例为91.2%,同比上升0.4个百分点。\n"
        "全省主要河流优良水质比例为96.0%。"
    )
    assert document.title == "2022年江西省生态环境状况公报"
    assert document.region.name == "江西省"
    water = one(document, "96.0")
    assert region(water) == "江西省"
    assert (water.period_start, water.period_end) == (date(2022, 1, 1), date(2022, 12, 31))


def test_so_far_this_year_runs_to_a_date_line_that_gives_the_day_first():
    document = pipeline.read(
        "甘肃环保执法成效明显\n"
        "15.07.2016  09:20\n"
        "截至目前,全省环保系统共出动执法人员1.6万人次,检查企业5200余家次。"
        "查处环境违法案件130件。"
    )
    assert document.date == date(2016, 7, 15)
    for value in ("1.6", "130"):
        figure = one(document, value)
        assert (figure.period_start, figure.period_end) == (date(2016, 1, 1), date(2016, 7, 15))


def test_a_year_naming_a_campaign_before_since_leaves_the_campaigns_dates_to_the_opening():
    document = pipeline.read(
        "专项行动查处违法企业4300余家\n"
        "记者从省环保厅获悉,自今年4月开展2012年清水行动以来,截至7月底,全省共检查企业9100余家。\n"
        "“2012年清水行动以来全省共挂牌督办案件260起,其中省级挂牌督办31件。”"
    )
    for value in ("260", "31"):
        figure = one(document, value)
        assert (figure.period_start, figure.period_end) == (date(2012, 4, 1), date(2012, 7, 31))


def test_since_a_year_runs_to_the_date_of_publication():
    document = pipeline.read(
        "东坪市持续推进环境执法\n发布时间:2019-08-20\n2018年以来,全市共立案查处环境违法案件412起。"
    )
    cases = one(document, "412")
    assert (cases.period_start, cases.period_end) == (date(2018, 1, 1), date(2019, 8, 20))


def test_counts_to_a_cut_off_the_copy_garbled_have_no_period_not_the_titles_month():
    document = pipeline.read(
        "2021年9月全省生态环境信访问题办理进展情况\n"
        "为解决群众身边的生态环境问题,省里部署开展了信访问题专项办理工作。\n"
        "截至到915日,全省共接到信访投诉8230个,已办结7954个,办结率为96.6%。\n"
        "按污染类型分,噪声污染问题4120个,占总数的50.1%。"
    )
    for value in ("8230", "96.6", "4120", "50.1"):
        figure = one(document, value)
        assert (figure.period_start, figure.period_end) == (None, None), value


def test_counts_to_a_cut_off_the_text_opens_with_run_from_the_start_of_its_year():
    document = pipeline.read(
        "2021年9月全省生态环境信访问题办理进展情况\n"
        "截至9月15日,全省共接到信访投诉8230个,已办结7954个。\n"
        "按污染类型分,噪声污染问题4120个,占总数的50.1%。"
    )
    share = one(document, "50.1")
    assert (share.period_start, share.period_end) == (date(2021, 1, 1), date(2021, 9, 15))


def test_a_cut_off_saying_when_complaints_were_settled_does_not_date_the_next_counts():
    document = pipeline.read(
        "东坪县环境信访处理情况(2022年6月)\n"
        "2022年6月,我局共受理环境信访56件。截至2022年6月28日全部办结。"
        "涉气类信访31起,占受理总量的55%,截至2022年6月28日全部办结。涉噪类信访17起,均已办结。"
    )
    for value in ("31", "55", "17"):
        figure = one(document, value)
        assert (figure.period_start, figure.period_end) == (date(2022, 6, 1), date(2022, 6, 30))


def test_a_target_for_the_year_stated_beside_months_is_the_whole_years():
    document = pipeline.read(
        "甘肃1—9月空气质量\n"
        "2022年1—9月,全省优良天数比例为91.4%,高于88.0%的年度目标要求;"
        "地表水优良水体比例为90.2%,达到不低于85.5%的年度考核目标。"
    )
    share = one(document, "91.4")
    assert (share.period_start, share.period_end) == (date(2022, 1, 1), date(2022, 9, 30))
    for value in ("88.0", "85.5"):
        target = one(document, value)
        assert target.kind == "target"
        assert (target.period_start, target.period_end) == (date(2022, 1, 1), date(2022, 12, 31))


def test_as_of_a_month_without_a_year_is_no_known_period_in_english():
    document = pipeline.read(
        "Inspections of coastal outfalls\n"
        "As of May, inspectors had checked 12,000 kilometers of coastline, finding 41,000 "
        "outfalls.\n"
        "The share of good water rose to 88.1 percent in 2023, compared with 70.2 percent in 2016."
    )
    surveyed = one(document, "12000")
    assert (surveyed.period_start, surveyed.period_end) == (None, None)
    earlier = one(document, "70.2")
    assert (earlier.period_start, earlier.period_end) == (date(2016, 1, 1), date(2016, 12, 31))
    later = one(document, "88.1")
    assert (later.period_start, later.period_end) == (date(2023, 1, 1), date(2023, 12, 31))


def test_a_weekly_report_numbered_by_its_week_covers_that_monday_to_sunday():
    document = pipeline.read(
        "浙江省水质自动监测周报(2018年第12周)\n"
        "本周全省36个控制断面中有30个断面满足Ⅲ类水质标准,占总断面数的83.3%。"
    )
    share = one(document, "83.3")
    assert (share.period_start, share.period_end) == (date(2018, 3, 19), date(2018, 3, 25))


def test_a_since_remark_closed_by_a_semicolon_does_not_date_the_next_figures():
    document = pipeline.read(
        "2022年全国生态环境状况\n"
        "2022年,全国PM2.5平均浓度为29微克/立方米,同比下降3.3%,“十三五”以来,已实现连续下降;"
        "全国地表水Ⅰ-Ⅲ类断面比例为87.9%,同比上升3.0个百分点。"
    )
    for value in ("87.9", "3.0"):
        figure = one(document, value)
        assert (figure.period_start, figure.period_end) == (date(2022, 1, 1), date(2022, 12, 31))


def test_a_target_compared_with_months_keeps_no_period_the_text_does_not_give_it():
    document = pipeline.read(
        "东坪市环境质量情况\n"
        "2023年1至9月,全市优良天数比率为92.0%,同比下降0.4个百分点,但高于省定88.0%的目标。"
        "到2025年,全市优良天数比例达到90.5%的目标。"
    )
    level = one(document, "92.0")
    assert (level.period_start, level.period_end) == (date(2023, 1, 1), date(2023, 9, 30))
    unsaid = one(document, "88.0")
    assert unsaid.kind == "target"
    assert (unsaid.period_start, unsaid.period_end) == (None, None)
    planned = one(document, "90.5")
    assert (planned.period_start, planned.period_end) == (date(2025, 1, 1), date(2025, 12, 31))


def test_a_national_network_or_standard_in_a_city_report_is_not_the_country():
    document = pipeline.read(
        "Baise keeps its water clean\n"
        "In 2023, the air quality of Baise was excellent on 96.2 percent of days.\n"
        "All 9 sections of the national surface water assessment met the class III standard, "
        "a rate of 100 percent."
    )
    share = one(document, "100")
    assert share.region is not None and share.region.name == "百色市"


def test_a_quarter_written_with_a_digit_after_the_year_and_the_place_is_that_quarter():
    document = pipeline.read(
        "东坪县声环境功能区监测\n"
        "监测结果表明,2021年东坪县第2季度功能区噪声总体较好,一类区昼间等效声级为44.6分贝"
        "(上年同期45.9分贝)。"
    )
    level = one(document, "44.6")
    assert (level.period_start, level.period_end) == (date(2021, 4, 1), date(2021, 6, 30))
    earlier = one(document, "45.9")
    assert (earlier.period_start, earlier.period_end) == (date(2020, 4, 1), date(2020, 6, 30))


def test_a_part_of_the_year_said_after_the_place_is_of_the_year_said_before_it():
    document = pipeline.read(
        "空气质量通报\n发布时间:2024-01-05\n2022年全省上半年优良天数比例为88.2%。"
    )
    share = one(document, "88.2")
    assert (share.period_start, share.period_end) == (date(2022, 1, 1), date(2022, 6, 30))


def test_headings_that_state_a_period_date_the_sections_under_them():
    document = pipeline.read(
        "一、2023年6月全省地表水水质状况\n"
        "(一)国考断面水质总体为优。Ⅰ~Ⅲ类水质断面41个,比例为93.2%。\n"
        "(二)湖库点位水质总体良好。Ⅰ~Ⅲ类水质点位9个,比例为81.8%。\n"
        "二、2023年1-6月全省地表水水质状况\n"
        "(一)国考断面水质总体为优。Ⅰ~Ⅲ类水质断面40个,比例为90.9%。\n"
        "(二)湖库点位水质总体良好。Ⅰ~Ⅲ类水质点位8个,比例为72.7%。"
    )
    # "2023年1-6月" in a short line is months, not the first of June: no date of issue.
    assert document.date is None
    for value in ("93.2", "81.8"):
        month = one(document, value)
        assert (month.period_start, month.period_end) == (date(2023, 6, 1), date(2023, 6, 30))
    for value in ("90.9", "72.7"):
        half = one(document, value)
        assert (half.period_start, half.period_end) == (date(2023, 1, 1), date(2023, 6, 30))


def test_a_headline_over_the_navigation_of_a_reprint_gives_the_period_and_place():
    # The print and font buttons are no title; a line stating a year is no site's name, and
    # the column tag the copy cut at its bracket is no part of the headline.
    document = pipeline.read(
        "绿水青山】2022年石柱县空气质量优良天数349天\n\n"
        "2023-03-02 10:15 某某晚报  首页 > 关注 > 环境 >\n\n"
        "打印 放大 缩小\n\n"
        "记者从我县2022年度环境质量新闻发布会上获悉,全县空气质量优良天数349天,"
        "县级饮用水水源地全年水质达标率为100%。"
    )
    assert document.title == "2022年石柱县空气质量优良天数349天"
    assert document.region.name == "石柱土家族自治县"
    assert (document.period_start, document.period_end) == (date(2022, 1, 1), date(2022, 12, 31))
    whole_year = one(document, "100")
    assert region(whole_year) == "石柱土家族自治县"
    assert (whole_year.period_start, whole_year.period_end) == (
        date(2022, 1, 1),
        date(2022, 12, 31),
    )


def test_where_a_share_lies_is_not_the_place_of_the_figures_after_it():
    document = pipeline.read(
        "2027年全国生态质量状况\n"
        "2027年,全国生态质量指数为60.12。生态质量为一类的县域面积占国土面积的28.3%,主要分布在"
        "长白山和武夷山等地区;二类的县域面积占31.6%,主要分布在四川盆地。"
    )
    assert region(one(document, "28.3")) == "全国"
    assert region(one(document, "31.6")) == "全国"


def test_a_total_to_the_end_of_a_year_and_a_change_from_a_bracketed_year_have_no_period():
    # Done in all by the end of 2026, from a start the text does not give; a change against
    # the state before the works ("整治前(2021年)") is not dated by the year it is compared with.
    document = pipeline.read(
        "2027年海洋生态环境状况\n"
        "截至2026年年底,全省共清理岸滩垃圾约12万吨,重点岸段垃圾密度比整治前(2021年)下降超过45%。"
    )
    cleared = one(document, "12")
    assert (cleared.period_start, cleared.period_end) == (None, None)
    change = one(document, "-45")
    assert change.period_start is None or change.period_start.year != 2021


def test_a_bureau_named_without_its_place_is_the_one_of_the_city_owning_the_site():
    document = pipeline.read(
        "上半年我市空气质量持续改善\n"
        "来源：市生态环境局  发布时间：2027-07-15\n"
        "今年上半年,全市优良天数比例为91.6%,同比上升1.4个百分点。\n"
        "版权所有：自贡市人民政府 蜀ICP备05000001号"
    )
    assert document.region.name == "自贡市"
    share = one(document, "91.6")
    assert region(share) == "自贡市"
    assert (share.period_start, share.period_end) == (date(2027, 1, 1), date(2027, 6, 30))


def test_the_number_of_an_issue_is_no_period():
    document = pipeline.read(
        "环境质量月报(2027年第5期)\n"
        "发布时间:2027-06-08\n"
        "5月份,全县环境空气质量优良率为95.2%,较上月上升3.2个百分点,主要污染物为臭氧。"
    )
    assert (document.period_start, document.period_end) == (date(2027, 5, 1), date(2027, 5, 31))
    share = one(document, "95.2")
    assert (share.period_start, share.period_end) == (date(2027, 5, 1), date(2027, 5, 31))


def test_a_town_or_a_road_named_after_a_city_is_not_that_city():
    document = pipeline.read(
        "2027年旺苍县环境空气质量\n"
        "2027年,全县优良天数为341天,其中黄山镇优良天数为350天,汉中路监测点PM2.5浓度为26微克/立方米。"
    )
    assert region(one(document, "350")) == "旺苍县"
    assert region(one(document, "26")) == "旺苍县"


def test_the_first_three_quarters_are_not_the_third_quarter():
    document = pipeline.read(
        "今年前三季度我省环境质量稳中向好\n"
        "2027年10月20日 来源：湖南省生态环境厅\n"
        "今年前三季度,全省地表水国考断面水质优良比例为96.1%。前3季度,全省优良天数比例为90.8%。"
    )
    for value in ("96.1", "90.8"):
        figure = one(document, value)
        assert (figure.period_start, figure.period_end) == (date(2027, 1, 1), date(2027, 9, 30))


def test_the_whole_year_is_the_paragraphs_year_not_the_documents():
    document = pipeline.read(
        "2027年全市生态环境状况公报\n"
        "2026年,全市优良天数为311天。全年共查处环境违法案件97件。\n"
        "2027年,全市优良天数为318天。全年共查处环境违法案件88件。"
    )
    earlier = one(document, "97")
    assert (earlier.period_start, earlier.period_end) == (date(2026, 1, 1), date(2026, 12, 31))
    later = one(document, "88")
    assert (later.period_start, later.period_end) == (date(2027, 1, 1), date(2027, 12, 31))


def test_the_mean_of_a_counted_list_of_cities_is_the_regions_not_the_last_citys():
    document = pipeline.read(
        "2027年6月广西城市空气质量\n"
        "2027年6月,百色、贺州、河池、来宾和崇左5个城市优良天数比例均值为98.7%,与5月持平。"
        "南宁、柳州优良天数比例分别为93.3%、90.0%。"
    )
    mean = one(document, "98.7")
    assert region(mean) == "广西壮族自治区"
    assert region(one(document, "93.3")) == "南宁市"


def test_the_city_centre_or_the_south_is_no_county_of_that_name():
    # 乐山 has a 市中区 and 南充 a 南部县: "市中心", "南部" are the centre and the south.
    document = pipeline.read(
        "2027年乐山市环境空气质量\n2027年,全市优良天数为327天,市中心城区优良天数为318天。"
    )
    assert region(one(document, "318")) == "乐山市"
    south = pipeline.read(
        "2027年南充市环境空气质量\n2027年,全市优良天数为331天,南部丘陵区优良天数为335天。"
    )
    assert region(one(south, "335")) == "南充市"


# A line naming only a place, closed by a colon, places the paragraphs under it. ------------


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "一季度重点城市空气质量\n天津市:\n"
            "1-3月优良天数比例为71.2%,同比提高2.5个百分点。PM2.5浓度为58微克/立方米。\n"
            "石家庄市:\n"
            "1-3月优良天数比例为48.9%,同比降低1.1个百分点。PM2.5浓度为77微克/立方米。\n",
            {"71.2": "天津市", "58": "天津市", "48.9": "石家庄市", "77": "石家庄市"},
        ),
        (
            # a grouping with the count of the cities it reports on
            "重点区域空气质量简况\n京津冀及周边地区28个城市:\n"
            "1-5月平均优良天数比例为52.3%,PM10浓度为96微克/立方米。\n"
            "汾渭平原11个城市:\n1-5月平均优良天数比例为61.4%,PM10浓度为88微克/立方米。\n",
            {
                "52.3": "京津冀及周边地区",
                "96": "京津冀及周边地区",
                "61.4": "汾渭平原",
                "88": "汾渭平原",
            },
        ),
    ],
)
def test_a_place_and_a_colon_on_a_line_of_its_own_place_the_paragraphs_under_it(text, places):
    document = pipeline.read(text)
    assert {value: region(one(document, value)) for value in places} == places


def test_a_line_opening_with_a_place_and_closed_by_a_colon_that_says_more_places_nothing():
    document = pipeline.read(
        "一季度空气质量简况\n"
        "2024年一季度,全市优良天数比例为83.1%。\n"
        "天津市生态环境局负责人介绍:\n"
        "全市PM2.5浓度为41微克/立方米。\n"
    )
    assert region(one(document, "41")) == region(one(document, "83.1"))


# An inspection team is named after the place that sends it, not the place it reports on. --


def test_a_team_named_after_its_province_does_not_make_the_province_the_documents_place():
    document = pipeline.read(
        "6月12日,江西省第三生态环境保护督察组向信丰县转办第五批群众信访举报件21件。"
        "截至6月12日,江西省第三生态环境保护督察组累计向信丰县转办举报件96件。\n"
        "从举报件涉及的问题类型来看,涉及大气9件、噪声7件、水5件。\n"
    )
    assert document.region.name == "信丰县"
    assert region(one(document, "9")) == "信丰县"


def test_a_team_named_after_its_city_does_not_make_the_city_the_documents_place():
    document = pipeline.read(
        "赣州市生态环境保护督察组进驻以来,赣州市生态环境保护督察组共向崇义县交办信访件"
        "14件,其中来电8件。\n"
        "举报涉及大气问题6件、噪声问题5件。\n"
    )
    assert document.region.name == "崇义县"
    assert region(one(document, "6")) == "崇义县"


def test_a_province_named_for_itself_beside_a_team_stays_the_documents_place():
    document = pipeline.read(
        "江西省生态环境厅通报,江西省第三生态环境保护督察组向信丰县转办举报件21件。"
        "江西省各地已办结举报件300件。\n"
        "江西省涉及大气问题的举报占41.5%。\n"
    )
    assert document.region.name == "江西省"


# A district whose name is an everyday word (老城区 "the old town", 新城区 "the new town"). ----


def test_the_old_town_of_a_county_report_is_no_district_of_another_province():
    document = pipeline.read(
        "关于2023年全县环境状况的报告\n"
        "2023年,全县城区空气质量优良天数比例为90.4%。颗粒物超标主要原因是老城区改造,"
        "扬尘污染加重,PM10超标天数为12天。\n"
    )
    assert document.region is None or document.region.name != "老城区"
    assert region(one(document, "90.4")) != "老城区"
    assert region(one(document, "12")) != "老城区"


def test_a_new_town_station_is_no_district_of_another_city():
    document = pipeline.read(
        "2023年永川区饮用水水源水质\n"
        "2023年,永川区新城区水厂取水口水质达标率为100%,老城区管网末梢水达标率为98.5%。\n"
    )
    assert region(one(document, "100")) == "永川区"
    assert region(one(document, "98.5")) == "永川区"


def test_a_district_of_that_name_listed_with_its_siblings_or_after_its_city_is_read():
    listed = pipeline.read(
        "2023年西安市各区空气质量\n"
        "2023年,新城区、碑林区和莲湖区优良天数分别为251天、248天和246天。\n"
    )
    assert region(one(listed, "251")) == "新城区"
    after_its_city = pipeline.read("2023年,洛阳市老城区优良天数为262天。\n")
    assert region(one(after_its_city, "262")) == "老城区"


# A direction word after a river or a lake is no province (河北岸 "the river's north bank"). --


def test_the_north_bank_of_a_river_is_not_hebei():
    document = pipeline.read(
        "彰武县2023年环境质量公报\n"
        "依据柳条河北岸空气自动监测站,2023年全县优良天数为311天,达标率85.2%。\n"
    )
    assert region(one(document, "311")) == "彰武县"
    assert region(one(document, "85.2")) == "彰武县"


def test_the_south_bank_of_a_lake_is_not_hunan():
    document = pipeline.read(
        "2023年,清水湖南岸监测点位的总磷年均浓度为0.045毫克/升,全县地表水水质达标率为95.0%。\n"
    )
    assert region(one(document, "95.0")) != "湖南省"
    assert region(one(document, "0.045")) != "湖南省"


def test_a_province_named_before_its_own_words_is_still_read():
    document = pipeline.read(
        "2023年,河北省优良天数比例为67.4%。湖南省地表水水质优良断面比例为97.1%。\n"
    )
    assert region(one(document, "67.4")) == "河北省"
    assert region(one(document, "97.1")) == "湖南省"


# A ten-day part of a month (上旬, 中旬, 下旬) is those days, not the whole month. ---------------


def test_the_middle_ten_days_of_a_month_are_its_11th_to_20th():
    document = pipeline.read(
        "2026年6月中旬,全省87个监测断面中,Ⅰ~Ⅲ类水质断面79个,占90.8%,同比增加1.2%。"
    )
    share = one(document, "90.8")
    assert (share.period_start, share.period_end) == (date(2026, 6, 11), date(2026, 6, 20))


def test_the_last_ten_days_run_to_the_months_end_and_a_title_year_dates_them():
    document = pipeline.read(
        "2026年地表水水质旬报(第18期)\n2月下旬,全省地表水水质总体良好,监测断面水质优良比例为88.4%。"
    )
    share = one(document, "88.4")
    assert (share.period_start, share.period_end) == (date(2026, 2, 21), date(2026, 2, 28))


def test_a_month_without_a_ten_day_part_stays_the_whole_month():
    document = pipeline.read("2026年6月,全省监测断面水质优良比例为89.9%。上旬以降雨为主。")
    share = one(document, "89.9")
    assert (share.period_start, share.period_end) == (date(2026, 6, 1), date(2026, 6, 30))


# "“十三五”以来" is since the plan began: it dates no figure, which keeps its own period. -----


def test_a_rise_since_a_five_year_plan_began_is_of_the_documents_year():
    document = pipeline.read(
        "2027年某省生态环境状况公报\n"
        "全省地表水优良断面比例为91.3%,“十三五”以来累计上升9.2个百分点。"
        "优良天数比例为88.0%,好于年度目标1.5个百分点。"
    )
    for value in ("9.2", "88.0", "1.5"):
        figure = one(document, value)
        assert (figure.period_start, figure.period_end) == (
            date(2027, 1, 1),
            date(2027, 12, 31),
        ), value


def test_a_plans_years_said_as_its_period_still_date_its_figures():
    document = pipeline.read(
        "2027年某省生态环境状况公报\n“十三五”期间,全省累计完成造林面积610万亩。"
    )
    planted = one(document, "610")
    assert (planted.period_start, planted.period_end) == (date(2016, 1, 1), date(2020, 12, 31))


def test_a_fall_since_a_plan_began_in_a_months_report_is_of_those_months():
    document = pipeline.read(
        "2027年1-6月,全市PM2.5平均浓度为33微克/立方米,十四五以来累计下降12.5%。"
    )
    fall = one(document, "-12.5")
    assert (fall.period_start, fall.period_end) == (date(2027, 1, 1), date(2027, 6, 30))


# A text naming no place that opens with the country's network or cities is the country's. --


def test_a_water_monthly_opening_with_the_national_sections_is_the_countrys():
    document = pipeline.read(
        "一、地表水\n"
        "2027年3月,3712个国家地表水评价断面里,Ⅰ~Ⅲ类优良水质断面占88.1%,"
        "比上年同月多1.4个百分点。\n"
    )
    assert document.region.name == "全国"
    assert region(one(document, "88.1")) == "全国"


def test_an_air_monthly_opening_with_the_cities_at_prefecture_level_is_the_countrys():
    document = pipeline.read(
        "2027年1-4月,339个地级及以上城市平均优良天数比例为84.7%,PM2.5浓度为33微克/立方米。\n"
    )
    assert document.region.name == "全国"
    assert region(one(document, "84.7")) == "全国"


def test_a_provinces_own_national_sections_are_not_the_countrys():
    document = pipeline.read("2027年3月,全省147个国家地表水考核断面中,水质优良断面比例为92.5%。\n")
    assert document.region is None or document.region.name != "全国"


# A running total up to a month (截至, 累计到) runs from the start of that month's year. -------


def test_data_accumulated_to_a_month_run_from_january():
    document = pipeline.read(
        "2026年1-9月,城区优良天数比例为90.1%(数据累计到2026年9月),"
        "有效监测天数共271天,其中优良天数244天。"
    )
    good = one(document, "244")
    assert (good.period_start, good.period_end) == (date(2026, 1, 1), date(2026, 9, 30))


def test_a_total_up_to_the_end_of_a_month_of_a_year_runs_from_january():
    document = pipeline.read("截至2026年5月底,全县累计立案查处环境违法案件41件。")
    cases = one(document, "41")
    assert (cases.period_start, cases.period_end) == (date(2026, 1, 1), date(2026, 5, 31))


def test_a_month_said_alone_and_money_in_place_are_no_running_total():
    document = pipeline.read("2026年5月,全县累计到位治理资金3200万元,查处环境违法案件12件。")
    cases = one(document, "12")
    assert (cases.period_start, cases.period_end) == (date(2026, 5, 1), date(2026, 5, 31))


# A text whose title, date and opening say no time, and whose only time is one year. ---------


def test_a_summary_whose_only_time_is_a_year_said_later_is_of_that_year():
    document = pipeline.read(
        "全省空气质量稳中向好。城市平均优良天数比例为91.7%,与2025年相比上升0.8个百分点。\n"
        "全省地表水质量保持良好。国控断面水质优良比例为95.2%。\n"
        "通报指出,2026年,各地坚持精准治污、科学治污、依法治污。\n"
    )
    for value in ("91.7", "95.2"):
        figure = one(document, value)
        assert (figure.period_start, figure.period_end) == (
            date(2026, 1, 1),
            date(2026, 12, 31),
        ), value


def test_a_closing_line_naming_the_year_of_the_results_dates_the_text():
    document = pipeline.read(
        "城区区域环境噪声昼间平均等效声级为54.6分贝。\n"
        "道路交通噪声昼间平均等效声级为67.2分贝。\n"
        "以上为2026年度监测结果。\n"
    )
    noise = one(document, "54.6")
    assert (noise.period_start, noise.period_end) == (date(2026, 1, 1), date(2026, 12, 31))


def test_a_text_naming_a_part_of_the_year_or_two_years_leaves_its_opening_undated():
    parts = pipeline.read(
        "城区区域环境噪声昼间平均等效声级为54.6分贝,质量等级为二级,总体属于较好水平。\n"
        "2026年上半年,道路交通噪声昼间平均等效声级为67.2分贝。2026年全年监测将继续。\n"
    )
    assert one(parts, "54.6").period_start is None
    years = pipeline.read(
        "城区区域环境噪声昼间平均等效声级为54.6分贝,质量等级为二级,总体属于较好水平。\n"
        "2025年,道路交通噪声昼间平均等效声级为67.2分贝;2026年为66.9分贝。\n"
    )
    assert one(years, "54.6").period_start is None


# A zone named bare after a district's figures (",高新区…") is the city's, not that district's.


def test_a_bare_zone_after_a_districts_clause_is_of_the_city():
    document = pipeline.read(
        "2026年5月绵阳市环境空气质量状况\n"
        "2026年5月,各区中:涪城区综合指数为3.71,优良天数为30天,游仙区综合指数为3.52,"
        "优良天数为31天,高新区综合指数为3.64,优良天数为27天。\n"
    )
    assert region(one(document, "3.52")) == "游仙区"
    assert region(one(document, "3.64")) == "绵阳市"
    assert region(one(document, "27")) == "绵阳市"


def test_a_bare_development_zone_after_a_semicolon_is_of_the_city():
    document = pipeline.read(
        "2026年5月绵阳市环境空气质量状况\n"
        "2026年5月,安州区PM2.5浓度为28微克/立方米;经开区为33微克/立方米,同比上升2.1%。\n"
    )
    assert region(one(document, "28")) == "安州区"
    assert region(one(document, "33")) == "绵阳市"


def test_a_zone_in_a_county_report_is_left_to_the_county():
    document = pipeline.read(
        "2026年5月三台县环境空气质量状况\n"
        "2026年5月,全县优良天数为29天,工业园区所在地,开发区监测点PM10浓度为61微克/立方米。\n"
    )
    assert region(one(document, "61")) == "三台县"


def test_a_total_broken_down_by_place_is_the_same_measure_in_each_place():
    document = pipeline.read(
        "某市2022年10月环境信访情况\n"
        "10月,全市网络举报平台共受理环境举报186件,其中芙蓉区、天心区、岳麓区分别为40件、37件、25件。"
    )
    parts = sorted(
        (region(f), f.indicator, str(f.value)) for f in document.figures if f.value < 100
    )
    assert parts == [
        ("天心区", "petitions", "37"),
        ("岳麓区", "petitions", "25"),
        ("芙蓉区", "petitions", "40"),
    ]


def test_a_place_in_brackets_right_after_a_value_is_that_values_only():
    document = pipeline.read(
        "浙江省2031年上半年环境质量\n"
        "2031年上半年,各设区市细颗粒物平均浓度为22微克/立方米(丽水市)到41微克/立方米(湖州市)不等,"
        "全省平均为31微克/立方米。与上年同期相比下降5.2%。\n"
    )
    assert region(one(document, "22")) == "丽水市"
    assert region(one(document, "41")) == "湖州市"
    assert region(one(document, "31")) == "浙江省"
    # a band's bounds named so: what follows is still the province's, not the last city's
    document = pipeline.read(
        "浙江省2031年上半年环境质量\n"
        "2031年上半年,全省11个设区市细颗粒物平均浓度在22微克/立方米(丽水市)至41微克/立方米(湖州市)"
        "之间,平均为31微克/立方米。与上年同期相比下降5.2%。\n"
    )
    assert region(one(document, "31")) == "浙江省"
    assert region(one(document, "-5.2")) == "浙江省"


# Last year's values in brackets beside this period's --------------------------------------------


def test_last_years_value_in_brackets_dates_only_itself():
    document = pipeline.read(
        "2031年第3季度,全区空气质量优良天数为79天,其中优33天(上年同期为44天),良46天(上年同期为30天);"
        "轻度污染天数为10天(上年同期为14天)。"
    )
    periods = {str(f.value): (f.period_start, f.period_end) for f in document.figures}
    this, last = (date(2031, 7, 1), date(2031, 9, 30)), (date(2030, 7, 1), date(2030, 9, 30))
    assert periods["46"] == periods["10"] == this
    assert periods["44"] == periods["30"] == periods["14"] == last


def test_a_year_in_brackets_over_a_paragraph_dates_it():
    document = pipeline.read("全市空气质量状况(2031年):优良天数比例为88.1%。")
    assert [(str(f.value), f.period_start) for f in document.figures] == [
        ("88.1", date(2031, 1, 1))
    ]


def test_a_bracket_dating_what_follows_dates_it_whatever_code_it_names():
    document = pipeline.read(
        "2030年全市环境质量公报\n\n全市空气质量(2031年,按GB3095-2012二级标准评价):优良天数比例为88.1%。"
    )
    assert [(str(f.value), f.period_start) for f in document.figures] == [
        ("88.1", date(2031, 1, 1))
    ]


def test_a_level_compared_with_in_brackets_dates_only_itself():
    document = pipeline.read(
        "2031年5月全市降水pH均值为6.71,与去年同期(2030年5月降水pH均值为6.80)相比,降水pH均值下降0.09。"
    )
    periods = {str(f.value): f.period_start for f in document.figures}
    assert periods == {
        "6.71": date(2031, 5, 1),
        "6.80": date(2030, 5, 1),
        "-0.09": date(2031, 5, 1),
    }
