"""read() on English reports written for these tests: habits of China Daily, Xinhua and
ministry releases that the first English rules missed. Invented texts, in their style.
"""

from decimal import Decimal

from importer import pipeline


def figures_of(document, value):
    return [f for f in document.figures if f.value == Decimal(value) and not f.derived]


def one(document, value):
    found = figures_of(document, value)
    assert len(found) == 1, (value, [(str(f.value), f.kind, f.quote) for f in document.figures])
    return found[0]


def test_a_second_change_joined_by_and_keeps_the_measure_and_direction():
    document = pipeline.read(
        "Harbin reports cleaner air\n\n"
        "The PM10 reading stood at 71 micrograms per cubic meter in 2021, down 8.2 percent "
        "year on year and 24.5 percent from the 2015 level. The average NO2 concentration was "
        "30 micrograms per cubic meter, up 3.1 percent and 1.8 percent compared with 2019.\n"
    )
    second = one(document, "-24.5")
    assert (second.kind, second.indicator, second.unit) == ("change", "pm10", "%")
    assert (one(document, "1.8").kind, one(document, "1.8").indicator) == ("change", "no2")
    assert not figures_of(document, "24.5")


def test_a_number_after_and_with_words_of_its_own_is_not_a_second_change():
    document = pipeline.read(
        "Harbin reports cleaner air\n\n"
        "The PM10 reading fell 8.2 percent in 2021, and forest coverage reached 46.5 percent.\n"
    )
    forest = one(document, "46.5")
    assert (forest.kind, forest.indicator) == ("level", "forest-cover")


def test_a_sentence_the_page_repeats_word_for_word_is_read_once():
    said = (
        "From January to September, the share of days with good air quality in Hunan was "
        "88.6%, up 1.4 percentage points year-on-year."
    )
    document = pipeline.read(
        "Hunan air improves\n\n"
        f"Changsha, Oct 12 -- {said} The PM2.5 concentration was 31 μg/m3.\n\n"
        "Share of days with good air quality, January to September\n\n"
        f"{said}\n"
    )
    ratio = one(document, "88.6")
    assert ratio.indicator == "air-good-days-ratio"
    assert one(document, "1.4").kind == "change"


def test_two_places_of_one_sentence_with_one_value_are_two_figures():
    document = pipeline.read(
        "Two cities see more blue skies\n\n"
        "In 2024, the share of days with good air quality reached 90.2 percent in Zhuhai "
        "and 90.2 percent in Huizhou.\n"
    )
    assert {f.region.name for f in figures_of(document, "90.2")} == {"珠海市", "惠州市"}
