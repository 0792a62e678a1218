"""Units as copies spell them: a slash full-width or spaced, 米3 for 立方米, a stack's normal
cubic metres, dust fall with its area and month bracketed, trace pollutants in ng or pg per
cubic metre, negative ions per cubic centimetre. Invented sentences."""

import pytest

from importer import figures, numbers, pipeline


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("μg／m3", "ug/m3"),
        ("μg /m³", "ug/m3"),
        ("ug/ m3", "ug/m3"),
        ("微克/米3", "ug/m3"),
        ("毫克/米3", "mg/m3"),
        ("mg/Nm3", "mg/m3"),
        ("μg/立方米", "ug/m3"),
        ("t/(km²·月)", "t/km2/month"),
        ("吨/(平方公里·月)", "t/km2/month"),
        ("t/km2·30d", "t/km2/month"),
        ("ng/m3", "ng/m3"),
        ("皮克/立方米", "pg/m3"),
        ("个/cm3", "count/cm3"),
        ("个/立方厘米", "count/cm3"),
    ],
)
def test_a_spelling_is_read_as_its_unit(written, code):
    # as the reading finds figures: in the folded text (full-width forms folded)
    (raw,) = figures.find(numbers.fold(f"澜溪站测得均值为12.5{written}。"))
    assert (raw.value_text, raw.unit_code) == ("12.5", code)


def test_a_sentence_in_such_units_gives_its_figures():
    text = "2022年澜溪市二氧化硫年均值为9微克/米3,二氧化氮年均值为28μg /m³。"
    document = pipeline.read(text)
    assert [(f.value_text, f.indicator) for f in document.figures if not f.derived] == [
        ("9", "so2"),
        ("28", "no2"),
    ]
    assert document.unread == ()


def test_the_new_units_convert_within_their_family():
    from indicators import units

    assert units.convert(1000, "ng/m3", "ug/m3") == 1
    assert units.convert(1, "count/cm3", "count/L") == 1000
