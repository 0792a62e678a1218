"""read() on English reports: "the number of cities … fell by 9": the unit said before the number.

English names what a bare number counts at the head of its clause ("the number of cities with
heavy pollution fell by 9 from a year earlier and by 31 from the average", "the number of
monitoring stations exceeding the standard rose to 17"); the number is of those things, not
of days said earlier in the sentence. The number of days keeps its days. Invented texts, in
the style of wire stories.
"""

from decimal import Decimal

from importer import pipeline


def of_value(document, value):
    return [(f.unit, f.kind) for f in document.figures if f.value == Decimal(value)]


def test_the_number_of_cities_fell_by():
    document = pipeline.read(
        "Fewer smoggy cities this winter\n\n"
        "BEIJING, Dec 20 (Xinhua) -- On the three days of the cold snap, the number of cities "
        "with heavy pollution fell by 9 from a year earlier and by 31 from the average of the "
        "past five years, the ministry said.\n"
    )
    assert of_value(document, "-9") == [("cities", "change")]
    assert of_value(document, "-31") == [("cities", "change")]


def test_the_number_of_stations_rose_to():
    document = pipeline.read(
        "Ozone rises in the south\n\n"
        "In Guangzhou, where readings of eight hours were taken, the number of monitoring "
        "stations exceeding the ozone standard rose to 17 in July.\n"
    )
    assert of_value(document, "17") == [("stations", "level")]


def test_the_number_of_days_keeps_its_days():
    # Near miss: days said as the thing counted stay days.
    document = pipeline.read(
        "Jinan air in 2023\n\n"
        "In 2023, the number of days with good air quality in Jinan was 214, up by 6.\n"
    )
    assert of_value(document, "214") == [("days", "level")]


def test_days_counted_before_their_month_and_heavy_days_said_to_be_none():
    document = pipeline.read(
        "Lanling air\n\nIn May 2031, the number of good air days in the county was 29 in May, "
        "and no heavy pollution days were recorded. No heavy pollution alerts were issued.\n"
    )
    found = [(str(f.value), f.unit, f.indicator) for f in document.figures if not f.derived]
    assert found == [("29", "days", "air-good-days"), ("0", "days", "heavy-pollution-days")]
