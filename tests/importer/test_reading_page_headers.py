"""read() on the title of pages whose header puts furniture above the headline: a shop's menu
and contacts, a portal's column, an English site's sections. Invented texts, in their style.
"""

from datetime import date

import pytest

from importer import pipeline
from importer.document import PLACEHOLDER_PREFIX

# The headline is the line right over the page's date or source line, however much of the
# site's furniture (a product, its menu, the company's contacts, a breadcrumb) stands above it;
# a reporter's bare name may stand between them.


def test_a_shop_pages_menu_and_contacts_above_the_headline_are_no_title():
    document = pipeline.read(
        "不锈钢过滤器\n\n产品中心\n\n关于本厂\n\n甲河机械制造有限公司\n\n"
        "地址:甲河市东城区工业路12号\n\n电话:0311-5550123\n\n"
        "5月全国生态环境信访办理情况 共受理..\n\n"
        "当前位置:主页 > 资讯中心 > 企业新闻\n\n"
        "5月全国生态环境信访办理情况 共受理31207件\n\n"
        "发布日期:2021-06-10 作者:甲河机械制造有限公司\n\n"
        "5月,全国生态环境信访共受理31207件,同比下降4.2%。\n"
    )
    assert document.title == "5月全国生态环境信访办理情况 共受理31207件"
    assert document.date == date(2021, 6, 10)


def test_a_portals_column_over_the_headline_and_a_reporters_name_under_it():
    document = pipeline.read(
        "乙城网\n乙城网>>环保\n\n"
        "上半年乙城空气优良天数增加12天\n\n"
        "魏小川\n"
        "2020年07月15日08:40 | 来源:乙城网-乙城日报\n\n"
        "  今年上半年,乙城市空气质量优良天数为160天,同比增加12天。\n"
    )
    assert document.title == "上半年乙城空气优良天数增加12天"
    assert document.date == date(2020, 7, 15)


def test_an_english_sites_sections_above_the_headline_and_its_dated_byline():
    document = pipeline.read(
        "WORLD BUSINESS SPORTS CULTURE 中文\n"
        "    China / Environment\n\n"
        "    Rivers in the north run cleaner this spring\n\n"
        "    By ZHANG XIAOMING (chinadaily.com.cn) Updated: 2019-05-07 10:21\n\n"
        "    The share of good-quality river sections in the north rose to 71.2 percent in the "
        "first quarter, the ministry said.\n"
    )
    assert document.title == "Rivers in the north run cleaner this spring"
    assert document.date == date(2019, 5, 7)


def test_a_headline_over_a_reporters_name_and_the_date_line_stays_the_title():
    document = pipeline.read(
        "丙县去年空气质量创新高\n\n"
        "记者 罗小平\n\n"
        "2022-01-20 09:30 来源:丙县融媒体中心\n\n"
        "2021年,丙县空气质量优良天数比例为96.4%,同比上升1.9个百分点。\n"
    )
    assert document.title == "丙县去年空气质量创新高"
    assert document.date == date(2022, 1, 20)


# An English copy saved with its date as "date 2021-09-14" run into its first line: the
# headline follows the date, or stands under what a newspaper's archive puts there (its print
# page, the day spelt out); a lone word there is the dateline's city, no headline.


def test_an_english_headline_after_a_labelled_date_on_its_line():
    document = pipeline.read(
        " date 2021-09-14 Northern cities see fewer smoggy days\n\n"
        "Xinhua) 10:05, September 14, 2021\n\n"
        "TAIYUAN, Sept. 13 (Xinhua) -- Northern cities saw 4.1 percent fewer heavily polluted "
        "days in the first eight months, the provincial bureau said.\n"
    )
    assert document.title == "Northern cities see fewer smoggy days"
    assert document.date == date(2021, 9, 14)


def test_an_english_headline_under_a_labelled_date_its_print_page_and_its_day():
    document = pipeline.read(
        " date 2019-03-02 The story appears on\n"
        "March 2, 2019\n"
        "Lakes in the south run clearer\n"
        "The share of southern lakes of good water quality rose to 77.5 percent last year, "
        "according to a provincial report.\n"
    )
    assert document.title == "Lakes in the south run clearer"
    assert document.date == date(2019, 3, 2)


