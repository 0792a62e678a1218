"""read() on invented bulletins: the document's own period, place and metadata, and the period
and place each figure takes from its sentence, its section or the document.

Each text is written for these tests in the habits of real bulletins (an opening compared with
an earlier year, a definition naming the year a method was adopted, an area with a district
left out), with other places, sentences and numbers, in two or three phrasings each.
"""

from datetime import date
from decimal import Decimal

import pytest

from importer import pipeline
from tests.importer.test_reading_periods_places import one, region


def period(figure):
    return figure.period_start, figure.period_end


# The document's year -------------------------------------------------------------------


@pytest.mark.parametrize(
    "compared",
    ["与2019年相比上升1.5%", "比2019年同期上升1.5%", "较2019年上升1.5%"],
)
def test_a_year_compared_with_is_not_the_documents_year(compared):
    document = pipeline.read(
        f"截至6月30日,全市空气质量优良天数为131天,优良率为72.4%,{compared}。\n"
        "表1 全市各监测点位空气质量情况表\n"
        "备注:以上数据为2021年1月1日-6月30日均值。"
    )
    figure = one(document, "131")
    assert period(figure) == (date(2021, 1, 1), date(2021, 6, 30))


@pytest.mark.parametrize("started", ["自2020年起采用", "从2020年开始采用", "自2020年1月起启用"])
def test_the_year_a_method_was_adopted_is_not_the_documents_period(started):
    document = pipeline.read(
        f"水生态指数是省生态环境厅{started}的流域综合评价指标,近日,浙江省生态环境厅公布"
        "2023年浙江省水生态指数为61.2。\n"
        "全省87个评价单元中,一类和二类单元分别为12个、40个,分别占全省面积的14.5%、46.0%。"
    )
    figure = one(document, "46.0")
    assert period(figure) == (date(2023, 1, 1), date(2023, 12, 31))


# Places -------------------------------------------------------------------------------


@pytest.mark.parametrize("left_out", ["(不含高淳区)", "(不包括江宁区)", "（不含江宁区、溧水区）"])
def test_a_district_left_out_of_an_area_is_not_its_place(left_out):
    document = pipeline.read(
        "南京市2022年上半年空气质量状况\n"
        f"2022年上半年,全市优良天数为139天。市区{left_out}PM2.5平均浓度为28.6微克/立方米,"
        "同比下降6.2%。"
    )
    assert region(one(document, "28.6")) == "南京市"


# Metadata: who published the text ---------------------------------------------------------


@pytest.mark.parametrize(
    "released",
    [
        "近日,湖北省生态环境厅公布",
        "记者从湖北省生态环境厅获悉,",
        "据湖北省生态环境厅网站消息,",
    ],
)
def test_the_body_releasing_the_figures_is_the_publisher_not_one_the_text_mentions(released):
    document = pipeline.read(
        f"水生态指数是生态环境部自2022年起推行的评价指标,{released}"
        "2023年湖北省水生态指数为58.4,全省评价单元中一类单元占12.5%。"
    )
    assert document.publisher == "湖北省生态环境厅"
    assert document.region.name == "湖北省"
    assert region(one(document, "12.5")) == "湖北省"


@pytest.mark.parametrize(
    ("dateline", "service"),
    [
        ("新华社合肥3月2日电 ", "新华社"),
        ("中新网3月2日电 据安徽省生态环境厅网站消息,", "中新网"),
        ("【人民网合肥3月2日电】", "人民网"),
    ],
)
def test_a_wires_dateline_names_the_publisher_and_its_city_is_not_the_place(dateline, service):
    document = pipeline.read(
        f"{dateline}2023年,安徽全省优良天数比例为83.1%,黄山市、池州市和宣城市"
        "优良天数比例均超过90%。全省PM2.5平均浓度为35.2微克/立方米。"
    )
    assert document.publisher == service
    assert document.region.name == "安徽省"


@pytest.mark.parametrize(
    ("opening", "service"),
    [
        ("China News Agency, Hefei, March 2 (Reporter Li Ming) ", "China News Agency"),
        ("Xinhua Net, Hefei, March 2 ", "Xinhua Net"),
        ("(Ecns.cn) 10:21, March 2, 2024\n", "Ecns.cn"),
    ],
)
def test_an_english_wire_names_its_service_before_the_city(opening, service):
    document = pipeline.read(
        f"{opening}The Ministry of Ecology and Environment said on Monday that the share of "
        "days with good air quality in 339 cities reached 85.5 percent in 2023."
    )
    assert document.publisher == service


