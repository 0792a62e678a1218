"""read() on invented tables pasted one cell per line whose last rows lost their empty cells.

A table flattened to one cell per line keeps no empty cell: the whole's row with no rank
("全市", its rank cell empty) and the standard's row under it (no index, no rank) come out
shorter than the rest. The whole's row is still read where its cells fit the columns one way
only, a number with a point going under the column whose numbers have one (the index, not the
rank); the standard's limits, which fit several ways, stay no figures.

The tables are invented (the places are real divisions, the values are not).
"""

import pytest

from importer import pipeline

HEADER = ("区县", "PM10(μg/m³)", "PM2.5(μg/m³)", "CO(mg/m³)", "优良天数比例", "综合指数", "排名")
ROWS = (
    ("莲湖区", "61", "38", "1.1", "83.3%", "4.12", "3"),
    ("雁塔区", "58", "35", "1.0", "86.7%", "3.95", "2"),
    ("长安区", "52", "31", "0.9", "90.0%", "3.61", "1"),
)
WHOLE = ("全市", "57", "35", "1.0", "86.7%", "3.89")  # no rank
LIMITS = ("二级标准", "70", "35", "4.0")


def _text(rows, blank=False):
    cells = [cell for row in (HEADER, *rows) for cell in row]
    lines = [line for cell in cells for line in ((cell, "") if blank else (cell,))]
    title, caption = "西安市2025年6月各区县环境空气质量", "表1 2025年6月各区县空气质量"
    return "\n".join([title, caption, *lines, "排名按综合指数由低到高排列。"])


def _whole(document):
    return {
        (f.indicator, str(f.value))
        for f in document.figures
        if f.region is not None and f.region.name == "西安市"
    }


@pytest.mark.parametrize("blank", [False, True], ids=["cell-per-line", "blank-lines"])
@pytest.mark.parametrize("limits", [False, True], ids=["whole-last", "limits-after"])
def test_the_wholes_row_without_its_rank(limits, blank):
    rows = (*ROWS, WHOLE, *([LIMITS] if limits else []))
    document = pipeline.read(_text(rows, blank))
    assert _whole(document) == {
        ("pm10", "57"),
        ("pm25", "35"),
        ("co", "1.0"),
        ("air-good-days-ratio", "86.7"),
        ("air-quality-composite-index", "3.89"),
    }
    # The limits are no figures.
    assert not {str(f.value) for f in document.figures} & {"70", "4.0"}


def test_a_short_row_that_fits_two_ways_stays_unread():
    # A near miss: the whole's row lost a concentration, not its rank: "35" may be PM10's or
    # PM2.5's, so none of the row is read under a column (a share left over is a proposal).
    whole = ("全市", "35", "1.0", "86.7%", "3.89", "2")
    document = pipeline.read(_text((*ROWS, whole, LIMITS)))
    assert {indicator for indicator, _value in _whole(document)} <= {None}
