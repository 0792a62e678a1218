"""read() on a share named by the whole it is of and by what its part did, the counts between.

"全省65个在用县级饮用水水源地中,61个水质全年达标,占93.8%" names its measure in two pieces: the
whole (饮用水水源地) before "中", the part's doing (全年达标) after its count; neither piece alone
says it. English says the same with the counts after the share: "93.8% or 61 out of the 65
drinking water sources in use met the standards". The share is the sources' compliance. A
share of places counted so ("…个城市中,…个城市环境空气质量达标,占…") stays no place's own rate.

The bulletins are invented (made-up places, our own sentences and numbers).
"""

from decimal import Decimal

import pytest

from importer import pipeline


def codes_of(text, value):
    """The indicators of the figures of ``value`` in ``text`` (one expected)."""
    return [f.indicator for f in pipeline.read(text).figures if f.value == Decimal(value)]


@pytest.mark.parametrize(
    "text",
    [
        "青禾省2031年生态环境状况\n全省65个在用县级集中式饮用水水源监测点位中,61个水质全年达标,"
        "占93.8%。",
        "青禾省2031年生态环境状况\n2031年,全省65個在用縣級集中式飲用水水源監測點位中,有61個"
        "全年均達標,占93.8%。",
        "Qinghe Province environment in 2031\nAs for water, 93.8% or 61 out of the 65 "
        "county-level drinking water source monitoring sites in use met the standards all year.",
    ],
)
def test_the_share_is_of_the_whole_and_what_its_part_did(text):
    assert codes_of(text, "93.8") == ["drinking-water-compliance"]


def test_a_share_of_places_counted_is_no_rate_of_one():
    text = "青禾省2031年生态环境状况\n2031年,全省16个设区市中,11个城市环境空气质量达标,占68.8%。"
    assert codes_of(text, "68.8") == [None]
