"""read() on English reports: counts of cases and complaints, the record's noun as the unit.

English enforcement and complaint reports count records by a noun that Chinese writes as a
measure word (件, 起): "1,842 environmental violation cases", "96 administrative detention
cases", "2,310 noise complaints". The words before the noun say which cases (what the count
measures); the unit is the noun itself. Things counted keep what kind they are ("54 drainage
outlets"). Invented texts, in the style of wire stories.
"""

from decimal import Decimal

from importer import pipeline


def one(document, value):
    found = [f for f in document.figures if f.value == Decimal(value) and not f.derived]
    assert len(found) == 1, (value, [(str(f.value), f.unit, f.quote) for f in document.figures])
    return found[0]


def test_cases_of_a_kind_are_counted_in_cases():
    document = pipeline.read(
        "Shaanxi steps up enforcement\n\n"
        "XI'AN, Aug 8 (Xinhua) -- Shaanxi province handled 1,842 environmental violation cases "
        "in the first half of 2023, and its police opened 96 administrative detention cases.\n"
    )
    violations = one(document, "1842")
    assert (violations.unit, violations.indicator) == ("cases", "enforcement-cases")
    assert one(document, "96").unit == "cases"


def test_complaints_of_a_kind_are_counted_in_complaints():
    document = pipeline.read(
        "Noise tops residents' concerns\n\n"
        "Environmental authorities in Chengdu received 2,310 noise complaints and 415 "
        "administrative reports from residents last year.\n"
    )
    assert one(document, "2310").unit == "complaints"
    assert one(document, "415").unit == "reports"


def test_things_counted_keep_their_kind():
    # Near miss: a drainage outlet is a kind of thing, not a record of one.
    document = pipeline.read(
        "River clean-up in Anhui\n\n"
        "Inspectors in Anhui province found 54 drainage outlets along the river in 2022.\n"
    )
    assert one(document, "54").unit == "drainage outlets"
