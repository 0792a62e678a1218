"""read() on invented English water reports naming the national network and Roman classes.

An English release writes the classes with the Roman numeral characters of the Chinese text
("Grade Ⅰ- Ⅲ") and calls the sections a province reports to the nation its "national
inspection sections": the share is the province's good-sections ratio, and "national" names
the network, not the country as the figure's place.

The texts are invented (the province is real, the sentences and values are not).
"""

from importer import pipeline

TEXT = (
    "Jiangxi Environmental Quality Report\n"
    "In the first half of 2031, a total of 210 surface water sections at provincial level "
    "and above were inspected in Jiangxi. One hundred and ninety sections were Grade Ⅰ- Ⅲ, "
    "accounting for 90.5% of all sections. Jiangxi's 40 national inspection sections had "
    "good water quality in 92.5% of cases."
)


def _figures():
    return {
        str(f.value): (f.indicator, f.region.name if f.region else None)
        for f in pipeline.read(TEXT).figures
    }


def test_roman_numeral_classes_name_the_good_sections():
    assert _figures()["90.5"] == ("water-good-sections-ratio", "江西省")


def test_national_inspection_sections_are_the_provinces():
    assert _figures()["92.5"][1] == "江西省"
