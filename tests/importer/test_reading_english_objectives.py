"""read() on English air-quality objectives written the way standards word them.

A limit value is stated with the averaging time it applies to ("40 µg/m3 as an annual mean")
and how often it may be passed ("not to be exceeded more than 35 times a year"): neither
number is a measurement, whichever line of a table it stands on. Nor is the share of valid
data a result needs ("valid data for at least 75% of the year"). A value a site recorded,
even one said with "as measured", stays a figure.

The reports are invented (made-up sites, our own sentences and numbers).
"""

import pytest

from importer import pipeline

HEADING = "Riverside site statistics 2031\n"
CASES = (
    # a limit by its averaging time
    "The objective for PM10 is 40 µg/m3 as an annual mean. In 2031 the annual mean "
    "concentration of PM10 at the site was 27 µg/m3.",
    # a limit with the times it may be passed, and the valid data a result needs
    "The nitrogen dioxide objective is 200 µg/m3 as a 1 hour mean, not to be exceeded more "
    "than 18 times a year. The annual mean concentration of NO2 was 27 µg/m3.\n"
    "Results are left out where the analyser returned valid data for at least 75% of the year.",
    # a table's objective on a line of its own, the site's value on the next
    "Pollutant\nObjective\nValue\nNitrogen Dioxide\n40 ug/m3 as an annual mean\n27\n"
    "The annual mean concentration of NO2 was 27 µg/m3.",
    # near miss: a value said "as measured" stays
    "The annual mean concentration of PM10 was 27 µg/m3 as measured at the roadside site.",
    # near miss: a value the site recorded, its averaging time said after it, stays
    "At the roadside site PM10 was 27 µg/m3 as an annual mean in 2031.",
    "Concentrations of PM10 averaged 27 µg/m3 as an annual average at the site.",
)


@pytest.mark.parametrize("body", CASES)
def test_only_the_measured_value_is_a_figure(body):
    document = pipeline.read(HEADING + body)
    assert [f"{f.value}{f.unit}" for f in document.figures if not f.derived] == ["27μg/m³"]
