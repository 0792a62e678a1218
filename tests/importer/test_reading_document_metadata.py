"""read() on the title, date, publisher and place of texts written for these tests: the
shapes page headers, reposts, credits and copies give them. Invented texts, in their style.
"""

from datetime import date

import pytest

from importer import pipeline
from importer.document import PLACEHOLDER_PREFIX


def region_name(document):
    return getattr(document.region, "name", document.region)


# A header line whose date label names what was done on the day (编辑时间, 上传时间), and a
# source labelled 来自: the line under the headline, whatever column name stands above it.


def test_an_edit_time_line_under_the_headline_dates_it_and_the_column_above_is_no_title():
    document = pipeline.read(
        "水环境管理\n\n"
        "2023年4月全省地表水水质状况通报\n\n"
        "编辑时间:2023-05-06      来源:水生态环境处\n\n"
        "2023年4月,全省地表水优良水体比例为92.1%,同比上升1.3个百分点。\n"
    )
    assert document.title == "2023年4月全省地表水水质状况通报"
    assert document.date == date(2023, 5, 6)


def test_an_upload_time_and_a_source_labelled_laizi():
    document = pipeline.read(
        "丰县新闻 首页 动态 查看内容\n"
        "2022年6月丰县城区环境空气质量月报\n\n"
        "上传时间:2022-7-1 09:10| 查看: 12| 来自: 丰县人民政府网\n\n"
        "2022年6月,丰县城区环境空气质量优良天数比例为90.0%。\n"
    )
    assert document.title == "2022年6月丰县城区环境空气质量月报"
    assert (document.date, document.publisher) == (date(2022, 7, 1), "丰县人民政府网")


# A source closing the article in brackets, with the reporter after it, and page residue
# under it.


@pytest.mark.parametrize(
    "credit, publisher",
    [
        ("(来源:甲城网—甲城日报 记者 王某)", "甲城网—甲城日报"),
        ("（来源：宁波日报）", "宁波日报"),
        ("(来源:新华社 记者 刘某 李某)", "新华社"),
    ],
)
def test_a_source_in_brackets_closing_the_article_is_its_publisher(credit, publisher):
    document = pipeline.read(
        "我市上半年空气质量持续改善\n"
        "今年上半年,我市空气质量优良天数比例为88.4%,同比上升2.1个百分点。"
        f"{credit}\n?\n|\n"
    )
    assert document.publisher == publisher


def test_a_reporters_credit_under_residue_still_names_the_paper_and_its_city():
    document = pipeline.read(
        "5月8日,我市天朗气清,江边游人如织。\n"
        "记者从市生态环境局获悉,今年1-4月,我市环境空气质量优良天数比率为95.1%,"
        "同比上升1.2个百分点。(柳州日报记者 张某 摄影报道)\n?\n|\n"
    )
    assert region_name(document) == "柳州市"
    assert not document.publisher.startswith("记者")


def test_a_reporters_own_credit_names_no_publisher():
    document = pipeline.read(
        "我市上半年空气质量持续改善\n"
        "今年上半年,我市空气质量优良天数比例为88.4%,同比上升2.1个百分点。(记者 王某 摄)\n"
    )
    assert "记者" not in document.publisher


# The outlet on the page's date line: in title brackets after the time, or before 时间.


def test_an_outlet_in_title_brackets_after_the_time_is_the_source():
    document = pipeline.read(
        "甘南草原植被盖度达到97%\n\n"
        "2023-03-09 10:21:45 《 甘肃日报 》   作者: 某某\n\n"
        "记者从甘南州林草局获悉,全州草原综合植被盖度达到97%,比五年前提高1.5个百分点。\n"
    )
    assert (document.publisher, document.date) == ("甘肃日报", date(2023, 3, 9))


@pytest.mark.parametrize("line", ["    中国环境网   时间:2023-03-30", "中国环境网    2023年03月30日"])
def test_an_outlet_before_the_date_is_the_source(line):
    document = pipeline.read(
        "• 生态环境部发布2022年全国生态环境质量简况\n\n"
        f"{line}\n\n"
        "记者从生态环境部获悉,2022年,全国地级城市的优良天数比例平均达到86.5%。\n"
    )
    assert (document.publisher, document.date) == ("中国环境网", date(2023, 3, 30))