def test_a_lone_city_after_a_labelled_date_is_no_headline():
    document = pipeline.read(
        " date 2018-02-11 Shanghai\n\n"
        "China's cities cut their average PM2.5 density by 6.5 percent last year, according "
        "to the Ministry of Ecology and Environment.\n"
    )
    assert document.title.startswith(PLACEHOLDER_PREFIX)
    assert document.date == date(2018, 2, 11)


def test_a_lone_city_after_a_labelled_date_is_where_the_story_was_sent_from():
    document = pipeline.read(
        " date 2018-02-11 Shanghai\n\n"
        "China's inspectors will visit all provinces this year, according to the Ministry of Ecology "
        "and Environment.\n\n"
        "Last year they covered 12 provincial regions including Hebei and Henan, and handled "
        "21,000 complaints.—Xinhua\n"
    )
    assert getattr(document.region, "name", None) != "上海市"


# An English wire story reprinted with its agency after a dash closing the last paragraph.


@pytest.mark.parametrize(
    "closing, publisher",
    [(".—Xinhua", "Xinhua"), (". -- China News Service", "China News Service")],
)
def test_an_agency_after_a_dash_closing_an_english_story_is_its_publisher(closing, publisher):
    document = pipeline.read(
        "Provinces to publish river quality monthly\n\n"
        "Every province will publish the water quality of its main rivers each month, "
        "the ministry said on Tuesday.\n\n"
        f"Last year 83.4 percent of the monitored sections were of good quality{closing}\n"
    )
    assert document.publisher == publisher


def test_a_dash_inside_the_last_english_sentence_credits_no_one():
    document = pipeline.read(
        "Provinces to publish river quality monthly\n\n"
        "Every province will publish the water quality of its main rivers each month.\n\n"
        "Last year 83.4 percent of the sections were of good quality — Hunan Province "
        "reported the largest gain.\n"
    )
    assert "Hunan" not in document.publisher


# A newspaper's article reprinted with the paper's own credit closing it: its print edition
# ("《 甲省日报 》( 2019年05月06日 04 版)") on a line of its own, or its reporter and editors
# run on after the last sentence.


def test_a_papers_print_edition_closing_a_reprint_is_its_publisher():
    document = pipeline.read(
        "前4月环境行政处罚金额超30亿元\n\n"
        "本报北京5月5日电 生态环境部4日通报:今年1—4月,全国环境行政处罚案件共下达处罚"
        "决定书40215份,罚没款金额为30.6亿元。\n\n"
        "《 甲省日报 》( 2019年05月06日 04 版)\n\n"
        "[责任编辑:丁某]\n"
    )
    assert document.publisher == "甲省日报"


def test_a_papers_reporter_and_editors_run_on_after_the_last_sentence():
    document = pipeline.read(
        "近日,记者从丙州生态环境局获悉,丙州生态环境局发布《丙州2022年生态环境状况公报》。"
        "2022年,全州环境空气质量优良率为98.9%,同比上升0.4个百分点。"
        "丙州日报新闻客户端记者李小禾编辑张远二审王青三审赵川\n\n"
        "转载请注明地址:http://www.example.com/a/1.html\n"
    )
    assert document.publisher == "丙州日报新闻客户端"


def test_a_papers_edition_cited_inside_a_sentence_credits_no_reprint():
    document = pipeline.read(
        "丁市2022年环境质量状况\n\n"
        "近日,丁市生态环境局发布2022年环境质量状况,全市优良天数比例为91.2%。"
        "此前《 丁市日报 》( 2022年03月02日 02 版)曾报道该市治理扬尘的做法。\n"
    )
    assert document.publisher == "丁市生态环境局"


# A text naming no place whose figures are the nation's ("全国…") is about the country; the
# nation named only to compare with ("优于全国平均水平") says nothing of where the text is.


def region_name(document):
    return getattr(document.region, "name", document.region)


def test_a_bulletin_without_headline_whose_figures_are_the_nations():
    document = pipeline.read(
        "一、环境空气\n(一)总体情况\n"
        "2021年3月,监测的城市平均优良天数比例为84.1%,同比上升2.2个百分点。\n"
        "图1 2021年3月全国城市空气质量级别比例\n"
        "2021年1-3月,全国城市平均优良天数比例为83.6%,同比上升2.0个百分点。\n"
    )
    assert region_name(document) == "全国"


