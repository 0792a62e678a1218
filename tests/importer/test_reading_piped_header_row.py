"""read() on invented pages whose header of labelled fields was copied as a table row between
bars ("| 信息来源: 发布时间: 2021-03-22 浏览次数: |", "| 发布时间: 2022-05-09 | 来源: 甲市生态环境局 |"):
the row is the page's metadata, not its headline, so the headline under it is the title and the
text's place is read from the text (a city report naming its districts is the city's). A table
whose first heading is a date word ("| 日期 | …") stays a table."""

from datetime import date

import pytest

from importer import pipeline
from tests.importer.test_reading_periods_places import one, region

_REPORT = (
    "环境空气质量周报\n"
    "2021年第11期\n"
    "市大气污染防治委员会办公室 2021年3月22日\n"
    "本周我市PM2.5平均浓度为38微克/立方米,比上周上升12.3%,详见下表:\n"
    "| 排名 | 所在区域 | PM2.5(μg/m3) |\n"
    "|---|---|---|\n"
    "| 1 | 红谷滩区 | 30 |\n"
    "| 2 | 青山湖区 | 35 |\n"
    "| 3 | 东湖区 | 41 |\n"
)


@pytest.mark.parametrize(
    "header",
    [
        "| 信息来源: 发布时间: 2021-03-22 浏览次数: |",
        "| 发布时间: 2021-03-22 | 来源: 市生态环境局 |",
    ],
)
def test_a_header_row_between_bars_is_metadata_not_the_headline(header):
    document = pipeline.read(f"{header}\n{_REPORT}")
    assert document.title.startswith("环境空气质量周报")
    assert document.date == date(2021, 3, 22)
    assert region(one(document, "38")) == "南昌市"


def test_a_table_whose_first_heading_is_a_date_word_stays_a_table():
    document = pipeline.read(
        "| 日期 | PM2.5(μg/m3) | 首要污染物 |\n"
        "|---|---|---|\n"
        "| 3月15日 | 36 | PM2.5 |\n"
        "| 3月16日 | 42 | PM2.5 |\n"
    )
    assert {str(f.value) for f in document.figures} >= {"36", "42"}