@pytest.mark.parametrize(
    ("sentence", "basin"),
    [
        ("珠江流域水质优良(Ⅰ-Ⅲ类)断面比例为93.6%。", "珠江流域"),
        ("其中,淮河流域Ⅰ~Ⅲ类水质断面比例为93.6%,同比持平。", "淮河流域"),
        ("松花江流域水质良好,优良断面比例为93.6%。", "松花江流域"),
    ],
)
def test_a_river_basin_is_the_place_of_its_figures(sentence, basin):
    document = pipeline.read(
        "生态环境部通报1-6月全国地表水环境质量状况\n"
        f"1-6月,全国地表水优良水质断面比例为84.1%,同比上升1.2个百分点。{sentence}"
    )
    assert region(one(document, "84.1")) == "全国"
    assert region(one(document, "93.6")) == basin


def test_an_english_report_names_a_basin_as_a_place():
    document = pipeline.read(
        "Water quality improves in first half\n"
        "In the first half of 2024, 88.8 percent of the surface water sections nationwide had "
        "good water quality. In the Yangtze River basin, the share of good water sections "
        "reached 96.5 percent."
    )
    assert region(one(document, "96.5")) == "长江流域"


@pytest.mark.parametrize("counter", ["访问次数:", "点击次数：128", "阅读数: 35"])
def test_a_page_counter_in_the_header_is_furniture_not_the_opening(counter):
    document = pipeline.read(
        "发布时间:2024-05-20 09:12\n"
        f"{counter}\n"
        "信息来源:\n"
        "4月监测的16个市控以上地表水断面中,Ⅱ类9个,Ⅲ类7个。全市地表水功能区水质达标率为93.8%,"
        "同比上升6.3个百分点。\n"
        "表1 4月台州市地表水水质状况统计表\n"
    )
    assert counter.split(":")[0].split("：")[0] not in document.title
    assert document.date == date(2024, 5, 20)
    assert document.region.name == "台州市"
    assert region(one(document, "93.8")) == "台州市"


@pytest.mark.parametrize(
    ("first", "second"),
    [("山西省", "陕西省"), ("(一)山西省", "(二)陕西省"), ("【山西】", "【陕西】")],
)
def test_a_heading_that_is_only_a_place_is_the_place_of_its_section(first, second):
    document = pipeline.read(
        "各地陆续发布2023年生态环境状况公报\n"
        "近日,多地发布2023年生态环境状况公报,晒出空气质量成绩单。\n"
        f"{first}\n"
        "2023年,全省优良天数比例为74.6%,同比上升1.9个百分点。\n"
        f"{second}\n"
        "优良天数平均为281天。全省PM2.5平均浓度为36.1微克/立方米,同比下降3.7%。\n"
    )
    assert region(one(document, "74.6")) == "山西省"
    assert region(one(document, "281")) == "陕西省"
    assert region(one(document, "36.1")) == "陕西省"


@pytest.mark.parametrize(
    "slogan", ["守护碧水蓝天、共建美丽家园。", "专业、专注、专心!", "绿水青山就是金山银山。"]
)
def test_a_sites_slogan_among_its_header_lines_leaves_the_title_under_it(slogan):
    document = pipeline.read(
        "公司动态COMPANY NEWS\n\n"
        f"{slogan}\n\n"
        "多地发布2023年环境质量公报,各地空气质量怎么样?\n\n"
        "发布时间:2024-06-11 浏览:301\n\n"
        "近日,多地陆续发布2023年环境质量公报。2023年,全国优良天数比例为85.5%。\n"
    )
    assert document.title == "多地发布2023年环境质量公报,各地空气质量怎么样?"
    assert document.date == date(2024, 6, 11)
    assert document.region.name == "全国"


@pytest.mark.parametrize(
    "ending", ["by 4.1 percent year-on-year.", "by 4.1% year -on -year.", "by 4.1 percent (MEE)."]
)
def test_an_english_paragraph_ending_with_a_full_stop_ends_there(ending):
    document = pipeline.read(
        "Air and water quality keep improving\n\n"
        "  In the first quarter, the 339 cities monitored across the country had an average "
        "PM2.5 concentration of 37 micrograms per cubic meter.\n\n"
        "  Of these, the average PM2.5 concentration of the Yangtze River Delta's cities "
        f"rose {ending}\n\n"
        "  As for rivers and lakes, sections of good quality (Class I-III) made up "
        "88.6 percent, 0.9 percentage points more than a year earlier.\n"
    )
    assert region(one(document, "4.1")) == "长三角地区"
    assert region(one(document, "88.6")) == "全国"


