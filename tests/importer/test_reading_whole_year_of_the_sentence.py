"""read() on an invented press-conference item whose sentence names last year, then 全年.

A press conference held this year reviews last year: "2030年,甲市空气质量优良率达97.5%,全年优级
天数201天". The whole year (全年) is the year the sentence named, not the year of the
conference the paragraph goes on to ("今年,截至2月28日…").

The text is invented (the city is a real division, the values are not).
"""

from datetime import date
from decimal import Decimal

from importer import pipeline

TEXT = (
    "2031年系列新闻发布会\n"
    "3月9日,省生态环境厅举办2031年系列新闻发布会,介绍各地空气质量。\n"
    "2030年,玉溪市空气质量优良率达97.5%,全年优级天数201天。今年,截至2月28日,玉溪市优良率100%。"
)


def test_the_whole_year_is_the_one_its_sentence_named():
    figures = {f.value: f for f in pipeline.read(TEXT).figures}
    days = figures[Decimal("201")]
    assert (days.period_start, days.period_end) == (date(2030, 1, 1), date(2030, 12, 31))
    assert figures[Decimal("97.5")].period_end == date(2030, 12, 31)