def test_a_newspaper_item_on_the_nations_cases_under_its_reporter_and_date_line():
    document = pipeline.read(
        "前5月环境行政处罚金额超50亿元\n\n"
        "钱小川\n"
        "2019年06月20日07:31 | 来源:甲网-甲报\n小字号\n\n"
        "  生态环境部19日通报:1—5月各地共办理环境行政处罚案件60120件,全国罚没款合计"
        "50.3亿元。其中全国查处五类案件16820件,比去年同期增长8.1%。\n"
    )
    assert region_name(document) == "全国"
    assert document.publisher == "甲网-甲报"


def test_a_text_comparing_with_the_nation_is_not_about_the_country():
    document = pipeline.read(
        "我县空气质量持续向好\n\n"
        "今年上半年,我县空气质量优良天数比例为95.6%,优于全国平均水平,"
        "PM2.5平均浓度为24微克/立方米,低于全国平均值。\n"
    )
    assert region_name(document) != "全国"


# A disclosure page's header table names the document under 文件名称 as under 标题 or 名称;
# an attachment's name (附件名称) is no title.


@pytest.mark.parametrize("label", ["文件名称: ", "文件名称："])
def test_a_file_name_in_a_disclosure_pages_header_is_the_title(label):
    document = pipeline.read(
        "当前位置: 首页 > 信息公开 > 环境质量\n"
        "2022年3月县(市)空气质量状况\n"
        f"{label}2022年3月县(市)空气质量状况\n"
        "索引号: 4400000012/2022-01234\n"
        "发文日期: 2022-04-12 公开形式: 主动公开\n\n"
        "2022年3月,全市8个县(市)平均优良天数比例为91.4%,同比上升2.3个百分点。\n"
    )
    assert document.title == "2022年3月县(市)空气质量状况"
    assert document.date == date(2022, 4, 12)


def test_an_attachments_name_is_no_title():
    document = pipeline.read(
        "2022年3月县(市)空气质量状况\n"
        "发布日期: 2022-04-12\n\n"
        "2022年3月,全市8个县(市)平均优良天数比例为91.4%,同比上升2.3个百分点。\n\n"
        "附件名称: 3月县市空气质量排名.xls\n"
    )
    assert document.title == "2022年3月县(市)空气质量状况"


# An English byline naming the outlet in brackets: "By LI MING (chinadaily.com.cn)".


@pytest.mark.parametrize(
    "byline, publisher",
    [
        ("By ZHOU XIAOLAN (chinadaily.com.cn) Updated: 2018-11-02 09:40", "chinadaily.com.cn"),
        ("By Zhou Xiaolan (Xinhua) | 2018-11-02", "Xinhua"),
    ],
)
def test_an_outlet_in_brackets_after_the_byline_is_the_publisher(byline, publisher):
    document = pipeline.read(
        "Lakes in the east run cleaner\n\n"
        f"{byline}\n\n"
        "Eastern lakes of good water quality rose to 71.2 percent this year, a report found.\n"
    )
    assert document.publisher == publisher


def test_a_sentence_opening_with_by_names_no_outlet():
    document = pipeline.read(
        "Lakes in the east run cleaner\n\n"
        "By the end of October (the last month of the survey), eastern lakes of good water "
        "quality rose to 71.2 percent, a report found.\n"
    )
    assert "last month" not in document.publisher


# A site's column or its search box over the headline: a topic of a few characters
# ("空气质量") over a longer headline and the article, or "搜索历史 清空记录".


@pytest.mark.parametrize("column", ["空气质量", "生态环保", "水环境"])
def test_a_topic_over_a_longer_headline_is_the_sites_column(column):
    document = pipeline.read(
        f"{column}\n\n"
        "今年前四月全国地表水优良断面比例同比上升\n\n"
        "近日通报的1—4月全国地表水水质状况显示,优良断面比例为86.7%,同比上升1.2个百分点;"
        "劣Ⅴ类断面比例为0.9%,同比下降0.3个百分点。\n"
    )
    assert document.title == "今年前四月全国地表水优良断面比例同比上升"


