"""read() on invented bulletins that name a measure by its grades or classes written short:
the air's two grades with a mark between them ("优、良率") are the good-day share as "优良率"
is; water's classes up to Ⅲ without 类, the water named right after them ("Ⅰ-Ⅲ水质达标率"),
are the good sections' share as "Ⅰ-Ⅲ类" are."""

import pytest

from importer import pipeline
from tests.importer.test_reading_periods_places import one


@pytest.mark.parametrize(
    "sentence, value, code",
    [
        ("1-6月,城区空气质量累计优、良率97.3%,同比提高0.8个百分点。", "97.3", "air-good-days-ratio"),
        ("1-6月,城区空气优和良率达到96.4%。", "96.4", "air-good-days-ratio"),
        ("1-6月,全市11个国控断面Ⅰ-Ⅲ水质达标率为90.9%。", "90.9", "water-good-sections-ratio"),
        ("1-6月,全市考核断面Ⅰ～Ⅲ水质比例为88.2%。", "88.2", "water-good-sections-ratio"),
    ],
    ids=["grades-with-a-mark", "grades-with-and", "classes-without-lei", "classes-wave-dash"],
)
def test_grades_and_classes_written_short_name_their_measure(sentence, value, code):
    document = pipeline.read(f"某市2024年上半年环境质量状况\n{sentence}\n")
    assert one(document, value).indicator == code


@pytest.mark.parametrize(
    "sentence, value",
    [
        # one grade only: the excellent days' share is no share of good days
        ("1-6月,城区空气质量优级率为41.5%。", "41.5"),
        # classes that are not the good ones
        ("1-6月,全市考核断面Ⅳ-Ⅴ水质比例为11.8%。", "11.8"),
        # each grade's value listed one by one
        ("1-6月,城区空气质量优、良率分别为38.2%和57.6%。", "57.6"),
        ("1-6月,城区空气优和良天数比例分别为36.1%、60.2%。", "60.2"),
        ("1-6月,城区空气优、良天数分别为65天和109天。", "109"),
    ],
    ids=["one-grade", "worse-classes", "each-grade-rate", "each-grade-share", "each-grade-days"],
)
def test_other_grades_and_classes_are_not_the_good_share(sentence, value):
    document = pipeline.read(f"某市2024年上半年环境质量状况\n{sentence}\n")
    assert one(document, value).indicator not in (
        "air-good-days-ratio",
        "air-good-days",
        "water-good-sections-ratio",
    )
