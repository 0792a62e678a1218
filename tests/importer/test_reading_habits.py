"""read() on habits of bulletin writing that cost figures or indicators on documents the rules
had not seen (issue 17): counts said before what was done to them, nil changes, and the like.

The bulletins are invented in the style of real ones: made-up places (青禾市, 云栖县…), our
own sentences and numbers.
"""

from datetime import date

import pytest

from tests.importer.test_reading_matching import filed, one, read


def values(document):
    return [(str(f.value), f.unit) for f in document.figures if not f.derived]


# Enforcement: what was done to firms and cases, said before the count --------------------------


def test_counts_of_firms_and_cases_dealt_with_are_figures_of_their_own_measure():
    document = read(
        "2031年上半年,青禾市查处环境违法案件64件,其中,扣押3家企业的污染设备,责令7家企业限制生产,"
        "责令2家企业停产整治,5起案件涉嫌污染环境犯罪移送公安机关,6起案件适用行政拘留移送公安机关,"
        "8人被移送行政拘留,对2家企业实施按日连续处罚。"
    )
    assert filed(document, "64") == ("enforcement-cases", "level")
    assert filed(document, "3") == ("seizure-cases", "level")
    assert filed(document, "7") == ("production-restriction-cases", "level")
    assert filed(document, "5") == ("pollution-crime-cases", "level")
    assert filed(document, "6") == ("detention-referrals", "level")
    # people are not the cases they were part of; a firm fined by the day is no detention
    assert one(document, "8").indicator is None
    twos = [f.indicator for f in document.figures if f.value == 2]
    assert twos == ["production-restriction-cases", None]


def test_one_firms_violations_are_a_case_detail_not_a_tally():
    document = read(
        "2031年,云栖县对某化工有限公司的4起违法行为实施了按日连续处罚,罚款共计120万元。"
    )
    assert ("4", "起") not in values(document)
    assert ("120", "万元") in values(document)


# Nil changes: 持平 and 不变 in the unit of what they are said of ------------------------------


def test_unchanged_after_what_it_is_compared_with_is_a_nil_change():
    document = read(
        "2031年,青禾市二氧化氮年均浓度为18微克/立方米,较上年下降5.3%,PM2.5较去年同期相比不变。"
        "按2030年不变价计算,环保投入为3.2亿元。"
    )
    nil = one(document, "0")
    assert (nil.indicator, nil.kind, nil.unit) == ("pm25", "change", "%")
    assert len([f for f in document.figures if f.value == 0]) == 1  # 不变价 is no change


def test_places_said_flat_after_a_change_in_points_are_each_flat_in_points():
    document = read(
        "2031年1月,全省优良天数比例为91.2%,同比上升3.1个百分点,宜昌、襄阳同比上升,"
        "荆州和黄冈同比持平,其余城市同比下降。"
    )
    flat = [f for f in document.figures if f.value == 0]
    assert [(f.region.name, f.unit, f.indicator, f.kind) for f in flat] == [
        ("荆州市", "个百分点", "air-good-days-ratio", "change"),
        ("黄冈市", "个百分点", "air-good-days-ratio", "change"),
    ]


def test_a_flat_count_of_cities_is_in_cities_and_a_flat_case_count_in_percent():
    document = read(
        "2031年,全州7个县市均达到二级标准,达标城市个数同比持平。"
        "全年移送涉嫌环境污染犯罪案件37件,与去年同期基本持平。"
    )
    assert [(f.unit, f.kind) for f in document.figures if f.value == 0] == [
        ("个", "change"),
        ("%", "change"),
    ]


# Units the copy damaged ---------------------------------------------------------------------


def test_dust_fall_with_a_bullet_for_its_dot_or_a_word_lost_is_still_dust_fall():
    document = read(
        "2031年,青禾市城区降尘量为3.1/平方千米•月,县城降尘均值为4.05吨/公里·月,"
        "低于9吨/平方公里·月的参考值。"
    )
    for value in ("3.1", "4.05"):
        figure = one(document, value)
        assert (figure.unit_code, figure.indicator) == ("t/km2/month", "dust-fall"), value


# Petitions handed over by inspectors, and a total broken down place by place -----------------