@pytest.mark.parametrize(
    ("listed", "part"),
    [
        ("14.2% in the west, 20.5% in the central region", "西部地区"),
        ("14.2% in the east and 20.5% in the central region", "东部地区"),
        ("14.2% in the northeast; 20.5% in the central region", "东北地区"),
    ],
)
def test_an_english_list_of_the_countrys_parts_said_short(listed, part):
    document = pipeline.read(
        "Noise complaints in 2022\n"
        f"In 2022, 55.1% of all noise complaints were received in eastern China, {listed}."
    )
    assert region(one(document, "14.2")) == part
    assert region(one(document, "20.5")) == "中部地区"


def test_the_west_of_a_city_is_no_part_of_the_country():
    document = pipeline.read(
        "Air quality in Chengdu\n"
        "In 2022, the share of good air days in Chengdu was 78.4%, with the new parks in the "
        "west of the city opened to the public."
    )
    assert region(one(document, "78.4")) == "成都市"


# English periods ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("later", "year"),
    [("last year", 2023), ("in 2022", 2022), ("this year", 2024)],
)
def test_an_english_figure_takes_the_time_said_right_after_it(later, year):
    document = pipeline.read(
        "Ten years of cleaner air\n"
        "(Ecns.cn) 10:02, May 6, 2024\n"
        "The average PM2.5 concentration fell from 52 micrograms per cubic meter in 2016 "
        f"to 33 micrograms per cubic meter {later}.\n"
    )
    assert period(one(document, "52")) == (date(2016, 1, 1), date(2016, 12, 31))
    assert period(one(document, "33")) == (date(year, 1, 1), date(year, 12, 31))


@pytest.mark.parametrize(
    "span", ["Over the past decade", "Over the past five years", "In the last ten years"]
)
def test_a_span_ending_now_without_a_year_is_of_no_known_period(span):
    document = pipeline.read(
        "Water quality report\n"
        "In 2023, good air days made up 86.1 percent of the year.\n"
        f"{span}, the proportion of good surface water increased 20.1 percentage points "
        "to 87.2 percent."
    )
    assert period(one(document, "86.1")) == (date(2023, 1, 1), date(2023, 12, 31))
    assert period(one(document, "87.2")) == (None, None)


@pytest.mark.parametrize("cut_off", ["As of June", "As of the end of May", "As of March 31"])
def test_a_cut_off_of_no_known_year_leaves_the_sentences_after_it_undated(cut_off):
    document = pipeline.read(
        "Nation to inspect more rivers\n"
        "China plans to inspect all major lakes this year.\n"
        f"{cut_off}, inspectors had checked 12,000 outlets. More than 85 percent of the "
        "problems found have been fixed, he said."
    )
    assert period(one(document, "85")) == (None, None)


@pytest.mark.parametrize(
    "district",
    [
        "Jiangning district, which is a central urban area of Nanjing,",
        "Jiangning district, the largest district of Nanjing,",
        "Jiangning district in Nanjing",
    ],
)
def test_an_english_district_located_by_its_city_is_the_place(district):
    document = pipeline.read(
        "Nanjing keeps its air clean\n"
        f"In 2023, the air quality in {district} reached an excellent rate of 88.2 percent."
    )
    assert region(one(document, "88.2")) == "江宁区"


@pytest.mark.parametrize(
    "opening",
    [
        "In the first quarter of this year, Hechi's good air rate was 93.8 percent.",
        "In the first quarter of this year, the city posted a good air rate of 93.8 percent.",
    ],
)
def test_an_english_paragraph_keeps_the_period_the_one_before_stated(opening):
    document = pipeline.read(
        "Hechi keeps its environment clean\n"
        "Updated: 2024-05-06 19:01\n"
        "In 2023, the city's good air rate was 96.4 percent.\n\n"
        f"{opening}\n\n"
        "All 9 river sections met the class III standard, a compliance rate of 88.9 percent.\n"
    )
    assert period(one(document, "96.4")) == (date(2023, 1, 1), date(2023, 12, 31))
    assert period(one(document, "88.9")) == (date(2024, 1, 1), date(2024, 3, 31))


# Metadata: title and date from the document's own lines -----------------------------------


