"""read() on English reports: the share of day or night readings meeting the standard is the
compliance of noise functional zones, by day or by night.

English noise reports write 昼间/夜间达标率 as a share of readings (or monitoring points) that
met the standards, with the time of day beside it ("93.6 percent of the daytime measurements
complied with the standards", "at night, only 70.2 percent of readings met them"). A level in decibels
said by day stays the level. Invented texts, in the style of China Daily.
"""

from decimal import Decimal

from importer import pipeline


def indicator_of(document, value):
    return [f.indicator for f in document.figures if f.value == Decimal(value) and not f.derived]


def test_daytime_readings_that_met_the_standards():
    document = pipeline.read(
        "Cities grow quieter by day\n\n"
        "Among the 296 cities with functional-zone stations, 93.6 percent of the daytime "
        "measurements complied with the standards last year, the ministry said.\n"
    )
    assert indicator_of(document, "93.6") == ["noise-functional-compliance-day"]


def test_night_readings_meeting_the_standards():
    document = pipeline.read(
        "Nights stay loud in big cities\n\n"
        "Only 70.2 percent of night-time readings in the provincial capitals met the national "
        "standards, and in the east 66.9 percent of monitoring points met the standards at "
        "night.\n"
    )
    assert indicator_of(document, "70.2") == ["noise-functional-compliance-night"]
    assert indicator_of(document, "66.9") == ["noise-functional-compliance-night"]


def test_a_daytime_level_that_met_the_standards_stays_the_level():
    # Near miss: decibels by day are the level, not a share meeting the standards.
    document = pipeline.read(
        "Quiet days in Kunming\n\n"
        "The average noise level in Kunming was 53.8 decibels during the day, which met the "
        "national standards.\n"
    )
    assert indicator_of(document, "53.8") == ["noise-day"]
