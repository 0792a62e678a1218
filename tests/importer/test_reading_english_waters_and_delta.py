"""read() on English reports that name the good waters and the delta as wires write them.

Good inshore waters named before their share, a change named as a noun with its measure after
"in" ("an increase of … in sections with good water quality"), and "the Yangtze-River Delta"
with its hyphen.

The report is invented (our own sentences and numbers).
"""

from decimal import Decimal

from importer import pipeline

TEXT = (
    "Environment ministry releases 2031 figures\n"
    "In 2031, good-air days in the Yangtze-River Delta made up 77.2 percent of all days, "
    "1.4 percentage points more than a year earlier. Along the coast, 81.3 percent of inshore "
    "waters of good quality were reported, up 2.2 percentage points on 2030. Rivers fared better too, "
    "with an increase of 1.9 percentage points in sections with good water quality."
)


def _read():
    return {f.value: f for f in pipeline.read(TEXT).figures if not f.derived}


def test_the_delta_with_its_hyphen():
    assert _read()[Decimal("77.2")].region.name == "长三角地区"


def test_good_waters_as_the_wire_words_them():
    read = _read()
    assert read[Decimal("81.3")].indicator == "coastal-good-water-ratio"
    assert read[Decimal("1.9")].indicator == "water-good-sections-ratio"


def test_a_change_after_a_level_keeps_deriving_the_year_before():
    document = pipeline.read(
        "Regional air quality\nThe PM2.5 concentration in the Beijing-Tianjin-Hebei region was 37 "
        "micrograms per cubic meter in 2031, a decrease of 5.1 percent in the region compared "
        "with 2030."
    )
    assert any(f.derived and f.indicator == "pm25" for f in document.figures)


def test_a_pollutant_after_in_names_the_change():
    document = pipeline.read(
        "City air in 2031\nMonitoring data released on March 5 show a decrease of 8.2 percent in "
        "fine particulate matter across the city compared with the year before."
    )
    change = next(f for f in document.figures if f.value == Decimal("-8.2"))
    assert change.indicator == "pm25"
