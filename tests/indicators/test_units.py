"""indicators.units: one table of unit codes, families, symbols and conversions."""

from decimal import Decimal

import pytest

from indicators import units


@pytest.mark.parametrize(
    "written", ["微克/立方米", "μg/m³", "μg/m3", "ug/m3", "µg/m³", "微克每立方米", " μg / m³ "]
)
def test_parse_unit_reads_every_spelling_of_micrograms_per_cubic_metre(written):
    unit = units.parse_unit(written)
    assert (unit.code, unit.family, unit.symbol_zh, unit.symbol_en) == (
        "ug/m3", "concentration", "微克/立方米", "μg/m³",
    )


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("％", "percent"), ("percent", "percent"), ("个百分点", "pp"),
        ("percentage points", "pp"), ("dB(A)", "dBA"), ("dB（A）", "dBA"), ("分贝", "dBA"),
        ("万千瓦", "10k-kW"), ("亿吨标准煤", "100m-tce"), ("家次", "company-visit"),
        ("家(次)", "company-visit"), ("mg/m3", "mg/m3"), ("毫克/立方米", "mg/m3"),
        ("万吨", "10k-t"), ("亿元", "100m-yuan"), ("days", "day"), ("纳戈瑞/小时", "nGy/h"),
        ("天次", "city-day"), ("宗", "case"), ("份", "document"), ("个pH单位", "index"), ("μg/m 3", "ug/m3"),
    ],
)
def test_parse_unit_reads_chinese_english_and_full_width_forms(written, code):
    assert units.parse_unit(written).code == code


@pytest.mark.parametrize("written", ["", None, "   ", "furlongs", "微克"])
def test_parse_unit_returns_none_for_no_unit_or_an_unknown_one(written):
    assert units.parse_unit(written) is None


def test_convert_carbon_monoxide_from_milligrams_to_micrograms():
    assert units.convert(Decimal("1.2"), "mg/m3", "ug/m3") == Decimal("1200")


def test_convert_between_chinese_money_units():
    assert units.convert(Decimal("1.4"), "亿元", "万元") == Decimal("14000")
    assert units.convert(Decimal("2400"), "10k-yuan", "100m-yuan") == Decimal("0.24")


def test_convert_mu_to_hectares_uses_fifteen_mu_to_the_hectare():
    assert units.convert(Decimal("15"), "亩", "公顷") == Decimal("1")


def test_convert_refuses_a_share_into_a_change_of_share():
    with pytest.raises(ValueError, match="not of one family"):
        units.convert(Decimal(5), "%", "个百分点")


def test_convert_refuses_an_unknown_unit():
    with pytest.raises(ValueError, match="unknown unit"):
        units.convert(Decimal(5), "furlongs", "km")


def test_no_spelling_belongs_to_two_units():
    claimed = {}
    for unit in units.TABLE:
        for spelling in unit.spellings:
            if spelling:
                key = units._key(spelling)
                assert claimed.setdefault(key, unit.code) == unit.code, spelling


def test_unit_codes_are_unique_and_each_family_has_a_base_unit():
    codes = [unit.code for unit in units.TABLE]
    assert len(codes) == len(set(codes))
    for family in {unit.family for unit in units.TABLE}:
        assert units.base_unit(family).factor == 1, family


def test_normalise_keeps_the_figures_the_fixtures_were_built_with():
    assert units.normalise(Decimal("1.4"), "亿元") == Decimal("140000000.0000")
    assert units.normalise(Decimal("3"), "万亩") == Decimal("2000.0000")
    assert units.normalise(Decimal("5"), "no-such-unit") is None
