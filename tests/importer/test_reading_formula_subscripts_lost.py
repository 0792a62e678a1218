"""read() on a copy that could not encode a formula's subscript: "O?平均濃度", "SO?、NO?和".

Converters and old pages write the ₂ of SO₂ and NO₂ and the ₃ of O₃ as "?". A "?" right after
the formula and before a Chinese word or a list's mark is the subscript: each concentration is
its own pollutant's, not the one named before it. A question mark after an English word stays.

The bulletins are invented (made-up places, our own sentences and numbers).
"""

from decimal import Decimal

from importer import pipeline

TEXT = (
    "青禾市2031年5月空气质量\n"
    "5月,全市PM10平均浓度为47微克/立方米,同比持平;O?平均浓度为131微克/立方米,同比上升4.0%;"
    "SO?平均浓度为7微克/立方米,同比下降12.5%;NO?平均浓度为19微克/立方米。"
)


def test_each_pollutant_takes_its_own_concentration():
    document = pipeline.read(TEXT)
    read = {f.value: f.indicator for f in document.figures if not f.derived}
    assert read[Decimal("47")] == "pm10"
    assert read[Decimal("131")] == "o3"
    assert read[Decimal("4.0")] == "o3"
    assert read[Decimal("7")] == "so2"
    assert read[Decimal("-12.5")] == "so2"
    assert read[Decimal("19")] == "no2"


def test_the_repair_is_told_and_keeps_the_text_in_place():
    document = pipeline.read(TEXT)
    assert any("formula" in removed.reason for removed in document.removed)
    assert len(document.source) == len(TEXT)
    assert "O₃平均浓度为131" in document.source


def test_a_question_after_an_english_word_stays():
    repaired, _ = pipeline.numbers.repair("Is it CO? 是的。")
    assert repaired == "Is it CO? 是的。"


def test_ions_and_questions_are_left_as_written():
    for text in (
        "2031年,地下水中硫酸盐(以SO?计)平均浓度为118毫克/升。",
        "2031年,降水中SO?浓度为2.9毫克/升,NO?浓度为1.3毫克/升。",
        "冬季为何易出现高浓度CO？冬季取暖增加。",
    ):
        repaired, _ = pipeline.numbers.repair(text)
        assert repaired == text
