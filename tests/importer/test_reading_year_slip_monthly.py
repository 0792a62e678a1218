"""read() on invented monthly reports: a paragraph dating its own figures to the report's month
of the year before ("2022年2月泰州市…" over "2021年2月,30个断面…"), with no comparison said,
is the author's slip for the report's month; a month of the year before that a figure is
compared with stays that month."""

from datetime import date

import pytest

from importer import pipeline
from tests.importer.test_reading_periods_places import one
from tests.importer.test_reading_when_where import period


@pytest.mark.parametrize(
    "paragraph",
    [
        "2021年2月,30个断面均达到水质目标,达标率为83.3%。",
        "2021年2月,城区空气质量达标天数比例为83.3%,综合指数3.71。",
    ],
)
def test_the_reports_month_of_the_year_before_is_a_slip_for_the_reports_month(paragraph):
    document = pipeline.read(
        f"2022年2月丁市环境质量月报\n2022年2月,全市国控断面水质达标率为91.7%。\n{paragraph}\n"
    )
    assert period(one(document, "83.3")) == period(one(document, "91.7"))


def test_a_month_of_the_year_before_beside_the_reports_month_stays_that_month():
    # Near miss: the paragraph says the report's month too; the year before is meant.
    document = pipeline.read(
        "2022年2月丁市环境质量月报\n"
        "2022年2月,全市国控断面水质达标率为91.7%。\n"
        "2021年2月,城区空气质量达标天数比例为83.3%;2022年2月为88.9%。\n"
    )
    assert period(one(document, "83.3")) == (date(2021, 2, 1), date(2021, 2, 28))