@pytest.mark.parametrize(
    "header",
    [
        "名称: 2023年石台县环境质量状况公报 文号:\n成文日期: 2024-05-20 发布日期: 2024-05-28\n",
        "名 称:2023年石台县环境质量状况公报 | 文件编号: |\n发文日期:2024-05-20 |\n"
        "内容摘要:一、环境空气质量 2023年,全县优良天数…\n"
        "2023年石台县环境质量状况公报\n发布时间:2024-05-28 10:12浏览次数:\n",
        "索引号:11341722/2024-00012 | 组配分类:环境质量 |\n"
        "名称:2023年石台县环境质量状况公报\n成文日期:2024-05-20\n发布日期:2024-05-28\n",
    ],
)
def test_a_disclosure_pages_header_gives_the_title_and_the_day_of_publication(header):
    document = pipeline.read(
        f"{header}\n一、环境空气质量\n2023年,全县环境空气质量优良天数比例为97.8%。\n"
    )
    assert document.title == "2023年石台县环境质量状况公报"
    assert document.date == date(2024, 5, 28)


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        ("浙江省城市环境空气质量状况\n(2023年8月)\n", "浙江省城市环境空气质量状况(2023年8月)"),
        (
            "浙江省城市环境空气质量状况\n更新时间:2023-09-12\n浙江省城市环境空气质量状况\n\n"
            "(2023年8月)\n",
            "浙江省城市环境空气质量状况(2023年8月)",
        ),
        ("浙江省城市环境空气质量状况\n(资料图片)\n", "浙江省城市环境空气质量状况"),
    ],
)
def test_a_bracketed_line_under_the_title_is_part_of_it(lines, title):
    document = pipeline.read(
        f"{lines}一、总体情况\n8月,全省各城市空气质量优良天数比例平均为93.1%。\n"
    )
    assert document.title == title


@pytest.mark.parametrize(
    "furniture",
    [
        '<legend id="k2x"></legend><samp id="k2x"></samp>\n<delect id="k2x"></delect>\n',
        '  • <input id="k2x"><address id="k2x"></address>\n',
        "新闻中心\n行业动态\n",
    ],
)
def test_empty_markup_and_a_sites_columns_over_the_headline_are_no_title(furniture):
    document = pipeline.read(
        f"{furniture}2023年城市声环境质量状况公报\n"
        "发布日期:2024-03-18 来源:马鞍山市生态环境局\n"
        "2023年,全市区域声环境昼间平均等效声级为53.9dB(A)。\n"
    )
    assert document.title == "2023年城市声环境质量状况公报"
    assert document.date == date(2024, 3, 18)


@pytest.mark.parametrize(
    ("headline", "value", "kept"),
    [
        ("全省1-10月环境行政处罚案件超3000件", "3000", True),
        ("全省1-10月罚款金额超2亿元", "2", True),
        ("全省1-10月环境行政处罚案件3218件", "3218", False),
        ("全省1-10月罚款金额2.3亿元", "2.3", False),
    ],
)
def test_a_headline_figure_the_body_does_not_state_is_a_figure(headline, value, kept):
    document = pipeline.read(
        f"{headline}\n1-10月,全省共下达环境行政处罚决定书3218件,罚款金额2.3亿元。\n"
    )
    values = [f.value for f in document.figures if not f.derived]
    assert values.count(Decimal("3218")) == 1 and values.count(Decimal("2.3")) == 1
    # the headline's figure is one of its own, or the body's stated once
    assert values.count(Decimal(value)) == 1
    assert (len(values) == 3) is kept


@pytest.mark.parametrize(
    ("source", "title"),
    [
        ("县生态环境分局", "湖州市生态环境局长兴分局环境信访处理情况(2024年3月)"),
        ("市生态环境局", "湖州市生态环境局环境信访处理情况(2024年3月)"),
    ],
)
def test_a_publisher_named_without_its_place_is_the_one_the_title_names(source, title):
    document = pipeline.read(
        f"发布机构: | {source} | 有效性: |\n{title}\n"
        "2024年3月,我局共受理群众各类环境信访52件,办结率100%。\n"
    )
    assert document.publisher == title.split("环境信访")[0]


@pytest.mark.parametrize(
    "counties", ["江华县、双峰县、汨罗市、桃源县", "汨罗市 | 桃源县 | 江华县 | 双峰县"]
)
def test_counties_of_several_cities_ranked_together_are_of_their_province(counties):
    document = pipeline.read(
        f"2024年1-6月各县(市、区)地表水环境质量排名\n排名前列的县(市、区)依次为{counties}。\n"
    )
    assert document.region.name == "湖南省"