def test_petitions_handed_over_by_inspectors_are_transferred_petitions():
    document = read(
        "7月9日,第四生态环境保护督察组向青禾省移交第六批群众信访举报件93件,其中来电举报61件,"
        "来信举报32件。截至当日,青禾省已累计收到督察组交办的信访举报件815件。"
        "云栖县共交办信访举报件57件。"
    )
    for value in ("93", "815", "57"):
        assert filed(document, value) == ("petitions-transferred", "level"), value
    assert one(document, "61").indicator is None  # a channel's part


def test_a_total_broken_down_by_place_keeps_its_measure_in_each_place():
    document = read(
        "7月9日,督察组向江苏省移交第六批群众信访举报件93件。从污染类型来看,涉及大气41件、噪声52件。"
        "从区域分布上看,南京市60件、无锡市33件。\n\n"
        "2031年6月,江苏省共受理环境信访举报1200件。按地区分,苏州市700件、常州市500件。"
    )
    for value, city in (("60", "南京市"), ("33", "无锡市")):
        figure = one(document, value)
        assert (figure.indicator, figure.region.name) == ("petitions-transferred", city)
    for value, city in (("700", "苏州市"), ("500", "常州市")):
        figure = one(document, value)
        assert (figure.indicator, figure.region.name) == ("petitions", city)
    assert one(document, "41").indicator is None  # a kind of pollution is a part


@pytest.mark.parametrize(
    "text",
    [
        # the breakdown by place opens a paragraph of its own, a breakdown by kind between
        "9月3日,第三督察组向吉林省交办第五批群众信访举报件75件。其中来电举报40件,来信举报35件。\n"
        "从举报问题类型来看,涉及大气31个、水22个。从区域分布上看,长春市42件、四平市21件、"
        "通化市12件。",
        "9月3日,第三督察组向吉林省交办第五批群众信访举报件75件。\n"
        "按地区分:长春市42件,四平市21件,通化市12件。",
        "9月3日,第三督察组向吉林省交办第五批群众信访举报件75件。\n\n"
        "分区域看,长春市42件、四平市21件、通化市12件。",
    ],
)
def test_a_breakdown_by_place_in_the_next_paragraph_keeps_the_totals_measure(text):
    document = read(text)
    assert filed(document, "75") == ("petitions-transferred", "level")
    for value in ("42", "21", "12"):
        assert filed(document, value) == ("petitions-transferred", "level"), value


def test_a_breakdown_by_place_carries_no_total_of_another_unit():
    document = read("2031年,吉林省优良天数比例为88.1%。\n从区域分布上看,长春市36件、四平市12件。")
    assert one(document, "36").indicator is None
    assert one(document, "12").indicator is None


def test_a_scenic_area_listed_among_the_districts_of_a_breakdown_is_a_place_of_it():
    for zone in ("云雾山风景区", "青禾高新区", "白鹭湖度假区"):
        document = read(
            "鹰潭市环境信访\n"
            f"5月8日,省督察组向我市转办信访件20件。按区域划分,月湖区11件、余江区6件、{zone}3件。"
        )
        assert filed(document, "3") == ("petitions-transferred", "level"), zone


def test_a_batch_handed_over_on_a_day_of_a_dated_report_is_of_that_month_and_of_the_city():
    # The province names the team that sends the batch, not where the petitions are from; a
    # running total of the inspection runs from a start the text does not give.
    document = read(
        "8月12日,江西省第二生态环境保护督察组向我市转办信访件17件,其中来电举报11件、"
        "来信举报6件。按主要污染类型分,大气污染8件、水污染9件。按区域划分,月湖区10件、余江区7件。\n"
        "截至8月13日,省第二生态环境保护督察组共向我市转办信访件52件。\n"
        "江西省生态环境保护督察鹰潭市协调联络组\n"
        "2027年8月13日"
    )
    batch = one(document, "17")
    assert batch.region.name == "鹰潭市"
    assert (batch.period_start, batch.period_end) == (date(2027, 8, 1), date(2027, 8, 31))
    kind = one(document, "8")
    assert kind.region.name == "鹰潭市"
    assert (kind.period_start, kind.period_end) == (date(2027, 8, 1), date(2027, 8, 31))
    assert one(document, "10").region.name == "月湖区"
    running = one(document, "52")
    assert (running.period_start, running.period_end) == (None, None)


