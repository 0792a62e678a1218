"""read() on invented news items on the release of a year's bulletin, with no date line: the
text is written after that year, so its own "去年" ("去年全省优良天数比例为…") is the year of
the bulletin, not the year before it; "与上年相比" still compares with the year before."""

import pytest

from importer import pipeline
from tests.importer.test_reading_periods_places import one
from tests.importer.test_reading_when_where import period, year


@pytest.mark.parametrize(
    "release",
    [
        "6月3日,甘肃省发布了2021年生态环境状况公报。",
        "6月3日,甘肃省生态环境厅公布《2021年甘肃省生态环境状况公报》。",
    ],
)
def test_last_year_of_a_text_releasing_a_years_bulletin_is_that_year(release):
    document = pipeline.read(
        f"甘肃新闻网讯 {release}去年全省优良天数比例为91.6%,"
        "与上年相比上升1.3个百分点;PM2.5平均浓度为27微克/立方米。\n"
    )
    assert period(one(document, "91.6")) == year(2021)
    assert period(one(document, "1.3")) == year(2021)
    assert period(one(document, "27")) == year(2021)


def test_last_year_of_a_dated_text_is_the_year_before_its_date():
    # Near miss: a date line says when the text was written.
    document = pipeline.read(
        "甘肃省生态环境状况公报发布\n发布日期:2023-06-03\n"
        "6月3日,甘肃省发布了2021年生态环境状况公报。去年全省优良天数比例为91.6%。\n"
    )
    assert period(one(document, "91.6")) == year(2022)


@pytest.mark.parametrize("said", ["上年全市优良天数比例为85.2%", "上一年度为85.2%"])
def test_previous_year_of_a_dated_years_bulletin_is_the_year_before_its_own(said):
    # Near miss: 上年 and 上一年度 are the year before the bulletin's, however late its date
    # line; only a text's own 去年 counts from the year it was written in.
    document = pipeline.read(
        "某某市2020年生态环境状况公报\n发布日期:2021-06-03\n"
        f"2020年,全市优良天数比例为90.1%。{said}。\n"
    )
    assert period(one(document, "90.1")) == year(2020)
    assert period(one(document, "85.2")) == year(2019)
