"""read() on invented English reports: a year closing the subject of a sentence, right before
its verb ("78.1% of the days in 2022 saw good air", "the mean in 2022 was 29 micrograms"), is
the time of the figure; a year before a noun it qualifies ("in 2023 projects") is not."""

import pytest

from importer import pipeline
from tests.importer.test_reading_periods_places import one
from tests.importer.test_reading_when_where import period, year


@pytest.mark.parametrize(
    "sentence",
    [
        "Across 120 cities, 83.6 percent of the days in 2022 saw good air quality.",
        "Across 120 cities, the share of good days in 2022 was 83.6 percent.",
        "Across 120 cities, good days in 2022 rose to 83.6 percent.",
    ],
)
def test_a_year_closing_the_subject_before_its_verb_dates_the_figure(sentence):
    document = pipeline.read(f"Cleaner skies for the region's cities\n{sentence}\n")
    assert period(one(document, "83.6")) == year(2022)


def test_a_year_qualifying_the_noun_after_it_dates_nothing():
    document = pipeline.read(
        "Cleaner skies for the region's cities\n"
        "In 2022, the region's cities had 83.6 percent good days.\n"
        "Funding of 12.4 billion yuan went in 2023 projects for cleaner heating.\n"
    )
    assert period(one(document, "12.4")) == year(2022)
