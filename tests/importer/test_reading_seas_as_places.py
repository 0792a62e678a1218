"""read() on the national coastal waters, sea by sea: "渤海近岸海域…一类海水比例为19.8%".

Each of the four seas is the place of the figures said of its waters, as a great lake is; a
county or a district named like a sea (东海县, 南海区) and a bay (渤海湾) are not.

The bulletin is invented (our own sentences and numbers).
"""

from decimal import Decimal

from importer import pipeline
from importer.places import default


def test_each_sea_takes_its_figures():
    document = pipeline.read(
        "2031年全国近岸海域水质\n"
        "2031年,全国近岸海域优良水质比例为81.6%。\n"
        "黄海近岸海域水质良好,一类海水比例为41.2%,劣四类海水比例为1.9%。\n"
        "南海近岸海域水质一般,一类海水比例为60.3%。"
    )
    by_value = {f.value: f for f in document.figures if not f.derived}
    assert by_value[Decimal("81.6")].region.name == "全国"
    assert by_value[Decimal("41.2")].region.name == "黄海"
    assert by_value[Decimal("1.9")].region.name == "黄海"
    assert by_value[Decimal("60.3")].region.name == "南海"


def test_places_named_like_seas_are_not_seas():
    names = [d.name for _a, _b, d in default().find_all("南海区近岸海域和渤海湾、环渤海地区")]
    assert "南海" not in names and "渤海" not in names


def test_a_citys_part_of_a_sea_is_the_citys():
    document = pipeline.read(
        "舟山市2031年海洋环境\n2031年,舟山市东海海域水质优良比例为35.2%,较上年提高5.1个百分点。"
    )
    share = next(f for f in document.figures if f.value == Decimal("35.2"))
    assert share.region.name == "舟山市"


def test_a_provinces_part_of_a_sea_is_the_provinces_named_by_its_sea():
    document = pipeline.read(
        "辽宁省2031年海洋环境\n"
        "2031年,全省近岸海域优良水质比例为91.4%,其中渤海近岸海域为87.9%,黄海近岸海域为96.8%。"
    )
    by_value = {f.value: f for f in document.figures}
    for value, sea in (("87.9", "渤海"), ("96.8", "黄海")):
        assert by_value[Decimal(value)].region.name == "辽宁省"
        assert by_value[Decimal(value)].qualifier == sea
