"""read() on the monitoring network counted, then its parts ("监测点位43个,其中1类区8个").

A bulletin opens by saying how many points or sections it monitors and how they divide among
zone classes or networks. Those counts are the survey's frame, not measures of the
environment, whether the total is said with 共计 after the noun ("点位共计43个") or with 共有
before it ("共有…监测点位43个") or with no 共 at all. Complaints counted, then their kinds, are
figures and stay.

The bulletins are invented (made-up places, our own sentences and numbers).
"""

from importer import pipeline


def counts(text):
    document = pipeline.read(text)
    return sorted(f"{f.value}{f.unit}" for f in document.figures if not f.derived)


def test_parts_after_a_total_said_with_gong_you_before_the_noun():
    found = counts(
        "青禾市2031年第二季度声环境质量\n"
        "2031年全市共有声环境功能区监测点位36个,其中1类区7个,2类区15个,3类区6个,4类区8个。"
        "第二季度,功能区昼间达标率为94.4%。"
    )
    assert found == ["94.4%"], found


def test_parts_after_a_total_said_without_gong():
    found = counts(
        "云栖县2031年空气质量\n"
        "全县环境空气质量监测站点5个,其中国控站点2个,县控3个。全年优良天数比例为91.2%。"
    )
    assert found == ["91.2%"], found


def test_near_miss_complaints_and_their_kinds_stay():
    found = counts(
        "云栖县2031年信访情况\n"
        "全年共受理环境信访投诉43件,其中噪声类18件,大气类11件。"
    )
    assert found == ["11件", "18件", "43件"], found


def test_near_miss_a_part_changed_on_last_year_stays():
    # The parts are the frame; how many fewer sections are in the worst class is a figure.
    for total in ("全市共有地表水监测断面14个", "全市地表水监测断面共14个"):
        found = counts(f"青禾市2031年水环境质量\n{total},其中劣Ⅴ类断面1个,同比减少3个。")
        assert "-3个" in found, (total, found)