# A bulletin reposted by a document site: the bulletin's own signature (its body and the day
# it was signed) dates it, not the day the copy was uploaded or edited.


def test_the_signature_of_a_reposted_bulletin_dates_it_over_the_editors_line():
    document = pipeline.read(
        "编辑: xyz2020abc | 2021-08-02 |\n"
        "根据《中华人民共和国环境保护法》的规定,现发布\n"
        "2020 年度乙市环境状况公报.\n"
        "乙市生态环境局局长: 某某\n"
        "2021 年6月4 日 乙市环境状况公报\n"
        "2020 年乙市环境空气质量优良天数比例为96.2%,同比上升0.8个百分点。\n"
    )
    assert document.date == date(2021, 6, 4)


def test_the_signature_run_into_a_converted_report_dates_it_over_the_upload_day():
    document = pipeline.read(
        "当前位置:首页 > 监测报告 >\n\n"
        "2022年3月全国城市空气质量报告\n\n"
        "  • 2022年05月20日\n\n"
        "2022 年 3 月全国城市空气质量报告 中国环境监测总站 2022 年 4 月 12 日 说明:数据为实况"
        "数据。 一、城市总体状况 当月各城市的优良天数比例平均为 82.1%,"
        "比去年同月高 3.6 个百分点。\n"
    )
    assert document.date == date(2022, 4, 12)


def test_a_labelled_publication_time_is_kept_beside_a_signature():
    document = pipeline.read(
        "2020年丙市环境状况公报\n\n"
        "发布时间:2021-06-10\n\n"
        "丙市生态环境局\n"
        "2021年6月4日\n\n"
        "2020年,丙市环境空气质量优良天数比例为96.2%。\n"
    )
    assert document.date == date(2021, 6, 10)


def test_a_meeting_day_opening_the_article_is_no_signature():
    document = pipeline.read(
        "全国空气质量持续改善\n\n"
        "2022年05月20日\n\n"
        "2022年4月12日,生态环境部召开例行新闻发布会,通报3月各城市优良天数比例平均"
        "为82.1%。\n"
    )
    assert document.date == date(2022, 5, 20)


# A headline run into the first line of the text, with no line break after it.


@pytest.mark.parametrize(
    "text, title",
    [
        (
            "2019年甲区环境质量简报2019年,甲区优良天数共342天,比例达93.7%。",
            "2019年甲区环境质量简报",
        ),
        (
            "2024年10月乙市环境空气质量月报 全市各县区设有自动站22个。"
            "本月全市AQI优良率为97.6%。",
            "2024年10月乙市环境空气质量月报",
        ),
        (
            "全文预览已结束\n下载本文档\n文档简介\n"
            "2021年丙县生态环境状况公报一、环境空气质量 2021年,丙县优良天数比例为95.1%。",
            "2021年丙县生态环境状况公报",
        ),
    ],
)
def test_a_report_name_run_into_the_first_line_is_the_title(text, title):
    assert pipeline.read(text).title == title


def test_a_sentence_citing_a_report_keeps_its_placeholder_title():
    document = pipeline.read("2019年甲区环境质量公报显示,全年空气质量优良天数比例为93.7%。")
    assert document.title.startswith(PLACEHOLDER_PREFIX)


# A newspaper page's furniture over the headline: a page number, a weekday date, column tags.


@pytest.mark.parametrize(
    "head",
    [
        "| | | 2021年03月09日 星期二\n7\n要闻;本地\n\n",
        "3\n\n",
        "A2\n经济/民生\n\n",
    ],
)
def test_page_furniture_over_a_newspapers_headline_is_no_title(head):
    document = pipeline.read(
        head + "甲市一季度开出环保罚单逾千万元\n\n"
        "    本报讯 (记者 某某) 甲市生态环境局近日通报,一季度全市共立案查处环境违法案件"
        "126起,罚款1032.5万元。\n"
    )
    assert document.title == "甲市一季度开出环保罚单逾千万元"


def test_the_first_number_of_a_list_over_its_first_item_is_no_page_number():
    document = pipeline.read(
        "1\n甲市建成首个生态环境修复基地\n基地占地120公顷。\n"
        "2\n乙县空气优良天数比例达95.2%\n全年优良天数347天。\n"
    )
    assert "1" not in [removed.text for removed in document.removed]


