"""read() on a copy that lost the 年 between a year and its month: "20311月", "20316月份".

No number runs into a month so, so the year is restored (and told to the editor), and the
figures are of that month; a number that is no year before 月 stays as written.

The bulletin is invented (made-up places, our own sentences and numbers).
"""

from datetime import date
from decimal import Decimal

from importer import pipeline

TEXT = (
    "青禾县环境空气质量月报\n\n"
    "(20311月)\n\n"
    "20311月,全县有效监测天数31天,优良天数比例为96.8%,同比上升3.2个百分点。"
)


def test_the_month_is_read_with_its_year():
    document = pipeline.read(TEXT)
    share = next(f for f in document.figures if f.value == Decimal("96.8"))
    assert (share.period_start, share.period_end) == (date(2031, 1, 1), date(2031, 1, 31))
    assert any("年" in removed.reason for removed in document.removed)


def test_other_numbers_before_a_month_stay():
    for text in ("全年共12月次超标。", "2031年1月,PM2.5为31微克/立方米。", "编号2031-1月报"):
        repaired, _ = pipeline.numbers.repair(text)
        assert repaired == text
