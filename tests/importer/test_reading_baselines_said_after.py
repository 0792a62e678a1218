"""read() on invented bulletins whose years name what the figures are measured against, not
the time they cover: a year the text compares with, marked by the 相比 after it rather than a
word before it ("同2021年同期相比", a copy that lost the 与 of "与2021年同期相比"), and a year a
record is counted from ("为2015年以来同期最低", "是2016年以来最好水平"). Neither dates the
figures, which keep the bulletin's own period."""

from datetime import date

import pytest

from importer import pipeline
from tests.importer.test_reading_periods_places import one


def period(figure):
    return figure.period_start, figure.period_end


_FIRST_HALF_2022 = (date(2022, 1, 1), date(2022, 6, 30))


@pytest.mark.parametrize("compared", ["同2021年同期相比", "2021年同期相比", "同2021年上半年相比"])
def test_a_year_followed_by_its_comparison_is_a_baseline(compared):
    document = pipeline.read(
        "甲省生态环境质量状况(2022年上半年)\n\n"
        "上半年,全省酸雨平均发生率为4.2%。\n\n"
        f"{compared},全省酸雨平均发生率下降0.7个百分点,PM2.5浓度上升1.8%。\n"
    )
    for value in ("-0.7", "1.8"):
        assert period(one(document, value)) == _FIRST_HALF_2022, value


@pytest.mark.parametrize(
    "record", ["为2015年以来同期最低值", "是2016年以来最好水平", "创2015年以来同期第二低"]
)
def test_a_year_a_record_is_counted_from_dates_no_figure(record):
    document = pipeline.read(
        "甲省生态环境质量状况(2022年上半年)\n\n"
        f"上半年,全省PM2.5平均浓度为31.5微克/立方米,{record},比去年同期下降1.2%;"
        "优良天数比率为80.4%,同比下降2.2个百分点。\n"
    )
    for value in ("31.5", "-1.2", "80.4", "-2.2"):
        assert period(one(document, value)) == _FIRST_HALF_2022, value


def test_a_year_said_before_its_own_figures_still_dates_them():
    document = pipeline.read(
        "甲省生态环境质量状况(2022年上半年)\n\n"
        "上半年,全省PM2.5平均浓度为31.5微克/立方米。\n\n"
        "2021年同期,全省PM2.5平均浓度为33.1微克/立方米。2015年以来,全省共查处环境违法案件120起。\n"
    )
    assert period(one(document, "33.1"))[0].year == 2021
    assert period(one(document, "120"))[0] == date(2015, 1, 1)


@pytest.mark.parametrize("opening", ["2022年1-6月相比2021年同期", "2022年上半年相较于上年同期"])
def test_a_period_compared_with_another_named_after_its_comparison_is_the_figures_own(opening):
    # The period before 相比 is the bulletin's own when the one it is compared with follows.
    document = pipeline.read(
        f"甲省环境质量简报\n\n{opening},全省PM2.5平均浓度下降3.1%,优良天数比率为82.6%。\n"
    )
    for value in ("-3.1", "82.6"):
        assert period(one(document, value)) == _FIRST_HALF_2022, value
