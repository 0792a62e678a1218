"""read() on invented forum copies whose page ends with the forum's clock ("GMT+8, 2023-11-05
09:12", with or without the time it took to serve the page): that is when the page was served,
not when the item was written; it dates neither the document nor its figures, which a text
saying no year leaves of no known period. A date line of the item itself still dates it."""

from datetime import date

import pytest

from importer import pipeline
from tests.importer.test_reading_periods_places import one

_ITEM = (
    "近日,从我市生态环境工作推进会上获悉,1—6月份,全市环境空气优良天数为151天,"
    "比上年同期增加9天,PM2.5平均浓度同比下降8.5%。\n"
)


@pytest.mark.parametrize(
    "clock",
    [
        "GMT+8, 2023-11-05 09:12",
        "GMT+8, 2023-11-5 21:07 , Processed in 0.031 second(s), 16 queries .",
    ],
)
def test_the_forums_clock_under_an_item_dates_nothing(clock):
    document = pipeline.read(f"{_ITEM}|\n{clock}\n")
    assert document.date is None
    days = one(document, "151")
    assert (days.period_start, days.period_end) == (None, None)


def test_the_items_own_date_line_still_dates_it():
    document = pipeline.read(f"甲市上半年空气优良天数增加9天\n\n2023-07-12 09:30\n\n{_ITEM}")
    assert document.date == date(2023, 7, 12)
    days = one(document, "151")
    assert (days.period_start, days.period_end) == (date(2023, 1, 1), date(2023, 6, 30))
