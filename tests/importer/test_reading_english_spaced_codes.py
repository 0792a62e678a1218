"""read() on English reports: a pollutant's code written with a space ("PM 2.5", "PM 10") is
a name, not a value of the list after it.

Wire copies often write the particles' codes apart ("PM 2.5 and PM 10 went up by 6.1 per
cent and 4.9 per cent, respectively"); the list still pairs each value with its item in
order. Invented texts, in the style of wire stories.
"""

from decimal import Decimal

from importer import pipeline


def indicator_of(document, value):
    return [f.indicator for f in document.figures if f.value == Decimal(value) and not f.derived]


def test_spaced_codes_listed_with_respectively():
    document = pipeline.read(
        "Air quality worsens in February\n\n"
        "Concentrations of PM 2.5 and PM 10 in Taiyuan increased 6.1 per cent and 4.9 per "
        "cent from a year earlier, respectively.\n"
    )
    assert indicator_of(document, "6.1") == ["pm25"]
    assert indicator_of(document, "4.9") == ["pm10"]


def test_spaced_codes_with_levels_and_changes_respectively():
    document = pipeline.read(
        "Air quality in Xi'an\n\n"
        "In 2023, PM 2.5 and PM 10 concentrations in Xi'an were 47 and 83 micrograms per cubic "
        "meter, down 4.1 percent and 2.3 percent respectively.\n"
    )
    assert indicator_of(document, "47") == ["pm25"]
    assert indicator_of(document, "83") == ["pm10"]
    assert indicator_of(document, "-2.3") == ["pm10"]


def test_a_value_that_reads_like_a_code_is_still_a_value():
    # Near miss: 10 not after "PM" is a value of the list.
    document = pipeline.read(
        "Air quality in Shaanxi\n\n"
        "In 2023, Xi'an and Baoji had 10 and 7 heavily polluted days, "
        "respectively.\n"
    )
    assert [f.value for f in document.figures if f.unit == "days"] == [Decimal("10"), Decimal("7")]
