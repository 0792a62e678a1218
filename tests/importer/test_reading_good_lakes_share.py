"""read() on the share of lakes and reservoirs whose water is good.

A national water release counts its key lakes and gives the share at Ⅰ–Ⅲ ("水质优良(Ⅰ—Ⅲ类)湖库
个数占比…"): the good-water share, with its change in points. The lakes counted are context,
and a share of lakes by trophic state stays a proposal.

The release is invented (our own sentences and numbers).
"""

from decimal import Decimal

from importer import pipeline


def test_the_good_lakes_share_is_the_good_water_share():
    document = pipeline.read(
        "2031年1—6月全国地表水环境质量状况\n"
        "重点湖库方面,1—6月,在203个被监测的湖(库)里,水质优良(Ⅰ—Ⅲ类)湖库个数占比76.9%,"
        "同比上升2.2个百分点;中营养状态湖库个数占比61.3%。"
    )
    read = {f.value: f.indicator for f in document.figures if not f.derived}
    assert read[Decimal("76.9")] == "water-good-sections-ratio"
    assert read[Decimal("2.2")] == "water-good-sections-ratio"
    assert read[Decimal("61.3")] is None


def test_the_surface_waters_good_share_is_no_good_days_share():
    document = pipeline.read(
        "2031年湖南省生态环境\n2031年,全省地表水优良率为94.1%,空气质量优良率为91.2%。"
    )
    read = {f.value: f.indicator for f in document.figures if not f.derived}
    assert read[Decimal("94.1")] != "air-good-days-ratio"
    assert read[Decimal("91.2")] == "air-good-days-ratio"
