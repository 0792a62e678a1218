"""read() on spans running to now and on changes against a named year.

"2009年至今" runs from that year to a day the text does not give: no period, never the year
2009 alone (a text with a date line counts to that day). A level and its change against a
named year ("比2009年提高了4.7个百分点") imply that year's level, not the year before's.

The bulletins are invented (made-up place, our own sentences and numbers).
"""

from datetime import date
from decimal import Decimal

from importer import periods, pipeline


def test_a_span_to_now_without_a_date_line_is_no_period():
    found = periods.find_all("2009年至今,全市已建成污水处理厂12座。", periods.Context())
    since = next(p for p in found if p.label.startswith("2009"))
    assert (since.first, since.last) == (None, None)


def test_a_span_to_now_runs_to_the_date_line():
    context = periods.Context(published=date(2031, 4, 2))
    found = periods.find_all("2009年至今,全市已建成污水处理厂12座。", context)
    since = next(p for p in found if p.label.startswith("2009"))
    assert (since.first, since.last) == (date(2009, 1, 1), date(2031, 4, 2))


def test_the_level_implied_by_a_change_against_a_named_year_is_of_that_year():
    document = pipeline.read(
        "云栖县2031年生态状况\n2031年,全县年末森林覆盖率为71.6%,比2009年提高了4.7个百分点。"
    )
    derived = [f for f in document.figures if f.derived]
    assert [(f.value, f.period_start, f.period_end) for f in derived] == [
        (Decimal("66.9"), date(2009, 1, 1), date(2009, 12, 31))
    ]


def test_english_a_year_before_a_preposition_is_the_figures_time_and_from_a_year_its_base():
    document = pipeline.read(
        "Highlights of the year\n"
        "The city met the goals of the plan it adopted in 2027, as 91 percent of all days in "
        "2030 across its districts had good air, up 6.2 percentage points from 2026."
    )
    read = {(f.value, f.derived): (f.period_start, f.period_end) for f in document.figures}
    assert read[(Decimal("91"), False)] == (date(2030, 1, 1), date(2030, 12, 31))
    assert read[(Decimal("85"), True)] == (date(2026, 1, 1), date(2026, 12, 31))


def test_to_this_year_is_not_to_now():
    found = periods.find_all("2016年至今年,全市累计完成造林9.4万亩。", periods.Context())
    assert not [p for p in found if p.kind == "yearsince"]
