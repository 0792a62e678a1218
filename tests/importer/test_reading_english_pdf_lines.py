"""read() on English copied from a PDF: every line broken mid-sentence, and a formula's
subscript on a line of its own ("SO" / "2" / "emission").

The lines of such a text are joined where a sentence goes on (the next line opens with a small
letter, a digit or a formula), each break a space, so that a number and its unit and the
measure before them are read together. Chinese text and English whose lines end their
sentences are left as they are.

The report is invented (our own sentences and numbers).
"""

from decimal import Decimal

from importer import pipeline

LINES = [
    "Pollutant Discharge in 2031",
    "In 2031, the national discharge of chemical oxygen",
    "demand came to 11.402",
    "million t, a fall of 3.17% from the previous year. National",
    "SO",
    "2",
    "emission stood at 19.866 million t, down by",
    "4.08% on the previous year. Both figures kept falling",
    "for the fifth year running, as the plan for the period",
    "had set out, and the ministry said the schedule was met",
    "in every province that reported its figures on time.",
]
TEXT = "\n".join(LINES)


def test_the_broken_sentences_are_read_whole():
    document = pipeline.read(TEXT)
    by_value = {f.value: f for f in document.figures if not f.derived}
    assert by_value[Decimal("19.866")].unit.startswith("million")
    assert by_value[Decimal("-4.08")].kind == "change"
    assert "SO2" in by_value[Decimal("19.866")].quote
    assert any("English" in removed.reason for removed in document.removed)


def test_lines_that_end_their_sentences_stay():
    text = "\n".join(f"Line {n} of a list ends here." for n in range(12))
    repaired, _ = pipeline.numbers.repair(text)
    assert repaired == text


def test_a_table_of_rows_and_numbered_headings_stay_apart():
    # Rows of a table, headings and short list lines end no sentence either; they are not
    # a page's column and are never joined.
    text = "\n".join(
        [
            "Air quality in the city improved across the whole of the year 2031, the",
            "bureau said in its annual report, which the city published in March this year.",
            "Pollutant Level Change on 2030",
            "PM2.5 (μg/m3) 29 -6.5%",
            "PM10 (μg/m3) 51 -3.8%",
            "SO2 (μg/m3) 7 -12.5%",
            "NO2 (μg/m3) 22 -8.3%",
            "1. Water quality",
            "the share of good sections in the city came to 91.6 percent in the year",
            "2. Noise",
            "SO2 emissions fell 4.1%",
            "NOx emissions fell 3.7%",
        ]
    )
    repaired, _ = pipeline.numbers.repair(text)
    assert repaired == text
    values = {f.value for f in pipeline.read(text).figures}
    assert {Decimal("29"), Decimal("51"), Decimal("7"), Decimal("22")} <= values
