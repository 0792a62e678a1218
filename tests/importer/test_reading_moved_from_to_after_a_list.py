"""read() on a measure said to move from one level to another ("由A下降到B", "由A上升为B").

Both numbers are levels: where the measure stood and where it went. A list's verb before them
in the sentence ("浓度分别下降5.1%、3.2%;…超标率由0.4%下降到0.1%") is the list's own and
does not make them changes once a semicolon and a measure of their own stand between; and
"上升为" after a level moved from names the level reached, not a rise by so much. A change
said after the list in a clause that names nothing of its own keeps the list's verb.

The bulletins are invented (made-up places, our own sentences and numbers).
"""

from decimal import Decimal

from importer import pipeline


def kinds(text):
    document = pipeline.read(text)
    return {str(f.value): f.kind for f in document.figures if not f.derived}


def test_levels_moved_between_after_a_list_of_changes():
    found = kinds(
        "青禾市2031年8月空气质量\n"
        "与上年同期相比,青禾市PM2.5、PM10月均浓度分别下降7.3%、4.6%;CO日均值超标率由0.6%"
        "下降到0.1%;O3日最大8小时值超标率由19.8%下降到17.2%,空气质量有所改善。"
    )
    assert found["-7.3"] == found["-4.6"] == "change"
    for value in ("0.6", "0.1", "19.8", "17.2"):
        assert found.get(value) == "level", (value, found)


def test_level_reached_said_with_wei():
    found = kinds(
        "云栖县2031年8月空气质量\n"
        "与上月相比,云栖县优良天数比例由61.4%上升为77.9%,升高16.5个百分点。"
    )
    assert found["61.4"] == "level"
    assert found["77.9"] == "level", found
    assert found["16.5"] == "change"


def test_near_miss_a_rise_said_with_wei_stays_a_change():
    # no level moved from before it: "上升为" is a rise by so much
    found = kinds(
        "云栖县2031年8月空气质量\n"
        "云栖县PM2.5月均浓度为31微克/立方米,同比上升为6.2%。"
    )
    assert found["6.2"] == "change", found


def test_near_miss_the_list_goes_on_past_a_semicolon():
    # the clause after the semicolon names nothing of its own: still the list's changes
    document = pipeline.read(
        "云栖县2031年8月空气质量\n"
        "与上年同期相比,云栖县PM2.5、PM10月均浓度分别下降7.3%、4.6%;NO2月均浓度下降2.2%。"
    )
    values = {f.value: f.kind for f in document.figures if not f.derived}
    assert values[Decimal("-2.2")] == "change"


def test_near_miss_a_bare_number_past_a_semicolon_stays_in_the_list():
    # past the semicolon nothing is named: the list goes on, its verb with it
    found = kinds(
        "云栖县2031年8月空气质量\n"
        "与上年同期相比,甲区、乙区、丙区PM2.5月均浓度分别下降7.3%、4.6%;5.5%。"
    )
    assert found["-5.5"] == "change", found
