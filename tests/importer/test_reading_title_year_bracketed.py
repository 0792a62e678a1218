"""read() on invented yearbook tables: a year alone in brackets closing the headline ("Water
Quality of Major Lakes (2011)", "主要湖泊水质（2011）") is the time of the table's figures; a year
in brackets inside the headline's words ("Standard (2012) Limits") is not."""

import pytest

from importer import pipeline
from tests.importer.test_reading_periods_places import one
from tests.importer.test_reading_when_where import period, year

TABLE = "City     PM10     SO2\nHangzhou     0.112     0.041\nNingbo     0.094     0.038\n"


@pytest.mark.parametrize(
    "headline",
    ["8-14  Ambient Air Quality in Coastal Cities (2011)", "8-14 Air Quality of Cities ( 2011 )"],
)
def test_a_year_alone_in_brackets_closing_the_headline_dates_the_table(headline):
    document = pipeline.read(f"{headline}\n(milligram/cu.m)\n{TABLE}")
    assert period(one(document, "0.112")) == year(2011)


def test_a_year_in_brackets_inside_the_headline_dates_nothing():
    document = pipeline.read(
        f"Limits of the Standard (2012) for Coastal Cities\n(milligram/cu.m)\n{TABLE}"
    )
    assert period(one(document, "0.112")) == (None, None)
