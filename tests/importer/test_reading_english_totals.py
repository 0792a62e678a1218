"""read() on English reports: "a total of", "some", "about" before a number name no measure.

English puts words of quantity between a count and the amount that follows it ("fined 86
companies a total of 4.3 million yuan", "fined 41 enterprises some 2.7 million yuan"); like
共 and 累计 in Chinese they say how the number was reached, not what it measures, so the
amount keeps the verb of its clause (fined → fines). Words of their own between the two
("and collected … in sewage charges") make a measure of their own. Invented texts, in the style
of wire stories.
"""

from decimal import Decimal

from importer import pipeline


def indicator_of(document, value):
    return [f.indicator for f in document.figures if f.value == Decimal(value) and not f.derived]


def test_a_total_of_after_a_count_keeps_the_verb():
    document = pipeline.read(
        "Enforcement in Hubei\n\n"
        "WUHAN, Jan 12 (Xinhua) -- The provincial department fined 86 companies a total of "
        "4.3 million yuan in 2022.\n"
    )
    assert indicator_of(document, "4.3") == ["fines"]


def test_some_after_a_count_keeps_the_verb():
    document = pipeline.read(
        "Polluters punished in Fujian\n\n"
        "Environmental authorities in Fujian fined 41 enterprises some 2.7 million yuan last "
        "year for illegal discharges.\n"
    )
    assert indicator_of(document, "2.7") == ["fines"]


def test_words_of_their_own_between_make_another_measure():
    # Near miss: what was collected in charges is no fine.
    document = pipeline.read(
        "Charges in Fujian\n\n"
        "Environmental authorities in Fujian fined 41 enterprises, and collected a total of 5.1 "
        "million yuan in sewage charges last year.\n"
    )
    assert indicator_of(document, "5.1") != ["fines"]