def test_a_search_boxs_history_over_the_headline_is_no_title():
    document = pipeline.read(
        "搜索历史 清空记录\n分享到\n"
        "戊省2021年生态环境状况公报发布\n"
        "戊省新闻组 浏览\n"
        "戊省2021年生态环境状况公报日前发布,全省设区城市优良天数比例为97.3%,同比上升0.8个百分点,"
        "PM2.5平均浓度为21微克/立方米。\n"
    )
    assert document.title == "戊省2021年生态环境状况公报发布"


def test_a_short_headline_over_its_reporters_line_stays_the_title():
    document = pipeline.read(
        "治气攻坚纪实\n\n"
        "本报记者李某某 通讯员王某某\n\n"
        "今年以来,己县空气质量优良天数比例为93.6%,同比上升2.4个百分点,PM2.5平均浓度为"
        "28微克/立方米。\n"
    )
    assert document.title == "治气攻坚纪实"


# A headline naming the report a preamble under it releases stays the title, its year in
# brackets; a "?" after a space in a Chinese headline is a character the copy lost.


@pytest.mark.parametrize(
    "headline, title",
    [
        ("庚县生态环境质量公报 ?(2022年度)", "庚县生态环境质量公报(2022年度)"),
        ("庚县生态环境质量公报（2022年度）", "庚县生态环境质量公报（2022年度）"),
    ],
)
def test_a_headline_naming_the_report_its_preamble_releases_stays_the_title(headline, title):
    document = pipeline.read(
        f"{headline}\n\n来源:庚县生态环境分局 发布时间:2023年03月09日\n\n"
        "一、公报依据\n\n"
        "依据庚县生态环境监测站的监测结果,现发布《2022年度庚县生态环境质量公报》。\n\n"
        "二、总体状况\n\n2022年全县优良天数302天,达标率为82.7%。\n"
    )
    assert document.title == title


# A disclosure page's header table whose labels the copy cut ("称: …" for "名称: …"), the
# document's name then repeated as its headline: that line is the title.


@pytest.mark.parametrize("label", ["称: ", "题："])
def test_a_headline_repeating_a_value_of_a_cut_header_table_is_the_title(label):
    document = pipeline.read(
        "号: 115300000000000000/202204-0001 信息分类:\n"
        "发文日期: 2022-04-06\n"
        f"{label}辛县完成2022年第一季度声环境功能区监测\n"
        "号: 无\n\n"
        "辛县完成2022年第一季度声环境功能区监测\n\n"
        "发表时间:\n\n"
        "一季度,辛县布设功能区噪声监测点位3个,昼间等效声级为46.2分贝,夜间为40.8分贝。\n"
    )
    assert document.title == "辛县完成2022年第一季度声环境功能区监测"


def test_a_cut_header_table_with_no_headline_under_it_gives_no_title():
    document = pipeline.read(
        "号: 115300000000000000/202204-0001 信息分类:\n"
        "发文日期: 2022-04-06\n\n"
        "一季度,辛县布设功能区噪声监测点位3个,昼间等效声级为46.2分贝,夜间为40.8分贝。\n"
    )
    assert document.title.startswith(PLACEHOLDER_PREFIX)


# A disclosure page's index number opens with the issuing body's division code, as such
# ("4305000061/…") or inside its unified credit code ("11420100…"): the place of a text whose
# copy lost every place name.


@pytest.mark.parametrize(
    "index, place",
    [("4201000088/2022-03456", "武汉市"), ("11420100MB1234567X/2023-00012", "武汉市")],
)
def test_an_index_numbers_division_code_places_a_text_naming_no_place(index, place):
    document = pipeline.read(
        "2022年5月县(市)环境质量状况\n"
        f"索引号: {index}\n"
        "发文日期: 2022-06-15\n\n"
        "2022年5月,我局对某某辖区内各县(市)环境空气质量进行了例行监测,"
        "平均优良天数比例为88.2%,同比上升1.6个百分点。\n"
    )
    assert getattr(document.region, "name", None) == place


def test_an_index_number_without_a_division_code_places_nothing():
    document = pipeline.read(
        "2022年5月县(市)环境质量状况\n"
        "索引号: 000014672/2022-00345\n"
        "发文日期: 2022-06-15\n\n"
        "2022年5月,我局对某某辖区内各县(市)环境空气质量进行了例行监测,"
        "平均优良天数比例为88.2%,同比上升1.6个百分点。\n"
    )
    assert document.region is None
