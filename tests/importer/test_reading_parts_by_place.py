"""read() on invented compilations whose parts each open with a line naming only a place
("台州" … "丽水" … "衢州"): the first such line is its first part's heading, not the
compilation's headline, and each part's figures are of its place."""

import pytest

from importer import pipeline
from importer.document import PLACEHOLDER_PREFIX
from tests.importer.test_reading_periods_places import one, region

PARTS = (
    ("台州", "2022年,全市空气质量优良天数比例为93.4%,PM2.5平均浓度为24微克/立方米。"),
    ("丽水", "2022年,全市空气质量优良天数比例为98.1%,PM2.5平均浓度为21微克/立方米。"),
    ("衢州", "2022年,全市空气质量优良天数比例为90.7%,PM2.5平均浓度为29微克/立方米。"),
)


@pytest.mark.parametrize(
    ("opening", "heading"),
    [("-\n", "{}"), ("", "{}"), ("", "【{}】")],
)
def test_a_line_naming_only_a_place_over_each_part_heads_that_part(opening, heading):
    text = "".join(f"{opening}{heading.format(place)}\n{body}\n" for place, body in PARTS)
    document = pipeline.read(text)
    assert document.title.startswith(PLACEHOLDER_PREFIX)
    assert region(one(document, "93.4")) == "台州市"
    assert region(one(document, "24")) == "台州市"
    assert region(one(document, "98.1")) == "丽水市"
    assert region(one(document, "29")) == "衢州市"


def test_a_headline_naming_only_a_place_over_one_article_stays_the_headline():
    # Near miss: one place over one article, no other part headed so.
    document = pipeline.read(f"台州\n{PARTS[0][1]}\n")
    assert document.title == "台州"
    assert region(one(document, "93.4")) == "台州市"
