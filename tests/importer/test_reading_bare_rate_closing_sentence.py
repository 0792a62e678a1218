"""read() on a bare rate closing a sentence about drinking-water sources.

Bulletins often name the sources first and the rate last, in a clause of its own that says
only "达标率" or "水质达标率": "甲水库等3个集中式饮用水水源地水质均达到…Ⅲ类标准,水质达标率为
100%". The rate is the sources' compliance (drinking-water-compliance), not a new measure named
"水质达标率", and not the sources' good share because the sentence also says their water is
good (优良). A closing clause that names another subject ("…,地表水断面达标率为…") keeps it.

The bulletins are invented (made-up places, our own sentences and numbers).
"""

from decimal import Decimal

import pytest

from importer import pipeline


def filed(text, value):
    found = [f for f in pipeline.read(text).figures if f.value == Decimal(value)]
    assert len(found) == 1, [(str(f.value), f.quote) for f in pipeline.read(text).figures]
    return found[0].indicator


@pytest.mark.parametrize(
    "sentence",
    [
        # the sources first, the standard they meet, then the bare rate
        "青禾县北岭水库、西溪水源地2个县级集中式饮用水水源地水质稳定,均达到《地表水环境质量"
        "标准》Ⅲ类要求,水质达标率为100%。",
        # good water said before the rate does not make it the good share
        "云栖市5个乡镇饮用水水源地全年监测12次,水质保持优良,均符合地下水Ⅲ类标准,达标率为98.6%。",
        # groundwater sources, a standard in brackets with its code
        "全县3个农村千吨万人饮用水水源水质满足地下水标准(GB/T 14848)中的Ⅲ类要求,"
        "水质达标率达到97.2%。",
    ],
)
def test_a_bare_rate_after_the_sources_is_their_compliance(sentence):
    text = f"青禾县2031年环境质量状况\n{sentence}"
    value = next(v for v in ("100", "98.6", "97.2") if f"{v}%" in sentence)
    assert filed(text, value) == "drinking-water-compliance"


def test_a_closing_clause_naming_another_subject_keeps_it():
    text = (
        "青禾县2031年环境质量状况\n"
        "全县2个集中式饮用水水源地全年水质稳定并保持良好状态,全县主要河流考核断面水质达标率为"
        "91.7%。"
    )
    assert filed(text, "91.7") != "drinking-water-compliance"


def test_as_many_sources_of_another_kind_are_another_figure():
    # the town's sources and the villages' sources, two of each, both fully compliant
    text = (
        "青禾县2031年环境质量状况\n"
        "东湾水库和南坪水源地2个县城集中式饮用水水源地水质保持稳定,水质达标率为100%。\n"
        "全县2个乡村千吨万人饮用水水源水质符合地下水Ⅲ类标准,水质达标率为100%。"
    )
    found = [f for f in pipeline.read(text).figures if f.value == Decimal("100")]
    assert [f.indicator for f in found] == ["drinking-water-compliance"] * 2


def test_the_same_sources_said_again_are_one_figure():
    text = (
        "青禾县2031年环境质量状况\n"
        "全县2个县城集中式饮用水水源地水质达标率为100%。\n"
        "二、水环境\n"
        "东湾水库和南坪水源地2个县城集中式饮用水水源地水质稳定,水质达标率为100%。"
    )
    found = [f for f in pipeline.read(text).figures if f.value == Decimal("100")]
    assert [f.indicator for f in found] == ["drinking-water-compliance"]
