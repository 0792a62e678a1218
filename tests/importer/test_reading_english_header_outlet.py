"""read() on invented English pages: a date written day-month-year with hyphens on the header's
dated line ("Updated 09:30, 05-Mar-2021") dates the page, and an outlet's acronym alone on the
line under that dated line ("XYTV") is the publisher; a place alone there is not."""

import pytest

from importer import pipeline

BODY = (
    "The province's rivers improved in 2020, the provincial bureau said on Thursday.\n"
    "In 2020, 81.5 percent of the monitored sections were rated good, up 2.2 percentage "
    "points year on year.\n"
)


@pytest.mark.parametrize(
    ("dated", "day"),
    [
        ("Updated 09:30, 05-Mar-2021", "2021-03-05"),
        ("Published 18:02, 5-Mar-2021", "2021-03-05"),
        ("Updated: 23-Sep-2020", "2020-09-23"),
    ],
)
def test_a_hyphenated_day_month_year_on_the_dated_line_dates_the_page(dated, day):
    document = pipeline.read(f"Rivers in the province improved\n{dated}\n{BODY}")
    assert str(document.date) == day


@pytest.mark.parametrize("outlet", ["XYTV", "CGN"])
def test_an_acronym_alone_under_the_dated_line_is_the_outlet(outlet):
    document = pipeline.read(
        f"Rivers in the province improved\nUpdated 09:30, 05-Mar-2021\n{outlet}\n{BODY}"
    )
    assert document.publisher == outlet


def test_a_place_alone_under_the_dated_line_is_no_outlet():
    document = pipeline.read(
        f"Rivers in the province improved\nUpdated 09:30, 05-Mar-2021\nCHINA\n{BODY}"
    )
    assert document.publisher != "CHINA"
