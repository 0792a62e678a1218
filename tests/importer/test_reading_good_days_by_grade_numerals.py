"""read() on invented bulletins that count the good days by the numerals of the air's first two
grades ("达到国家一级(优)和二级(良)的天数", "一、二级天数"): they are the good days, and the share
said after them of all days is the good-day share; each grade's own share, listed one by one, is
not."""

import pytest

from importer import pipeline
from tests.importer.test_reading_periods_places import one

_TITLE = "某市2015年环境状况公报\n"


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "全县空气质量属于一级(优)或二级(良)的天数有318天,占全年有效监测天数的87.1%。",
            {"318": "air-good-days", "87.1": "air-good-days-ratio"},
        ),
        (
            "城区一、二级天数为296天,一、二级天数比例为81.1%。",
            {"296": "air-good-days", "81.1": "air-good-days-ratio"},
        ),
    ],
    ids=["grades-with-their-words", "grades-by-numerals-only"],
)
def test_the_first_two_grades_days_are_the_good_days(sentence, expected):
    document = pipeline.read(_TITLE + sentence + "\n")
    assert {value: one(document, value).indicator for value in expected} == expected


def test_each_grades_own_share_listed_is_not_the_good_day_share():
    # near miss: the two grades named together, but each value is one grade's
    document = pipeline.read(_TITLE + "全年Ⅰ级和Ⅱ级天数比例分别为40.2%和55.0%。\n")
    assert one(document, "40.2").indicator != "air-good-days-ratio"
    assert one(document, "55.0").indicator != "air-good-days-ratio"