def test_a_report_on_a_day_is_dated_by_what_it_reports_not_by_its_day():
    document = read("新华社北京5月9日电 生态环境部9日通报,2027年1-4月,全国优良天数比例为84.2%。")
    share = one(document, "84.2")
    assert (share.period_start, share.period_end) == (date(2027, 1, 1), date(2027, 4, 30))


def test_an_everyday_word_listed_with_its_sibling_districts_is_the_district():
    document = read(
        "铜陵市环境信访情况\n2027年3月,全市受理环境信访举报21件。按地区分,铜官区12件、义安区6件、郊区3件。"
    )
    assert one(document, "3").region.name == "郊区"
    assert one(document, "3").region.gb_code == "340711"


def test_a_source_line_the_copy_ran_into_the_first_paragraph_leaves_the_paragraph():
    document = read(
        "督察组向宣城市转办第三批信访件\n"
        "来源:宣城日报5月6日,省第三生态环境保护督察组向我市转办信访件9件,其中来电举报5件、微信举报4件。"
    )
    assert document.publisher == "宣城日报"
    assert filed(document, "9") == ("petitions-transferred", "level")
    assert one(document, "9").region.name == "宣城市"
    assert one(document, "5").indicator is None  # a channel's part


# One measure for two groups of places --------------------------------------------------------


def test_the_same_value_for_the_prefecture_cities_and_the_county_cities_is_two_figures():
    document = read(
        "2031年5月,全省11个设区市环境空气质量优良天数比例为100%,同比上升3.0个百分点。\n\n"
        "2031年5月,全省62个县级城市环境空气质量优良天数比例为100%,同比上升1.2个百分点。\n\n"
        "全省11个设区市环境空气质量优良天数比例为100%。"
    )
    shares = [f for f in document.figures if f.value == 100 and not f.derived]
    assert [f.quote[8:16] for f in shares] == ["全省11个设区市", "全省62个县级城"]


# Rankings of changes ----------------------------------------------------------------------------


def test_each_ranked_change_takes_the_comparison_said_nearest_before_it():
    document = read(
        "2031年,优良天数同比增加最多的是保定市,为14天;同比减少最多的是邢台市,为7天。"
        "重污染天数同比减少最多的是邢台市,为3天;唐山等5市同比持平;邯郸市同比增加最多,为4天。"
    )
    changes = [(str(f.value), f.unit, f.kind) for f in document.figures if not f.derived]
    assert changes == [
        ("14", "天", "change"),
        ("-7", "天", "change"),
        ("-3", "天", "change"),
        ("0", "天", "change"),  # a group of places said flat: days, like the change before
        ("4", "天", "change"),
    ]


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        (
            "2031年,青禾市城区4个市级集中式饮用水水源地水质达标率为100%;"
            "9个县级城镇饮用水水源地水质达标率均为100%。",
            "drinking-water-compliance",
        ),
        (
            "2031年,青禾市24个江河考核断面中,Ⅰ至Ⅲ类水质断面24个,占比100%。"
            "湖区河流水质状况总体为优。Ⅰ~Ⅲ类水质断面9个,占100%。",
            "water-good-sections-ratio",
        ),
    ],
)
def test_the_same_rate_of_two_sets_of_sites_counted_differently_is_two_figures(text, indicator):
    rates = [f for f in read(text).figures if f.value == 100]
    assert [f.indicator for f in rates] == [indicator] * 2


# 重度 beside 严重: one grade of heavy pollution --------------------------------------------------


def test_severe_said_beside_it_makes_heavy_pollution_one_grade():
    document = read(
        "2031年上半年,青禾市重度污染天数比例为3.9%,严重污染天数比例为0.5%。"
        "云栖市重度污染天数比例为1.1%,无严重污染。"
        "白石市重度及以上污染天数比例为2.4%,严重污染天数比例为0.3%。"
    )
    graded = one(document, "3.9")
    assert graded.indicator is None and "重度污染天数比例" in graded.proposed[0]
    assert filed(document, "1.1") == ("heavy-pollution-days-ratio", "level")
    assert filed(document, "2.4") == ("heavy-pollution-days-ratio", "level")


