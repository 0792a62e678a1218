"""read() on English reports: a city located by its province ("Lanzhou in northwest China's
Gansu province", "Xuzhou, a city in east China's Jiangsu Province") is the figure's place.

Wire stories place a city for foreign readers by the part of China and the province it lies
in; the province only locates the city named just before it. A province that holds no city
named before it is the figure's place. Invented texts, in the style of wire stories.
"""

from decimal import Decimal

from importer import pipeline


def place_of(document, value):
    return [f.region.name for f in document.figures if f.value == Decimal(value) and not f.derived]


def test_a_city_in_a_part_of_china_s_province():
    document = pipeline.read(
        "Noise in provincial capitals\n\n"
        "Among the provincial capitals, Lanzhou in northwest China's Gansu province had the "
        "highest daytime reading with 57.2 decibels last year.\n"
    )
    assert place_of(document, "57.2") == ["兰州市"]


def test_a_city_said_to_be_a_city_in_a_part_of_china_s_province():
    document = pipeline.read(
        "Cleaner air in Jiangsu cities\n\n"
        "Xuzhou, a city in east China's Jiangsu Province, reported a PM2.5 density of 41 "
        "micrograms per cubic meter in 2022.\n"
    )
    assert place_of(document, "41") == ["徐州市"]


def test_a_province_holding_no_city_named_before_is_the_place():
    # Near miss: Anhui holds no Xuzhou; the second value is the province's.
    document = pipeline.read(
        "Air in two provinces\n\n"
        "Xuzhou reported a PM2.5 density of 41 micrograms per cubic meter in 2022, while east "
        "China's Anhui province reported 38 micrograms per cubic meter.\n"
    )
    assert place_of(document, "38") == ["安徽省"]
