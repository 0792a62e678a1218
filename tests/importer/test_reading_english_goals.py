"""read() on invented English reports that state what a goal is to do ("its main goals this
quarter are to lower PM2.5 to 31 micrograms"): the value is the goal's, a target; a goal said to
have been met leaves the value after it a level."""

import pytest

from importer import pipeline
from tests.importer.test_reading_periods_places import one


@pytest.mark.parametrize(
    "sentence, value, kind",
    [
        (
            "The city's main goal for 2025 is to cut the average PM2.5 concentration to 30 "
            "micrograms per cubic meter.",
            "30",
            "target",
        ),
        (
            "Its goals in the third quarter are to raise the proportion of good air quality days "
            "to 86 percent.",
            "86",
            "target",
        ),
        (
            "The county still has to meet the goal of lowering its average PM2.5 concentration "
            "to 42 micrograms per cubic meter.",
            "42",
            "target",
        ),
        # near miss: the goal was met; the concentration is what was measured
        (
            "The goal set for last year was met, and the average PM2.5 concentration stood at 32 "
            "micrograms per cubic meter.",
            "32",
            "level",
        ),
    ],
    ids=["goal-is-to", "goals-are-to", "goal-of-lowering", "goal-met"],
)
def test_what_a_goal_is_to_do_is_a_target(sentence, value, kind):
    document = pipeline.read(f"Air quality plan of a city\n{sentence}\n")
    assert one(document, value).kind == kind
