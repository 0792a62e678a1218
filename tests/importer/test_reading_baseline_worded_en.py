"""read() on invented English reports: a year named only as what a figure is compared with,
reached through a few words ("than that in 2019", "than what it was in 2019", "compared with
the year of 2019"), is the baseline, not the time of the figure or of the paragraphs after it."""

import pytest

from importer import pipeline
from tests.importer.test_reading_periods_places import one
from tests.importer.test_reading_when_where import period, year


@pytest.mark.parametrize(
    "compared",
    [
        "lower by 2.3 percentage points than that in 2019",
        "2.3 percentage points lower than what it was in 2019",
        "2.3 percentage points less than those in 2019",
    ],
)
def test_a_year_after_than_and_a_pronoun_is_the_baseline_of_the_change(compared):
    document = pipeline.read(
        "Lakes in the province stayed clean in 2020\n"
        "In 2020, Class V water made up 5.4 percent of the monitored lakes, "
        f"{compared}.\n"
    )
    assert period(one(document, "-2.3")) == year(2020)


@pytest.mark.parametrize(
    "remark",
    [
        "Compared with the year of 2019, the rivers in the north improved.",
        "Compared with the level of 2019, rivers in the north improved.",
    ],
)
def test_a_paragraph_comparing_with_a_year_does_not_date_the_paragraphs_after_it(remark):
    document = pipeline.read(
        "Lakes in the province stayed clean in 2020\n"
        "In 2020, 81.5 percent of the monitored river sections were rated good.\n"
        f"{remark}\n"
        "Of the 42 lakes monitored, those with good water quality accounted for 64.3 percent.\n"
    )
    assert period(one(document, "64.3")) == year(2020)


def test_a_year_the_paragraph_states_as_its_own_still_dates_the_paragraphs_after_it():
    # Near miss: "in the year of 2019" is no comparison; the paragraph is about 2019.
    document = pipeline.read(
        "Lakes in the province over two years\n"
        "In 2020, 81.5 percent of the monitored river sections were rated good.\n"
        "Looking back at the year of 2019, the rivers in the north were worse.\n"
        "Of the 42 lakes monitored, those with good water quality accounted for 64.3 percent.\n"
    )
    assert period(one(document, "64.3")) == year(2019)