@pytest.mark.parametrize(
    "opening",
    [
        "近日,省生态环境厅公布2023年度激励名单,宁远县获评空气质量改善激励奖。",
        "近日,宁远县获评全省空气质量改善激励奖,全市排名第1,全省排名第3。",
        "近日,市生态环境局通报2023年各县区空气质量,宁远县全市排名第1。",
    ],
)
def test_a_county_report_naming_the_bodies_above_it_is_about_the_county(opening):
    document = pipeline.read(
        f"{opening}\n"
        "2023年,宁远县以提升全县环境空气质量为核心,全力推进大气污染防治。\n"
        "据了解,宁远县2023年优良天数为351天,空气质量优良率96.2%。\n"
    )
    assert document.region.name == "宁远县"
    assert region(one(document, "96.2")) == "宁远县"


@pytest.mark.parametrize(
    "sentence",
    [
        "全市第一季度空气质量优良天数比例为90.1%，滨湖区为91.2%。",
        "全市居民生活污水集中处理率为97.3%，滨湖区为98.4%。",
        "本市第二批监测断面水质达标率为88.5%，滨湖区为89.6%。",
    ],
)
def test_a_quarter_or_residents_of_the_whole_city_are_no_rank(sentence):
    # 第/居 after 全市 only mark a rank when a rank number follows.
    place = pipeline.read(sentence).region
    assert place is None or place.name != "滨湖区"


@pytest.mark.parametrize(
    ("opening", "closing", "paper"),
    [
        ("/赣州头条客户端讯 记者李明报道:", "", "赣州头条客户端"),
        ("", "(玉溪日报 记者张华)", "玉溪日报"),
        ("玉溪新闻网讯(通讯员 王林)", "", "玉溪新闻网"),
    ],
)
def test_the_paper_a_report_is_credited_to_is_its_publisher(opening, closing, paper):
    document = pipeline.read(
        "玉溪市上半年空气质量优良率达98.9%\n\n"
        f"{opening}6月5日,记者从世界环境日新闻发布会上了解到,1-5月,玉溪市环境空气质量"
        f"优良率为98.9%,同比上升1.3个百分点。{closing}\n"
    )
    assert document.publisher == paper


def test_a_body_said_to_release_the_bulletin_beats_the_site_reporting_it():
    document = pipeline.read(
        "2023年玉溪市环境状况公报\n\n"
        "某某门户网讯 (实习生 李四) 玉溪市生态环境局日前发布《2023年玉溪市环境状况公报》,"
        "2023年全市环境空气质量优良率为98.6%。\n"
    )
    assert document.publisher == "玉溪市生态环境局"


@pytest.mark.parametrize(
    "reprint", ["2024-03-02 08:10 某某晨报", "2024-03-02 08:10 某某晚报  主页 > 关注 >"]
)
def test_a_labelled_source_beats_the_reprints_date_line(reprint):
    document = pipeline.read(
        "2023年某县空气质量优良天数350天\n\n"
        f"{reprint}\n\n"
        "2023年我县空气质量优良天数350天\n"
        "01-05 09:55:35 来源:玉溪新闻网\n\n"
        "2023年,我县空气质量优良天数350天,优良率95.9%。\n"
    )
    assert document.publisher == "玉溪新闻网"


@pytest.mark.parametrize(
    ("header", "site"),
    [
        ("闽南网\n\n", "闽南网"),
        ('<image>data:image/png;base64,iVBORw0KGgo= alt="厦门在线"</image>\n', "厦门在线"),
        ("厦门市生态环境局\n\n", ""),
    ],
)
def test_the_news_site_named_over_the_headline_is_the_publisher(header, site):
    document = pipeline.read(
        f"{header}2023年厦门市生态环境状况公报发布\n\n"
        "近日,2023年厦门市生态环境状况公报发布,全市空气质量优良率为98.9%。\n"
    )
    if site:
        assert document.publisher == site
    else:
        assert "网" not in document.publisher and "在线" not in document.publisher


@pytest.mark.parametrize("cut_off", ["截至当日", "截至当天", "截止当日"])
def test_a_running_total_to_the_day_just_named_is_of_no_period(cut_off):
    document = pipeline.read(
        "中央生态环境保护督察组向我省交办第五批信访举报件122件\n"
        "【发布日期:2024-06-14】\n"
        "6月12日,中央第三生态环境保护督察组向我省交办第五批群众信访举报件122件。"
        f"{cut_off},我省已累计收到督察组交办的信访举报件734件。\n"
    )
    assert period(one(document, "734")) == (None, None)


