"""read() on invented national news items that name no place in a headline and open with the
country's figures ("2021年1-6月,全国地表水环境质量持续改善"), then list provinces lagging
behind: the item is about the country, not the province it names most. A text that names the
country only to compare with it ("好于全国平均水平") stays its provinces'."""

from importer import pipeline

_LAGGING = (
    "但部分地区形势依然严峻,河北、辽宁、广东等3省优良水体比例较年度目标差距明显。\n"
    "1-6月,全国劣Ⅴ类国控断面共计52个,数量较多的省份是河北(12个)、辽宁(9个)、广东(6个)。"
    "与1-5月相比,河北增加了2个,辽宁减少了1个。\n"
)


def test_an_item_opening_with_the_countrys_figures_is_the_countrys():
    document = pipeline.read(
        "2021年1-6月,全国地表水环境质量持续改善,优良水体比例同比上升2.1个百分点;" + _LAGGING
    )
    assert document.region is not None and document.region.name == "全国"


def test_a_headline_naming_no_place_over_the_countrys_figures_is_the_countrys():
    document = pipeline.read(
        "上半年地表水质量持续改善\n\n"
        "上半年,全国优良水体比例为84.3%,同比上升2.1个百分点。" + _LAGGING
    )
    assert document.region is not None and document.region.name == "全国"


def test_a_text_comparing_its_provinces_with_the_country_stays_theirs():
    document = pipeline.read(
        "上半年地表水质量通报\n\n"
        "上半年,河北、辽宁两省地表水优良水体比例同比上升2.1个百分点,好于全国平均水平;"
        "河北劣Ⅴ类断面12个,辽宁9个,河北比上年减少2个。\n"
    )
    assert document.region is not None and document.region.name == "河北省"
