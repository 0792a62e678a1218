"""read() on invented water reports that count the sections still in the worst class ("仍为劣Ⅴ类
的国控断面共有4个"): they are a count of their own, not the sections lifted out of it, which only
a word of lifting (消除, 退出…) names."""

import pytest

from importer import pipeline
from tests.importer.test_reading_periods_places import one

ELIMINATED = "inferior-v-sections-eliminated"


def _count(sentence, value):
    return one(pipeline.read(f"某省2020年上半年水环境质量\n{sentence}\n"), value)


@pytest.mark.parametrize(
    "sentence",
    ["1-6月,全省水质未见好转的劣Ⅴ类断面共计9个。", "截至6月底,全省仍为劣V类的国控断面共有9个。"],
    ids=["not-improved", "still-remaining"],
)
def test_sections_still_in_the_worst_class_are_no_elimination(sentence):
    assert _count(sentence, "9").indicator != ELIMINATED


def test_sections_lifted_out_of_the_worst_class_are_eliminated():
    # near miss: a word of lifting
    assert _count("1-6月,全省消除劣Ⅴ类断面数量为5个。", "5").indicator == ELIMINATED
