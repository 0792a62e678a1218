"""read() on the level of the year compared with, written in brackets with no unit.

"…较上年(67.2)降低了2.1dB(A)": the bracket holds last year's level of the same measure, in
the unit of the change after it; a pH compared so ("比上年同期(5.32)上升0.21个pH单位") has no
unit; a change in percent lends the bracket no unit.

The bulletin is invented (made-up place, our own sentences and numbers).
"""

from datetime import date
from decimal import Decimal

from importer import pipeline

TEXT = (
    "青禾市2031年声环境质量状况\n"
    "2031年,城区道路交通声环境昼间平均等效声级为64.9dB(A)。与上年相比,道路交通声环境昼间"
    "平均等效声级较上年(67.2)降低了2.1dB(A)。\n"
    "全年降水pH平均值为5.53,比上年同期(5.32)上升0.21个pH单位。\n"
    "PM2.5年均浓度较上年(41)下降4.9%。"
)


def test_the_bracket_is_last_years_level_in_the_changes_unit():
    read = {f.value: f for f in pipeline.read(TEXT).figures if not f.derived}
    noise = read[Decimal("67.2")]
    assert (noise.unit, noise.indicator, noise.kind) == ("dB(A)", "noise-traffic-day", "level")
    assert (noise.period_start, noise.period_end) == (date(2030, 1, 1), date(2030, 12, 31))
    ph = read[Decimal("5.32")]
    assert (ph.unit, ph.indicator, ph.kind) == ("", "precipitation-ph", "level")


def test_a_change_in_percent_lends_no_unit():
    read = {f.value for f in pipeline.read(TEXT).figures if not f.derived}
    assert Decimal("41") not in read


def test_a_rank_in_brackets_is_no_level():
    document = pipeline.read(
        "青禾市2031年空气质量\n2031年,全市空气质量综合指数为4.08,较上年(3)上升1个名次。"
    )
    assert Decimal("3") not in {f.value for f in document.figures}
