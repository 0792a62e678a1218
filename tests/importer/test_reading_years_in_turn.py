"""read() on a span of years whose values a list gives one year after another.

"2027—2030年,全县单位GDP能耗较上年分别下降4.12%、…": as many values after 分别 as the span
has years, so each value is of its own year, in order. A list whose length is not the
span's, or a cumulative figure after the list, keeps the span's reading.

The bulletins are invented (made-up places, our own sentences and numbers).
"""

from datetime import date
from decimal import Decimal

from importer import pipeline


def _periods(text):
    document = pipeline.read(text)
    return {f.value: (f.period_start, f.period_end) for f in document.figures if not f.derived}


def test_each_value_is_of_its_year():
    periods = _periods(
        "云栖县节能工作情况\n"
        "2027—2030年,全县单位GDP能耗较上年分别下降4.12%、2.87%、5.06%、3.33%,"
        "超额完成年度任务。"
    )
    assert periods[Decimal("-4.12")] == (date(2027, 1, 1), date(2027, 12, 31))
    assert periods[Decimal("-2.87")] == (date(2028, 1, 1), date(2028, 12, 31))
    assert periods[Decimal("-5.06")] == (date(2029, 1, 1), date(2029, 12, 31))
    assert periods[Decimal("-3.33")] == (date(2030, 1, 1), date(2030, 12, 31))


def test_a_list_of_another_length_is_not_spread_over_the_years():
    periods = _periods(
        "云栖县节能工作情况\n2027—2030年,全县单位GDP能耗和碳排放强度分别下降13.4%、15.2%。"
    )
    assert periods[Decimal("-13.4")] == periods[Decimal("-15.2")]


def test_a_list_of_measures_over_a_span_is_not_spread_over_its_years():
    periods = _periods(
        "云栖县空气质量\n2028—2029年,全县PM2.5和PM10年均浓度分别为31微克/立方米、57微克/立方米。"
    )
    assert periods[Decimal("31")] == periods[Decimal("57")]