# Denominators and limits ----------------------------------------------------------------------


def test_calendar_days_and_a_standards_value_in_brackets_are_no_figures():
    document = read(
        "2031年,青禾县自然天数365天,优良天数为350天。城区降尘均值为5.2吨/平方公里·月,"
        "低于国家标准(9吨/平方公里·月)。超过标准(70分贝)的道路长度为12.5千米。"
    )
    assert [str(f.value) for f in document.figures if not f.derived] == ["350", "5.2", "12.5"]


def test_days_monitored_are_the_denominator_of_the_days_of_each_grade():
    document = read(
        "第二季度,云栖镇有效监测天数共计90天,其中优42天。上半年,全县空气质量共监测180天,"
        "其中优良176天。"
    )
    assert [str(f.value) for f in document.figures if not f.derived] == ["42", "176"]


def test_a_zone_that_is_no_county_listed_among_counties_is_of_the_reports_city():
    document = read(
        "黄山市环境信访情况\n"
        "2027年4月,全市受理环境信访举报26件。按地区分,黄山区11件、歙县9件、齐云山风景区6件。"
    )
    assert one(document, "9").region.name == "歙县"
    assert one(document, "6").region.name == "黄山市"


def test_a_batch_handed_over_on_a_dated_day_is_of_that_month():
    document = read(
        "2027年7月3日,省第二生态环境保护督察组向我市交办第五批信访件14件,其中来电举报9件。"
    )
    batch = one(document, "14")
    assert (batch.period_start, batch.period_end) == (date(2027, 7, 1), date(2027, 7, 31))
    assert batch.region is None  # 我市, and nothing says which city


def test_a_sound_level_whose_d_the_copy_lost_is_in_decibels():
    document = read(
        "2031年第二季度,青禾市功能区噪声监测:东湖站昼间等效声级52.6dB(A)、夜间等效声级43.5B(A),"
        "满足1类功能区标准。"
    )
    assert values(document) == [("52.6", "dB(A)"), ("43.5", "dB(A)")]


def test_a_bound_set_as_the_years_target_is_a_target_but_a_grades_bound_is_none():
    document = read(
        "2031年,云栖县PM2.5平均浓度为24微克/立方米,优良天数348天(AQI≤100),"
        "年度目标(PM2.5≤31微克/立方米、PM10≤52微克/立方米)均已完成。"
    )
    assert [v for v, _ in values(document)] == ["24", "348", "31", "52"]
    assert (one(document, "31").indicator, one(document, "31").kind) == ("pm25", "target")
    assert (one(document, "52").indicator, one(document, "52").kind) == ("pm10", "target")


def test_a_concentration_per_cubic_metre_written_with_slash_and_per_is_in_micrograms():
    document = read("2031年5月,青禾市PM2.5平均浓度为27微克/每立方米,同比下降6.9%。")
    assert one(document, "27").unit_code == "ug/m3"
    assert one(document, "27").indicator == "pm25"


def test_a_unit_cut_off_where_the_copy_ends_is_the_unit_of_the_figure_before_it():
    document = read(
        "青禾市7月空气质量\n2031年7月,青禾市PM10浓度为43微克/立方米,同比下降4.7%;O3平均浓度为152微"
    )
    assert values(document) == [("43", "微克/立方米"), ("-4.7", "%"), ("152", "微克/立方米")]
    assert one(document, "152").indicator == "o3"


def test_how_far_a_level_is_below_or_above_a_standard_is_a_signed_change():
    document = read(
        "青禾市道路交通噪声\n2031年,青禾市道路交通噪声昼间等效声级平均值为67.8dB(A),"
        "低于国家规定的标准2.2dB(A);夜间为57.1dB(A),高于标准2.1dB(A)。"
    )
    assert (one(document, "-2.2").kind, one(document, "67.8").kind) == ("change", "level")
    assert one(document, "2.1").kind == "change"


