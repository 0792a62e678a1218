"""read() on a page's header line made of its date and names, and on header fields among the
page's widgets. Invented pages (evaluation/page_forms.py has them in every form).
"""

from datetime import date

import pytest

from importer import pipeline
from importer.segment import header_names, is_meta_line

BODY = (
    "2023年4月，丁河市环境空气质量优良天数为26天，优良天数比例为86.7%，同比上升2.2个百分点。\n"
    "细颗粒物平均浓度为29微克/立方米，同比下降3.3%。\n"
)


# The body or outlet beside the date on the line under the headline, in either order, with a
# time, a weekday or the edition of a paper: the publisher and the date.


@pytest.mark.parametrize(
    "line, publisher, day",
    [
        ("丁河市融媒体中心  2023-05-09 08:41:02", "丁河市融媒体中心", date(2023, 5, 9)),
        ("2023年05月09日 16:40  丁河市生态环境局", "丁河市生态环境局", date(2023, 5, 9)),
        ("丁河晚报 2023年05月09日 星期二 第A3版", "丁河晚报", date(2023, 5, 9)),
        ("原创 周岚 丁河环境在线 2023年5月9日 18:30", "丁河环境在线", date(2023, 5, 9)),
    ],
)
def test_a_body_or_outlet_beside_the_date_under_the_headline(line, publisher, day):
    document = pipeline.read(f"丁河市4月空气质量状况\n{line}\n{BODY}")
    assert document.title == "丁河市4月空气质量状况"
    assert (document.publisher, document.date) == (publisher, day)


def test_a_reporter_and_an_account_over_the_date_line_are_no_headline():
    document = pipeline.read(f"丁河市4月空气质量状况\n周岚 丁河市生态环境局\n2023-05-09 18:30\n{BODY}")
    assert document.title == "丁河市4月空气质量状况"
    assert document.publisher == "丁河市生态环境局"


def test_a_paper_edition_line_over_the_headline_is_no_headline():
    document = pipeline.read(f"丁河日报 2023年05月09日 第A2版\n丁河市4月空气质量状况\n记者 周岚\n{BODY}")
    assert document.title == "丁河市4月空气质量状况"
    assert (document.publisher, document.date) == ("丁河日报", date(2023, 5, 9))


# Near misses: a related article's date and headline, and a report's name after the day it
# was signed, name no publisher.


@pytest.mark.parametrize(
    "line",
    [
        "2021-03-02 全市首批生态文明示范村名单公示",
        "2019年5月31日 丁河市生态环境状况公报",
        "丁河市召开大气污染防治推进会 2021年3月2日",
        "长者模式 丁河市人民政府",  # a site's buttons beside its name: no reporter
        "2023年5月9日各市环境空气质量日报",  # a report, not a paper
        "项目\t棠峪站\t溪岭站",  # a table's header of stations
        "项目 棠峪站 溪岭监测站",
    ],
)
def test_a_dated_headline_or_a_report_is_no_header_of_names(line):
    assert header_names(line) is None


# Header fields among the page's widgets ("【字体：大 中 小】 | 时间：… | 来源：…"): a line of
# metadata, never the title, and no widget in the publisher's name.


@pytest.mark.parametrize(
    "line",
    [
        "【字体：大 中 小】　　时间：2023年5月9日　　来源：丁河市生态环境局",
        "来源：丁河市生态环境局 | 【字体：大 中 小】 | 发布时间：2023-05-09 10:21",
        "发布日期：2023-05-09 字号：大 中 小 【打印】 来源：丁河市生态环境局",
    ],
)
def test_fields_among_widgets_are_metadata(line):
    assert is_meta_line(line)
    document = pipeline.read(f"首页 > 环境质量\n{line}\n丁河市4月空气质量状况\n{BODY}")
    assert document.title == "丁河市4月空气质量状况"
    assert (document.publisher, document.date) == ("丁河市生态环境局", date(2023, 5, 9))


# A report's issue under its name, over the line signed with the body and the day: the name
# is the title, not a link of the page's header.


@pytest.mark.parametrize("issue", ["2023年4月(总第52期)", "2023年第4期"])
def test_an_issue_under_the_report_name_is_no_title(issue):
    document = pipeline.read(f"丁河市饮用水源地水质月报\n{issue}\n丁河市环境监测中心站 2023年5月9日\n{BODY}")
    assert document.title == "丁河市饮用水源地水质月报"
    assert document.date == date(2023, 5, 9)
