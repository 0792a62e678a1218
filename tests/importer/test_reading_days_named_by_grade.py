"""read() on days counted right after the grade the air had, with no 天数 written.

Bulletins count days by the grade the air quality had and write the number straight after it:
"城区环境空气质量优41天,良49天", "空气品质为优188天" (a copy's 品质 for 质量), "全年空气质量达标
301天,比例为82.5%". The first grade's days are air-excellent-days; days the air met the standard
are the good days (air-good-days), and the share said after them is theirs. A grade said of something else
than the air (a river section's water) keeps its proposal.

The bulletins are invented (made-up places, our own sentences and numbers).
"""

from decimal import Decimal

from importer import pipeline


def codes(text):
    return {
        str(f.value): (f.indicator, f.kind) for f in pipeline.read(text).figures if not f.derived
    }


def test_days_after_the_grade_of_the_air():
    found = codes(
        "青禾县2031年第三季度环境质量\n"
        "城区环境空气质量首要污染物为PM2.5,城区环境空气质量优41天,良49天,轻度污染2天。\n"
        "云栖县城区自动监测点位共得到有效数据361天,其中空气品质为优188天,空气品质为良160天。"
    )
    assert found["41"] == ("air-excellent-days", "level")
    assert found["188"] == ("air-excellent-days", "level")


def test_days_the_air_met_the_standard_and_their_share():
    found = codes("青禾市2031年环境状况\n2031年空气质量达标301天,比例为82.5%,同比增加9天。")
    assert found["301"] == ("air-good-days", "level")
    assert found[str(Decimal("82.5"))] == ("air-good-days-ratio", "level")


def test_a_grade_of_something_else_is_not_the_airs():
    found = codes("青禾市2031年7月水质自动站周报\n7月,甲河入境断面水质优20天,良9天。")
    assert found["20"][0] != "air-excellent-days"


def test_the_grade_said_to_be_the_days():
    # "优为275天": the grade, a verb, then its days, after the days sampled (context).
    found = codes(
        "青禾县2031年环境质量\n"
        "全县环境空气质量总体优良,县城总采样天数为361天,优为240天,良为118天,轻度污染3天。"
    )
    assert found["240"] == ("air-excellent-days", "level")
    assert found["118"][0] != "air-excellent-days"