def test_the_built_up_areas_area_noise_is_the_day_level_however_its_value_is_named():
    document = read(
        "青禾市环境状况\n2031年,青禾市建成区区域环境噪声年均值为55.2分贝,处于较好水平。"
        "云栖县全县区域环境噪声平均值为53.4分贝。"
    )
    assert one(document, "55.2").indicator == "noise-day"
    # the regional survey's own name for its mean, however the mean is named
    assert one(document, "53.4").indicator == "noise-day"


@pytest.mark.parametrize(
    "said",
    [
        "全市区域环境噪声平均值为54.1分贝",
        "全市区域声环境平均值54.1dB(A)",
        "城区区域环境噪声均值为54.1分贝",
    ],
)
def test_the_regional_surveys_mean_named_in_several_ways_is_the_day_level(said):
    assert one(read(f"青禾市环境状况\n2031年,{said}。"), "54.1").indicator == "noise-day"


@pytest.mark.parametrize(
    "said",
    [
        "全市区域环境噪声夜间平均值为46.2分贝",
        "全市道路交通噪声平均值为46.2分贝",
        "市政府监测点噪声平均值为46.2分贝",
    ],
)
def test_a_noise_mean_of_the_night_the_roads_or_a_point_is_not_the_area_day_level(said):
    assert one(read(f"青禾市环境状况\n2031年,{said}。"), "46.2").indicator != "noise-day"


def test_a_sum_of_money_in_hundred_millions_with_its_yuan_unsaid_is_money():
    document = read("青禾省执法情况\n2031年,全省按日连续处罚案件215件,罚款金额超3亿。")
    fine = one(document, "3")
    assert (fine.unit_code, fine.indicator, fine.approximate) == ("100m-yuan", "fines", True)


def test_days_counted_with_a_measure_word_before_their_kind_are_days_of_that_kind():
    document = read("青禾省空气质量\n二季度,全省共出现4个重污染天,优良天数比例为88.1%。")
    days = one(document, "4")
    assert (days.unit, days.indicator) == ("天", "heavy-pollution-days")


def test_days_allowed_for_a_reply_are_no_figure():
    document = read(
        "青禾市信访情况\n2031年6月,督察组向我市交办信访件12件,办理情况须在5天内反馈,"
        "当月重污染天数为2天。"
    )
    assert values(document) == [("12", "件"), ("2", "天")]


def test_days_whose_data_were_lost_are_no_figure():
    document = read(
        "青禾省空气质量\n上半年,甲市、乙市分别有4天、1天因仪器故障导致数据缺失;"
        "甲市优良天数为160天。"
    )
    assert values(document) == [("160", "天")]


def test_a_count_before_a_word_starting_with_fen_is_no_score():
    document = read(
        "青禾市空气质量\n2031-05-02 318 分享\n2031年4月,青禾市环境空气质量综合指数为3.41,"
        "考核得分92分。"
    )
    assert values(document) == [("3.41", ""), ("92", "分")]


def test_how_many_times_a_value_exceeds_its_standard_is_a_proposal_in_times():
    document = read("青禾市空气质量\n2031年,青禾市PM10年均浓度为77微克/立方米,超标0.1倍。")
    times = one(document, "0.1")
    assert (times.unit, times.indicator, times.kind) == ("倍", None, "level")
    assert one(document, "77").indicator == "pm10"


def test_times_over_a_standard_named_in_full_is_a_proposal_in_times():
    document = read(
        "青禾市空气质量\n2031年,青禾市NO2年均浓度为46微克/立方米,"
        "超过国家空气质量标准(GB 3095)中的二级限值0.15倍,同比下降4.2%。"
    )
    times = one(document, "0.15")
    assert (times.unit, times.indicator, times.kind) == ("倍", None, "level")
    assert times.proposed[0].endswith("NO2年均浓度超标倍数")
    # the change after it is the concentration's, and no earlier level is made of the times
    assert one(document, "-4.2").indicator == "no2"
    assert [f.unit for f in document.figures if f.derived] == ["微克/立方米"]


def test_times_over_a_standard_in_short_is_a_level_not_a_change():
    document = read(
        "青禾市空气质量\n2031年,青禾市PM2.5年均浓度为44微克/立方米,超过国家二级标准0.26倍。"
    )
    times = one(document, "0.26")
    assert (times.unit, times.indicator, times.kind) == ("倍", None, "level")
