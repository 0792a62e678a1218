"""read() on an invented drinking-water source table copied a cell a line, with a column of
the standard's bounds between the parameters and their measured values.

A county's monthly note lists each parameter with its unit in brackets, the standard's limit
("≥5", "≤1.0", a range "6~9" for pH) and the value measured at its one source, whose name may
stand under a heading of its own ("水源地名称" over "东湖取水口"). The bounds and ranges hold a
column of numbers, so the rows are put back; they are no figures, and the measured values are.

The texts are invented (the values are not a real source's).
"""

from decimal import Decimal

from importer import pipeline


def _table(*header):
    rows = [
        ("pH值(无量纲)", "6~9", "7.6"),
        ("溶解氧(mg/L)", "≥5", "8.1"),
        ("氨氮(mg/L)", "≤1.0", "0.31"),
        ("总磷(mg/L)", "≤0.05", "0.02"),
    ]
    cells = [*header, *(cell for row in rows for cell in row)]
    return "2030年3月甲县饮用水源地水质监测数据\n\n" + "\n\n".join(cells) + "\n"


def _values(text):
    return sorted((f.value, f.unit) for f in pipeline.read(text).figures)


MEASURED = sorted(
    [
        (Decimal("7.6"), ""),
        (Decimal("8.1"), "mg/L"),
        (Decimal("0.31"), "mg/L"),
        (Decimal("0.02"), "mg/L"),
    ]
)


def test_the_measured_values_are_read_and_the_standards_are_not():
    assert _values(_table("监测项目", "标准值", "监测值")) == MEASURED


def test_a_source_named_under_its_heading_names_the_column_of_values():
    assert _values(_table("监测项目", "标准值", "水源地名称", "东湖取水口")) == MEASURED
