"""read() on English reports: a share of days named by its own verb.

English writes the share of good days as the subject of a clause whose verb says what the days
were ("81.3% of the days saw good or excellent air quality", "of the days were rated good");
what the sentence says after that clause is another measure. A share of time whose own words
name nothing ("for 99.1% of the time in 2021,") is still named by the clause after it.
Invented texts, in the style of the English text of annual reports.
"""

from decimal import Decimal

from importer import pipeline


def one(document, value):
    found = [f for f in document.figures if f.value == Decimal(value) and not f.derived]
    assert len(found) == 1, (value, [(str(f.value), f.kind, f.quote) for f in document.figures])
    return found[0]


def test_days_that_saw_good_air_are_not_the_acid_rain_said_next():
    document = pipeline.read(
        "Report on the state of the environment\n\n"
        "In 171 cities at or above the prefecture level, 81.3% of the days in 2021 saw good or "
        "excellent air quality, and the average frequency of acid rain was 10.4%.\n"
    )
    assert one(document, "81.3").indicator == "air-good-days-ratio"
    assert one(document, "10.4").indicator == "acid-rain-frequency"


def test_days_that_were_good_are_not_the_acid_rain_said_next():
    document = pipeline.read(
        "Kunming keeps its blue skies\n\n"
        "In Kunming, 97.5 percent of the days were good or excellent in 2022, while acid rain "
        "fell with a frequency of 3.6 percent.\n"
    )
    assert one(document, "97.5").indicator == "air-good-days-ratio"


def test_a_share_of_time_naming_nothing_takes_the_clause_after():
    # Near miss: the share's own words stop at "of the time in 2021"; the measure follows.
    document = pipeline.read(
        "Lhasa air report\n\n"
        "For 99.1% of the time in 2021, monitors in Lhasa recorded excellent and good air "
        "quality.\n"
    )
    assert one(document, "99.1").indicator == "air-good-days-ratio"
