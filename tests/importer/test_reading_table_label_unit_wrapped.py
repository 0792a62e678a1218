"""read() on a table copied one cell per line whose row label wraps its unit onto a line of
its own ("达标率" / "(%)").

A table laid with a row per measure (监测点次, 达标点次, 达标率(%)) and a column per zone class
and time of day ("1类区 昼间") is often copied with the label's unit on the next line. The two
lines are one label: the row is the compliance rate, so each cell is that zone class's daytime
or night-time compliance (noise-functional-compliance-day/-night), not a proposal named after
the bare unit. A unit line that opens a row of its own (a row labelled "(%)" alone after a
complete row) is not joined to the cell before it.

The tables are invented (the places are real divisions, the values are not).
"""

import pytest

from importer import pipeline

CLASSES = ("1类区", "2类区", "3类区")
TIMES = ("昼间", "夜间")
RATES = ("90.0", "75.0", "96.4", "88.9", "100", "93.3")


def _lines(unit_line, blank_lines):
    cells = [*CLASSES, *TIMES * len(CLASSES)]
    cells += ["监测点次", *("10", "8", "28", "27", "12", "15")]
    cells += ["达标点次", *("9", "6", "27", "24", "12", "14")]
    cells += ["达标率", unit_line, *RATES]
    joiner = "\n\n" if blank_lines else "\n"
    return joiner.join(cells)


@pytest.mark.parametrize("unit_line", ["(%)", "（%）", "%"])
@pytest.mark.parametrize("blank_lines", [False, True])
def test_each_cell_is_its_class_compliance_by_day_or_night(unit_line, blank_lines):
    text = (
        "2031年上半年云南省声环境质量状况\n"
        "上半年,全省城市各类功能区昼间点次达标率为94.1%,夜间点次达标率为86.0%。\n"
        "2031年上半年云南省各类功能区噪声点次达标情况表\n" + _lines(unit_line, blank_lines)
    )
    by_value = {}
    for figure in pipeline.read(text).figures:
        if str(figure.value) in RATES:
            by_value.setdefault(str(figure.value), []).append(figure.indicator)
    expected = {
        "90.0": "noise-functional-compliance-day",
        "75.0": "noise-functional-compliance-night",
        "96.4": "noise-functional-compliance-day",
        "88.9": "noise-functional-compliance-night",
        "100": "noise-functional-compliance-day",
        "93.3": "noise-functional-compliance-night",
    }
    for value, code in expected.items():
        assert by_value.get(value) == [code], (value, by_value)
