"""read() on invented bulletins whose months run with a horizontal bar ("1―4月", U+2015), as
with a dash ("1—4月"): the months from the first to the last; a bar between two values is no
time."""

import pytest

from importer import pipeline
from tests.importer.test_reading_periods_places import one
from tests.importer.test_reading_when_where import period


@pytest.mark.parametrize("months", ["1―4月", "1 ― 4月", "2023年1―4月"])
def test_months_joined_by_a_horizontal_bar_run_from_the_first_to_the_last(months):
    document = pipeline.read(
        "2023年4月福建省环境空气质量状况\n"
        f"{months},全省设区城市环境空气质量达标天数比例平均为97.2%。\n"
    )
    first, last = period(one(document, "97.2"))
    assert (first.month, last.month, last.year) == (1, 4, 2023)


def test_a_bar_between_two_values_dates_nothing():
    document = pipeline.read(
        "2023年4月福建省环境空气质量状况\n"
        "4月,全省综合指数范围为2.39―3.43,达标天数比例平均为95.7%。\n"
    )
    first, last = period(one(document, "95.7"))
    assert (first.month, last.month) == (4, 4)
