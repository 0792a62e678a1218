"""read() on invented English national releases listing changes and levels of four pollutants.

English releases of the national figures give a list of pollutants, then their changes and the
levels they reached in two lists of as many values: "saw respective decreases of 4.1, 3.9, 2.2
and 8 percent to 25, 47, 150 and 8 mcg per cubic meter", or "saw a general decline of …
percent to …, respectively" after a serial comma and an opening "Meanwhile". Each value is of
its pollutant in order, the first list changes and the second levels. The cities of the
national network ("338 cities of prefecture-level or above") are the country's.

The texts are invented (our own sentences and numbers).
"""

from decimal import Decimal

from importer import pipeline

MONTH = (
    "Air quality report\n"
    "The ratio of days with good air was 81.5 percent in May 2031 for 338 cities of "
    "prefecture-level or above. Mean concentrations of PM10, PM2.5, O3 and SO2 showed "
    "respective decreases of 3.9, 4.1, 2.2 and 8 percent to 47, 25, 150 and 8 mcg per cubic "
    "meter.\n"
    "Meanwhile, from January through May 2031, mean concentrations of PM2.5, PM10, and "
    "NO2 saw a general decline of 2.6, 4.8 and 11.2 percent to 38, 66, 24 mcg per cubic meter "
    "respectively."
)


def _figures():
    return {(f.indicator, f.kind, f.value) for f in pipeline.read(MONTH).figures}


def test_respective_changes_then_the_levels_reached():
    figures = _figures()
    assert ("pm10", "change", Decimal("-3.9")) in figures
    assert ("so2", "change", Decimal("-8")) in figures
    assert ("o3", "level", Decimal("150")) in figures
    assert ("pm25", "level", Decimal("25")) in figures


def test_a_serial_comma_and_an_opening_word_are_no_items():
    figures = _figures()
    assert ("no2", "change", Decimal("-11.2")) in figures
    assert ("pm10", "level", Decimal("66")) in figures
    assert ("pm25", "level", Decimal("66")) not in figures


def test_the_national_networks_cities_are_the_country():
    document = pipeline.read(MONTH)
    ratio = next(f for f in document.figures if f.value == Decimal("81.5"))
    assert ratio.region is not None and ratio.region.name == "全国"


def test_a_serial_comma_before_respective_values():
    text = (
        "Air quality report\nIn September 2031, mean concentrations of PM10, PM2.5, and O3 "
        "showed respective rises of 2.0, 3.1 and 5.5 percent to 50, 30 and 160 mcg per cubic "
        "meter."
    )
    figures = {(f.indicator, f.kind, f.value) for f in pipeline.read(text).figures}
    assert ("pm25", "change", Decimal("3.1")) in figures
    assert ("o3", "level", Decimal("160")) in figures
