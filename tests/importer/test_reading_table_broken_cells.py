"""read() on invented tables whose copy broke cells over two lines.

A header cell holding a name and its unit ("PM10(μg/m³)") often comes out of a word processor
or a PDF with a line break before the unit. Between bars, the row then runs over several lines
("| 区县 | PM10", "(μg/m³) | SO2", "(μg/m³) |"), and a turned table's row label the same ("|
PM10", "(μg/m³) | 41 | 38 |"): such a row is one row. Aligned with spaces, the header runs
over several lines ("区县    PM10", "(μg/m³)  SO2", "(mg/m³)"), or a turned table's row goes
on under its label ("SO2" over "(μg/m³)      6     11"): a line opening with a bracketed
unit continues the line before it. Each cell is whole again, the table read as if the break
were not there. A line opening with a bar that no row's rest follows stays apart, and so does
a caption's line of units ("(单位：μg/m³)").

The tables are invented (the places and the values alike).
"""

from decimal import Decimal

from importer import pipeline


def _read(*lines):
    return pipeline.read("\n".join(lines))


def _cells(document):
    """(county, indicator, value, unit) of each figure read."""
    return {
        (f.region.name if f.region else "", f.indicator, f.value, f.unit_code)
        for f in document.figures
        if not f.derived
    }


OPENING = (
    "溪源市2024年环境空气质量状况",
    "",
    "2024年，溪源市环境空气质量保持稳定，各县区浓度见表1。",
    "",
    "表1 2024年溪源市各县区主要污染物浓度",
)
EXPECTED = {
    ("棠汀县", "pm10", Decimal("48"), "ug/m3"),
    ("棠汀县", "so2", Decimal("6"), "ug/m3"),
    ("棠汀县", "co", Decimal("0.9"), "mg/m3"),
    ("柏滩区", "pm10", Decimal("55"), "ug/m3"),
    ("柏滩区", "so2", Decimal("11"), "ug/m3"),
    ("柏滩区", "co", Decimal("1.2"), "mg/m3"),
}


def test_header_cells_broken_before_their_units():
    document = _read(
        *OPENING,
        "| 县(市、区) | PM10",
        "(μg/m³) | SO2",
        "(μg/m³) | CO",
        "(mg/m³) |",
        "|---|---|---|---|",
        "| 棠汀县 | 48 | 6 | 0.9 |",
        "| 柏滩区 | 55 | 11 | 1.2 |",
    )
    assert _cells(document) >= EXPECTED


def test_row_labels_broken_before_their_units_in_a_turned_table():
    document = _read(
        *OPENING,
        "| 项目 | 棠汀县 | 柏滩区 |",
        "|---|---|---|",
        "| PM10",
        "(μg/m³) | 48 | 55 |",
        "| SO2",
        "(μg/m³) | 6 | 11 |",
        "| CO",
        "(mg/m³) | 0.9 | 1.2 |",
    )
    assert _cells(document) >= EXPECTED


def test_a_bar_line_followed_by_prose_stays_apart():
    # A near miss: a line opening with a bar, then a sentence that closes with one: no cell's
    # rest, so no row of the table above; the table's rows are read as before.
    document = _read(
        *OPENING,
        "| 县(市、区) | PM10(μg/m³) | SO2(μg/m³) | CO(mg/m³) |",
        "|---|---|---|---|",
        "| 棠汀县 | 48 | 6 | 0.9 |",
        "| 柏滩区 | 55 | 11 | 1.2 |",
        "| 注",
        "各县区数据均为年均值，一氧化碳为第95百分位数，单位见表头 |",
    )
    assert _cells(document) >= EXPECTED


def test_spaced_header_cells_broken_before_their_units():
    document = _read(
        *OPENING,
        "县(市、区)    PM10",
        "(μg/m³)  SO2",
        "(μg/m³)  CO",
        "(mg/m³)",
        "棠汀县        48       6      0.9",
        "柏滩区        55      11      1.2",
    )
    assert _cells(document) >= EXPECTED


def test_spaced_row_labels_broken_before_their_units_in_a_turned_table():
    document = _read(
        *OPENING,
        "项目        棠汀县  柏滩区",
        "PM10",
        "(μg/m³)         48      55",
        "SO2",
        "(μg/m³)          6      11",
        "CO",
        "(mg/m³)        0.9     1.2",
    )
    assert _cells(document) >= EXPECTED


def test_a_captions_line_of_units_stays_the_captions():
    # A near miss: the line under the caption opens with a bracketed unit, but states the
    # table's units (单位：…) and is no header cell's rest: the table reads as before.
    document = _read(
        *OPENING[:-1],
        "表1 2024年溪源市各县区可吸入颗粒物与二氧化硫浓度",
        "(单位：μg/m³)",
        "县区        PM10    SO2",
        "棠汀县        48       6",
        "柏滩区        55      11",
    )
    assert _cells(document) >= {cell for cell in EXPECTED if cell[1] != "co"}
