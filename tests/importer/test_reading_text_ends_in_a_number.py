"""A text that stops right after a number (a copy cut short, a pasted fragment) is read, never
raising: what follows the number is looked at only where there is something."""

import pytest

from importer import pipeline


@pytest.mark.parametrize(
    "text",
    [
        "全年罚款金额超10",  # an amount of money whose 万 or 亿 would come next
        "处罚金额共计56",
        "优良天数比例为95",
        "PM2.5 concentration was 35",
    ],
)
def test_a_text_ending_in_a_number_is_read(text):
    document = pipeline.read(text)
    assert all(figure.quote in text for figure in document.figures)


def test_an_amount_with_its_multiplier_at_the_very_end_keeps_it():
    (figure,) = pipeline.read("全年罚款金额超10亿").figures
    assert (figure.value, figure.unit) == (10, "亿")
