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
        "记者从生态环境部获悉,2022年,全国339个地级及以上城市平均优良天数比例为86.5%。\n"
    )
    assert (document.publisher, document.date) == ("中国环境网", date(2023, 3, 30))
