"""Chinese magnitudes (万, 亿) said the English way on English pages: 6.1亿元 is 610 million yuan."""

import pytest
from django.utils import translation

from ecoportal.localized import english_amount, localized_unit, localized_value
from indicators.series import display
from tests.factories import make_bulletin, make_indicator, make_observation, make_region


@pytest.mark.parametrize(("value", "unit", "expected"), [
    ("6.1", "100 million yuan", ("610 million", "yuan")),
    ("14", "100 million yuan", ("1.4 billion", "yuan")),
    ("243", "100 million yuan", ("24.3 billion", "yuan")),
    ("1.06", "100 million yuan", ("106 million", "yuan")),
    ("2330", "10,000 yuan", ("23.3 million", "yuan")),
    ("547.59", "10,000 yuan", ("5,475,900", "yuan")),  # 5.4759 million: written out instead
    ("2781.22", "10,000 yuan", ("27,812,200", "yuan")),
    ("36.5", "10,000 t", ("365,000", "t")),
    ("1.23456", "10,000 t", ("12,345.6", "t")),
    ("201.8", "10,000 t/d", ("2.018 million", "t/d")),
    ("1,200", "10,000 kWh", ("12 million", "kWh")),
    ("3", "million t", ("3 million", "t")),
    ("0.5", "10,000 mu", ("5,000", "mu")),
    ("-1.5", "100 million yuan", ("-150 million", "yuan")),
])
def test_a_magnitude_moves_from_the_unit_into_the_number(value, unit, expected):
    assert english_amount(value, unit) == expected


@pytest.mark.parametrize(("value", "unit"), [
    ("25", "μg/m³"), ("93.1", "%"), ("644", "cases"), ("三", "100 million yuan"), ("", "10,000 t"),
])
def test_units_without_a_magnitude_and_numbers_in_words_stay_as_they_are(value, unit):
    assert english_amount(value, unit) == (value, unit)


@pytest.mark.django_db
def test_a_figure_in_yi_yuan_reads_as_english_on_english_pages_only(client):
    indicator = make_indicator(code="investment", name="环保投资", unit="亿元", unit_en="100 million yuan")
    region = make_region(name="某市", name_en="Some City")
    bulletin = make_bulletin(region=region, body="全市环保投资6.1亿元。")
    figure = make_observation(bulletin=bulletin, indicator=indicator, region=region, value="6.1",
                              quote="全市环保投资6.1亿元。")
    with translation.override("en"):
        assert (localized_value(figure, indicator), localized_unit(figure, indicator)) == ("610 million", "yuan")
        assert display(figure, indicator) == "610 million yuan"
        assert localized_unit(indicator) == "100 million yuan"  # the indicator's unit stays whole
    with translation.override("zh-hans"):
        assert (localized_value(figure, indicator), localized_unit(figure, indicator)) == ("6.1", "亿元")
    client.cookies["django_language"] = "en"
    html = client.get(indicator.get_absolute_url()).content.decode()
    assert "610 million" in html and "6.1<span" not in html and "6.1 100 million" not in html
    bulletin_html = client.get(bulletin.get_absolute_url()).content.decode()
    assert "<strong>610 million</strong> yuan" in bulletin_html
    client.cookies["django_language"] = "zh-hans"
    assert "6.1<span" in client.get(indicator.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_a_figure_in_another_magnitude_unit_than_its_indicators_uses_the_units_table():
    indicator = make_indicator(code="investment2", name="环保投资", unit="亿元", unit_en="100 million yuan")
    figure = make_observation(bulletin=make_bulletin(), indicator=indicator, value="547.59", unit="万元",
                              quote="投资547.59万元。")
    with translation.override("en"):
        assert display(figure, indicator) == "5,475,900 yuan"