@pytest.mark.parametrize(
    "target",
    ["规划提出的到2025年88%的目标", "到2025年88%的年度目标", "力争到2025年88.0%的目标"],
)
def test_a_plan_years_share_is_a_target_of_that_year(target):
    document = pipeline.read(
        f"2023年某县环境质量状况公报\n2023年,全县环境空气质量优良率为96.7%,优于{target}。\n"
    )
    figure = [f for f in document.figures if f.value in (Decimal("88"), Decimal("88.0"))][0]
    assert period(figure) == (date(2025, 1, 1), date(2025, 12, 31))
    assert period(one(document, "96.7")) == (date(2023, 1, 1), date(2023, 12, 31))


@pytest.mark.parametrize(
    ("signature", "body"),
    [
        ("\n宣城市生态环境保护督察协调联络组\n2024年6月3日\n", "宣城市生态环境保护督察协调联络组"),
        ("\n        市环境监测中心站          二〇二四年五月十日\n", "市环境监测中心站"),
        ("\n宣城市生态环境局\n2024年6月3日", "宣城市生态环境局"),
    ],
)
def test_the_body_signing_the_text_is_its_publisher(signature, body):
    document = pipeline.read(
        "5月30日,省第二生态环境保护督察组向我市转办信访件17件,其中来电举报9件、"
        f"来信举报8件。{signature}"
    )
    assert document.publisher == body


@pytest.mark.parametrize(
    "owner", ["北海某某环保科技有限公司", "某某环境工程集团", "某某检测股份公司"]
)
def test_the_company_owning_the_site_over_the_headline_is_no_title(owner):
    document = pipeline.read(
        f"{owner}\n2023年全国环境行政处罚案件9.1万件 罚没款数额超62亿元\n"
        "生态环境部近日通报,2023年全国共下达环境行政处罚决定书9.1万份。\n"
    )
    assert document.title == "2023年全国环境行政处罚案件9.1万件 罚没款数额超62亿元"


@pytest.mark.parametrize(
    ("over", "publisher"),
    [("城市声环境质量(季报)", ""), ("环境质量专栏", ""), ("宁德市生态环境局", "宁德市生态环境局")],
)
def test_a_series_or_bureau_over_a_title_naming_its_year_is_no_title(over, publisher):
    document = pipeline.read(
        f"{over}\n2024年第1季度宁德市功能区声环境质量达标情况\n"
        "2024年第1季度,全市功能区昼间点次达标率为93.8%,夜间为75.0%。\n"
    )
    assert document.title == "2024年第1季度宁德市功能区声环境质量达标情况"
    if publisher:
        assert document.publisher == publisher


@pytest.mark.parametrize("dateline", ["本报合肥3月2日讯 ", "本网讯 ", "本报讯(记者 李明)"])
def test_the_papers_own_dateline_names_no_publisher(dateline):
    document = pipeline.read(
        f"{dateline}2023年,安徽全省优良天数比例为83.1%,全省PM2.5平均浓度为35.2微克/立方米。"
    )
    assert not document.publisher.startswith("本")


def test_a_headline_figure_the_body_states_with_another_measure_word_is_the_bodys():
    document = pipeline.read(
        "某市上半年环境执法处罚1071起\n"
        "近日,记者从某市生态环境局获悉,上半年,全市共发出行政处罚决定书1071件,"
        "处罚金额达7350万元。\n"
    )
    assert [f.value for f in document.figures if not f.derived].count(Decimal("1071")) == 1


@pytest.mark.parametrize(
    ("caption", "title"),
    [
        ("", "某市上半年环境执法处罚案件862起"),
        ("△某台《财经》栏目视频\n", None),
        ("(资料图片)\n", None),
    ],
)
def test_a_one_sentence_summary_over_the_headline_leaves_the_headline_the_title(caption, title):
    headline = caption or "某市上半年环境执法处罚案件862起\n"
    document = pipeline.read(
        "2024年以来,某市严格落实环境保护法及其配套办法,对环境违法行为保持高压态势。\n"
        f"{headline}"
        "近日,记者从某市生态环境局获悉,上半年,全市共发出行政处罚决定书862件,处罚金额达"
        "3120万元,同比分别上升12%和25%。\n"
    )
    if title:
        assert document.title == title
    else:
        assert "视频" not in document.title and "图片" not in document.title
    assert [f.value for f in document.figures if not f.derived].count(Decimal("862")) == 1
