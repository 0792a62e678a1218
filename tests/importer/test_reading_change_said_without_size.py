"""read() on a comparison said without a size ("同比下降明显", "环比上升显著") before a level.

"空气同比下降明显,优良天数比例是61.3%" says the air got worse, then gives the share as it
stands: the share is a level, not a fall of 61.3%. A comparison whose size comes after it
("同比增加最多的是甲市,为12天") still makes its number a change.

The bulletins are invented (made-up places, our own sentences and numbers).
"""

from importer import pipeline


def kinds(text):
    return {str(f.value): f.kind for f in pipeline.read(text).figures if not f.derived}


def test_level_after_a_marked_fall():
    found = kinds(
        "青禾市2031年3月空气质量\n"
        "本季度青禾全域环境空气同比下降明显,其优良天数比例是58.4%,同比下降21.3个百分点。"
    )
    assert found.get("58.4") == "level", found
    assert found.get("-21.3") == "change", found


def test_level_after_a_marked_rise():
    found = kinds(
        "青禾市2031年3月空气质量\n云栖县细颗粒物浓度环比上升显著,平均浓度为29微克/立方米。"
    )
    assert found.get("29") == "level", found


def test_near_miss_the_largest_rise_names_its_place_then_its_size():
    found = kinds("青禾市2031年空气质量\n优良天数同比增加最多的是云栖县,为12天。")
    assert found.get("12") == "change", found


def test_near_miss_a_marked_fall_whose_size_follows_it_is_a_change():
    # Nothing named between the degree and the number: the number is the fall's size.
    for said in ("同比下降幅度较大,为12.5%", "同比下降较多,达12.5%"):
        found = kinds(f"青禾市2031年空气质量\n云栖县细颗粒物浓度{said}。")
        assert found.get("-12.5") == "change", (said, found)