def test_a_body_and_a_day_going_on_as_a_sentence_is_no_signature():
    document = pipeline.read(
        "全国空气质量持续改善\n\n"
        "2022年05月20日\n\n"
        "生态环境部2022年4月12日发布,3月各城市优良天数比例平均为82.1%。\n"
    )
    assert document.date == date(2022, 5, 20)


# A site's name repeated over the article and glued to its first line: spam, not the title.


def test_a_name_the_header_repeats_and_glues_to_the_opening_is_no_title_nor_opening():
    document = pipeline.read(
        "XY娱乐官网\n\n \n\nXY娱乐官网\n\n🎲XY娱乐官网🎲     \n\n"
        "XY娱乐官网新华社南京5月3日电 (记者 某某)2023年,江苏省PM2.5平均浓度为33微克/立方米,"
        "同比下降2.9%。\n"
    )
    assert document.publisher == "新华社"
    assert "XY" not in document.title


def test_a_site_name_glued_to_the_opening_once_is_kept():
    document = pipeline.read(
        "蓝天网\n\n"
        "蓝天网讯 2023年,江苏省PM2.5平均浓度为33微克/立方米,同比下降2.9%。\n"
    )
    assert document.publisher == "蓝天网"


# A headline in two lines: a short second line under it, then the article.


def test_a_short_line_under_the_headline_over_the_article_is_its_second_line():
    document = pipeline.read(
        "我市上半年查处环境违法案件86起\n"
        "罚没金额逾千万元\n"
        "本报讯 7月12日,市生态环境局通报,今年上半年,全市共查处环境违法案件86起,"
        "罚没金额1062.3万元,同比增长12.5%。\n"
    )
    assert document.title.replace(" ", "") == "我市上半年查处环境违法案件86起罚没金额逾千万元"


@pytest.mark.parametrize(
    "second",
    ["一、总体情况", "甲市生态环境局", "2023年7月12日", "(记者 王某)", "表1 各区县罚没金额"],
)
def test_a_heading_a_byline_or_a_date_under_the_headline_is_not_its_second_line(second):
    document = pipeline.read(
        "我市上半年查处环境违法案件86起\n"
        f"{second}\n"
        "今年上半年,全市共查处环境违法案件86起,罚没金额1062.3万元,同比增长12.5%,"
        "执法力度持续加大。\n"
    )
    assert document.title == "我市上半年查处环境违法案件86起"


@pytest.mark.parametrize(
    "paper, city", [("长治日报", "长治市"), ("普洱日报", "普洱市"), ("来宾日报", "来宾市")]
)
def test_a_city_paper_credited_names_the_city_a_text_calls_ours(paper, city):
    document = pipeline.read(
        "6月2日,我市天朗气清。\n"
        "今年1-5月,我市环境空气质量优良天数比率为91.4%,同比上升3.2个百分点。"
        f"({paper}记者 某某)\n"
    )
    assert region_name(document) == city


def test_a_national_paper_credited_names_no_city():
    document = pipeline.read(
        "我市空气质量持续改善\n"
        "今年1-5月,我市环境空气质量优良天数比率为91.4%,同比上升3.2个百分点。(光明日报记者 某某)\n"
    )
    assert region_name(document) is None


# A ranking of a province's cities: the province, though one city is named a little more.


def test_a_ranking_of_a_provinces_cities_is_about_the_province():
    document = pipeline.read(
        "2023年5月设区市空气质量排名\n\n"
        "一、5月排名\n\n"
        "11个设区市中,承德、张家口、秦皇岛3市综合指数较好,邯郸、邢台、石家庄3市较差。"
        "与去年同期相比,承德(-12.1%)、唐山(-9.4%)、张家口(-8.8%)降幅居前,承德改善最多。\n"
    )
    assert region_name(document) == "河北省"


def test_a_city_text_naming_its_neighbours_once_stays_the_city():
    document = pipeline.read(
        "承德空气质量持续向好\n\n"
        "今年5月,承德市优良天数比例为96.8%,承德市PM2.5浓度为21微克/立方米,好于张家口、"
        "秦皇岛两市。承德市综合指数同比下降12.1%,承德各县区均有改善。\n"
    )
    assert region_name(document) == "承德市"


