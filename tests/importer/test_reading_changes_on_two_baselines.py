"""read() on invented monthly reports: a change on the previous month and one on the same month
a year before are two figures, however alike ("CO月均浓度持平" under "与上月相比", then "CO月均
浓度与上年同期持平"); a heading repeating the body's year-on-year change is still one."""

from decimal import Decimal

import pytest

from importer import pipeline


def zeros(document, code):
    return [f for f in document.figures if f.indicator == code and f.value == 0]


@pytest.mark.parametrize(
    ("month", "year"),
    [
        ("与上月相比,全省PM10月均浓度下降7.1%,CO月均浓度持平。", "CO月均浓度与上年同期持平"),
        ("全省CO月均浓度环比持平,PM10月均浓度下降7.1%。", "CO月均浓度同比持平"),
    ],
)
def test_changes_on_the_month_before_and_the_year_before_are_two(month, year):
    document = pipeline.read(
        "2023年6月四川省城市环境空气质量状况\n"
        f"{month}\n与上年同期相比,全省PM10月均浓度上升2.2%,{year}。\n"
    )
    assert len(zeros(document, "co")) == 2


def test_a_heading_repeating_the_year_on_year_change_is_one_figure():
    # Near miss: the body says the month's change, then the year's, which the heading repeats.
    document = pipeline.read(
        "2023年6月四川省12369环保举报情况\n"
        "一、全省举报量同比下降31.4%\n"
        "2023年6月,全省共接到环保举报3240件,环比下降12.6%,同比下降31.4%。\n"
    )
    assert len([f for f in document.figures if f.value == Decimal("-31.4")]) == 1
