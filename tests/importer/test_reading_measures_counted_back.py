"""read() on invented bulletins that give two figures and then their changes by counting the
measures back ("两项数额分别增长35%、42%", "二者分别下降…"): each change is of the figure said in
its place before, not all of them of the nearest one."""

import pytest

from importer import pipeline
from tests.importer.test_reading_periods_places import one

_OPENING = "某省2021年1-9月环境执法情况\n1-9月,全省共办理环境违法案件2100件,处罚金额1.52亿元,"


@pytest.mark.parametrize(
    "rest",
    ["与去年同期相比,两项数额分别增长35%、42%。", "与去年同期相比,二者分别增长35%和42%。"],
    ids=["two-items", "the-two"],
)
def test_changes_of_the_measures_counted_back_are_theirs_in_order(rest):
    document = pipeline.read(_OPENING + rest + "\n")
    assert (one(document, "35").indicator, one(document, "35").kind) == ("enforcement-cases", "change")
    assert (one(document, "42").indicator, one(document, "42").kind) == ("fines", "change")


def test_a_count_of_things_named_by_their_own_words_is_no_reference_back():
    # near miss: "两项专项行动" names what is counted, the values are the inspections'
    document = pipeline.read(_OPENING + "两项专项行动检查企业分别为300家、420家。\n")
    assert one(document, "300").indicator == one(document, "420").indicator == "inspections"
