"""read() on the place of each figure, stated the ways bulletins state it.

The generator (``evaluation/place_forms.py``) writes short bulletins of its own over real
divisions picked at random: the publisher in the title, a source line, the body naming its
own bureau, sub-regions, a province's cities in turn or in a list, headings, "该县", short
forms, namesakes, and places that are no figure's place. The sentences below are invented for
these tests in the same habits, one rule at a time, each with a near miss.
"""

from decimal import Decimal

import pytest

from evaluation import place_forms
from importer import pipeline


def places(text, *values):
    """The place read for the figure of each value of ``text``."""
    document = pipeline.read(text)
    out = []
    for value in values:
        found = [f for f in document.figures if f.value == Decimal(value) and not f.derived]
        assert found, (value, [(str(f.value), f.quote) for f in document.figures])
        out.append(getattr(found[0].region, "name", None))
    return tuple(out)


# The generator --------------------------------------------------------------------------------


def test_the_generator_writes_the_same_bulletins_for_the_same_seed():
    first = [(b.text, b.expected) for b in place_forms.bulletins(per_form=2, seed=3)]
    again = [(b.text, b.expected) for b in place_forms.bulletins(per_form=2, seed=3)]
    other = [(b.text, b.expected) for b in place_forms.bulletins(per_form=2, seed=4)]
    assert first == again
    assert first != other
    assert {b.form for b in place_forms.bulletins(per_form=1)} == set(place_forms.FORMS)


@pytest.mark.parametrize("form", sorted(place_forms.FORMS))
def test_each_form_of_stating_a_place_is_read(form):
    for bulletin in place_forms.bulletins(per_form=4, seed=11, forms={form}):
        document = pipeline.read(bulletin.text)
        rows = place_forms.placed(bulletin, document)
        assert all(read == place for _v, place, read in rows), (bulletin.text, rows)


# A heading opening with its place -------------------------------------------------------------


def test_a_heading_of_a_place_and_its_topic_places_the_paragraphs_under_it():
    text = (
        "宜宾市各区县2023年环境质量\n"
        "一、翠屏区环境质量状况\n"
        "2023年，全区优良天数比例为88.4%。PM2.5年均浓度为36微克/立方米。\n"
        "二、南溪区空气质量\n"
        "2023年，优良天数比例为90.7%，PM2.5年均浓度为33微克/立方米。\n"
    )
    assert places(text, "88.4", "36", "90.7", "33") == ("翠屏区", "翠屏区", "南溪区", "南溪区")


def test_a_heading_comparing_places_or_naming_two_sets_no_place():
    text = (
        "宜宾市2023年环境质量状况\n"
        "一、翠屏区和南溪区对比\n"
        "2023年，全市优良天数比例为88.4%。\n"
        "二、全市水环境\n"
        "全市地表水考核断面达标率为95.2%。\n"
    )
    assert places(text, "88.4", "95.2") == ("宜宾市", "宜宾市")


# Places that are no figure's place ------------------------------------------------------------


def test_a_place_compared_with_is_not_the_figures_place():
    text = (
        "衢州市2023年环境质量状况\n"
        "2023年，全市优良天数比例为93.6%，与丽水市相比，PM2.5年均浓度为27微克/立方米。"
        "全市PM10浓度较金华市低6微克/立方米，地表水考核断面达标率为97.3%。\n"
    )
    assert places(text, "27", "97.3") == ("衢州市", "衢州市")


def test_places_joined_by_yu_are_still_the_figures_places():
    text = (
        "浙江省2023年环境质量状况\n"
        "2023年，丽水市与衢州市PM2.5年均浓度分别为22微克/立方米和27微克/立方米。\n"
    )
    assert places(text, "22", "27") == ("丽水市", "衢州市")


def test_a_firm_named_after_a_place_is_not_the_figures_place():
    text = (
        "佳木斯市2023年环境质量状况\n"
        "2023年，全市优良天数比例为91.2%，鹤岗恒丰化工有限公司完成超低排放改造，"
        "PM2.5年均浓度为29微克/立方米。双鸭山市北方建材集团停产整治，PM10浓度为51微克/立方米。\n"
    )
    assert places(text, "29", "51") == ("佳木斯市", "佳木斯市")