# A headline over its dashed subtitle, right above the page's date line: both are the title.


@pytest.mark.parametrize("head", ["", "关于我们 | English | 网站地图\n\n"])
def test_a_headline_and_its_dashed_subtitle_over_the_date_line_are_the_title(head):
    document = pipeline.read(
        head + "青海湿地保护率提高到64.3%\n\n"
        "——三年新增国家湿地公园6处\n\n\n\n"
        "2023-03-01 09:12:30 《 青海日报 》   作者: 某某\n\n"
        "记者从全省林草工作会议上获悉,青海湿地保护率由62.1%提高到64.3%。\n"
    )
    assert document.title == "青海湿地保护率提高到64.3%——三年新增国家湿地公园6处"
    # the subtitle's figure, which the body does not state, is the headline's own
    assert [str(f.value) for f in document.figures if "三年新增" in f.quote] == ["6"]


# A bulletin's preamble that releases it by name ("…的规定,现发布" / "2022 年度某市…公报."):
# the name is the title, not the preamble's first line.


@pytest.mark.parametrize(
    "preamble, title",
    [
        (
            "2022 年0依照《中华人民共和国环境保护法》等规定,现发布\n2022 年度韶关市环境状况公报.\n",
            "2022年度韶关市环境状况公报",
        ),
        ("按照信息公开的有关要求,现予公布\n2021年韶关市环境质量报告书。\n", "2021年韶关市环境质量报告书"),
    ],
)
def test_the_report_a_preamble_releases_is_the_title(preamble, title):
    document = pipeline.read(
        preamble + "韶关市生态环境局局长: 某某\n"
        "2023 年5月30 日\n"
        "一、综述 2022年全市空气质量优良天数比例为95.1%,同比上升1.2个百分点。\n"
    )
    assert document.title.replace(" ", "") == title
    assert region_name(document) == "韶关市"


def test_a_headline_saying_a_body_released_a_report_stays_the_title():
    document = pipeline.read(
        "韶关市生态环境局发布2022年环境状况公报\n"
        "近日,韶关市生态环境局发布2022年度韶关市环境状况公报,全市优良天数比例为95.1%。\n"
    )
    assert document.title == "韶关市生态环境局发布2022年环境状况公报"


# A document site lists a report as "its issuer: its name": the name is the title.


@pytest.mark.parametrize(
    "headline, title",
    [
        ("中国环境监测总站:2022年5月全国城市空气质量报告", "2022年5月全国城市空气质量报告"),
        ("浙江省生态环境厅：2021年浙江省生态环境状况公报", "2021年浙江省生态环境状况公报"),
        ("生态环境部:2022年全国空气质量持续改善", "生态环境部:2022年全国空气质量持续改善"),
    ],
)
def test_an_issuer_before_a_reports_name_is_not_part_of_the_title(headline, title):
    document = pipeline.read(
        f"{headline}\n\n• 2022年07月14日\n\n"
        "全国城市平均优良天数比例为87.5%,同比上升1.1个百分点。\n"
    )
    assert document.title == title


@pytest.mark.parametrize(
    "body", ["从江县生态环境局", "佳木斯市向阳区生态环境局"]
)
def test_a_place_starting_with_a_preposition_keeps_its_whole_name(body):
    document = pipeline.read(
        f"近日,{body}发布通报,今年上半年全县空气质量优良天数比例为97.2%,同比上升1.1个百分点。\n"
    )
    assert document.publisher == body


def test_the_citys_departments_are_not_the_ministry():
    document = pipeline.read(
        "临川市2031年1-9月生态环境执法情况\n"
        "1-9月,全市生态环境部门共检查企业2870家次,立案查处153起。"
    )
    assert document.publisher != "生态环境部"


def test_the_ministry_doing_several_things_is_still_the_ministry():
    document = pipeline.read(
        "全国生态环境质量简况\n2031年,全国339个城市中,226个城市环境空气质量达标。"
        "生态环境部分别对重点区域开展了强化监督帮扶。"
    )
    assert document.publisher == "生态环境部"
