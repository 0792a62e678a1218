"""read() on invented pages whose header of labelled fields was copied as a table row between
bars ("| 信息来源: 发布时间: 2033-02-20 浏览次数: |", "| 发布时间: 2022-05-09 | 来源: 甲市生态环境局 |"):
the row is the page's metadata, not its headline, so the headline under it is the title and the
text's place is read from the text (a city report naming its districts is the city's). A table
whose first heading is a date word ("| 日期 | …") stays a table."""

from datetime import date

import pytest

from importer import pipeline
from tests.importer.test_reading_periods_places import one, region

_REPORT = (
    "环境空气质量周报\n"
    "2033年第7期\n"
    "市环境监测中心 2033年2月20日\n"
    "本周我市PM2.5平均浓度为29微克/立方米,比上周下降4.1%,各区情况如下:\n"
    "| 排名 | 所在区域 | PM2.5(μg/m3) |\n"
    "|---|---|---|\n"
    "| 1 | 越秀区 | 24 |\n"
    "| 2 | 海珠区 | 27 |\n"
    "| 3 | 天河区 | 31 |\n"
)


@pytest.mark.parametrize(
    "header",
    [
        "| 信息来源: 发布时间: 2033-02-20 浏览次数: |",
        "| 发布时间: 2033-02-20 | 来源: 市生态环境局 |",
    ],
)
def test_a_header_row_between_bars_is_metadata_not_the_headline(header):
    document = pipeline.read(f"{header}\n{_REPORT}")
    assert document.title.startswith("环境空气质量周报")
    assert document.date == date(2033, 2, 20)
    assert region(one(document, "29")) == "广州市"


def test_a_table_whose_first_heading_is_a_date_word_stays_a_table():
    document = pipeline.read(
        "| 日期 | PM2.5(μg/m3) | 首要污染物 |\n"
        "|---|---|---|\n"
        "| 3月15日 | 36 | PM2.5 |\n"
        "| 3月16日 | 42 | PM2.5 |\n"
    )
    assert {str(f.value) for f in document.figures} >= {"36", "42"}