def test_a_place_before_a_sentence_that_names_a_firm_is_still_a_place():
    text = (
        "黑龙江省2023年环境质量状况\n"
        "2023年，全省优良天数比例为91.2%。鹤岗市对恒丰公司开展执法检查，"
        "PM2.5年均浓度为29微克/立方米。\n"
    )
    assert places(text, "29") == ("鹤岗市",)


def test_a_river_a_bridge_or_a_station_named_after_a_place_is_not_it():
    text = (
        "佳木斯市2023年环境质量状况\n"
        "2023年，全市优良天数比例为91.2%，鹤岗河鹤岗桥断面数据显示，地表水考核断面达标率为"
        "88.5%。双鸭山站监测数据表明，PM10浓度为51微克/立方米。\n"
    )
    assert places(text, "88.5", "51") == ("佳木斯市", "佳木斯市")


def test_a_place_named_in_full_before_its_rivers_is_still_the_place():
    text = (
        "黑龙江省2023年环境质量状况\n"
        "2023年，全省优良天数比例为91.2%。鹤岗市河流断面达标率为88.5%。\n"
    )
    assert places(text, "88.5") == ("鹤岗市",)


# A place written after the one holding it ------------------------------------------------------


def test_a_body_named_after_its_province_or_city_is_of_the_inner_place():
    text = (
        "环境质量持续改善\n"
        "近日，湖南省衡阳市生态环境局通报了2023年环境质量状况。2023年，PM10浓度为61微克/立方米。\n"
    )
    assert places(text, "61") == ("衡阳市",)
    text = (
        "环境质量持续改善\n"
        "泰安市肥城市生态环境局日前发布2023年环境质量状况。优良天数比例为73.9%。\n"
    )
    assert places(text, "73.9") == ("肥城市",)


def test_a_province_and_a_city_apart_in_a_sentence_leave_the_first():
    text = (
        "湖南省2023年环境质量状况\n"
        "湖南省生态环境厅在衡阳市召开通报会。2023年，PM10浓度为61微克/立方米。\n"
    )
    assert places(text, "61") == ("湖南省",)


def test_a_citys_name_beginning_with_its_provinces_short_form_is_the_city():
    text = (
        "环境质量持续改善\n"
        "吉林市蛟河市生态环境局日前发布2023年环境质量状况。集中式饮用水水源地水质达标率为90.8%。\n"
    )
    assert places(text, "90.8") == ("蛟河市",)
    text = "吉林省2023年环境质量状况\n2023年，全省优良天数比例为88.1%，吉林市为86.4%。\n"
    assert places(text, "88.1", "86.4") == ("吉林省", "吉林市")


def test_the_provinces_short_form_alone_is_still_the_province():
    text = "吉林2023年环境质量状况\n2023年，吉林全省优良天数比例为88.1%。\n"
    assert places(text, "88.1") == ("吉林省",)


# A part of the same rank after the parts of places -------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "third"),
    [("一、", "二、", "三、"), ("1.", "2.", "3.")],
)
def test_a_part_naming_no_place_after_parts_of_counties_is_the_documents(first, second, third):
    text = (
        "怀化市各县市2023年环境质量\n"
        f"{first}会同县环境质量状况\n2023年，全县优良天数比例为95.1%。\n"
        f"{second}洪江市环境质量状况\n2023年，全市优良天数比例为93.4%。\n"
        f"{third}全市水环境质量\n全市地表水考核断面达标率为96.8%。\n"
    )
    assert places(text, "95.1", "93.4", "96.8") == ("会同县", "洪江市", "怀化市")


def test_a_part_of_a_lower_rank_under_a_countys_part_keeps_the_county():
    text = (
        "怀化市各县市2023年环境质量\n"
        "一、会同县环境质量状况\n（一）环境空气\n优良天数比例为95.1%。\n"
        "（二）水环境\n地表水考核断面达标率为96.8%。\n"
    )
    assert places(text, "95.1", "96.8") == ("会同县", "会同县")
